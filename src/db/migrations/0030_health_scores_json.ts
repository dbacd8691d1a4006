// An account's current measures and churn risk are stored as `json` (the text as written), not
// `jsonb`. Each rescore writes both documents whole and every reader reads them whole; the one
// field looked at inside, the risk level, is kept in its own generated column. Converting each
// document to jsonb's binary form on the way in was work no query used: 10,000 accounts' current
// scores (2.1 KB of JSON each) took 0.77–1.29 s to write in one statement as json against
// 1.17–2.16 s as jsonb, the two tried in turn on bench/health.ts's data, and the stored
// measures are smaller (782 bytes an account against 977).
// The generated risk level and the view that shows it depend on `churn_risk`, so they go and
// come back as they were.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop view account_health;
    alter table health_scores drop column risk_level;
    alter table health_scores
      alter column measures type json using measures::json,
      alter column churn_risk type json using churn_risk::json;
    alter table health_scores
      add column risk_level text generated always as (churn_risk->>'level') stored
        check (risk_level in ('low', 'medium', 'high', 'critical'));
    create index health_scores_risk_idx on health_scores (workspace_id, risk_level);
    create view account_health as
      select account_id, workspace_id, score, category, risk_level from health_scores;
  `.execute(db);
}
