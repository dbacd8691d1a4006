// Rollup refresh benchmark: a year of raw usage for 10,000 accounts (one event per account
// and day, 3.65 million) rolled up again into usage_months and usage_month_users by the
// statement steps live intake runs (segment/store/rollups.ts), as a rebuild after a catalog
// change would.
// Baseline, same run, same rows: one hand-written GROUP BY over the raw events into a plain
// table, the floor for reading and aggregating that much, run before the refresh and after it
// (target: the refresh ≤ 3× their mean).
// Beside it, the floor for storing the result: the finished rollup rows copied by a plain insert
// into tables with the rollups' own keys, nothing counted and no conflict checked.
// `STEWARD_BENCH_ROLLUP_ACCOUNTS` sets how many accounts (default 10,000).
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';
import type { WorkspaceId } from '../src/lib/ids.ts';
import { benchDatabase, ms, timed, type BenchResult } from './support.ts';
import { rollUpEverything, usageDays as days, yearOfUsage } from './yearOfUsage.ts';

const accounts = Number(process.env.STEWARD_BENCH_ROLLUP_ACCOUNTS ?? 10_000);

export async function rollupBenchmark(): Promise<BenchResult[]> {
  const { deps, stop } = await benchDatabase();
  const { db } = deps;
  try {
    // One event per account and day, by one of five users, a login one day in seven.
    const { workspaceId, events, loadMs } = await yearOfUsage(db, {
      name: 'Rollup bench',
      accounts,
      event: sql`case when d % 7 = 0 then 'Signed In' else 'Report Viewed' end`,
      featureKey: sql`case when d % 7 = 0 then 'Signed In' else 'reports' end`,
    });
    // The GROUP BY runs before the refresh and after it (the machine's pace drifts over a run);
    // the refresh is set against their mean. Each write starts with no dirty pages to flush.
    const groupBy = async (table: string) => {
      await sql`checkpoint`.execute(db);
      return timed(() =>
        sql`create table ${sql.raw(table)} as
          select account_id, (occurred_at at time zone 'UTC')::date as day, feature_key,
            count(*) as events, count(distinct user_id) as users
          from usage_events where workspace_id = ${workspaceId}
          group by 1, 2, 3`.execute(db),
      );
    };
    await sql`analyze usage_events`.execute(db);
    const before = await groupBy('bench_rollup_baseline_before');
    await sql`checkpoint`.execute(db);
    const refresh = await timed(() => rollUpEverything(db, workspaceId));
    const rolled = await db
      .selectFrom('usage_days')
      .select((eb) => eb.fn.sum<number>('events').as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    if (Number(rolled.n) !== events) throw new Error(`rolled up ${rolled.n} of ${events} events`);
    const after = await groupBy('bench_rollup_baseline_after');
    const groupByMs = (before.ms + after.ms) / 2;

    const stored = await storingFloor(db, workspaceId);
    return [
      {
        name: `rollup refresh: ${accounts.toLocaleString('en-US')} accounts × ${days} days (${events.toLocaleString('en-US')} raw events) into usage_months and usage_month_users`,
        figure: `${ms(refresh.ms)}, ${(refresh.ms / groupByMs).toFixed(1)}× the GROUP BY (${Math.round(events / (refresh.ms / 1000)).toLocaleString('en-US')} events/s; loading the raw events took ${ms(loadMs)})`,
        baseline: `one hand-written GROUP BY of the same events into a plain table: ${ms(groupByMs)} (${ms(before.ms)} before the refresh, ${ms(after.ms)} after)`,
        target: '≤ 3× the GROUP BY',
        holds: refresh.ms <= 3 * groupByMs,
      },
      {
        name: `rollup refresh's floor: the same finished rollup rows (${stored.months.toLocaleString('en-US')} months of counts, ${stored.users.toLocaleString('en-US')} of users) inserted into empty copies of the two tables, nothing counted and no conflict checked`,
        figure: `${ms(stored.ms)}, ${(stored.ms / groupByMs).toFixed(1)}× the GROUP BY (the refresh is ${(refresh.ms / stored.ms).toFixed(1)}× it)`,
        baseline: `the GROUP BY above: ${ms(groupByMs)}`,
      },
    ];
  } finally {
    await stop();
  }
}

/**
 * The refreshed rows of usage_months and usage_month_users, set aside and then inserted, in key
 * order, into empty copies of the two tables with their primary keys (their only indexes): the
 * least two keyed tables pay for that many rows.
 */
async function storingFloor(db: Db, workspaceId: WorkspaceId) {
  await sql`create table bench_floor_months_rows as
    select * from usage_months where workspace_id = ${workspaceId}`.execute(db);
  await sql`create table bench_floor_users_rows as
    select * from usage_month_users where workspace_id = ${workspaceId}`.execute(db);
  await sql`vacuum analyze bench_floor_months_rows, bench_floor_users_rows`.execute(db);
  await sql`create table bench_floor_months (like usage_months including indexes);
    create table bench_floor_users (like usage_month_users including indexes)`.execute(db);
  await sql`checkpoint`.execute(db);
  const stored = await timed(async () => {
    await sql`insert into bench_floor_months select * from bench_floor_months_rows
      order by workspace_id, month, account_id, feature_key`.execute(db);
    await sql`insert into bench_floor_users select * from bench_floor_users_rows
      order by workspace_id, month, account_id, feature_key, user_id`.execute(db);
  });
  const { rows } = await sql<{ months: number; users: number }>`select
      (select count(*) from bench_floor_months)::int as months,
      (select count(*) from bench_floor_users)::int as users`.execute(db);
  return { months: rows[0]?.months ?? 0, users: rows[0]?.users ?? 0, ms: stored.ms };
}

if (import.meta.main) {
  for (const result of await rollupBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
