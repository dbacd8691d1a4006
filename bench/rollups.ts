// Rollup refresh benchmark: a year of raw usage for 10,000 accounts (one event per account
// and day, 3.65 million) rolled up again into usage_daily and usage_daily_users by the
// statement steps live intake runs (segment/store/rollups.ts), as a rebuild after a catalog
// change would.
// Baseline, same run, same rows: one hand-written GROUP BY over the raw events into a plain
// table, the floor for reading and aggregating that much, run before the refresh and after it
// (target: the refresh ≤ 3× their mean).
// Beside it, the floor for storing the result: the finished rollup rows copied by a plain insert
// into tables with the rollups' own keys, nothing counted and no conflict checked; and the least
// a rebuild that swapped in whole new tables would cost: the events counted into tables with no
// index, then their keys and day indexes built in one pass each.
// `STEWARD_BENCH_ROLLUP_ACCOUNTS` sets how many accounts (default 10,000).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../src/db/connect.ts';
import type { WorkspaceId } from '../src/lib/ids.ts';
import { changedColumns, isLoginEvent } from '../src/modules/intake/segment/store/rollups.ts';
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
      .selectFrom('usage_daily')
      .select((eb) => eb.fn.sum<number>('events').as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    if (Number(rolled.n) !== events) throw new Error(`rolled up ${rolled.n} of ${events} events`);
    const after = await groupBy('bench_rollup_baseline_after');
    const groupByMs = (before.ms + after.ms) / 2;

    const stored = await storingFloor(db, workspaceId);
    const rebuilt = await rebuildFloor(db, workspaceId);
    return [
      {
        name: `rollup refresh: ${accounts.toLocaleString('en-US')} accounts × ${days} days (${events.toLocaleString('en-US')} raw events) into usage_daily and usage_daily_users`,
        figure: `${ms(refresh.ms)}, ${(refresh.ms / groupByMs).toFixed(1)}× the GROUP BY (${Math.round(events / (refresh.ms / 1000)).toLocaleString('en-US')} events/s; loading the raw events took ${ms(loadMs)})`,
        baseline: `one hand-written GROUP BY of the same events into a plain table: ${ms(groupByMs)} (${ms(before.ms)} before the refresh, ${ms(after.ms)} after)`,
        target: '≤ 3× the GROUP BY',
        holds: refresh.ms <= 3 * groupByMs,
      },
      {
        name: `rollup refresh's floor: the same ${stored.rows.toLocaleString('en-US')} finished rollup rows inserted into empty copies of the two tables, nothing counted and no conflict checked`,
        figure: `with their keys and day indexes ${ms(stored.indexedMs)}, ${(stored.indexedMs / groupByMs).toFixed(1)}× the GROUP BY (the refresh is ${(refresh.ms / stored.indexedMs).toFixed(1)}× it); with the primary keys alone ${ms(stored.keyedMs)}, ${(stored.keyedMs / groupByMs).toFixed(1)}×`,
        baseline: `the GROUP BY above: ${ms(groupByMs)}`,
      },
      {
        name: `a rebuild into new tables: the same events counted into copies of the two tables with no index, then their keys and day indexes built`,
        figure: `${ms(rebuilt.countMs + rebuilt.indexMs)}, ${((rebuilt.countMs + rebuilt.indexMs) / groupByMs).toFixed(1)}× the GROUP BY (counting ${ms(rebuilt.countMs)}, ${(rebuilt.countMs / groupByMs).toFixed(1)}×; the indexes ${ms(rebuilt.indexMs)}, ${(rebuilt.indexMs / groupByMs).toFixed(1)}×)`,
        baseline: `the GROUP BY above: ${ms(groupByMs)}`,
      },
    ];
  } finally {
    await stop();
  }
}

/**
 * The refreshed rows of usage_daily and usage_daily_users, set aside and then inserted, in key
 * order, into empty copies of the two tables: once with all their indexes (the primary keys and
 * the day indexes health reads windows by), once with the primary keys alone, the least two
 * keyed tables pay for that many rows.
 */
async function storingFloor(db: Db, workspaceId: WorkspaceId) {
  await sql`create table bench_floor_daily_rows as
    select * from usage_daily where workspace_id = ${workspaceId}`.execute(db);
  await sql`create table bench_floor_users_rows as
    select * from usage_daily_users where workspace_id = ${workspaceId}`.execute(db);
  await sql`vacuum analyze bench_floor_daily_rows, bench_floor_users_rows`.execute(db);
  const store = async (tables: RawBuilder<unknown>) => {
    await sql`drop table if exists bench_floor_daily, bench_floor_users`.execute(db);
    await tables.execute(db);
    await sql`checkpoint`.execute(db);
    return timed(async () => {
      await sql`insert into bench_floor_daily select * from bench_floor_daily_rows
        order by workspace_id, account_id, day, feature_key`.execute(db);
      await sql`insert into bench_floor_users select * from bench_floor_users_rows
        order by workspace_id, account_id, day, feature_key, user_id`.execute(db);
    });
  };
  const indexed =
    await store(sql`create table bench_floor_daily (like usage_daily including indexes);
    create table bench_floor_users (like usage_daily_users including indexes)`);
  const keyed = await store(sql`create table bench_floor_daily (like usage_daily);
    alter table bench_floor_daily add primary key (workspace_id, account_id, day, feature_key);
    create table bench_floor_users (like usage_daily_users);
    alter table bench_floor_users add primary key (workspace_id, account_id, day, feature_key, user_id)`);
  const { rows } = await sql<{ n: number }>`select
      (select count(*) from bench_floor_daily) + (select count(*) from bench_floor_users) as n`.execute(
    db,
  );
  return { rows: Number(rows[0]?.n), indexedMs: indexed.ms, keyedMs: keyed.ms };
}

/**
 * The same events counted by the rollup steps' own sort, but into empty copies of the two tables
 * that have no index, each distinct event name matched once (as an intake batch does); then the
 * tables' primary keys and day indexes built in one pass each. The least a rebuild costs that
 * writes whole new tables and swaps them in, with no row kept up in an index as it goes.
 */
async function rebuildFloor(db: Db, workspaceId: WorkspaceId) {
  const { rows: names } = await sql<{ event: string }>`
    select distinct event from usage_events where workspace_id = ${workspaceId}`.execute(db);
  const logins = names.map((n) => n.event).filter(isLoginEvent);
  await sql`create table bench_rebuild_daily (like usage_daily);
    create table bench_rebuild_users (like usage_daily_users)`.execute(db);
  await sql`checkpoint`.execute(db);
  const counted = await timed(() =>
    sql`with sorted as materialized (
        select ${changedColumns(logins)} from usage_events
        where workspace_id = ${workspaceId} and account_id is not null
        order by account_id, day, feature_key, actor
      ),
      daily as (
        insert into bench_rebuild_daily
        select ${workspaceId}::uuid, account_id, day, feature_key, count(*), count(*) filter (where is_login)
        from sorted group by account_id, day, feature_key
      )
      insert into bench_rebuild_users
      select distinct ${workspaceId}::uuid, account_id, day, feature_key, actor
      from sorted where actor is not null`.execute(db),
  );
  const indexed = await timed(() =>
    sql`alter table bench_rebuild_daily add primary key (workspace_id, account_id, day, feature_key);
      create index on bench_rebuild_daily (workspace_id, day);
      alter table bench_rebuild_users add primary key (workspace_id, account_id, day, feature_key, user_id);
      create index on bench_rebuild_users (workspace_id, day)`.execute(db),
  );
  return { countMs: counted.ms, indexMs: indexed.ms };
}

if (import.meta.main) {
  for (const result of await rollupBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
