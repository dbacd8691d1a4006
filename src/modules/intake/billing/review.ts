// Deliveries kept for a person to look at: signed correctly, but naming no account Steward
// knows. Shared by the Stripe and support webhooks; answered 200 so senders do not retry.
// Why each was kept is stored as a message (`intake.review.*`) and rendered for the reader.
import type { Db } from '../../../db/connect.ts';
import {
  message,
  knownMessage,
  renderMessage,
  type Locale,
  type Message,
} from '../../../i18n/index.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { timeKeyset } from '../../../lib/pagination.ts';
import * as store from './store.ts';

export type ReviewItem = {
  workspaceId: WorkspaceId;
  source: 'stripe' | 'support';
  /** The delivery's own id: a retry of it is the same item. */
  sourceId: string;
  reason: Message;
  /** The body as received, already known to be JSON. */
  rawBody: string;
  receivedAt: Date;
};

export async function keepForReview(db: Db, item: ReviewItem): Promise<void> {
  await store.insertReviewItem(db, {
    workspace_id: item.workspaceId,
    source: item.source,
    source_id: item.sourceId,
    reason: JSON.stringify(item.reason),
    payload: item.rawBody,
    received_at: item.receivedAt,
  });
}

/** A page of the list, each reason in `reader`'s language. */
export async function itemsForReview(
  db: Db,
  workspaceId: WorkspaceId,
  page: { limit: number; cursor?: string },
  reader: { locale: Locale; timeZone: string },
) {
  const keyset = timeKeyset('review', page.cursor);
  const rows = await store.reviewRows(db, workspaceId, { keyset, limit: page.limit });
  return keyset.page(
    rows,
    page.limit,
    (row) => ({
      id: row.id,
      source: row.source,
      sourceId: row.source_id,
      // A reason a later release no longer knows says what every kept delivery shares.
      reason: renderMessage(
        knownMessage(row.reason, message('intake.review.before')),
        reader.locale,
        reader.timeZone,
      ),
      payload: row.payload,
      receivedAt: row.received_at.toISOString(),
    }),
    (row) => row.received_at,
  );
}
