// Health benchmarks on 10,000 accounts with a year of usage rollups (and tickets and notes):
// a full recompute (target ≤ 5 s) beside one hand-written statement reading the same inputs,
// a single account's rescore (p95 ≤ 50 ms), and the time from a usage event to the account's
// updated score with the real worker while other usage streams in (≤ 60 s); and, without a
// target, the rescore that moves every account at once beside one that moves none; and time to
// value across the workspace and across one CSM's book.
import { randomUUID } from 'node:crypto';
import { Logger, run } from 'graphile-worker';
import { sql } from 'kysely';
import { stewardTasks } from '../src/jobs/tasks.ts';
import type { Db } from '../src/db/connect.ts';
import type { WorkspaceId } from '../src/lib/ids.ts';
import { defaultScorecard, rescore, rescoreAccounts } from '../src/modules/health/index.ts';
import { valueEventThreshold } from '../src/modules/intake/adoption/index.ts';
import { valueMilestonesAcross } from '../src/modules/intake/adoption/store.ts';
import {
  flaggedFeatures,
  ingestMessages,
  type SegmentMessage,
} from '../src/modules/intake/segment/index.ts';
import { benchDatabase, ms, percentile, seconds, timed, type BenchResult } from './support.ts';

const accounts = 10_000;
const days = 365;

async function seedPortfolio(db: Db) {
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: 'Bench', slug: 'bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workspaceId = workspace.id as WorkspaceId;
  await sql`insert into usage_features (workspace_id, key, label, events, is_value)
    select ${workspaceId}, 'feature-' || f, 'Feature ' || f, array['Event ' || f], f = 1
    from generate_series(1, 5) f`.execute(db);
  await sql`insert into accounts (workspace_id, name, external_id, seats, arr_amount, renewal_date)
    select ${workspaceId}, 'Account ' || g, 'acct-' || g, 20 + g % 80, 1000000 + g * 100,
      current_date + (g % 400)
    from generate_series(1, ${accounts}::int) g`.execute(db);
  // Each account: one feature used a day for a year, two of five people active each day (the
  // set rotating, and some accounts fading), so 30- and 60-day windows count distinct people.
  // The days are grouped into the month rows intake writes (migration 0035) in one statement.
  await sql`insert into usage_months (workspace_id, month, account_id, feature_key, days, events, logins)
    select ${workspaceId}::uuid, date_trunc('month', u.day::timestamp)::date, u.account_id, u.feature_key,
      array_agg(date_part('day', u.day)::smallint), array_agg(20), array_agg(2)
    from (
      select a.id as account_id, current_date - d as day, 'feature-' || (1 + (d + a.seats) % 5) as feature_key
      from accounts a, generate_series(0, ${days - 1}::int) d
      where a.workspace_id = ${workspaceId}
    ) u
    group by 1, 2, 3, 4`.execute(db);
  await sql`insert into usage_month_users (workspace_id, month, account_id, feature_key, user_id, active_days)
    select ${workspaceId}::uuid, date_trunc('month', u.day::timestamp)::date, u.account_id, u.feature_key,
      u.user_id, bit_or(1 << (date_part('day', u.day)::int - 1))
    from (
      select a.id as account_id, current_date - d as day, 'feature-' || (1 + (d + a.seats) % 5) as feature_key,
        'user-' || ((d + n) % case when a.seats % 3 = 0 and d < 30 then 2 else 5 end) as user_id
      from accounts a, generate_series(0, ${days - 1}::int) d, generate_series(0, 1) n
      where a.workspace_id = ${workspaceId}
    ) u
    group by 1, 2, 3, 4, 5`.execute(db);
  await sql`insert into support_tickets (workspace_id, account_id, source, external_id, subject,
      status, priority, csat, opened_at, solved_at, updated_at, received_at)
    select ${workspaceId}, a.id, 'generic', a.id || '-' || t, 'Ticket', case when t = 0 then 'open' else 'solved' end,
      (array['low', 'normal', 'high', 'urgent'])[1 + (t + a.seats) % 4], 3 + t % 3,
      now() - (t * 20 || ' days')::interval, case when t > 0 then now() - (t * 19 || ' days')::interval end,
      now(), now()
    from accounts a, generate_series(0, 2) t where a.workspace_id = ${workspaceId}`.execute(db);
  await sql`insert into timeline_events (workspace_id, account_id, kind, title, occurred_at)
    select ${workspaceId}, a.id, (array['note', 'call', 'email', 'meeting'])[1 + e % 4]::text, 'Touchpoint',
      now() - ((e * 9 + a.seats % 7) || ' days')::interval
    from accounts a, generate_series(0, 9) e where a.workspace_id = ${workspaceId}`.execute(db);
  await sql`analyze`.execute(db);
  return workspaceId;
}

/**
 * The floor of a full recompute: one hand-written statement reading every input the scores
 * rest on, per account, as of now — active people now and the month before, value-feature
 * users, features used and the last rollup day; tickets by severity, open ones and CSAT;
 * touchpoints, meetings and contacts; payments, downgrades and cancellation; onboarding tasks;
 * NPS. (Until now the baseline was one distinct count over 30 days: a fraction of the inputs.)
 */
function sameInputs(db: Db, workspaceId: WorkspaceId) {
  return sql`
    with catalog as (select key, is_value from usage_features where workspace_id = ${workspaceId}),
    windows as (
      select w.month, w.recent, w.before, w.recent | w.before as either,
        array(select i::smallint from generate_series(1, 31) i where w.recent & (1 << (i - 1)) <> 0) as recent_days
      from (
        select m::date as month, usage_days_between(m::date, current_date - 29, current_date) as recent,
          usage_days_between(m::date, current_date - 59, current_date - 30) as before
        from generate_series(date_trunc('month', (current_date - 59)::timestamp), current_date::timestamp, interval '1 month') m
      ) w
    ),
    people as (
      select u.account_id, u.user_id,
        bool_or(u.active_days & w.recent <> 0) as recent, bool_or(u.active_days & w.before <> 0) as before,
        bool_or(u.active_days & w.recent <> 0 and u.feature_key in (select key from catalog where is_value)) as value_user
      from usage_month_users u join windows w on w.month = u.month
      where u.workspace_id = ${workspaceId}
        and u.month >= date_trunc('month', (current_date - 59)::timestamp)::date and u.month <= current_date
        and u.active_days & w.either <> 0
      group by u.account_id, u.user_id
    ),
    usage as (
      select account_id, count(*) filter (where recent) as active, count(*) filter (where before) as previous,
        count(*) filter (where value_user) as value_users
      from people group by account_id
    ),
    features as (
      select account_id, count(*) as features
      from (
        select distinct m.account_id, m.feature_key
        from usage_months m join windows w on w.month = m.month
        where m.workspace_id = ${workspaceId}
          and m.month >= date_trunc('month', (current_date - 29)::timestamp)::date and m.month <= current_date
          and m.feature_key in (select key from catalog) and m.days && w.recent_days
      ) used
      group by account_id
    ),
    tickets as (
      select account_id,
        count(*) filter (where priority = 'urgent' and opened_at >= now() - interval '90 days') as urgent,
        count(*) filter (where priority = 'high' and opened_at >= now() - interval '90 days') as high,
        count(*) filter (where priority = 'normal' and opened_at >= now() - interval '90 days') as normal,
        count(*) filter (where priority = 'low' and opened_at >= now() - interval '90 days') as low,
        count(*) filter (where priority = 'urgent' and (solved_at is null or solved_at >= now())) as open_urgent,
        count(*) filter (where priority = 'high' and (solved_at is null or solved_at >= now())) as open_high,
        round(avg(csat) filter (where solved_at < now() and solved_at >= now() - interval '90 days'), 1) as csat,
        max(greatest(opened_at, case when solved_at < now() then solved_at end)) as last_at
      from support_tickets where workspace_id = ${workspaceId} and opened_at < now() group by account_id
    ),
    touches as (
      select account_id,
        count(*) filter (where occurred_at >= now() - interval '30 days') as touchpoints30,
        count(*) filter (where kind = 'meeting' and occurred_at >= now() - interval '90 days') as meetings90,
        max(occurred_at) as last_at
      from timeline_events
      where workspace_id = ${workspaceId} and occurred_at < now() and kind in ('note', 'call', 'email', 'meeting')
      group by account_id
    ),
    contacts as (
      select account_id, count(*) as contacts, count(*) filter (where role = 'champion') as champions,
        max(greatest(created_at, updated_at)) as changed_at
      from contacts where workspace_id = ${workspaceId} and created_at < now() group by account_id
    ),
    payments as (
      select account_id, count(*) filter (where data->>'payment' = 'failed' and occurred_at >= now() - interval '90 days') as failed90,
        max(occurred_at) as last_at
      from timeline_events
      where workspace_id = ${workspaceId} and kind = 'billing' and source = 'stripe' and occurred_at < now() and data ? 'invoice'
      group by account_id
    ),
    movements as (
      select account_id, count(*) filter (where kind = 'contraction' and occurred_at >= now() - interval '90 days') as contractions90,
        (array_agg(kind order by occurred_at desc))[1] = 'churn' as cancelled, max(occurred_at) as last_at
      from mrr_movements where workspace_id = ${workspaceId} and occurred_at < now() group by account_id
    ),
    onboarding as (
      select t.account_id, count(*) filter (where p.kind = 'onboarding' and t.due_at < now()) as due,
        count(*) filter (where p.kind = 'onboarding' and t.due_at < now() and t.completed_at < now()) as done_of_due,
        count(*) filter (where t.is_first_value) as first_value_tasks, max(t.last_activity_at) as last_at
      from tasks t left join projects p on p.id = t.project_id and p.deleted_at is null
      where t.workspace_id = ${workspaceId} and t.deleted_at is null and (p.kind = 'onboarding' or t.is_first_value)
      group by t.account_id
    ),
    nps as (
      select account_id, count(*) filter (where (data->>'score')::int >= 9) - count(*) filter (where (data->>'score')::int <= 6) as net,
        count(*) as responses, max(occurred_at) as last_at
      from timeline_events
      where workspace_id = ${workspaceId} and kind = 'survey' and data->>'survey' = 'nps'
        and occurred_at < now() and occurred_at >= now() - interval '180 days'
      group by account_id
    )
    select a.id, a.tier, a.seats, a.arr_amount, a.renewal_date,
      u.active, u.previous, u.value_users, f.features, last.day as last_day,
      t.urgent, t.high, t.normal, t.low, t.open_urgent, t.open_high, t.csat, t.last_at as support_at,
      e.touchpoints30, e.meetings90, e.last_at as touched_at, c.contacts, c.champions, c.changed_at,
      p.failed90, p.last_at as paid_at, m.contractions90, m.cancelled, m.last_at as moved_at,
      o.due, o.done_of_due, o.first_value_tasks, o.last_at as onboarding_at,
      n.net, n.responses, n.last_at as nps_at
    from accounts a
    left join usage u on u.account_id = a.id
    left join features f on f.account_id = a.id
    left join lateral (
      select m.month + d - 1 as day
      from usage_months m, unnest(m.days) d
      where m.workspace_id = ${workspaceId} and m.account_id = a.id and m.month <= current_date
        and m.month + d - 1 <= current_date
      order by m.month desc, d desc limit 1
    ) last on true
    left join tickets t on t.account_id = a.id
    left join touches e on e.account_id = a.id
    left join contacts c on c.account_id = a.id
    left join payments p on p.account_id = a.id
    left join movements m on m.account_id = a.id
    left join onboarding o on o.account_id = a.id
    left join nps n on n.account_id = a.id
    where a.workspace_id = ${workspaceId} and a.deleted_at is null`.execute(db);
}

/** The faster of two runs, in ms. */
async function fasterOfTwo(run: () => Promise<unknown>): Promise<number> {
  return Math.min((await timed(run)).ms, (await timed(run)).ms);
}

/**
 * Time to value's firsts for the adoption overview (`valueMilestonesAcross`), over the whole
 * workspace and over one CSM's book of one account in 20. Beside the first, one GROUP BY by
 * account over the same month rows, reading each once (its first month, whether it used a value
 * feature, whether a feature had a busy day); beside the book, the statement it replaced: three
 * subqueries per account over all of its days.
 */
async function timeToValueAcross(db: Db, workspaceId: WorkspaceId): Promise<BenchResult[]> {
  const csm = await db
    .insertInto('users')
    .values({ workspace_id: workspaceId, email: 'csm@bench.test', name: 'CSM', role: 'csm' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`update accounts set owner_id = ${csm.id}
    where workspace_id = ${workspaceId} and seats % 20 = 0`.execute(db);
  const { rows: book } = await sql<{ n: number }>`
    select count(*)::int as n from accounts where owner_id = ${csm.id}`.execute(db);
  const valueFeatures = (await flaggedFeatures(db, workspaceId))
    .filter((f) => f.value)
    .map((f) => f.key);
  const scope = { workspaceId, onlyOwner: null };
  const milestones = (owner: string | null) =>
    valueMilestonesAcross(db, scope, owner, valueEventThreshold, valueFeatures);
  const workspaceMs = await fasterOfTwo(() => milestones(null));
  const floorMs = await fasterOfTwo(() =>
    sql`select account_id, min(month),
        bool_or(feature_key = any(${valueFeatures}::text[])),
        bool_or(${valueEventThreshold} <= any(events))
      from usage_months where workspace_id = ${workspaceId}
      group by account_id`.execute(db),
  );
  const bookMs = await fasterOfTwo(() => milestones(csm.id));
  const perAccountMs = await fasterOfTwo(() =>
    sql`select s.id,
        (select min(d.day) from usage_days d
          where d.workspace_id = ${workspaceId} and d.account_id = s.id),
        (select d.day from usage_days d
          where d.workspace_id = ${workspaceId} and d.account_id = s.id
          group by d.day having sum(d.events) >= ${valueEventThreshold}
          order by d.day limit 1),
        (select min(d.day) from usage_days d
          where d.workspace_id = ${workspaceId} and d.account_id = s.id
            and d.feature_key = any(${valueFeatures}::text[]))
      from accounts s
      where s.workspace_id = ${workspaceId} and s.deleted_at is null and s.owner_id = ${csm.id}`.execute(
      db,
    ),
  );
  return [
    {
      name: `time to value's firsts across ${accounts.toLocaleString('en')} accounts (the adoption overview)`,
      figure: ms(workspaceMs),
      baseline: `one GROUP BY by account over the same month rows: ${ms(floorMs)} (${(workspaceMs / floorMs).toFixed(1)}×)`,
    },
    {
      name: `time to value's firsts across one CSM's book (${book[0]?.n} accounts)`,
      figure: ms(bookMs),
      baseline: `three subqueries per account over its days, the statement before: ${ms(perAccountMs)} (${(perAccountMs / bookMs).toFixed(1)}× slower)`,
    },
  ];
}

export async function healthBenchmark(): Promise<BenchResult[]> {
  const { deps, pool, stop } = await benchDatabase();
  const { db } = deps;
  try {
    const seeded = await timed(() => seedPortfolio(db));
    const workspaceId = seeded.value;
    const rollups = await sql<{ n: number }>`
      select (select count(*) from usage_months) + (select count(*) from usage_month_users) as n`.execute(
      db,
    );
    const today = new Date().toISOString().slice(0, 10);

    // The hand-written baseline: one statement reading the same inputs as the recompute.
    const aggregate = await timed(() => sameInputs(db, workspaceId));
    // First run scores everyone (10,000 moves written); the later ones are the daily steady
    // state, taken twice and alternating with the baseline, each side the faster of its two.
    const recompute = () =>
      timed(() =>
        rescoreAccounts(db, { workspaceId, day: today, mode: 'current', now: new Date() }),
      );
    const first = await recompute();
    const steady = await recompute();
    const aggregateAgain = await timed(() => sameInputs(db, workspaceId));
    const steadyAgain = await recompute();
    const baselineMs = Math.min(aggregate.ms, aggregateAgain.ms);
    const fullMs = Math.min(steady.ms, steadyAgain.ms);

    const ids = (
      await db.selectFrom('accounts').select('id').where('workspace_id', '=', workspaceId).execute()
    ).map((a) => a.id);
    const single: number[] = [];
    for (let i = 0; i < 200; i++) {
      const id = ids[(i * 7919) % ids.length] ?? '';
      single.push((await timed(() => rescore(deps, workspaceId, [id]))).ms);
    }

    // Event → score with the real worker, while a stream of usage batches for other accounts
    // keeps putting them in the changed set (so each pass rescores them too).
    const runner = await run({
      pgPool: pool,
      taskList: stewardTasks(deps),
      concurrency: 4,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: new Logger(() => () => {}),
    });
    let streaming = true;
    const stream = (async () => {
      let n = 0;
      while (streaming) {
        const batch: SegmentMessage[] = Array.from({ length: 50 }, (_, i) => ({
          type: 'track' as const,
          messageId: randomUUID(),
          userId: `user-${i % 5}`,
          anonymousId: null,
          occurredAt: new Date(),
          contextGroupId: `acct-${1 + ((n * 50 + i) % accounts)}`,
          event: 'Event 2',
          properties: {},
        }));
        await ingestMessages(deps, workspaceId, batch);
        n++;
      }
      return n;
    })();
    const latencies: number[] = [];
    for (let probe = 0; probe < 5; probe++) {
      const externalId = `acct-${9000 + probe}`;
      const account = await db
        .selectFrom('accounts')
        .select('id')
        .where('external_id', '=', externalId)
        .executeTakeFirstOrThrow();
      const scoredAt = async () =>
        (
          await db
            .selectFrom('health_scores')
            .select('computed_at')
            .where('account_id', '=', account.id)
            .executeTakeFirst()
        )?.computed_at.getTime() ?? 0;
      const started = performance.now();
      await ingestMessages(
        deps,
        workspaceId,
        Array.from({ length: 20 }, (_, i) => ({
          type: 'track' as const,
          messageId: randomUUID(),
          userId: `new-user-${probe}-${i}`,
          anonymousId: null,
          occurredAt: new Date(),
          contextGroupId: externalId,
          event: 'Event 1',
          properties: {},
        })),
      );
      // A pass that started once the events were stored has scored them.
      const stored = Date.now();
      for (;;) {
        if ((await scoredAt()) >= stored) break;
        if (performance.now() - started > 120_000) throw new Error('no rescore in 120 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      latencies.push(performance.now() - started);
    }
    streaming = false;
    const batches = await stream;
    await runner.stop();

    // The scorecard's thresholds raised: every account not yet Critical moves at once, each
    // move on its timeline and recorded as news for notify and webhooks. Beside it, the same
    // whole rescore with nothing moving.
    await sql`insert into scorecards (workspace_id, weights, healthy_min, at_risk_min, updated_at)
      values (${workspaceId}, ${JSON.stringify(defaultScorecard.weights)}, 100, 99, now())`.execute(
      db,
    );
    const massMove = await timed(() => rescore(deps, workspaceId));
    const unmoved = await timed(() => rescore(deps, workspaceId));
    const timeToValue = await timeToValueAcross(db, workspaceId);

    return [
      {
        name: `full recompute, ${accounts.toLocaleString('en')} accounts × ${days} days (${rollups.rows[0]?.n.toLocaleString('en')} month rollup rows) (target ≤ 5 s, ≤ 2× the statement)`,
        figure: `${seconds(fullMs)} daily rescore; ${seconds(first.ms)} first scoring; ratio ${(fullMs / baselineMs).toFixed(1)}× the aggregate`,
        baseline: `one hand-written statement over the same inputs (every measure's figures per account): ${ms(baselineMs)}; seeding the data ${seconds(seeded.ms)}`,
        holds: fullMs <= 5_000 && fullMs <= 2 * baselineMs,
      },
      {
        name: 'single-account rescore, with moves and plays (target p95 ≤ 50 ms)',
        figure: `p50 ${ms(percentile(single, 50))}, p95 ${ms(percentile(single, 95))} over ${single.length}`,
        baseline: `the full recompute per account: ${ms(fullMs / accounts)}`,
        holds: percentile(single, 95) <= 50,
      },
      {
        name: 'usage event → updated score, real worker, usage streaming in (target ≤ 60 s)',
        figure: `max ${seconds(Math.max(...latencies))}, median ${seconds(percentile(latencies, 50))} over ${latencies.length} events`,
        baseline: `${batches} batches of 50 events for other accounts ingested meanwhile; worker poll 1 s; passes over a workspace ≥ 10 s apart, and ≥ 10 times a pass's duration (≤ 45 s) after a pass of over a second`,
        holds: Math.max(...latencies) <= 60_000,
      },
      {
        name: "a whole workspace moving category at once (the scorecard's thresholds raised), moves announced",
        figure: `${seconds(massMove.ms)} for ${massMove.value.moves.toLocaleString('en')} moves (${ms(massMove.ms / Math.max(1, massMove.value.moves))} per move, scoring included)`,
        baseline: `the same rescore of ${unmoved.value.scored.toLocaleString('en')} accounts with nothing moving: ${seconds(unmoved.ms)}`,
      },
      ...timeToValue,
    ];
  } finally {
    await stop();
  }
}
