// The portfolio's pages walk an index in the order they are shown and stop after a page, also
// when filtered: a CSM's own accounts by name (the default page of every CSM, read before any
// filter), and one tier by ARR ("my biggest enterprise accounts"). Without them PostgreSQL walks
// the workspace's name or ARR index and skips every other CSM's or tier's accounts on the way.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Leads with (workspace_id, owner_id), so it also serves what accounts_owner_idx served.
    create index accounts_owner_name_idx on accounts (workspace_id, owner_id, lower(name), id)
      where deleted_at is null;
    drop index accounts_owner_idx;
    create index accounts_tier_arr_idx on accounts (workspace_id, tier, arr_amount, id)
      where deleted_at is null;
  `.execute(db);
}
