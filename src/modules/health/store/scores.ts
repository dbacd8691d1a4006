// SQL for health scores: the accounts to score, past scores, and the set-based writes of history,
// current scores and category moves. Every statement covers all the accounts at once.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { ChurnRiskLevel, HealthCategory, MeasureKey } from '../../../db/schema.ts';
import { churnRiskLevelSchema } from '../../../lib/vocabulary.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';

/** Every workspace: the daily rescore goes through them all. */
export async function workspaceIds(db: Db): Promise<WorkspaceId[]> {
  const rows = await db.selectFrom('workspaces').select('id').execute();
  return rows.map((r) => r.id as WorkspaceId);
}

/**
 * The accounts among `accountIds` (else the workspace's) to score today. A churned account keeps
 * the score it left with: scored on, it would fall each day with nobody using it, and each fall
 * would be announced to its CSM and to webhooks as news about a customer already gone. A past
 * day replayed (`withChurned`) scores it as it stood then, maybe before it left: the backtest
 * reads those scores.
 */
export function accountsToScore(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[] | undefined,
  withChurned: boolean,
) {
  return db
    .selectFrom('accounts')
    .select(['id', 'name', 'tier', 'arr_amount', 'currency', 'renewal_date', 'stage', 'owner_id'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .$if(!withChurned, (q) => q.where('stage', '<>', 'churned'))
    .$if(accountIds !== undefined, (q) => q.where('id', 'in', accountIds ?? []))
    .execute();
}

export type AccountToScore = Awaited<ReturnType<typeof accountsToScore>>[number];

export type HistoryRow = {
  account_id: string;
  day: string;
  score: number | null;
  category: HealthCategory | null;
} & Record<MeasureKey, number | null>;

/** Scores on the given days, for the given accounts (or all). */
export function pastScores(
  db: Db,
  workspaceId: string,
  days: readonly string[],
  accountIds?: readonly string[],
): Promise<HistoryRow[]> {
  return db
    .selectFrom('health_history')
    .select([
      'account_id',
      'day',
      'score',
      'category',
      'usage',
      'support',
      'engagement',
      'billing',
      'outcomes',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('day', 'in', [...days])
    .$if(accountIds !== undefined, (q) => q.where('account_id', 'in', accountIds ?? []))
    .execute();
}

export async function writeHistory(db: Db, workspaceId: string, rows: readonly HistoryRow[]) {
  if (rows.length === 0) return;
  const column = <K extends keyof HistoryRow>(key: K) => rows.map((r) => r[key]);
  await sql`
    insert into health_history (workspace_id, account_id, day, score, category,
      usage, support, engagement, billing, outcomes)
    select ${workspaceId}, * from unnest(
      ${column('account_id')}::uuid[], ${column('day')}::date[], ${column('score')}::smallint[],
      ${column('category')}::text[], ${column('usage')}::smallint[], ${column('support')}::smallint[],
      ${column('engagement')}::smallint[], ${column('billing')}::smallint[],
      ${column('outcomes')}::smallint[])
    on conflict (workspace_id, account_id, day) do update set
      score = excluded.score, category = excluded.category, usage = excluded.usage,
      support = excluded.support, engagement = excluded.engagement, billing = excluded.billing,
      outcomes = excluded.outcomes
    -- Rescoring a day again mostly finds the same scores: those rows are left as they are.
    where (health_history.score, health_history.category, health_history.usage,
        health_history.support, health_history.engagement, health_history.billing,
        health_history.outcomes)
      is distinct from (excluded.score, excluded.category, excluded.usage, excluded.support,
        excluded.engagement, excluded.billing, excluded.outcomes)`.execute(db);
}

export type CurrentScore = {
  accountId: string;
  score: number | null;
  category: HealthCategory | null;
  /** JSON text of the measures (an array). */
  measures: string;
  /** JSON text of the churn risk assessment (an object). */
  churnRisk: string;
};

/**
 * The scores as one JSON document (an array of records), sent as a single parameter: the
 * measures' JSON goes in as it is, not escaped again inside an array literal of texts.
 */
function scoresDocument(rows: readonly CurrentScore[]): string {
  return `[${rows
    .map(
      (r) =>
        `{"id":${JSON.stringify(r.accountId)},"score":${JSON.stringify(r.score)},"category":${JSON.stringify(r.category)},"measures":${r.measures},"churn_risk":${r.churnRisk}}`,
    )
    .join(',')}]`;
}

/** An account whose churn risk level rose with this score (told to integrations, webhooks). */
export type RiskRise = { accountId: string; from: ChurnRiskLevel; to: ChurnRiskLevel };

export type Move = {
  /** The health_moves row: plays fire once per move, keyed by it. */
  id: string;
  accountId: string;
  from: HealthCategory | null;
  to: HealthCategory;
  score: number | null;
};

/**
 * Writes the current scores, answering the accounts whose category moved. Two rescores of one
 * account take turns: each first holds the account's row (`for no key update`: a lock, not a
 * write — it keeps out another rescore, not intake's foreign-key checks on the account), then
 * reads the category before and writes the new one in a statement that starts after the other
 * rescore committed, so they never both see the same move. The lock lasts as long as the
 * transaction: the three statements run in one (the caller's, when it passes one).
 */
export async function writeCurrentScores(
  db: Db,
  workspaceId: string,
  day: string,
  computedAt: Date,
  rows: readonly CurrentScore[],
): Promise<{ moves: Move[]; riskRises: RiskRise[] }> {
  if (rows.length === 0) return { moves: [], riskRises: [] };
  const write = (trx: Db) => writeInTransaction(trx, workspaceId, day, computedAt, rows);
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

async function writeInTransaction(
  db: Db,
  workspaceId: string,
  day: string,
  computedAt: Date,
  rows: readonly CurrentScore[],
): Promise<{ moves: Move[]; riskRises: RiskRise[] }> {
  const ids = rows.map((r) => r.accountId);
  await sql`
    select id from accounts where workspace_id = ${workspaceId} and id = any(${ids}::uuid[])
    order by id
    for no key update`.execute(db);
  const { rows: moved } = await sql<{
    account_id: string;
    previous: HealthCategory | null;
    category: HealthCategory | null;
    score: number | null;
    previous_risk: string | null;
    risk: string | null;
  }>`
    with written as (
      insert into health_scores (account_id, workspace_id, day, score, category, measures, churn_risk, computed_at)
      select id, ${workspaceId}, ${day}::date, score, category, measures, churn_risk, ${computedAt}
      from json_to_recordset(${scoresDocument(rows)}::json)
        as t(id uuid, score smallint, category text, measures json, churn_risk json)
      on conflict (account_id) do update set day = excluded.day, score = excluded.score,
        category = excluded.category, measures = excluded.measures,
        churn_risk = excluded.churn_risk, computed_at = excluded.computed_at
      returning account_id, category, score, churn_risk->>'level' as risk
    )
    -- The statement's snapshot predates its own insert: "old" holds the scores before it. (No
    -- id list here: beside the join, an "= any(ids)" made every probe re-read all the ids.)
    select w.account_id, old.category as previous, w.category, w.score,
      old.risk_level as previous_risk, w.risk
    from written w
    left join health_scores old on old.account_id = w.account_id
      and old.workspace_id = ${workspaceId}`.execute(db);
  // A first assessment is not a rise, as a first score is not a move.
  const rank = (level: string | null) =>
    churnRiskLevelSchema.options.indexOf(level as ChurnRiskLevel);
  const riskRises = moved
    .filter((m) => rank(m.previous_risk) >= 0 && rank(m.risk) > rank(m.previous_risk))
    .map((m) => ({
      accountId: m.account_id,
      from: m.previous_risk as ChurnRiskLevel,
      to: m.risk as ChurnRiskLevel,
    }));
  const changed = moved.filter(
    (m): m is typeof m & { category: HealthCategory } =>
      m.category !== null && m.category !== m.previous,
  );
  if (changed.length === 0) return { moves: [], riskRises };
  // One array per column: a first scoring moves every account, past the 65,535 parameters a
  // statement may have with one parameter per value.
  const { rows: inserted } = await sql<{
    id: string;
    account_id: string;
    from_category: HealthCategory | null;
    to_category: HealthCategory;
    score: number | null;
  }>`
    insert into health_moves (workspace_id, account_id, from_category, to_category, score, moved_at)
    select ${workspaceId}, account_id, from_category, to_category, score, ${computedAt}
    from unnest(${changed.map((m) => m.account_id)}::uuid[], ${changed.map((m) => m.previous)}::text[],
      ${changed.map((m) => m.category)}::text[], ${changed.map((m) => m.score)}::smallint[])
      as t(account_id, from_category, to_category, score)
    returning id, account_id, from_category, to_category, score`.execute(db);
  const moves = inserted.map((m) => ({
    id: m.id,
    accountId: m.account_id,
    from: m.from_category,
    to: m.to_category,
    score: m.score,
  }));
  return { moves, riskRises };
}
