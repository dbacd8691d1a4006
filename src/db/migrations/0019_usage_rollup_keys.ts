// The daily usage rollups lose their foreign key to workspaces: each row's account already
// references accounts (on delete cascade), and an account belongs to its workspace, so deleting a
// workspace still removes its rollups, through its accounts. The key cost every new rollup row a
// lookup and a share lock on the one workspace row that every concurrent intake batch of the
// workspace locked too (bench/intake.ts; bench/rollups.ts, where the four foreign-key triggers
// took 40% of a refresh). The rollups stay keyed by workspace first, as a table distributed by
// workspace (Citus) needs; docs/scaling.md.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table usage_daily drop constraint usage_daily_workspace_id_fkey;
    alter table usage_daily_users drop constraint usage_daily_users_workspace_id_fkey;
  `.execute(db);
}
