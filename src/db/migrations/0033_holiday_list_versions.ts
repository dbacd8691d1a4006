// The holiday list's version: an admin saves the whole list at once (work/holidays.ts), so a
// save names the version it was made from and is refused when another admin's save came first.
// A workspace without a row has never saved its holidays: version 0.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table workspace_holiday_versions (
      workspace_id uuid primary key references workspaces on delete cascade,
      version integer not null check (version >= 0)
    );
  `.execute(db);
}
