// Who removed an account, beside when: the removed accounts' list (accounts/removals.ts) says
// both, so a manager can tell a mistake from a decision before restoring one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table accounts add column deleted_by uuid references users on delete set null;
    create index accounts_removed_idx on accounts (workspace_id, deleted_at desc, id)
      where deleted_at is not null;
  `.execute(db);
}
