// Historical usage rollups come in through the same CSV import as accounts and contacts, so a
// web import may now be of `usage`.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table imports drop constraint imports_entity_check;
    alter table imports add constraint imports_entity_check
      check (entity in ('accounts', 'contacts', 'usage'));
  `.execute(db);
}
