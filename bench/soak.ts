// Soak: Steward under a steady mixed load for a fixed time, on loopback only — Segment batches at
// a steady rate, people browsing the portfolio and Customer 360 pages, task updates under SLA
// (each touch re-arms a timer) and the real worker busy with what those cause. It reports
// errors (target 0), p95 latency per kind of request in the first minute and over the whole
// run, and this process's memory sampled over time (target: flat, not growing).
// STEWARD_SOAK_MINUTES shortens or lengthens it (default 10).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { seedDemoWorkspace } from '../src/demo/index.ts';
import { stewardTasks } from '../src/jobs/tasks.ts';
import { startWorker } from '../src/jobs/worker.ts';
import type { WorkspaceId } from '../src/lib/ids.ts';
import { createWriteKey } from '../src/modules/intake/segment/index.ts';
import { benchDatabase, ms, percentile, serveLocally, type BenchResult } from './support.ts';

const minutes = Number(process.env.STEWARD_SOAK_MINUTES ?? 10);
const intakeEveryMs = 200;
const eventsPerBatch = 20;

type Kind = 'intake' | 'portfolio' | 'account 360' | 'task update';
type Sample = { kind: Kind; at: number; ms: number; ok: boolean };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
// The load generator runs in the same process as Steward: its own share (a few thousand
// samples) is small beside the server's, and the same at every sample.

export async function soakBenchmark(): Promise<BenchResult[]> {
  const { deps, pool, stop } = await benchDatabase();
  await seedDemoWorkspace(deps);
  const worker = await startWorker({
    pool,
    taskList: stewardTasks(deps),
    concurrency: 4,
    logger: deps.logger,
  });
  const server = await serveLocally(buildApp(deps).fetch);
  const origin = server.url;
  try {
    const workspace = await deps.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const { key } = await createWriteKey(
      deps.db,
      { workspaceId: workspace.id as WorkspaceId, userId: null },
      { name: 'Soak' },
    );
    const accounts = await deps.db
      .selectFrom('accounts')
      .select(['id', 'external_id'])
      .where('workspace_id', '=', workspace.id)
      .execute();
    const { rows: openTasks } = await sql<{ id: string; email: string }>`
      select t.id, u.email from tasks t join users u on u.id = t.assignee_id
      where t.workspace_id = ${workspace.id} and t.status <> 'done' and t.deleted_at is null
        and u.email like '%@demo.steward.dev'`.execute(deps.db);

    const signIn = async (email: string) => {
      const response = await fetch(`${origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email, password: 'steward-demo' }),
      });
      if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status}`);
      return response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    };
    const people = await Promise.all(
      ['csm@demo.steward.dev', 'manager@demo.steward.dev', 'admin@demo.steward.dev'].map(signIn),
    );
    const cookieOf = new Map<string, string>();
    for (const email of new Set(openTasks.map((t) => t.email))) {
      cookieOf.set(email, await signIn(email));
    }

    const samples: Sample[] = [];
    const errors = new Map<string, number>();
    const started = performance.now();
    const deadline = started + minutes * 60_000;
    const timedCall = async (kind: Kind, call: () => Promise<Response>) => {
      const at = performance.now();
      let ok = false;
      try {
        const response = await call();
        await response.arrayBuffer();
        ok = response.status < 400;
        if (!ok)
          errors.set(
            `${kind} ${response.status}`,
            (errors.get(`${kind} ${response.status}`) ?? 0) + 1,
          );
      } catch (error) {
        const name = `${kind} ${error instanceof Error ? error.message : String(error)}`;
        errors.set(name, (errors.get(name) ?? 0) + 1);
      }
      samples.push({ kind, at: at - started, ms: performance.now() - at, ok });
    };
    const pause = (waitMs: number) => new Promise((resolve) => setTimeout(resolve, waitMs));
    const pick = <T>(items: readonly T[]): T =>
      items[Math.floor(Math.random() * items.length)] as T;

    const memory: { at: number; rss: number }[] = [];
    const sampleMemory = () =>
      memory.push({ at: performance.now() - started, rss: process.memoryUsage().rss });
    sampleMemory();
    const sampler = setInterval(sampleMemory, 10_000);

    const intake = async () => {
      let next = performance.now();
      while (performance.now() < deadline) {
        const batch = Array.from({ length: eventsPerBatch }, () => {
          const account = pick(accounts);
          return {
            type: 'track',
            messageId: randomUUID(),
            userId: `soak-${Math.floor(Math.random() * 200)}`,
            event: pick(['Report Opened', 'Dashboard Viewed', 'Export Run', 'Invite Sent']),
            timestamp: new Date().toISOString(),
            context: { groupId: account.external_id ?? account.id },
          };
        });
        await timedCall('intake', () =>
          fetch(`${origin}/v1/batch`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
            },
            body: JSON.stringify({ batch }),
          }),
        );
        next += intakeEveryMs;
        await pause(Math.max(0, next - performance.now()));
      }
    };
    const browse = async (cookie: string) => {
      // A person opens the 360 page of an account their portfolio shows them.
      let seen = [] as string[];
      while (performance.now() < deadline) {
        await timedCall('portfolio', async () => {
          const response = await fetch(
            `${origin}/api/v1/accounts?limit=50&sort=${pick(['name', 'health', '-arr'])}`,
            { headers: { cookie } },
          );
          const page = (await response.clone().json()) as { items?: { id: string }[] };
          seen = page.items?.map((a) => a.id) ?? seen;
          return response;
        });
        await pause(300);
        if (seen.length === 0) continue;
        await timedCall('account 360', () =>
          fetch(`${origin}/api/v1/accounts/${pick(seen)}/360`, { headers: { cookie } }),
        );
        await pause(700);
      }
    };
    const updateTasks = async () => {
      let turn = 0;
      while (performance.now() < deadline && openTasks.length > 0) {
        const task = pick(openTasks);
        // A touch that every assignee may make on any open task: it re-arms the SLA timer.
        const tags = turn++ % 2 === 0 ? ['soak'] : [];
        await timedCall('task update', () =>
          fetch(`${origin}/api/v1/tasks/${task.id}`, {
            method: 'PATCH',
            headers: {
              cookie: cookieOf.get(task.email) ?? '',
              origin,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ tags }),
          }),
        );
        await pause(500);
      }
    };

    await Promise.all([intake(), ...people.map(browse), updateTasks()]);
    clearInterval(sampler);
    sampleMemory();
    const { rows: queue } = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker._private_jobs`.execute(deps.db);

    const kinds: Kind[] = ['intake', 'portfolio', 'account 360', 'task update'];
    const p95 = (kind: Kind, within?: number) =>
      percentile(
        samples
          .filter((s) => s.kind === kind && (within === undefined || s.at < within))
          .map((s) => s.ms),
        95,
      );
    const errorCount = [...errors.values()].reduce((n, e) => n + e, 0);
    const first = memory[0]?.rss ?? 0;
    const last = memory.at(-1)?.rss ?? 0;
    const peak = Math.max(...memory.map((m) => m.rss));
    const everyMinute = memory.filter((_, i) => i % 6 === 0).map((m) => mb(m.rss));
    return [
      {
        name: `soak: errors over ${minutes} min (${samples.length} requests, ${Math.round(samples.filter((s) => s.kind === 'intake').length * eventsPerBatch)} events)`,
        figure: `${errorCount} errors${errorCount ? ` (${[...errors].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`,
        baseline: 'target 0',
        target: '0 errors',
        holds: errorCount === 0,
      },
      ...kinds.map((kind) => ({
        name: `soak: ${kind} p95 (${samples.filter((s) => s.kind === kind).length} requests)`,
        figure: `${ms(p95(kind))} over the run`,
        baseline: `${ms(p95(kind, 60_000))} in the first minute`,
      })),
      {
        name: 'soak: memory (RSS of the Steward process, sampled every 10 s)',
        figure: `${mb(first)} at start, ${mb(last)} at the end, peak ${mb(peak)}; each minute: ${everyMinute.join(' → ')}`,
        baseline: `start ${mb(first)}`,
        target: 'flat (end within 25% of start)',
        holds: last <= first * 1.25,
      },
      {
        name: 'soak: worker queue at the end',
        figure: `${queue[0]?.n ?? 0} jobs queued (timers and crons included)`,
        baseline: 'kept up when small',
      },
    ];
  } finally {
    await server.close();
    await worker.stop();
    await stop();
  }
}
