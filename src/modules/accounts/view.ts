// How an account row is shown through the API.
import type { AccountView, PortfolioAccountView } from './schema.ts';
import type { AccountWithOwner, ListedAccountRow } from './store.ts';

/**
 * PostgreSQL's text of a UTC timestamp (`2026-12-03 15:08:57.248172`) as the API's instant,
 * exactly as Date#toISOString writes it (`2026-12-03T15:08:57.248Z`, milliseconds cut, not
 * rounded).
 */
export function utcInstant(text: string): string {
  const fraction = text.length > 19 && text[19] === '.';
  if (text[10] !== ' ' || (text.length > 19 && !fraction)) {
    return new Date(`${text.replace(' ', 'T')}Z`).toISOString();
  }
  const ms = fraction ? text.slice(20, 23).padEnd(3, '0') : '000';
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${ms}Z`;
}

/** An account as the portfolio lists it: what a CSM scans their book by. */
export function describeListedAccount(row: ListedAccountRow): PortfolioAccountView {
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

/** An account on its own page: as listed, with its contract and when it was added. */
export function describeAccount(row: AccountWithOwner): AccountView {
  return {
    ...describeListedAccount(row),
    plan: row.plan,
    // MRR is ARR spread over twelve months, rounded to the minor unit.
    mrr: { amount: Math.round(row.arr_amount / 12), currency: row.currency },
    seats: row.seats,
    createdAt: utcInstant(row.created_at),
  };
}
