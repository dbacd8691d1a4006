// How an account of the portfolio is shown through the API (schema.ts `PortfolioAccount`).
import type { PortfolioAccountView } from '../schema.ts';
import { utcInstant } from '../view.ts';
import type { PortfolioRow } from './store.ts';

export function describePortfolioAccount(row: PortfolioRow): PortfolioAccountView {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    domain: row.domain,
    tier: row.tier,
    arr: { amount: row.arr_amount, currency: row.currency },
    stage: row.stage,
    renewalDate: row.renewal_date,
    priority: row.priority,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    customFields: row.custom_fields,
    health: { score: row.health_score, category: row.health_category },
    churnRisk: { level: row.churn_risk_level },
    updatedAt: utcInstant(row.updated_at),
  };
}
