// Notify benchmarks: the cost of touching a task when 100,000 open tasks are under SLA
// (p95, against the same update in a workspace without SLA policies), how late a breach fires
// under that load with the real worker (target ≤ 5 s). Digests are bench/digests.ts. Set
// NOTIFY_BENCH_TASKS to use fewer tasks on a slow machine.
import type { AddressInfo } from 'node:net';
import { run } from 'graphile-worker';
import { Logger } from 'graphile-worker';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { stewardTasks } from '../src/jobs/tasks.ts';
import type { UserId, WorkspaceId } from '../src/lib/ids.ts';
import { closeEmailTransports, createSlaPolicy } from '../src/modules/notify/index.ts';
import { armPolicyTimers } from '../src/modules/notify/sla/timers.ts';
import { findPolicy } from '../src/modules/notify/sla/policy.ts';
import { createTask, updateTask } from '../src/modules/work/index.ts';
import { benchDatabase, ms, percentile, seconds, timed, type BenchResult } from './support.ts';

const taskCount = Number(process.env.NOTIFY_BENCH_TASKS ?? 100_000);

export async function workspaceWithPeople(db: import('../src/db/connect.ts').Db, slug: string) {
  const ws = await db
    .insertInto('workspaces')
    .values({ name: slug, slug })
    .returning('id')
    .executeTakeFirstOrThrow();
  const manager = await db
    .insertInto('users')
    .values({ workspace_id: ws.id, email: `mgr@${slug}.test`, name: 'Manager', role: 'manager' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const csm = await db
    .insertInto('users')
    .values({
      workspace_id: ws.id,
      email: `csm@${slug}.test`,
      name: 'CSM',
      role: 'csm',
      manager_id: manager.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const account = await db
    .insertInto('accounts')
    .values({ workspace_id: ws.id, name: 'Big P0', priority: 'P0', owner_id: csm.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { workspaceId: ws.id as WorkspaceId, userId: csm.id as UserId, accountId: account.id };
}

/** A local SMTP server that takes every message and counts it. */
export async function startSmtp() {
  let received = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}/?pool=true&maxConnections=10`,
    received: () => received,
    bytes: () => bytes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function notifyBenchmark(): Promise<BenchResult[]> {
  const { deps, pool, stop } = await benchDatabase();
  const smtp = await startSmtp();
  deps.config = { ...deps.config, smtpUrl: smtp.url };
  const { db, clock } = deps;
  try {
    const sla = await workspaceWithPeople(db, 'sla');
    const plain = await workspaceWithPeople(db, 'plain');
    for (const w of [sla, plain]) {
      await sql`insert into tasks (workspace_id, account_id, title, assignee_id, last_activity_at, updated_at)
        select ${w.workspaceId}::uuid, ${w.accountId}::uuid, 'Task ' || g, ${w.userId}::uuid, now(), now()
        from generate_series(1, ${w === sla ? taskCount : 2000}) g`.execute(db);
    }
    const policy = await createSlaPolicy(
      deps,
      { workspaceId: sla.workspaceId },
      {
        name: 'P0 untouched',
        match: { accountPriority: ['P0'], taskPriority: [], tags: [], tier: [], projectKind: [] },
        metric: 'untouchedFor',
        threshold: 'PT2H',
        warnAt: 0.75,
        chain: [{ notify: 'manager' }],
        businessHours: null,
        enabled: true,
      },
    );
    const armed = await timed(async () =>
      armPolicyTimers(db, sla.workspaceId, await findPolicy(db, sla.workspaceId, policy.id)),
    );
    await sql`analyze`.execute(db);

    const touch = async (w: typeof sla, offset: number, n: number) => {
      const ids = await db
        .selectFrom('tasks')
        .select('id')
        .where('workspace_id', '=', w.workspaceId)
        .orderBy('id')
        .offset(offset)
        .limit(n)
        .execute();
      const samples: number[] = [];
      for (const [i, { id }] of ids.entries()) {
        const by = { workspaceId: w.workspaceId, userId: w.userId };
        samples.push(
          (
            await timed(() =>
              updateTask(db, clock, by, { workspaceId: w.workspaceId, onlyOwner: null }, id, {
                description: `touch ${i}`,
              }),
            )
          ).ms,
        );
      }
      return samples;
    };
    await touch(sla, 0, 20);
    await touch(plain, 0, 20);
    const withSla = await touch(sla, 20, 300);
    const without = await touch(plain, 20, 300);

    // Breach latency: a 3-second policy on a tagged task, fired by the real worker while the
    // queue holds every other timer.
    const quick = await createSlaPolicy(
      deps,
      { workspaceId: sla.workspaceId },
      {
        name: 'Quick',
        match: {
          accountPriority: [],
          taskPriority: [],
          tags: ['bench'],
          tier: [],
          projectKind: [],
        },
        metric: 'untouchedFor',
        threshold: 'PT3S',
        warnAt: 0.5,
        chain: [],
        businessHours: null,
        enabled: true,
      },
    );
    const runner = await run({
      pgPool: pool,
      taskList: stewardTasks(deps),
      concurrency: 4,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: new Logger(() => () => {}),
    });
    const latencies: number[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const task = await createTask(
          db,
          clock,
          { workspaceId: sla.workspaceId, userId: sla.userId },
          { workspaceId: sla.workspaceId, onlyOwner: null },
          {
            title: `Quick ${i}`,
            accountId: sla.accountId,
            tags: ['bench'],
            assigneeId: sla.userId,
          },
        );
        // The deadline counts from the touch the task recorded, not from when creating returned.
        const touched = await db
          .selectFrom('tasks')
          .select('last_activity_at')
          .where('id', '=', task.id)
          .executeTakeFirstOrThrow();
        const due = touched.last_activity_at.getTime() + 3000;
        for (;;) {
          const row = await db
            .selectFrom('escalations')
            .select('raised_at')
            .where('task_id', '=', task.id)
            .where('policy_id', '=', quick.id)
            .where('kind', '=', 'breach')
            .executeTakeFirst();
          if (row) {
            latencies.push(row.raised_at.getTime() - due);
            break;
          }
          if (Date.now() > due + 30_000) throw new Error('the breach never fired');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    } finally {
      await runner.stop();
    }

    return [
      {
        name: `touch a task with ${armed.value.toLocaleString('en')} open tasks under SLA (p95)`,
        figure: `p50 ${ms(percentile(withSla, 50))}, p95 ${ms(percentile(withSla, 95))} (arming all timers: ${seconds(armed.ms)})`,
        baseline: `same update, no SLA policy: p50 ${ms(percentile(without, 50))}, p95 ${ms(percentile(without, 95))}`,
      },
      {
        name: 'breach latency after the deadline, real worker, under that load',
        figure: `max ${ms(Math.max(...latencies))}, median ${ms(percentile(latencies, 50))} (5 breaches)`,
        target: '≤ 5 s',
        holds: Math.max(...latencies) <= 5000,
        baseline: 'worker poll interval 1,000 ms',
      },
    ];
  } finally {
    closeEmailTransports();
    await smtp.close();
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await notifyBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
