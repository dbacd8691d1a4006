// Deliveries kept for a person to look at: signed correctly, but naming no account Steward
// knows. Shared by the Stripe and support webhooks; answered 200 so senders do not retry.
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { timeKeyset } from '../../../lib/pagination.ts';

export type ReviewItem = {
  workspaceId: WorkspaceId;
  source: 'stripe' | 'support';
  /** The delivery's own id: a retry of it is the same item. */
  sourceId: string;
  reason: string;
  /** The body as received, already known to be JSON. */
  rawBody: string;
  receivedAt: Date;
};

export async function keepForReview(db: Db, item: ReviewItem): Promise<void> {
  await db
    .insertInto('intake_review')
    .values({
      workspace_id: item.workspaceId,
      source: item.source,
      source_id: item.sourceId,
      reason: item.reason,
      payload: item.rawBody,
      received_at: item.receivedAt,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'source', 'source_id']).doNothing())
    .execute();
}

export async function itemsForReview(
  db: Db,
  workspaceId: WorkspaceId,
  page: { limit: number; cursor?: string },
) {
  const keyset = timeKeyset('review', page.cursor);
  const rows = await db
    .selectFrom('intake_review')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('resolved_at', 'is', null)
    .where(keyset.where('received_at', 'id'))
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return keyset.page(
    rows,
    page.limit,
    (row) => ({
      id: row.id,
      source: row.source,
      sourceId: row.source_id,
      reason: row.reason,
      payload: row.payload,
      receivedAt: row.received_at.toISOString(),
    }),
    (row) => row.received_at,
  );
}
