// Durability of intake: the real server as a child process, killed with SIGKILL while batches
// stream in. Every batch it acknowledged (2xx) must be there after a restart, exactly once,
// and re-sending every batch (as an SDK retries) must not count anything twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/connect.ts';
import { isAlive } from '../../../src/db/embedded.ts';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import { createWriteKey } from '../../../src/modules/intake/segment/index.ts';
import { basicAuth } from './support.ts';

const main = path.resolve('src/main.ts');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steward-intake-durability-'));
const running: ChildProcess[] = [];

async function postmasterPid(): Promise<number | undefined> {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  return Number.parseInt((await readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
}

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

type Server = { child: ChildProcess; url: string; exited: Promise<void> };

async function startSteward(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [main, 'start'], {
    env: {
      ...process.env,
      // The embedded server's own durability, even when the suite runs on an external one.
      DATABASE_URL: '',
      STEWARD_DATA_DIR: dataDir,
      STEWARD_DEMO: 'off',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Polls readiness of the real process; no fixed sleeps.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`steward exited early:\n${output}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, url, exited };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The running instance's database, through the address it leaves in its data directory. */
async function database() {
  const url = (await readFile(path.join(dataDir, 'postgres-url'), 'utf8')).trim();
  return connect(url, { max: 2 });
}

type Batch = { ids: string[]; body: string };

function makeBatch(groupId: string, size: number): Batch {
  const at = new Date().toISOString();
  const batch = Array.from({ length: size }, (_, i) => ({
    type: 'track',
    userId: `user-${i % 10}`,
    event: `Feature ${i % 5} Used`,
    timestamp: at,
    messageId: randomUUID(),
    context: { groupId },
  }));
  return { ids: batch.map((m) => m.messageId), body: JSON.stringify({ batch }) };
}

async function send(url: string, writeKey: string, batch: Batch): Promise<boolean> {
  try {
    const response = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuth(writeKey) },
      body: batch.body,
    });
    return response.status >= 200 && response.status < 300;
  } catch {
    return false; // The connection broke: not acknowledged.
  }
}

describe('intake durability', () => {
  it(
    'keeps every acknowledged event exactly once across a SIGKILL',
    { timeout: 180_000 },
    async () => {
      let server = await startSteward();
      let connection = await database();
      const workspace = await connection.db
        .insertInto('workspaces')
        .values({ name: 'Durability', slug: `durability-${randomUUID().slice(0, 8)}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      const workspaceId = workspace.id as WorkspaceId;
      const { key } = await createWriteKey(
        connection.db,
        { workspaceId, userId: null },
        {
          name: 'Durability',
        },
      );
      await connection.db
        .insertInto('accounts')
        .values({
          workspace_id: workspaceId,
          name: 'Kept Co',
          external_id: 'kept',
          custom_fields: '{}',
        })
        .execute();
      await connection.close();

      // Four senders stream batches; the server is killed once 40 batches were acknowledged.
      const batches: Batch[] = [];
      const acknowledged: Batch[] = [];
      let killed = false;
      const sender = async () => {
        while (!killed) {
          const batch = makeBatch('kept', 100);
          batches.push(batch);
          if (await send(server.url, key, batch)) acknowledged.push(batch);
          else if (killed) return;
          if (!killed && acknowledged.length >= 40) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all([sender(), sender(), sender(), sender()]);
      await server.exited;
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);

      server = await startSteward();
      connection = await database();
      const countOf = async (ids: string[]) => {
        const rows = await connection.db
          .selectFrom('usage_events')
          .select(['message_id'])
          .where('workspace_id', '=', workspaceId)
          .where('message_id', 'in', ids)
          .execute();
        return { rows: rows.length, distinct: new Set(rows.map((r) => r.message_id)).size };
      };
      const ackedIds = acknowledged.flatMap((b) => b.ids);
      expect(await countOf(ackedIds)).toEqual({ rows: ackedIds.length, distinct: ackedIds.length });

      // Senders retry whatever was not acknowledged (and some that were): each event once.
      for (const batch of batches) expect(await send(server.url, key, batch)).toBe(true);
      const allIds = batches.flatMap((b) => b.ids);
      expect(await countOf(allIds)).toEqual({ rows: allIds.length, distinct: allIds.length });
      const rolled = await connection.db
        .selectFrom('usage_days')
        .select((eb) => eb.fn.sum<number>('events').as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      expect(Number(rolled.n)).toBe(allIds.length);
      await connection.close();

      server.child.kill('SIGTERM');
      await server.exited;
    },
  );
});
