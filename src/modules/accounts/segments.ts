// Saved segments: a named portfolio filter, private or shared with the workspace.
import type { Db } from '../../db/connect.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { issueErrors } from '../../lib/issues.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import { portfolioQuery, type CreateSegment } from './schema.ts';
import * as store from './store.ts';

type SegmentRow = Awaited<ReturnType<typeof store.segmentRows>>[number];

const describeSegment = (row: SegmentRow) => ({
  id: row.id,
  name: row.name,
  filters: row.filters,
  shared: row.shared,
  ownerId: row.owner_id,
});

/** Filters that make no portfolio query; paging is never saved. */
const unsaved = new Set(['cursor', 'limit', 'segment']);

export async function findSegment(db: Db, workspaceId: WorkspaceId, viewer: UserId, id: string) {
  const row = await store.findSegmentRow(db, workspaceId, viewer, id);
  if (!row) throw new AppError('segment.not_found', { key: 'accounts.problem.noSegment' });
  return describeSegment(row);
}

export async function listSegments(db: Db, workspaceId: WorkspaceId, viewer: UserId) {
  const rows = await store.segmentRows(db, workspaceId, viewer);
  return rows.map(describeSegment);
}

export async function saveSegment(
  db: Db,
  by: ChangeAuthor & { userId: UserId },
  input: CreateSegment,
) {
  const filters = Object.fromEntries(
    Object.entries(input.filters).filter(([key]) => !unsaved.has(key)),
  );
  const checked = portfolioQuery.safeParse(filters);
  if (!checked.success) {
    throw invalid(issueErrors(checked.error, { prefix: 'filters', input: filters }));
  }
  return db.transaction().execute(async (trx) => {
    const row = await store.insertSegment(trx, {
      workspace_id: by.workspaceId,
      owner_id: by.userId,
      name: input.name,
      filters: JSON.stringify(filters),
      shared: input.shared,
    });
    await recordAudit(trx, by, {
      action: 'segment.saved',
      entityType: 'segment',
      entityId: row.id,
      changes: { name: row.name, filters },
    });
    return describeSegment(row);
  });
}

export async function deleteSegment(db: Db, by: ChangeAuthor & { userId: UserId }, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await store.deleteOwnSegment(trx, by, id);
    if (!row) throw new AppError('segment.not_found', { key: 'accounts.problem.noSegmentOfYours' });
    await recordAudit(trx, by, { action: 'segment.deleted', entityType: 'segment', entityId: id });
  });
}
