// Digest benchmark: 1,000 people × 50 items each, all due now, built (one batched job) and
// handed to a local SMTP server through the outbox by the real worker's job runner — the send
// jobs the build queued (a batch of rows each), four at a time as a worker of the default
// concurrency takes them (target ≤ 10 s). Baseline in the same run: as many messages of the
// same size sent straight to the same server through one pooled nodemailer transport — the
// floor for the SMTP part alone.
import { Logger, runTaskListOnce } from 'graphile-worker';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { stewardTasks } from '../src/jobs/tasks.ts';
import { buildDueDigests, closeEmailTransports } from '../src/modules/notify/index.ts';
import { startSmtp, workspaceWithPeople } from './notify.ts';
import { benchDatabase, seconds, timed, type BenchResult } from './support.ts';

const people = 1000;
/** The baseline's sends in flight; the worker's default concurrency for the outbox's jobs. */
const concurrency = 10;
const workers = 4;
const silent = new Logger(() => () => {});

export async function digestBenchmark(): Promise<BenchResult[]> {
  const { deps, pool, stop } = await benchDatabase();
  const smtp = await startSmtp();
  deps.config = { ...deps.config, smtpUrl: smtp.url };
  const { db } = deps;
  try {
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
    await sql`analyze`.execute(db);

    const built = await timed(() => buildDueDigests(deps, {}));
    const jobs = await sql<{ n: number; rows: number }>`
      select count(*)::int as n,
        sum(coalesce(json_array_length(j.payload->'deliveryIds'), 1))::int as rows
      from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'delivery__send'`.execute(db);
    const { delivery__send } = stewardTasks(deps);
    if (!delivery__send) throw new Error('no delivery__send task');
    const sent = await timed(() =>
      Promise.all(
        Array.from({ length: workers }, async () => {
          const client = await pool.connect();
          try {
            await runTaskListOnce({ logger: silent }, { delivery__send }, client).promise;
          } finally {
            client.release();
          }
        }),
      ),
    );
    const received = smtp.received();
    const bytes = smtp.bytes();
    if (received !== people) throw new Error(`${received} digests reached the SMTP server`);

    // The floor: the same number of messages of the same size, straight to the same server.
    const size = Math.round(bytes / received);
    const body = 'x'.repeat(Math.max(0, Math.round(size / 2) - 600));
    const transport = nodemailer.createTransport({ url: smtp.url, pool: true });
    const floor = await timed(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let i = next++; i < people; i = next++) {
            await transport.sendMail({
              from: deps.config.mailFrom,
              to: `p${i}@digest.test`,
              subject: 'Your digest',
              text: body,
              html: `<p>${body}</p>`,
            });
          }
        }),
      );
    });
    transport.close();
    const total = built.ms + sent.ms;
    return [
      {
        name: `build and send digests for ${people} people × 50 items`,
        figure: `${seconds(total)} (building ${seconds(built.ms)}, sending ${seconds(sent.ms)} in ${jobs.rows[0]?.n ?? 0} jobs of ${jobs.rows[0]?.rows ?? 0} rows, ${workers} at a time), ${received} e-mails of ~${(size / 1024).toFixed(1)} KiB received`,
        baseline: `${people} messages of the same size straight to the same SMTP server, one pooled transport, ${concurrency} at a time: ${seconds(floor.ms)}`,
        target: '≤ 10 s',
        holds: total <= 10_000,
      },
    ];
  } finally {
    closeEmailTransports();
    await smtp.close();
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await digestBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
