// The daily usage rollups lose their foreign keys to accounts, as 0019 took those to
// workspaces: every rollup row an intake batch or a refresh wrote ran a trigger that looked
// up its account and share-locked it, a third of a rollup refresh's time (bench/rollups.ts).
// Accounts are archived (deleted_at), not deleted; the rows that are deleted — an account, or a
// whole workspace, whose accounts go by cascade — take their rollups with them through one
// statement-level trigger on accounts instead, which costs intake nothing per row.
// The day indexes of 0006 stay, though every rollup row keeps them up: PostgreSQL 18 does skip
// through the primary key's accounts for a workspace's day range, but only as an index-only
// scan; on pages not yet all-visible (the days intake is writing) health's 30- and 60-day
// windows over 10,000 accounts read the whole table without them, 2-4× slower, and the full
// recompute took 9.2 s instead of 4.8 s (bench/health.ts).
// The rollups stay keyed by workspace first, as a table distributed by workspace (Citus) needs;
// docs/scaling.md.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table usage_daily drop constraint usage_daily_account_id_fkey;
    alter table usage_daily_users drop constraint usage_daily_users_account_id_fkey;

    create function delete_usage_rollups_of_accounts() returns trigger
    language plpgsql as $$
    begin
      delete from usage_daily d using deleted_accounts a
        where d.workspace_id = a.workspace_id and d.account_id = a.id;
      delete from usage_daily_users u using deleted_accounts a
        where u.workspace_id = a.workspace_id and u.account_id = a.id;
      return null;
    end
    $$;
    create trigger accounts_delete_usage_rollups after delete on accounts
      referencing old table as deleted_accounts
      for each statement execute function delete_usage_rollups_of_accounts();
  `.execute(db);
}
