// `steward start` as an operator runs it, in a child process against one PostgreSQL database
// (DATABASE_URL): for the tests of shutdown, several processes and recovery after SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export type StewardProcess = {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` for roles `all` and `web`. */
  url: string;
  port: number;
  /** Everything it wrote so far (JSON log lines and the banner). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once it exited. */
  exited: Promise<number | string>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `steward start --role <role>` and waits until it says it is ready. */
export async function startStewardProcess(options: {
  databaseUrl: string;
  role: 'all' | 'web' | 'worker';
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<StewardProcess> {
  const port = options.port ?? (await freePort());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steward-proc-'));
  const child = spawn(process.execPath, ['src/main.ts', 'start', '--role', options.role], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      STEWARD_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      STEWARD_DEMO: 'off',
      LOG_LEVEL: 'info',
      STEWARD_WORKER_CONCURRENCY: '2',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = performance.now() + (options.timeoutMs ?? 60_000);
  while (!output.includes('Steward is ready')) {
    if (gone) throw new Error(`steward start --role ${options.role} exited:\n${output}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`steward start --role ${options.role} was not ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { child, url: `http://127.0.0.1:${port}`, port, output: () => output, exited };
}
