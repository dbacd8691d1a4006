// Helpers for Stripe webhook tests: objects shaped like Stripe's, signed with the stripe
// package's own test helper, and posted as Stripe posts them.
import Stripe from 'stripe';

type App = { request(input: string, init?: RequestInit): Response | Promise<Response> };

const stripe = new Stripe('sk_test_steward');

export const unix = (at: Date | string) => Math.floor(new Date(at).getTime() / 1000);

export type PriceSpec = {
  unitAmount: number;
  quantity?: number;
  interval?: 'month' | 'year' | 'week';
  currency?: string;
};

export function subscription(options: {
  id: string;
  customer: string;
  status?: string;
  items: PriceSpec[];
  metadata?: Record<string, string>;
  periodEnd?: string;
  startDate?: string;
  endedAt?: string;
}) {
  return {
    id: options.id,
    object: 'subscription',
    customer: options.customer,
    status: options.status ?? 'active',
    metadata: options.metadata ?? {},
    start_date: unix(options.startDate ?? '2026-01-01T00:00:00Z'),
    ended_at: options.endedAt ? unix(options.endedAt) : null,
    cancel_at_period_end: false,
    livemode: false,
    items: {
      object: 'list',
      data: options.items.map((item, i) => ({
        id: `si_${options.id}_${i}`,
        object: 'subscription_item',
        quantity: item.quantity ?? 1,
        current_period_end: unix(options.periodEnd ?? '2027-01-01T00:00:00Z'),
        price: {
          id: `price_${item.interval ?? 'month'}_${item.unitAmount}`,
          object: 'price',
          currency: item.currency ?? 'usd',
          unit_amount: item.unitAmount,
          unit_amount_decimal: String(item.unitAmount),
          nickname: item.interval === 'year' ? 'Pro annual' : 'Pro monthly',
          recurring: {
            interval: item.interval ?? 'month',
            interval_count: 1,
            usage_type: 'licensed',
          },
          product: 'prod_pro',
        },
      })),
      has_more: false,
    },
  };
}

export function invoice(options: {
  id: string;
  customer: string;
  amountDue: number;
  amountPaid?: number;
  attemptCount?: number;
  status?: string;
  customerEmail?: string;
  metadata?: Record<string, string>;
}) {
  return {
    id: options.id,
    object: 'invoice',
    customer: options.customer,
    customer_email: options.customerEmail ?? null,
    amount_due: options.amountDue,
    amount_paid: options.amountPaid ?? 0,
    amount_remaining: options.amountDue - (options.amountPaid ?? 0),
    currency: 'usd',
    status: options.status ?? 'open',
    attempt_count: options.attemptCount ?? 1,
    due_date: null,
    status_transitions: { paid_at: null },
    metadata: options.metadata ?? {},
    parent: null,
  };
}

let sequence = 0;

export function stripeEvent(type: string, object: unknown, created: Date | string, id?: string) {
  sequence += 1;
  return {
    id: id ?? `evt_${Date.now().toString(36)}_${sequence}`,
    object: 'event',
    api_version: '2025-03-31.basil',
    type,
    created: unix(created),
    livemode: false,
    pending_webhooks: 1,
    data: { object },
  };
}

/** POSTs an event as Stripe does, signed with `secret` at `timestamp` (seconds). */
export async function postStripe(
  app: App,
  body: unknown,
  options: { secret: string; timestamp: number; header?: string; language?: string },
) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const signature =
    options.header ??
    stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret,
      timestamp: options.timestamp,
    });
  return app.request('http://steward.test/webhooks/stripe', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signature,
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
    body: payload,
  });
}
