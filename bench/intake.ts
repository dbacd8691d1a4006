// Intake benchmark: sustained Segment /v1/batch intake over HTTP on 127.0.0.1 into the real
// server (`steward start --role web` as a child process, so its peak RSS is its own),
// target ≥ 20,000 events/s on two cores. Baseline, same run, same table: the raw write
// ceiling — a `COPY … FROM STDIN` of the same rows into usage_events through pg's own client,
// without parsing, dedup, account lookup or rollups; the intake is reported as a share of it.
// `STEWARD_BENCH_INTAKE_EVENTS` sets how many events go through (default 5 million).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import type { Db } from '../src/db/connect.ts';
import type { WorkspaceId } from '../src/lib/ids.ts';
import { createWriteKey, ensurePartitions } from '../src/modules/intake/segment/index.ts';
import { benchDatabase, ms, percentile, type BenchResult } from './support.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const totalEvents = Number(process.env.STEWARD_BENCH_INTAKE_EVENTS ?? 5_000_000);
const batchSize = 500;
const concurrency = 6;
const accounts = 1_000;
const usersPerAccount = 20;
const features = 12;
const spreadDays = 3;
const baselineRows = Math.min(totalEvents, 1_000_000);
const baselineChunk = 10_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Peak resident memory of a process so far (Linux: VmHWM), in MiB. */
async function peakRssMb(pid: number): Promise<number | null> {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Event `seq` of the run, shaped like live product traffic: sessions of 10 events by one
 * user touching a few features, the run replaying `spreadDays` days in time order (a live
 * stream's batch falls within minutes, not across a month).
 */
function eventFields(seq: number, now: number) {
  const session = Math.floor(seq / 10);
  const account = session % accounts;
  const user = Math.floor(session / accounts) % usersPerAccount;
  const feature = (session + Math.floor(seq / 3)) % features;
  const day = spreadDays - 1 - Math.floor((seq / totalEvents) * spreadDays);
  const at = new Date(now - day * 86_400_000 - (seq % 3600) * 1000);
  return { account, user, feature, at };
}

function batchBody(first: number, runId: string, now: number): string {
  const parts = new Array<string>(batchSize);
  for (let i = 0; i < batchSize; i++) {
    const seq = first + i;
    const e = eventFields(seq, now);
    parts[i] =
      `{"type":"track","userId":"u${e.account}-${e.user}","event":"Feature ${e.feature} Used",` +
      `"timestamp":"${e.at.toISOString()}","messageId":"${runId}-${seq}",` +
      `"context":{"groupId":"acct-${e.account}"},"properties":{"plan":"pro","seq":${seq}}}`;
  }
  return `{"batch":[${parts.join(',')}]}`;
}

async function seed(db: Db) {
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: 'Intake bench', slug: `intake-${randomUUID().slice(0, 8)}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workspaceId = workspace.id as WorkspaceId;
  await sql`insert into accounts (workspace_id, name, external_id, seats)
    select ${workspaceId}::uuid, 'Account ' || g, 'acct-' || g, 50
    from generate_series(0, ${accounts - 1}) g`.execute(db);
  const { key } = await createWriteKey(db, { workspaceId, userId: null }, { name: 'Bench' });
  return { workspaceId, key };
}

async function startServer(databaseUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, 'src/main.ts'), 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      STEWARD_ROLE: 'web',
      STEWARD_DEMO: 'off',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${stderr}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** `concurrency` senders post batches until `totalEvents` went through; all must answer 200. */
async function streamBatches(url: string, key: string, runId: string) {
  const authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  const now = Date.now();
  const batches = Math.ceil(totalEvents / batchSize);
  const latencies: number[] = [];
  let next = 0;
  const sender = async () => {
    for (let b = next++; b < batches; b = next++) {
      const body = batchBody(b * batchSize, runId, now);
      const started = performance.now();
      const response = await fetch(`${url}/v1/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body,
      });
      if (response.status !== 200) {
        throw new Error(`batch ${b}: ${response.status} ${await response.text()}`);
      }
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, sender));
  return { ms: performance.now() - started, events: batches * batchSize, latencies };
}

type CopyConnection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
};

/**
 * `COPY … FROM STDIN` through pg's client, which runs any query object with a `submit`
 * method (the protocol pg-copy-streams implements; that package is not installed here).
 */
function copyFrom(client: PoolClient, text: string, chunks: Iterable<string>): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const copy = {
      submit: (connection: CopyConnection) => connection.query(text),
      handleCopyInResponse: (connection: CopyConnection) => {
        for (const chunk of chunks) connection.sendCopyFromChunk(Buffer.from(chunk));
        connection.endCopyFrom();
      },
      handleError: (error: Error) => {
        failed = true;
        reject(error);
      },
      handleReadyForQuery: () => {
        if (!failed) resolve();
      },
      handleCommandComplete: () => undefined,
      handleRowDescription: () => undefined,
      handleDataRow: () => undefined,
      handleEmptyQuery: () => undefined,
    };
    void client.query(copy as unknown as string);
  });
}

/** The raw write ceiling: the same rows, COPYed straight into usage_events, no rollups. */
async function copyBaseline(pool: Pool) {
  const workspaceId = randomUUID();
  const runId = randomUUID();
  const now = Date.now();
  const receivedAt = new Date(now).toISOString();
  function* chunks() {
    for (let first = 0; first < baselineRows; first += baselineChunk) {
      const lines = new Array<string>(baselineChunk);
      for (let i = 0; i < baselineChunk; i++) {
        const seq = first + i;
        const e = eventFields(seq, now);
        lines[i] =
          `${workspaceId}\t${runId}-${seq}\t${e.at.toISOString()}\t${receivedAt}\ttrack\t` +
          `Feature ${e.feature} Used\tFeature ${e.feature} Used\tu${e.account}-${e.user}\t` +
          `{"plan":"pro","seq":${seq}}\n`;
      }
      yield lines.join('');
    }
  }
  const client = await pool.connect();
  try {
    const started = performance.now();
    await copyFrom(
      client,
      `copy usage_events (workspace_id, message_id, occurred_at, received_at, type, event,
        feature_key, user_id, properties) from stdin`,
      chunks(),
    );
    return { ms: performance.now() - started, rows: baselineRows };
  } finally {
    client.release();
  }
}

const perSecond = (n: number, elapsedMs: number) =>
  `${Math.round(n / (elapsedMs / 1000)).toLocaleString('en-US')} events/s`;

export async function intakeBenchmark(): Promise<BenchResult[]> {
  const { deps, pool, stop } = await benchDatabase();
  const databaseUrl = deps.config.databaseUrl;
  if (!databaseUrl) throw new Error('the bench database has no URL');
  try {
    const { workspaceId, key } = await seed(deps.db);
    // Both runs write to the same months' partitions; make them before either is timed.
    const now = Date.now();
    await ensurePartitions(deps.db, [new Date(now), new Date(now - spreadDays * 86_400_000)]);
    const baseline = await copyBaseline(pool);
    const server = await startServer(databaseUrl);
    let run: Awaited<ReturnType<typeof streamBatches>>;
    let rss: number | null;
    try {
      run = await streamBatches(server.url, key, randomUUID());
      rss = await peakRssMb(server.pid);
    } finally {
      await server.stop();
    }
    const stored = await deps.db
      .selectFrom('usage_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    const rolled = await deps.db
      .selectFrom('usage_daily')
      .select((eb) => eb.fn.sum<number>('events').as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== run.events || Number(rolled.n) !== run.events) {
      throw new Error(`sent ${run.events}, stored ${stored.n}, rolled up ${rolled.n}`);
    }
    return [
      {
        name: `Segment /v1/batch intake over HTTP, ${run.events.toLocaleString('en-US')} events, batches of ${batchSize} × ${concurrency} senders (target ≥ 20,000 events/s)`,
        figure: `${perSecond(run.events, run.ms)} = ${((run.events / run.ms / (baseline.rows / baseline.ms)) * 100).toFixed(0)}% of a raw COPY (${(run.ms / 1000).toFixed(1)} s; batch p50 ${ms(percentile(run.latencies, 50))}, p95 ${ms(percentile(run.latencies, 95))}), stored and rolled up exactly once`,
        baseline: `raw COPY … FROM STDIN of ${baseline.rows.toLocaleString('en-US')} of the same rows into usage_events, no parsing, dedup or rollups: ${perSecond(baseline.rows, baseline.ms)}`,
      },
      {
        name: `peak RSS of the server while ${run.events.toLocaleString('en-US')} events went through`,
        figure: rss === null ? 'not measurable on this OS' : `${rss.toFixed(0)} MiB`,
        baseline: `this bench process (embedded database client and load generator): ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
      },
    ];
  } finally {
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await intakeBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
