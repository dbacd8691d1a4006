// Health scores one account in a few milliseconds, but its support measure also asks when the
// workspace's help desk last sent anything (the newest ticket opened or solved): without an
// index that read every ticket of the workspace on each rescore. One index for each instant,
// walked backwards from the moment scored.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index support_tickets_opened_idx on support_tickets (workspace_id, opened_at);
    create index support_tickets_solved_idx on support_tickets (workspace_id, solved_at)
      where solved_at is not null;
  `.execute(db);
}
