// Tickets opened lately, for modules above that read what customers report (voice finds the
// same problem reported by several customers and proposes it as feedback).
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import * as store from './store.ts';

export async function ticketsOpenedSince(db: Db, workspaceId: WorkspaceId, since: Date) {
  const rows = await store.ticketsOpenedSince(db, workspaceId, since);
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    subject: r.subject,
    priority: r.priority,
    openedAt: r.opened_at,
  }));
}
