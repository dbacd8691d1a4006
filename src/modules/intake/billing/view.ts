// An account's billing as the API shows it: contracts, recent invoices and MRR movements.
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { countsAsRevenue } from './money.ts';
import * as store from './store.ts';

/** Enough history for the account page; revenue metrics read the tables themselves. */
const recentLimit = 100;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function accountBilling(
  db: Db,
  workspaceId: WorkspaceId,
  account: { id: string; arr_amount: number; currency: string },
) {
  const [contracts, invoices, movements] = await Promise.all([
    store.contractRows(db, workspaceId, account.id),
    store.invoiceRows(db, workspaceId, account.id, recentLimit),
    store.movementRows(db, workspaceId, account.id, recentLimit),
  ]);
  const mrr = contracts
    .filter((c) => countsAsRevenue(c.status) && c.currency === account.currency)
    .reduce((sum, c) => sum + c.mrr_amount, 0);
  return {
    mrr: { amount: mrr, currency: account.currency },
    arr: { amount: account.arr_amount, currency: account.currency },
    contracts: contracts.map((c) => ({
      id: c.id,
      externalId: c.external_id,
      source: c.source,
      plan: c.plan,
      seats: c.seats,
      mrr: { amount: c.mrr_amount, currency: c.currency },
      status: c.status,
      startedAt: iso(c.started_at),
      endedAt: iso(c.ended_at),
      currentPeriodEnd: iso(c.current_period_end),
      updatedAt: c.updated_at.toISOString(),
    })),
    invoices: invoices.map((i) => ({
      id: i.id,
      externalId: i.external_id,
      subscriptionId: i.subscription_id,
      dueValue: { amount: i.amount_due, currency: i.currency },
      paidValue: { amount: i.amount_paid, currency: i.currency },
      status: i.status,
      attemptCount: i.attempt_count,
      dueAt: iso(i.due_at),
      paidAt: iso(i.paid_at),
    })),
    mrrMovements: movements.map((m) => ({
      id: m.id,
      contractId: m.contract_id,
      kind: m.kind,
      deltaMrr: { amount: m.amount, currency: m.currency },
      occurredAt: m.occurred_at.toISOString(),
    })),
  };
}
