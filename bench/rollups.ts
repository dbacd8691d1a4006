// Rollup refresh benchmark: a year of raw usage for 10,000 accounts (one event per account
// and day, 3.65 million) rolled up again into usage_daily and usage_daily_users by the
// statement steps live intake runs (segment/store/rollups.ts), as a rebuild after a catalog
// change would.
// Baseline, same run, same rows: one hand-written GROUP BY over the raw events into a plain
// table, the floor for reading and aggregating that much (target: the refresh ≤ 3× it).
// `STEWARD_BENCH_ROLLUP_ACCOUNTS` sets how many accounts (default 10,000).
import { sql } from 'kysely';
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
    await sql`analyze usage_events`.execute(db);

    const refresh = await timed(() => rollUpEverything(db, workspaceId));
    const rolled = await db
      .selectFrom('usage_daily')
      .select((eb) => eb.fn.sum<number>('events').as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    if (Number(rolled.n) !== events) throw new Error(`rolled up ${rolled.n} of ${events} events`);

    const aggregate = await timed(() =>
      sql`create table bench_rollup_baseline as
        select account_id, (occurred_at at time zone 'UTC')::date as day, feature_key,
          count(*) as events, count(distinct user_id) as users
        from usage_events where workspace_id = ${workspaceId}
        group by 1, 2, 3`.execute(db),
    );
    return [
      {
        name: `rollup refresh: ${accounts.toLocaleString('en-US')} accounts × ${days} days (${events.toLocaleString('en-US')} raw events) into usage_daily and usage_daily_users`,
        figure: `${ms(refresh.ms)}, ${(refresh.ms / aggregate.ms).toFixed(1)}× the GROUP BY (${Math.round(events / (refresh.ms / 1000)).toLocaleString('en-US')} events/s; loading the raw events took ${ms(loadMs)})`,
        baseline: `one hand-written GROUP BY of the same events into a plain table: ${ms(aggregate.ms)}`,
        target: '≤ 3× the GROUP BY',
        holds: refresh.ms <= 3 * aggregate.ms,
      },
    ];
  } finally {
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await rollupBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
