// The renewal pipeline asks, for every account renewing in its window, whether all of the
// account's contracts have ended (the forecast then calls the renewal lost). Ended contracts
// are the few: this index holds only them, so the question reads those few and probes each
// one's account for a live contract, where it read every contract of the workspace.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index contracts_ended_idx on contracts (workspace_id, account_id)
      where ended_at is not null or status in ('canceled', 'incomplete_expired');
  `.execute(db);
}
