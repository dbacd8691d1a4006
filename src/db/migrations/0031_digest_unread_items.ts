// A digest carries what its reader has not seen: an item read in the inbox before the morning
// is not sent again by e-mail (notify/store/digests.ts). The digest builder's index holds
// unread items only, so an item read and never digested leaves it instead of staying there.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index notifications_digest_idx;
    create index notifications_digest_idx on notifications (user_id, created_at)
      where urgency = 'digest' and digest_id is null and read_at is null;
  `.execute(db);
}
