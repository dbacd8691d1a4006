// The load generator, run as a child process so that it does not share the measured
// server's event loop: `node bench/load.ts '<json options>'` prints one JSON result line.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { percentile } from './support.ts';

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
};

export type Load = { p50: number; p95: number; p99: number; rps: number; failed: number };

/** `connections` clients hitting `url` for `seconds`, from a separate process. */
export async function load(options: LoadOptions): Promise<Load> {
  const child = spawn(process.execPath, [import.meta.filename, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(output) as Load;
}

async function generateLoad(options: LoadOptions): Promise<Load> {
  // Latency of every response, for exact percentiles (autocannon reports no p95).
  const samples: number[] = [];
  let failed = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
  }).on('response', (_client, status, _bytes, latency) => {
    samples.push(latency);
    if (status !== 200) failed++;
  });
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    rps: samples.length / options.seconds,
    failed: failed + result.errors + result.timeouts,
  };
}

if (import.meta.main) {
  const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
  process.stdout.write(`${JSON.stringify(await generateLoad(options))}\n`);
}
