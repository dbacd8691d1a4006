// Reads a workspace's rows for the export, a page at a time in key order, from the tables of
// every module below (read only: the export writes nothing). SQL is generic over the catalog
// in entities.ts: a table, its key columns (and how many of them an index can seek to), and
// whether it keeps deleted rows.
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
  const row = (items: readonly unknown[]) => sql`row(${sql.join(items)})`;
  const keys = source.keys.map((k) => sql.ref(k));
  const seek = source.indexedKeys ?? 0;
  const result = await sql<ExportRow>`
    select * from ${sql.table(source.table)}
    where workspace_id = ${workspaceId}
      ${source.softDeleted ? sql`and deleted_at is null` : sql``}
      ${after && seek ? sql`and ${row(keys.slice(0, seek))} >= ${row(after.slice(0, seek))}` : sql``}
      ${after ? sql`and ${row(keys)} > ${row(after)}` : sql``}
    order by ${sql.join(keys)}
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
