// The day view of the usage rollups (usage_days, migration 0035) shows each day's month too, so a
// read that pages through the days can follow the month rows' key (workspace, month, account,
// feature) and start each page where the last one stopped: the workspace export did its pages
// by account and day, a computed column, and so unnested and sorted every month row of the
// workspace for each page. The month goes last, as CREATE OR REPLACE VIEW allows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace view usage_days as
      select m.workspace_id, m.account_id, m.month + d.day_of_month - 1 as day, m.feature_key,
        d.events, d.logins, m.month
      from usage_months m, unnest(m.days, m.events, m.logins) d(day_of_month, events, logins);
  `.execute(db);
}
