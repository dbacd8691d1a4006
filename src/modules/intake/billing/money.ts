// Monthly recurring revenue from a subscription's prices, and money as a message parameter.
import type { MrrMovementKind } from '../../../db/schema.ts';

export type RecurringItem = {
  /** Minor units per unit, per interval; may be fractional (Stripe's unit_amount_decimal). */
  unitAmount: number;
  quantity: number;
  interval: 'day' | 'week' | 'month' | 'year';
  intervalCount: number;
};

// How many of an interval fit into a month (a year has 12 months, 52 weeks, 365 days).
const perMonth: Record<RecurringItem['interval'], number> = {
  day: 365 / 12,
  week: 52 / 12,
  month: 1,
  year: 1 / 12,
};

/** MRR in minor units: each price × quantity brought to a month, rounded once at the end. */
export function monthlyAmount(items: readonly RecurringItem[]): number {
  const total = items.reduce(
    (sum, item) =>
      sum + (item.unitAmount * item.quantity * perMonth[item.interval]) / item.intervalCount,
    0,
  );
  return Math.round(total);
}

/**
 * Statuses whose MRR counts, as Stripe's own MRR does: a trial has not paid yet, and a
 * past-due subscription is still a customer while payment is retried.
 */
export const revenueStatuses = ['active', 'past_due'] as const;

export function countsAsRevenue(status: string): boolean {
  return (revenueStatuses as readonly string[]).includes(status);
}

/**
 * What a change of an account's MRR is called. Coming back from zero is a reactivation when
 * the account had revenue before, else new business.
 */
export function movementKind(
  before: number,
  after: number,
  hadRevenueBefore: boolean,
): MrrMovementKind | null {
  if (before === after) return null;
  if (before === 0) return hadRevenueBefore ? 'reactivation' : 'new';
  if (after === 0) return 'churn';
  return after > before ? 'expansion' : 'contraction';
}

/** An amount as a message parameter, rendered with its currency in the reader's language. */
export function moneyParam(amount: number, currency: string) {
  return { money: { amount, currency: currency.toUpperCase() } };
}
