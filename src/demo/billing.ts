// The demo's Stripe history, as the Stripe events a webhook would deliver: each account's
// subscription (created, then grown, shrunk or deleted as its story goes) and its invoices,
// paid or failed. Declining accounts miss payments; churned ones cancel after months of it.
// One price per seat from the plan (plans.ts), so MRR is whole dollars and ARR = 12 × MRR.
import type { Tier } from '../db/schema.ts';
import { daysAfter, daysSince, isoDay, startOfDay } from '../lib/calendar.ts';
import { seatPriceCents } from './plans.ts';
import type { PlannedAccount } from './portfolio.ts';
import { randomFor, type Random } from './random.ts';
import { churnedDaysAgo, historyDays, usageLevel, type UsageArc } from './usage.ts';

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** Contracts are yearly; enterprise pays once a year, mid-market each quarter, SMB by card monthly. */
const billedEvery: Record<Tier, { interval: 'month' | 'year'; count: number; months: number }> = {
  enterprise: { interval: 'year', count: 1, months: 12 },
  mid_market: { interval: 'month', count: 3, months: 3 },
  smb: { interval: 'month', count: 1, months: 1 },
};

/**
 * Days ago a story changed the seat count, and the seats before as a share of today's: growth
 * bought, or seats given back. A customer who faded away gave seats back months before leaving.
 * The day is the account's own (`own`): teams join, and budgets shrink, when they do — so a
 * book wins some expansion every quarter, not all of it in one.
 */
function seatChange(
  arc: UsageArc,
  left: number | null,
  own: Random,
): { daysAgo: number; before: number } | null {
  switch (arc) {
    case 'expansion':
      return { daysAgo: own.int(14, historyDays - 30), before: 0.7 };
    // A healthy customer adds a few seats as teams join: most of a book's net retention.
    case 'steady':
      return { daysAgo: own.int(14, historyDays - 30), before: 0.78 };
    // Seats given back are a few, not a quarter: gross retention stays near 95%. An account
    // sliding since five months ago gives them back within the last three (billing's window).
    case 'at_risk':
      return { daysAgo: own.int(30, 85), before: 1.06 };
    case 'unanswered_escalations':
      return { daysAgo: 60, before: 1.08 };
    case 'usage_collapse':
      return { daysAgo: 40, before: 1.12 };
    case 'failed_payments':
      return { daysAgo: 50, before: 1.15 };
    case 'churned':
    case 'lost_at_renewal':
      return { daysAgo: (left ?? 0) + 100, before: 1.15 };
    default:
      return null;
  }
}

export type StripeEventPlan = { id: string; type: string; created: number; object: object };

/** The same day of the month `months` months earlier (calendar.ts counts days, not months). */
function monthsBefore(at: Date, months: number): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - months, at.getUTCDate()));
}

export function planStripeEvents(
  now: Date,
  account: PlannedAccount,
  arc: UsageArc,
): StripeEventPlan[] {
  const terms = billedEvery[account.tier];
  // The plan's monthly seat price for each month of the billing period.
  const unitAmount = seatPriceCents(account.plan) * terms.months;
  const ext = account.externalId;
  const customer = {
    id: `cus_demo_${ext}`,
    email: account.contacts[0]?.email ?? null,
    metadata: { external_id: ext },
  };
  const renewal = startOfDay(account.renewalDate);
  const left = churnedDaysAgo(account, now);
  const started = account.customerSince;
  const daysAgo = (at: Date) => Math.round(daysSince(at, now));
  const subscription = (quantity: number, status: string, at: Date) => ({
    id: `sub_demo_${ext}`,
    object: 'subscription',
    customer,
    status,
    metadata: { external_id: ext },
    start_date: unix(started),
    ended_at: status === 'canceled' ? unix(at) : null,
    current_period_end: unix(renewal),
    items: {
      data: [
        {
          id: `si_demo_${ext}_seats`,
          quantity,
          price: {
            id: `price_demo_${account.plan.toLowerCase().replace(/\s+/g, '_')}_seat`,
            currency: 'usd',
            unit_amount: unitAmount,
            nickname: account.plan,
            recurring: { interval: terms.interval, interval_count: terms.count },
          },
        },
      ],
    },
  });
  const events: StripeEventPlan[] = [];
  const add = (type: string, at: Date, object: object, suffix: string) =>
    events.push({ id: `evt_demo_${ext}_${suffix}`, type, created: unix(at), object });

  // Growing accounts bought more seats this year; declining ones gave some back.
  const change = seatChange(arc, left, randomFor(ext));
  const changeAt = daysAfter(now, -(change?.daysAgo ?? 0));
  const seatsAt = (at: Date) =>
    change && at < changeAt
      ? Math.max(1, Math.round(account.seats * change.before))
      : account.seats;
  // Stripe was connected a year ago: an older customer's subscription is first seen then,
  // at its yearly update; a newer one from its creation.
  const connected = daysAfter(now, -(historyDays - 1));
  const firstAt = started > connected ? started : connected;
  add(
    started > connected ? 'customer.subscription.created' : 'customer.subscription.updated',
    firstAt,
    subscription(seatsAt(firstAt), 'active', firstAt),
    'first',
  );
  if (change && changeAt > firstAt) {
    add(
      'customer.subscription.updated',
      changeAt,
      subscription(account.seats, 'active', changeAt),
      'resized',
    );
  }

  // Invoices at each billing period's start in the last year, while the customer stayed: the
  // first on the day the contract started.
  const yearAgo = daysAfter(now, -historyDays);
  const churnedAt = left === null ? null : daysAfter(now, -left);
  let billed = 0;
  for (let k = 0; ; k++) {
    const at = monthsBefore(renewal, k * terms.months);
    if (at < yearAgo || isoDay(at) < isoDay(started)) break;
    if (at > now || (churnedAt && at >= churnedAt)) continue;
    const amount = unitAmount * seatsAt(at);
    const invoice = (status: string, attempts: number, paidAt: Date | null) => ({
      id: `in_demo_${ext}_${k}`,
      object: 'invoice',
      customer,
      customer_email: customer.email,
      amount_due: amount,
      amount_paid: paidAt ? amount : 0,
      currency: 'usd',
      status,
      attempt_count: attempts,
      due_date: unix(at),
      status_transitions: { paid_at: paidAt ? unix(paidAt) : null },
      parent: {
        subscription_details: { subscription: `sub_demo_${ext}`, metadata: { external_id: ext } },
      },
      metadata: {},
    });
    // An account using the product less pays late, if at all. A company cutting back had its
    // card declined three months running: paid on the retry once, then not at all.
    const recent = billed++;
    const struggling =
      arc === 'failed_payments' ? recent < 3 : usageLevel(arc, daysAgo(at), left) < 0.45;
    const retry = daysAfter(at, 4);
    if (!struggling) {
      add('invoice.paid', at, invoice('paid', 1, at), `paid_${k}`);
      continue;
    }
    add('invoice.payment_failed', at, invoice('open', 1, null), `failed_${k}_1`);
    if (retry > now) continue;
    const givesUp =
      arc === 'churned' ||
      arc === 'acquired' ||
      (arc === 'at_risk' && daysAgo(at) < 45) ||
      (arc === 'failed_payments' && recent < 2);
    if (givesUp) add('invoice.payment_failed', retry, invoice('open', 2, null), `failed_${k}_2`);
    else add('invoice.paid', retry, invoice('paid', 2, retry), `paid_${k}`);
  }
  if (churnedAt) {
    add(
      'customer.subscription.deleted',
      churnedAt,
      subscription(account.seats, 'canceled', churnedAt),
      'deleted',
    );
  }
  return events.sort((a, b) => a.created - b.created);
}
