// Plans and their list price per seat: what expansion estimates are made with. An admin keeps
// the list; a plan not on it, or listed in another currency than its account pays in, is priced
// at what its account pays.
import type { Db } from '../../db/connect.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import type { AccountScope } from '../accounts/index.ts';
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

/**
 * The plan list as the plan prices card shows it: each plan with how many accounts in scope are
 * on it but pay in another currency, whose seats its price cannot estimate.
 */
export async function planList(db: Db, scope: AccountScope) {
  const [plans, otherCurrency] = await Promise.all([
    planPrices(db, scope.workspaceId),
    store.accountsOnPlanInOtherCurrency(db, scope),
  ]);
  return plans.map((plan) => ({
    ...plan,
    accountsInOtherCurrency: otherCurrency.get(plan.id) ?? 0,
  }));
}

/** Sets the plan list: a plan whose name stays keeps its id. */
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
}
