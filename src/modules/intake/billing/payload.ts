// Stripe's event and object shapes (https://docs.stripe.com/api/events/object), as far as
// Steward reads them. Loose objects: Stripe adds fields in every API version.
import { z } from 'zod';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { issueErrors } from '../../../lib/issues.ts';
import type { RecurringItem } from './money.ts';
import { wholeNumber } from '../../../lib/numbers.ts';

// Seconds since 1970, up to the last second of year 9999 (a later one is no Date).
const unixTime = z.number().int().nonnegative().max(253_402_300_799);
// Metadata values are strings in Stripe; anything else is left out rather than refused.
const metadata = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((m) =>
    Object.fromEntries(
      Object.entries(m ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
  );
const currency = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, 'intake.field.currency' satisfies MessageKey)
  .transform((c) => c.toUpperCase());

/** A reference that Stripe sends as an id, or as the object when expanded. */
const customerRef = z.union([
  z.string().min(1),
  z.looseObject({ id: z.string().min(1), email: z.string().nullish(), metadata }),
]);
const idRef = z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]);

const price = z.looseObject({
  id: z.string().min(1),
  currency,
  unit_amount: z.number().int().nullish(),
  unit_amount_decimal: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .nullish(),
  nickname: z.string().nullish(),
  recurring: z
    .looseObject({
      interval: z.enum(['day', 'week', 'month', 'year']),
      interval_count: wholeNumber('smallint', { min: 1 }).default(1),
    })
    .nullish(),
  product: z.union([z.string(), z.looseObject({ name: z.string().nullish() })]).nullish(),
});

const subscriptionItem = z.looseObject({
  id: z.string().min(1),
  quantity: wholeNumber('integer', { min: 0 }).nullish(),
  price,
  // Since API version 2025-03-31 the billing period lives on each item.
  current_period_end: unixTime.nullish(),
});

export const subscriptionSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('subscription'),
  customer: customerRef,
  status: z.string().min(1),
  metadata,
  items: z.looseObject({ data: z.array(subscriptionItem) }),
  current_period_end: unixTime.nullish(),
  start_date: unixTime.nullish(),
  ended_at: unixTime.nullish(),
  currency: currency.nullish(),
});

export type StripeSubscription = z.infer<typeof subscriptionSchema>;

export const invoiceSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('invoice'),
  customer: customerRef.nullish(),
  customer_email: z.string().nullish(),
  amount_due: z.number().int().nonnegative(),
  amount_paid: z.number().int().nonnegative(),
  currency,
  status: z.string().nullish(),
  attempt_count: wholeNumber('integer', { min: 0 }).default(0),
  due_date: unixTime.nullish(),
  status_transitions: z.looseObject({ paid_at: unixTime.nullish() }).nullish(),
  subscription: idRef.nullish(),
  // Since API version 2025-03-31 the subscription is named under `parent`.
  parent: z
    .looseObject({
      subscription_details: z.looseObject({ subscription: idRef.nullish(), metadata }).nullish(),
    })
    .nullish(),
  subscription_details: z.looseObject({ metadata }).nullish(),
  metadata,
});

export type StripeInvoice = z.infer<typeof invoiceSchema>;

export const eventSchema = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string().min(1),
  created: unixTime,
  data: z.looseObject({ object: z.record(z.string(), z.unknown()) }),
});

export type StripeEvent = z.infer<typeof eventSchema>;

export const subscriptionEvents = [
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
] as const;
export const invoiceEvents = ['invoice.paid', 'invoice.payment_failed'] as const;

/** An event Steward acts on, with its object read; other types are acknowledged only. */
export type ReadEvent =
  | { kind: 'subscription'; event: StripeEvent; subscription: StripeSubscription }
  | {
      kind: 'invoice';
      type: (typeof invoiceEvents)[number];
      event: StripeEvent;
      invoice: StripeInvoice;
    }
  | { kind: 'other'; event: StripeEvent };

export type ReadResult = { ok: true; read: ReadEvent } | { ok: false; errors: FieldError[] };

function errorsOf(error: z.ZodError, prefix: string): FieldError[] {
  return issueErrors(error, { prefix, empty: prefix });
}

export function readStripeEvent(body: unknown): ReadResult {
  const envelope = eventSchema.safeParse(body);
  if (!envelope.success) return { ok: false, errors: errorsOf(envelope.error, 'event') };
  const event = envelope.data;
  if ((subscriptionEvents as readonly string[]).includes(event.type)) {
    const parsed = subscriptionSchema.safeParse(event.data.object);
    return parsed.success
      ? { ok: true, read: { kind: 'subscription', event, subscription: parsed.data } }
      : { ok: false, errors: errorsOf(parsed.error, 'data.object') };
  }
  const invoiceType = invoiceEvents.find((t) => t === event.type);
  if (invoiceType) {
    const parsed = invoiceSchema.safeParse(event.data.object);
    return parsed.success
      ? { ok: true, read: { kind: 'invoice', type: invoiceType, event, invoice: parsed.data } }
      : { ok: false, errors: errorsOf(parsed.error, 'data.object') };
  }
  return { ok: true, read: { kind: 'other', event } };
}

/** The items of a subscription that recur, for MRR; one-off prices are left out. */
export function recurringItems(subscription: StripeSubscription): RecurringItem[] {
  return subscription.items.data.flatMap((item) => {
    const recurring = item.price.recurring;
    if (!recurring) return [];
    const unitAmount =
      item.price.unit_amount ?? Number(item.price.unit_amount_decimal ?? Number.NaN);
    if (!Number.isFinite(unitAmount)) return [];
    return [
      {
        unitAmount,
        quantity: item.quantity ?? 1,
        interval: recurring.interval,
        intervalCount: recurring.interval_count,
      },
    ];
  });
}

export const customerIdOf = (ref: z.infer<typeof customerRef> | null | undefined) =>
  ref === null || ref === undefined ? null : typeof ref === 'string' ? ref : ref.id;

export const idOf = (ref: z.infer<typeof idRef> | null | undefined) =>
  ref === null || ref === undefined ? null : typeof ref === 'string' ? ref : ref.id;

/** The plan a person recognises: the price's nickname, else its product's name, else its id. */
export function planOf(subscription: StripeSubscription): string | null {
  const [first] = subscription.items.data;
  if (!first) return null;
  const product = first.price.product;
  const productName = typeof product === 'object' && product ? product.name : null;
  return first.price.nickname ?? productName ?? first.price.id;
}

/** Seats: with a base fee and a per-seat price, the seat item has the largest quantity. */
export function seatsOf(subscription: StripeSubscription): number | null {
  const quantities = subscription.items.data.map((i) => i.quantity ?? 1);
  return quantities.length ? Math.max(...quantities) : null;
}

export function periodEndOf(subscription: StripeSubscription): number | null {
  const fromItems = subscription.items.data.flatMap((i) =>
    i.current_period_end ? [i.current_period_end] : [],
  );
  return subscription.current_period_end ?? (fromItems.length ? Math.max(...fromItems) : null);
}

/** A subscription is billed in one currency: its prices'. */
export function currencyOf(subscription: StripeSubscription): string {
  return subscription.items.data[0]?.price.currency ?? subscription.currency ?? 'USD';
}
