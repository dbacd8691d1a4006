// Defining a feature after a year of tracking: 1 million kept raw events (2,740 accounts ×
// 365 days, one event each, four event names no feature claims) and their daily rollups;
// then `Reports = Report *` is defined through defineFeature (the request: the catalog lock,
// the insert, what its names claim, the queued job), and the job moves the half of the history
// its names claim (raw events re-keyed, rollup rows merged by key), a month per transaction.
// Then `Export = Report Exported` takes a quarter of the events from Reports (their share of
// its rollup rows, counted from the raw events).
// Baseline, same run, same rows: the rollups recounted from the raw events by the statement
// steps live intake runs, which a move by recount would need at least.
// `STEWARD_BENCH_HISTORY_ACCOUNTS` sets how many accounts (default 2,740).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { WorkspaceId } from '../src/lib/ids.ts';
import { moveFeatureHistory } from '../src/modules/intake/segment/features.ts';
import { defineFeature, ensurePartitions } from '../src/modules/intake/segment/index.ts';
import { changedColumns, rollupSteps } from '../src/modules/intake/segment/store/rollups.ts';
import { benchDatabase, ms, timed, type BenchResult } from './support.ts';

const accounts = Number(process.env.STEWARD_BENCH_HISTORY_ACCOUNTS ?? 2_740);
const days = 365;
const dayMs = 86_400_000;

export async function featureHistoryBenchmark(): Promise<BenchResult[]> {
  const { deps, stop } = await benchDatabase();
  const { db } = deps;
  try {
    const workspace = await db
      .insertInto('workspaces')
      .values({ name: 'History bench', slug: `history-${randomUUID().slice(0, 8)}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const workspaceId = workspace.id as WorkspaceId;
    await sql`insert into accounts (workspace_id, name, external_id)
      select ${workspaceId}::uuid, 'Account ' || g, 'acct-' || g
      from generate_series(1, ${accounts}) g`.execute(db);
    const today = new Date(new Date().toISOString().slice(0, 10));
    const first = new Date(today.getTime() - (days - 1) * dayMs);
    await ensurePartitions(
      db,
      Array.from({ length: 14 }, (_, m) => new Date(first.getTime() + m * 31 * dayMs)),
    );
    const names = ['Report Viewed', 'Report Exported', 'Dashboard Opened', 'Signed In'];
    await sql`insert into usage_events (workspace_id, message_id, occurred_at, received_at, type,
        event, feature_key, user_id, account_id)
      select ${workspaceId}::uuid, a.external_id || '-' || d, ${first}::timestamptz + d * interval '1 day' + interval '9 hours',
        now(), 'track', (${names}::text[])[1 + (d + a.n) % 4], (${names}::text[])[1 + (d + a.n) % 4],
        'user-' || (d % 5), a.id
      from (select id, external_id, row_number() over () as n from accounts
        where workspace_id = ${workspaceId}) a, generate_series(0, ${days - 1}) d`.execute(db);
    const events = accounts * days;
    const recount = await timed(() =>
      sql`with changed as (
          select ${changedColumns()} from usage_events where workspace_id = ${workspaceId}
        ),
        ${rollupSteps(workspaceId)}
        select count(*)::int as n from changed`.execute(db),
    );
    await sql`vacuum analyze usage_events`.execute(db);
    await sql`vacuum analyze usage_daily`.execute(db);
    await sql`vacuum analyze usage_daily_users`.execute(db);

    const defined = await timed(() =>
      defineFeature(
        db,
        { workspaceId, userId: null },
        { key: 'reports', label: 'Reports', events: ['Report *'], premium: false, value: false },
      ),
    );
    const feature = defined.value;
    const job = await timed(() => moveFeatureHistory(db, workspaceId, feature));
    const moved = job.value;
    if (
      moved.events !== feature.history.events ||
      moved.rollupRows !== feature.history.rollupRows
    ) {
      throw new Error(`moved ${JSON.stringify(moved)}, claimed ${JSON.stringify(feature.history)}`);
    }
    // Then `Export = Report Exported`: its kept events leave Reports with their share of its rows.
    const exports = await defineFeature(
      db,
      { workspaceId, userId: null },
      { key: 'export', label: 'Export', events: ['Report Exported'], premium: false, value: false },
    );
    const split = await timed(() => moveFeatureHistory(db, workspaceId, exports));
    const exported = await sql<{ n: number }>`select coalesce(sum(events), 0)::int as n
      from usage_daily where workspace_id = ${workspaceId} and feature_key = 'export'`.execute(db);
    if (exported.rows[0]?.n !== split.value.events) throw new Error('export rollups differ');
    const left = await sql<{ n: number }>`select count(*)::int as n from usage_daily
      where workspace_id = ${workspaceId} and feature_key like 'Report %'`.execute(db);
    if (left.rows[0]?.n !== 0) throw new Error('rollup rows left under an event name');
    return [
      {
        name: `defining a feature over ${events.toLocaleString('en-US')} kept raw events (${accounts.toLocaleString('en-US')} accounts × ${days} days): the request, then the history move job`,
        figure: `request ${ms(defined.ms)}; job ${ms(job.ms)} (${moved.events.toLocaleString('en-US')} raw events re-keyed, ${moved.rollupRows.toLocaleString('en-US')} rollup rows merged, a month per transaction)`,
        baseline: `recounting the same workspace's rollups from its raw events: ${ms(recount.ms)}`,
      },
      {
        name: 'then an exact-name feature over one of those names: the history move job',
        figure: `${ms(split.ms)} (${split.value.events.toLocaleString('en-US')} raw events re-keyed, their counts and people taken off the pattern feature's rows)`,
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
