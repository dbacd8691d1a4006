// Health keeps its scores in its own table only. Until now it also copied each account's score,
// category and churn risk level into three columns of `accounts` — another module's table —
// for the portfolio to filter and sort by. The copies go; health owns a view of its current
// scores, `account_health`, and the accounts module joins it (accounts/store.ts).
//
// The copies were written in the same statement as `health_scores`, so that table already
// holds every scored account; an account the copies called scored and the table does not
// (none, unless edited by hand) shows "not scored" until the daily rescore.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The level the churn risk assessment gave, as a column the portfolio can filter on.
    alter table health_scores
      add column risk_level text generated always as (churn_risk->>'level') stored
        check (risk_level in ('low', 'medium', 'high', 'critical'));

    -- What other modules may read of an account's health: one row per scored account. The
    -- portfolio's health and risk filters and its health sort read these columns.
    create view account_health as
      select account_id, workspace_id, score, category, risk_level from health_scores;

    -- The portfolio sorted by health: the workspace's scores in order, joined to its accounts.
    create index health_scores_score_idx on health_scores (workspace_id, score, account_id);
    -- The portfolio and the churn-risk list filtered by risk level.
    create index health_scores_risk_idx on health_scores (workspace_id, risk_level);

    alter table accounts
      drop column health_score,
      drop column health_category,
      drop column churn_risk_level;
  `.execute(db);
}
