// One Stripe event in: recorded by id (a replay changes nothing), then subscriptions become
// contracts and invoices become invoices with a line on the account's timeline. Events for
// a customer no account matches are kept for review.
import type { Db } from '../../../db/connect.ts';
import type { StripeEventOutcome } from '../../../db/schema.ts';
import { message } from '../../../i18n/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { addTimelineEvent, markAccountsChanged } from '../../accounts/index.ts';
import { applyContractState, contractChanged } from './contracts.ts';
import { accountForCustomer, linkCustomer, type CustomerHints } from './customers.ts';
import { moneyParam, monthlyAmount } from './money.ts';
import {
  currencyOf,
  customerIdOf,
  idOf,
  periodEndOf,
  planOf,
  recurringItems,
  seatsOf,
  type ReadEvent,
  type StripeEvent,
  type StripeInvoice,
  type StripeSubscription,
} from './payload.ts';
import { keepForReview } from './review.ts';
import * as store from './store.ts';

export type StripeDelivery = {
  workspaceId: WorkspaceId;
  read: ReadEvent;
  rawBody: string;
};

export type DeliveryOutcome = StripeEventOutcome | 'replay';

const fromUnix = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);

export async function receiveStripeEvent(
  db: Db,
  clock: Clock,
  delivery: StripeDelivery,
): Promise<DeliveryOutcome> {
  const { workspaceId, read } = delivery;
  const { event } = read;
  return db.transaction().execute(async (trx) => {
    // A second delivery of the same event waits here for the first to commit, then finds it.
    const fresh = await store.insertStripeEvent(trx, {
      workspace_id: workspaceId,
      event_id: event.id,
      type: event.type,
      created_at: new Date(event.created * 1000),
      received_at: clock.now(),
      outcome: 'ignored',
    });
    if (!fresh) return 'replay';
    const outcome = await applyEvent(trx, clock, delivery);
    if (outcome !== 'ignored')
      await store.setStripeEventOutcome(trx, workspaceId, event.id, outcome);
    return outcome;
  });
}

/**
 * An event kept for review, applied to the account a person chose for its customer (who is
 * remembered for the events after it). Its record in stripe_events takes the new outcome.
 */
export async function applyStripeEventTo(
  db: Db,
  clock: Clock,
  delivery: StripeDelivery,
  accountId: string,
): Promise<StripeEventOutcome> {
  const outcome = await applyEvent(db, clock, delivery, accountId);
  await store.setStripeEventOutcome(db, delivery.workspaceId, delivery.read.event.id, outcome);
  return outcome;
}

async function applyEvent(
  db: Db,
  clock: Clock,
  { workspaceId, read, rawBody }: StripeDelivery,
  chosenAccountId?: string,
): Promise<StripeEventOutcome> {
  if (read.kind === 'other') return 'ignored';
  const hints =
    read.kind === 'subscription'
      ? subscriptionHints(read.subscription)
      : invoiceHints(read.invoice);
  const match = chosenAccountId
    ? await linkCustomer(db, workspaceId, hints, chosenAccountId)
    : await accountForCustomer(db, workspaceId, hints);
  if ('reason' in match) {
    await keepForReview(db, {
      workspaceId,
      source: 'stripe',
      sourceId: read.event.id,
      reason: match.reason,
      rawBody,
      receivedAt: clock.now(),
    });
    return 'review';
  }
  return read.kind === 'subscription'
    ? applySubscription(db, workspaceId, match.accountId, read.event, read.subscription)
    : applyInvoice(db, workspaceId, match.accountId, read.type, read.event, read.invoice);
}

function subscriptionHints(subscription: StripeSubscription): CustomerHints {
  const customer = subscription.customer;
  return {
    customerId: customerIdOf(customer),
    metadata: [subscription.metadata, typeof customer === 'object' ? customer.metadata : {}],
    email: typeof customer === 'object' ? (customer.email ?? null) : null,
  };
}

function invoiceHints(invoice: StripeInvoice): CustomerHints {
  const customer = invoice.customer;
  return {
    customerId: customerIdOf(customer),
    metadata: [
      invoice.parent?.subscription_details?.metadata ?? {},
      invoice.subscription_details?.metadata ?? {},
      invoice.metadata,
      typeof customer === 'object' && customer ? customer.metadata : {},
    ],
    email:
      invoice.customer_email ??
      (typeof customer === 'object' && customer ? (customer.email ?? null) : null),
  };
}

async function applySubscription(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  event: StripeEvent,
  subscription: StripeSubscription,
): Promise<StripeEventOutcome> {
  const at = new Date(event.created * 1000);
  const outcome = await applyContractState(db, {
    workspaceId,
    accountId,
    source: 'stripe',
    externalId: subscription.id,
    plan: planOf(subscription),
    seats: seatsOf(subscription),
    mrrAmount: monthlyAmount(recurringItems(subscription)),
    currency: currencyOf(subscription),
    // A deleted subscription arrives as canceled; say so even if a sender trims the status.
    status: event.type === 'customer.subscription.deleted' ? 'canceled' : subscription.status,
    startedAt: fromUnix(subscription.start_date),
    endedAt: fromUnix(subscription.ended_at),
    currentPeriodEnd: fromUnix(periodEndOf(subscription)),
    stateAt: at,
    sourceEventId: event.id,
    occurredAt: at,
  });
  // The event's one account, announced last: nothing after it in the transaction waits.
  if (contractChanged(outcome)) await markAccountsChanged(db, workspaceId, outcome.accountId);
  return outcome.result === 'stale' ? 'stale' : 'applied';
}

async function applyInvoice(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  type: 'invoice.paid' | 'invoice.payment_failed',
  event: StripeEvent,
  invoice: StripeInvoice,
): Promise<StripeEventOutcome> {
  const at = new Date(event.created * 1000);
  const values: store.InvoiceValues = {
    subscription_id:
      idOf(invoice.parent?.subscription_details?.subscription) ?? idOf(invoice.subscription),
    amount_due: invoice.amount_due,
    amount_paid: invoice.amount_paid,
    currency: invoice.currency,
    status: invoice.status ?? (type === 'invoice.paid' ? 'paid' : 'open'),
    attempt_count: invoice.attempt_count,
    due_at: fromUnix(invoice.due_date),
    paid_at: fromUnix(invoice.status_transitions?.paid_at),
    state_at: at,
  };
  // Newer state wins; an older delivery arriving late leaves the stored invoice alone.
  const stored = await store.upsertInvoice(
    db,
    { workspaceId, accountId, externalId: invoice.id, at },
    values,
  );
  // The timeline is history: a late delivery still tells of a payment that happened.
  const failed = type === 'invoice.payment_failed';
  await addTimelineEvent(db, {
    workspaceId,
    accountId,
    kind: 'billing',
    title: failed
      ? message('accounts.timeline.paymentFailed', {
          amount: moneyParam(invoice.amount_due, invoice.currency),
          attempt: invoice.attempt_count,
        })
      : message('accounts.timeline.invoicePaid', {
          amount: moneyParam(invoice.amount_paid, invoice.currency),
        }),
    occurredAt: at,
    source: 'stripe',
    sourceId: event.id,
    data: {
      invoice: invoice.id,
      amount: failed ? invoice.amount_due : invoice.amount_paid,
      currency: invoice.currency,
      attempt: invoice.attempt_count,
      // Health counts failed payments still unpaid from these events.
      payment: failed ? 'failed' : 'paid',
    },
  });
  return stored ? 'applied' : 'stale';
}
