// Reads a workspace's rows for the export, a page at a time in key order, from the tables of
// every module below (read only: the export writes nothing). SQL is generic over the catalog
// in entities.ts: a table, its key columns, and whether it keeps deleted rows.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import type { ExportSource } from './entities.ts';

export type ExportRow = Record<string, unknown>;

/** The rows after `after` (the last page's key values), at most `limit`, in key order. */
export async function readPage(
  db: Db,
  workspaceId: WorkspaceId,
  source: ExportSource,
  after: readonly unknown[] | null,
  limit: number,
): Promise<ExportRow[]> {
  const keys = sql.join(source.keys.map((k) => sql.ref(k)));
  const values = after ? sql.join(after.map((v) => sql`${v}`)) : null;
  const result = await sql<ExportRow>`
    select * from ${sql.table(source.table)}
    where workspace_id = ${workspaceId}
      ${source.softDeleted ? sql`and deleted_at is null` : sql``}
      ${values ? sql`and row(${keys}) > row(${values})` : sql``}
    order by ${keys}
    limit ${limit}`.execute(db);
  return result.rows;
}

/** The workspace's name, for the document and the file names. */
export async function workspaceOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('workspaces')
    .select(['id', 'name', 'slug'])
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}
