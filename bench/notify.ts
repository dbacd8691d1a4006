// Notify benchmarks: the cost of touching a task when 100,000 open tasks are under SLA
// (p95, against the same update in a workspace without SLA policies), how late a breach fires
// under that load with the real worker (target ≤ 5 s), and building and e-mailing digests for
// 1,000 people × 50 items to a local SMTP server (target ≤ 10 s). Set NOTIFY_BENCH_TASKS to
// use fewer tasks on a slow machine.
import type { AddressInfo } from 'node:net';
import { run } from 'graphile-worker';
import { Logger } from 'graphile-worker';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { stewardTasks } from '../src/jobs/tasks.ts';
import type { UserId, WorkspaceId } from '../src/lib/ids.ts';
import {
  buildDueDigests,
  closeEmailTransports,
  createSlaPolicy,
  sendDelivery,
} from '../src/modules/notify/index.ts';
import { armPolicyTimers } from '../src/modules/notify/sla/timers.ts';
import { findPolicy } from '../src/modules/notify/sla/policy.ts';
import { createTask, updateTask } from '../src/modules/work/index.ts';
import { benchDatabase, ms, percentile, seconds, timed, type BenchResult } from './support.ts';

const taskCount = Number(process.env.NOTIFY_BENCH_TASKS ?? 100_000);

async function workspaceWithPeople(db: import('../src/db/connect.ts').Db, slug: string) {
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

async function startSmtp() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
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

    // Digests: 1,000 people with 50 items each (10 tasks × 5 comments), all due now.
    const people = 1000;
    const digestWs = await workspaceWithPeople(db, 'digest');
    await sql`insert into users (workspace_id, email, name, role, timezone)
      select ${digestWs.workspaceId}::uuid, 'p' || g || '@digest.test', 'Person ' || g, 'csm', 'UTC'
      from generate_series(1, ${people}) g`.execute(db);
    // Due now whatever the hour the benchmark runs at: their digest hour is midnight.
    await sql`insert into notification_preferences (user_id, workspace_id, digest_hour)
      select id, workspace_id, 0 from users
      where workspace_id = ${digestWs.workspaceId} and email like 'p%'`.execute(db);
    const sampleTasks = await sql<{ id: string }>`
      insert into tasks (workspace_id, account_id, title, last_activity_at, updated_at)
      select ${digestWs.workspaceId}::uuid, ${digestWs.accountId}::uuid, 'Digest task ' || g, now(), now()
      from generate_series(1, 10) g returning id`.execute(db);
    // 50 events, 5 comments on each of the 10 tasks; everyone is told about each.
    const taskIds = sampleTasks.rows.map((t) => t.id);
    await sql`insert into activity_events (workspace_id, kind, task_id, account_id, occurred_at)
      select ${digestWs.workspaceId}::uuid, 'task_commented', (${taskIds}::uuid[])[1 + g % 10],
        ${digestWs.accountId}::uuid, now() - interval '1 hour'
      from generate_series(0, 49) g`.execute(db);
    await sql`insert into notifications (workspace_id, user_id, event_id, kind, urgency, message, account_id, task_id, created_at)
      select ${digestWs.workspaceId}::uuid, u.id, e.id, 'task_commented', 'digest',
        jsonb_build_object('key', 'notify.event.taskCommented', 'params',
          jsonb_build_object('actor', 'Someone', 'task', 'Digest task', 'account', 'Digest')),
        e.account_id, e.task_id, e.occurred_at
      from users u cross join activity_events e
      where u.workspace_id = ${digestWs.workspaceId} and u.email like 'p%'
        and e.workspace_id = ${digestWs.workspaceId}`.execute(db);
    const built = await timed(() => buildDueDigests(deps, {}));
    const sent = await timed(async () => {
      const pending = await db
        .selectFrom('deliveries')
        .select('id')
        .where('digest_id', 'is not', null)
        .where('status', '=', 'pending')
        .execute();
      const queue = pending.map((d) => d.id);
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          for (let id = queue.pop(); id; id = queue.pop())
            await sendDelivery(deps, { deliveryId: id });
        }),
      );
    });

    return [
      {
        name: `touch a task with ${armed.value.toLocaleString('en')} open tasks under SLA (p95)`,
        figure: `p50 ${ms(percentile(withSla, 50))}, p95 ${ms(percentile(withSla, 95))} (arming all timers: ${seconds(armed.ms)})`,
        baseline: `same update, no SLA policy: p50 ${ms(percentile(without, 50))}, p95 ${ms(percentile(without, 95))}`,
      },
      {
        name: 'breach latency after the deadline, real worker, under that load (target ≤ 5 s)',
        figure: `max ${ms(Math.max(...latencies))}, median ${ms(percentile(latencies, 50))} (5 breaches)`,
        baseline: 'worker poll interval 1,000 ms',
      },
      {
        name: `build and send digests for ${people} people × 50 items (target ≤ 10 s)`,
        figure: `${seconds(built.ms + sent.ms)} (building ${seconds(built.ms)}, sending ${seconds(sent.ms)}), ${smtp.received()} e-mails received`,
        baseline: `${((built.ms + sent.ms) / people).toFixed(1)} ms per person`,
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
