// Steward as a newcomer runs it: `steward start` on the embedded database, as real processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/db/embedded.ts';

const main = path.resolve('src/main.ts');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steward-lifecycle-'));
const running: ChildProcess[] = [];

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  const pid = await postmasterPid();
  if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  await rm(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function steward(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [main, ...args], {
    env: {
      ...process.env,
      STEWARD_DATA_DIR: dataDir,
      STEWARD_DEMO: 'off',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

/** Polls readiness of a real process; no fixed sleeps. */
async function ready(url: string, run: Run): Promise<void> {
  for (;;) {
    if (run.child.exitCode !== null) throw new Error(`steward exited early:\n${run.output()}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function postmasterPid(): Promise<number | undefined> {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  return Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
}

async function start(): Promise<{ run: Run; url: string }> {
  const port = await freePort();
  const run = steward(['start'], { PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  await ready(url, run);
  return { run, url };
}

describe('steward start on the embedded database', () => {
  it('starts, refuses a second instance on the same data directory, and joins it for one-shot commands', async () => {
    const { run, url } = await start();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const second = steward(['start'], { PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Another Steward (pid ${run.child.pid}) is already running`);

    const create = steward(
      [
        'user',
        'create',
        '--email',
        'ops@example.test',
        '--name',
        'Ops Person',
        '--role',
        'admin',
        '--workspace',
        'acme',
      ],
      {
        STEWARD_PASSWORD: 'a long enough password',
      },
    );
    expect(await create.exited).toBe(0);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.test', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'steward.pid'))).toBe(false);
    expect(await postmasterPid()).toBeUndefined();
  });

  it('recovers after being killed with SIGKILL, with its data intact', async () => {
    const { run } = await start();
    const orphan = await postmasterPid();
    run.child.kill('SIGKILL');
    await run.exited;
    expect(orphan && isAlive(orphan)).toBe(true);

    const { run: again, url } = await start();
    expect(orphan && isAlive(orphan)).toBe(false);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.test', password: 'a long enough password' }),
    });
    expect(login.status).toBe(200);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });
});
