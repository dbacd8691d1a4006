// How an account row is shown through the API.
import type { AccountView } from './schema.ts';
import type { AccountWithOwner } from './store.ts';

export function describeAccount(row: AccountWithOwner): AccountView {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    domain: row.domain,
    tier: row.tier,
    plan: row.plan,
    arr: { amount: row.arr_amount, currency: row.currency },
    // MRR is ARR spread over twelve months, rounded to the minor unit.
    mrr: { amount: Math.round(row.arr_amount / 12), currency: row.currency },
    seats: row.seats,
    stage: row.stage,
    renewalDate: row.renewal_date,
    priority: row.priority,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    customFields: row.custom_fields,
    health: { score: row.health_score, category: row.health_category },
    churnRisk: { level: row.churn_risk_level },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
