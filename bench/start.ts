// Start-up benchmark: `steward start` as a person runs it, in a child process with a fresh
// data directory — cluster creation, migrations and the demo seed until /readyz answers 200 —
// then a warm start on the same directory (target ≤ 3 s). Baselines: a bare `node -e ""`,
// and the embedded PostgreSQL server's own initdb + start (cold) and start (warm).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createLogger } from '../src/lib/logger.ts';
import { freePort, ms, percentile, seconds, timed, type BenchResult } from './support.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const readyTimeoutMs = 120_000;

type Start = {
  readyMs: number;
  /**
   * Of `readyMs`, what `startSteward` took (its "Steward is ready" log line): opening the
   * database, migrations, the demo seed on a first start, the worker, listening. The rest is
   * Node starting and loading Steward's modules.
   */
  startupMs: number | null;
  peakRssMb: number | null;
  stopMs: number;
  /** The start-up banner named the demo sign-ins: the demo workspace exists. */
  demo: boolean;
};

/** Peak resident memory of a process so far (Linux: VmHWM), in MiB. */
async function peakRss(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Starts Steward on `dataDir`, waits until it is ready, measures, and stops it with SIGTERM. */
async function startAndStop(dataDir: string): Promise<Start> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STEWARD_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    // Info, for the start-up's own time in its "Steward is ready" line.
    LOG_LEVEL: 'info',
    STEWARD_DEMO: 'auto',
  };
  // The embedded server is what is measured: never a DATABASE_URL from the caller's shell.
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['src/main.ts', 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));

  try {
    for (;;) {
      if (exited) throw new Error(`steward start exited before it was ready:\n${output}`);
      if (performance.now() - started > readyTimeoutMs)
        throw new Error(`steward start was not ready within ${readyTimeoutMs} ms:\n${output}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const readyMs = performance.now() - started;
  // The banner naming the demo sign-ins follows readiness by a moment: wait for it (a few
  // seconds at most) so that the check below does not race it.
  for (let waited = 0; !output.includes('Demo sign-in') && !exited && waited < 5000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const startupMs = Number(/"startMs":(\d+)/.exec(output)?.[1] ?? Number.NaN);
  const peakRssMb = child.pid ? await peakRss(child.pid) : null;
  const stopping = performance.now();
  child.kill('SIGTERM');
  if (!exited) await once(child, 'exit');
  const stopMs = performance.now() - stopping;
  return {
    readyMs,
    startupMs: Number.isNaN(startupMs) ? null : startupMs,
    peakRssMb,
    stopMs,
    demo: output.includes('Demo sign-in'),
  };
}

/** Median time of a Node process running `args` (from the repository) to its exit. */
async function nodeRun(args: string[], runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms } = await timed(async () => {
      const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'ignore' });
      await once(child, 'exit');
    });
    samples.push(ms);
  }
  return percentile(samples, 50);
}

const nodeStartup = () => nodeRun(['-e', ''], 5);
/** Node loading everything `steward start` imports, and nothing else. */
const moduleLoading = () =>
  nodeRun(['--input-type=module', '-e', "await import('./src/start.ts')"], 3);

/** The embedded server alone: initdb + start + create database, then a start on that cluster. */
async function embeddedPostgres(): Promise<{ coldMs: number; warmMs: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steward-bench-pg-'));
  const options = { dataDir, database: 'steward', logger: createLogger('warn') };
  try {
    const cold = await timed(() => startEmbeddedPostgres(options));
    await cold.value.stop();
    const warm = await timed(() => startEmbeddedPostgres(options));
    await warm.value.stop();
    return { coldMs: cold.ms, warmMs: warm.ms };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function startBenchmark(): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steward-bench-start-'));
  try {
    const cold = await startAndStop(dataDir);
    if (!cold.demo) throw new Error('the first start did not seed the demo workspace');
    const warm = await startAndStop(dataDir);
    const node = await nodeStartup();
    const modules = await moduleLoading();
    const postgres = await embeddedPostgres();
    const split = (s: Start) =>
      s.startupMs === null
        ? ''
        : ` (Node and loading modules ${seconds(s.readyMs - s.startupMs)}, start-up ${seconds(s.startupMs)})`;
    const rss = (s: Start) =>
      s.peakRssMb === null ? 'peak RSS n/a' : `peak RSS ${s.peakRssMb.toFixed(0)} MiB (Node only)`;
    return [
      {
        name: 'cold first start: new cluster, migrations, demo seed → /readyz 200',
        figure: `${seconds(cold.readyMs)}${split(cold)}, ${rss(cold)}, SIGTERM → exit ${seconds(cold.stopMs)}`,
        target: '≤ 20 s',
        holds: cold.readyMs <= 20_000,
        baseline: `embedded PostgreSQL initdb + start ${seconds(postgres.coldMs)}; node -e "" ${ms(node)}`,
      },
      {
        name: 'warm start on the same data directory',
        figure: `${seconds(warm.readyMs)}${split(warm)}, ${rss(warm)}, SIGTERM → exit ${seconds(warm.stopMs)}`,
        target: '≤ 3 s',
        holds: warm.readyMs <= 3000,
        baseline: `embedded PostgreSQL start alone ${seconds(postgres.warmMs)}; node loading src/start.ts's modules and exiting ${seconds(modules)}; node -e "" ${ms(node)}`,
      },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  for (const result of await startBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
