// Plans and their list price per seat: what expansion estimates are made with. An admin keeps
// the list; a plan not on it is priced at what its account pays.
import type { Db } from '../../db/connect.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import type { PlanPrice } from './signals.ts';
import * as store from './store/settings.ts';

export async function planPrices(
  db: Db,
  workspaceId: WorkspaceId,
): Promise<(PlanPrice & { id: string })[]> {
  const rows = await store.plansOf(db, workspaceId);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    seatPrice: { amount: p.seat_price_amount, currency: p.currency },
    premium: p.premium,
  }));
}

export async function setPlans(db: Db, by: ChangeAuthor, at: Date, plans: PlanPrice[]) {
  await db.transaction().execute(async (trx) => {
    await store.replacePlans(trx, by.workspaceId, at, plans);
    await recordAudit(trx, by, {
      action: 'revenue.plans_set',
      entityType: 'workspace',
      entityId: by.workspaceId,
      changes: { plans },
    });
  });
  return planPrices(db, by.workspaceId);
}
