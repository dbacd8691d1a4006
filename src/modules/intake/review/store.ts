// SQL for resolving the deliveries kept for review (kept by billing/review.ts): one open
// item, locked, and marking it resolved.
import type { Db } from '../../../db/connect.ts';

/** An item not resolved yet; locked, so two people resolving it at once take turns. */
export function lockOpenItem(db: Db, workspaceId: string, id: string) {
  return (
    db
      .selectFrom('intake_review')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('resolved_at', 'is', null)
      // Two people resolving one item at once: the second waits, then finds it resolved.
      .forUpdate()
      .executeTakeFirst()
  );
}

export function markResolved(db: Db, workspaceId: string, id: string, at: Date) {
  return db
    .updateTable('intake_review')
    .set({ resolved_at: at })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}
