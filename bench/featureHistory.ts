// Defining a feature after a year of tracking: 1 million kept raw events (2,740 accounts ×
// 365 days, one event each, four event names no feature claims) and their month rollups;
// then `Reports = Report *` is defined through defineFeature (the request: the catalog lock,
// the insert, whether the workspace keeps usage, the queued job), and the job reads what its
// names claim (every kept event's distinct name and key, and the rollups' keys) and moves that
// half of the history (raw events re-keyed, month rows merged by key), a month per transaction.
// Then `Export = Report Exported` takes a quarter of the events from Reports (their share of
// its days, counted from the raw events).
// Baseline, same run, same rows: the rollups recounted from the raw events by the statement
// steps live intake runs, which a move by recount would need at least.
// `STEWARD_BENCH_HISTORY_ACCOUNTS` sets how many accounts (default 2,740).
import { sql } from 'kysely';
import { moveFeatureHistory } from '../src/modules/intake/segment/features.ts';
import { defineFeature } from '../src/modules/intake/segment/index.ts';
import { eventKeys, rollupKeys } from '../src/modules/intake/segment/store/featureHistory.ts';
import { benchDatabase, ms, timed, type BenchResult } from './support.ts';
import { rollUpEverything, usageDays as days, yearOfUsage } from './yearOfUsage.ts';

const accounts = Number(process.env.STEWARD_BENCH_HISTORY_ACCOUNTS ?? 2_740);

export async function featureHistoryBenchmark(): Promise<BenchResult[]> {
  const { deps, stop } = await benchDatabase();
  const { db } = deps;
  try {
    const names = sql<string>`(${['Report Viewed', 'Report Exported', 'Dashboard Opened', 'Signed In']}::text[])[1 + (d + a.n) % 4]`;
    const { workspaceId, events } = await yearOfUsage(db, {
      name: 'History bench',
      accounts,
      event: names,
      featureKey: names,
    });
    const recount = await timed(() => rollUpEverything(db, workspaceId));
    await sql`vacuum analyze usage_events`.execute(db);
    await sql`vacuum analyze usage_months`.execute(db);
    await sql`vacuum analyze usage_month_users`.execute(db);

    const defined = await timed(() =>
      defineFeature(
        db,
        { workspaceId, userId: null },
        { key: 'reports', label: 'Reports', events: ['Report *'], premium: false, value: false },
      ),
    );
    const feature = defined.value;
    // The read the job starts with (the request made it under the catalog lock until now).
    const claimRead = await timed(async () => {
      await eventKeys(db, workspaceId);
      await rollupKeys(db, workspaceId);
    });
    const job = await timed(() => moveFeatureHistory(db, workspaceId, feature));
    const moved = job.value;
    const reports = await sql<{ n: number }>`select count(*)::int as n from usage_events
      where workspace_id = ${workspaceId} and feature_key = 'reports'`.execute(db);
    if (!feature.history.counting || moved.events !== reports.rows[0]?.n) {
      throw new Error(
        `moved ${JSON.stringify(moved)}, ${String(reports.rows[0]?.n)} under reports`,
      );
    }
    // Then `Export = Report Exported`: its kept events leave Reports with their share of its rows.
    const exports = await defineFeature(
      db,
      { workspaceId, userId: null },
      { key: 'export', label: 'Export', events: ['Report Exported'], premium: false, value: false },
    );
    const split = await timed(() => moveFeatureHistory(db, workspaceId, exports));
    const exported = await sql<{ n: number }>`select coalesce(sum(e), 0)::int as n
      from usage_months m, unnest(m.events) e
      where m.workspace_id = ${workspaceId} and m.feature_key = 'export'`.execute(db);
    if (exported.rows[0]?.n !== split.value.events) throw new Error('export rollups differ');
    const left = await sql<{ n: number }>`select count(*)::int as n from usage_months
      where workspace_id = ${workspaceId} and feature_key like 'Report %'`.execute(db);
    if (left.rows[0]?.n !== 0) throw new Error('rollup rows left under an event name');
    return [
      {
        name: `defining a feature over ${events.toLocaleString('en-US')} kept raw events (${accounts.toLocaleString('en-US')} accounts × ${days} days): the request, then the history move job`,
        figure: `request ${ms(defined.ms)} (the read of what its names claim, now the job's: ${ms(claimRead.ms)}); job ${ms(job.ms)} (${moved.events.toLocaleString('en-US')} raw events re-keyed, ${moved.rollupRows.toLocaleString('en-US')} rolled-up days merged, a month per transaction)`,
        baseline: `recounting the same workspace's rollups from its raw events: ${ms(recount.ms)}`,
      },
      {
        name: 'then an exact-name feature over one of those names: the history move job',
        figure: `${ms(split.ms)} (${split.value.events.toLocaleString('en-US')} raw events re-keyed, their counts and people taken off the pattern feature's days)`,
        baseline: `the same recount: ${ms(recount.ms)}`,
      },
    ];
  } finally {
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await featureHistoryBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
