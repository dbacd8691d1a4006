// Data in for the demo workspace, through the same code paths real data takes: the feature
// catalog through its service; the recent weeks of usage as Segment batches through the
// tracking intake (identify, group, track), older history through the usage CSV backfill;
// tickets as support webhook payloads; subscriptions and invoices as Stripe events, fed to
// the handler the webhook calls once a signature checks out. Nothing is written to tables
// directly, so the demo shows what a real workspace would.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Deps } from '../context.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import { importCsv } from '../modules/intake/import/index.ts';
import { readStripeEvent, receiveStripeEvent } from '../modules/intake/billing/index.ts';
import {
  defineFeature,
  ingestMessages,
  parseRequest,
  type SegmentMessage,
} from '../modules/intake/segment/index.ts';
import { applyTicket, readTicket } from '../modules/intake/support/index.ts';
import { planStripeEvents, type StripeEventPlan } from './billing.ts';
import type { PlannedAccount } from './portfolio.ts';
import { randomFor, seededRandom } from './random.ts';
import { planTickets, type TicketPayload } from './tickets.ts';
import { demoFeatures, planUsage, type AccountUsage } from './usage.ts';

const seed = 20_261_203;
/** Days (today included) whose events go through the tracking intake one by one. */
export const liveDays = 7;
const batchSize = 500;
const hourMs = 3600_000;
/** Deliveries at once: each is its own transaction, as concurrent webhooks would be. */
const concurrency = 4;

export type DemoIntakeCounts = {
  backfilledRows: number;
  trackedEvents: number;
  tickets: number;
  stripeEvents: number;
  /** Milliseconds per step, for the seed's log line and its benchmark. */
  ms: Record<'plan' | 'backfill' | 'tracking' | 'tickets' | 'stripe', number>;
};

export async function seedDemoIntake(
  deps: Deps,
  workspace: { id: WorkspaceId; adminId: UserId },
  accounts: PlannedAccount[],
): Promise<DemoIntakeCounts> {
  const now = deps.clock.now();
  const random = seededRandom(seed);
  const by = { workspaceId: workspace.id, userId: workspace.adminId };
  for (const feature of demoFeatures) {
    await defineFeature(deps.db, by, { ...feature, events: [...feature.events] });
  }
  const started = performance.now();
  const usage = planUsage(now, accounts);
  // Everything drawn from the random source is planned first, in one order, so the demo is
  // the same on every seed however the writes below interleave.
  const tracked = planTracking(usage, now, random);
  // Usage and tickets come from each account's own source: one customer's story (how long its
  // onboarding ran) leaves every other customer's year as it was.
  const tickets = usage.map((u) =>
    planTickets(now, randomFor(`${u.account.externalId}:tickets`), u.account, u.arc),
  );
  const stripe = usage.map((u) => planStripeEvents(now, u.account, u.arc));
  const planMs = Math.round(performance.now() - started);
  const took = async <T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const at = performance.now();
    const value = await run();
    return { value, ms: Math.round(performance.now() - at) };
  };

  // Four lanes that write different rows: the usage history (days before the live week), the
  // live week's events, tickets, and billing. Each lane's time below is its own; they overlap.
  const [backfill, tracking, ticketsLane, stripeLane] = await Promise.all([
    took(() => backfillHistory(deps, by, usage)),
    took(() => sendTracking(deps, workspace.id, tracked.messages, now)),
    took(() => deliverTickets(deps, workspace.id, tickets)),
    took(() => deliverStripeEvents(deps, workspace.id, stripe)),
  ]);
  return {
    backfilledRows: backfill.value,
    trackedEvents: tracked.events,
    tickets: tickets.reduce((n, payloads) => n + payloads.length, 0),
    stripeEvents: stripe.reduce((n, events) => n + events.length, 0),
    ms: {
      plan: planMs,
      backfill: backfill.ms,
      tracking: tracking.ms,
      tickets: ticketsLane.ms,
      stripe: stripeLane.ms,
    },
  };
}

/**
 * An account's year of tickets as one help desk export: the handler the webhook runs for each
 * ticket, all in one transaction (a transaction per ticket cost more than the tickets).
 */
async function deliverTickets(
  deps: Deps,
  workspaceId: WorkspaceId,
  tickets: TicketPayload[][],
): Promise<void> {
  await inParallel(tickets, (payloads) =>
    deps.db.transaction().execute(async (trx) => {
      for (const payload of payloads) {
        const read = readTicket(payload);
        if (!read.ok) throw new Error(`demo ticket ${payload.id}: ${JSON.stringify(read.errors)}`);
        await applyTicket(trx, deps.clock, {
          workspaceId,
          ticket: read.ticket,
          rawBody: JSON.stringify(payload),
        });
      }
    }),
  );
}

/** Each account's events in order (a subscription before its change); accounts side by side. */
async function deliverStripeEvents(
  deps: Deps,
  workspaceId: WorkspaceId,
  stripe: StripeEventPlan[][],
): Promise<void> {
  await inParallel(stripe, async (events) => {
    for (const planned of events) {
      const body = {
        id: planned.id,
        object: 'event',
        type: planned.type,
        created: planned.created,
        data: { object: planned.object },
      };
      const read = readStripeEvent(body);
      if (!read.ok)
        throw new Error(`demo Stripe event ${planned.id}: ${JSON.stringify(read.errors)}`);
      await receiveStripeEvent(deps.db, deps.clock, {
        workspaceId,
        read: read.read,
        rawBody: JSON.stringify(body),
      });
    }
  });
}

/** Everything before the live weeks, as the usage CSV an export from another tool would be. */
async function backfillHistory(
  deps: Deps,
  by: { workspaceId: WorkspaceId; userId: UserId },
  usage: AccountUsage[],
): Promise<number> {
  function* lines() {
    yield 'account_external_id,day,feature,events,active_users\n';
    for (const { account, days } of usage) {
      for (const { day, daysAgo, active } of days) {
        if (daysAgo < liveDays) continue;
        const byFeature = new Map<string, { events: number; users: string[] }>();
        for (const person of active) {
          for (const { feature, count } of person.events) {
            const row = byFeature.get(feature) ?? { events: 0, users: [] };
            row.events += count;
            if (!row.users.includes(person.userId)) row.users.push(person.userId);
            byFeature.set(feature, row);
          }
        }
        for (const [feature, row] of byFeature) {
          yield `${account.externalId},${day},${feature},${row.events},${row.users.join(';')}\n`;
        }
      }
    }
  }
  const outcome = await importCsv(Readable.from(lines()), {
    db: deps.db,
    by,
    entity: 'usage',
    dryRun: false,
    skipInvalid: false,
    importId: randomUUID(),
    fileName: 'usage-history.csv',
  });
  if (!outcome.imported) {
    throw new Error(`the demo usage backfill was refused: ${JSON.stringify(outcome.rejections)}`);
  }
  return outcome.counts.created;
}

/** The live days as an SDK sends them: identify or group each person, then their events. */
function planTracking(
  usage: AccountUsage[],
  now: Date,
  random: ReturnType<typeof seededRandom>,
): { messages: object[]; events: number } {
  const messages: object[] = [];
  for (const { account, users, days } of usage) {
    // An SDK identifies the people it sees: those active in the live days.
    const seen = new Set(days.slice(-liveDays).flatMap((d) => d.active.map((a) => a.userId)));
    const groupId = account.externalId;
    for (const user of users.filter((u) => seen.has(u.userId))) {
      // A known person is identified in their account (context.groupId), which links them
      // and their contact; anyone else is grouped into it.
      messages.push(
        user.email
          ? {
              type: 'identify',
              userId: user.userId,
              traits: { email: user.email, name: user.name },
              context: { groupId },
              messageId: `demo-identify-${user.userId}`,
            }
          : {
              type: 'group',
              userId: user.userId,
              groupId,
              traits: { name: account.name, website: account.domain },
              messageId: `demo-group-${user.userId}`,
            },
      );
    }
  }
  let events = 0;
  for (const { days } of usage) {
    for (const { day, daysAgo, active } of days.slice(-liveDays)) {
      const dayStart = Date.parse(`${day}T00:00:00Z`);
      // Working hours, and today only up to now.
      const from = dayStart + 7 * hourMs;
      const to = daysAgo === 0 ? Math.max(dayStart + 1, now.getTime()) : dayStart + 19 * hourMs;
      for (const person of active) {
        for (const { event, count } of person.events) {
          for (let i = 0; i < count; i++) {
            const at =
              daysAgo === 0
                ? dayStart + random.next() * (to - dayStart)
                : from + random.next() * (to - from);
            messages.push({
              type: 'track',
              userId: person.userId,
              event,
              timestamp: new Date(at).toISOString(),
              messageId: `demo-${person.userId}-${day}-${event}-${i}`,
            });
            events++;
          }
        }
      }
    }
  }
  return { messages, events };
}

/** The planned messages through the tracking intake, a batch at a time. */
async function sendTracking(
  deps: Deps,
  workspaceId: WorkspaceId,
  messages: object[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < messages.length; i += batchSize) {
    const parsed = parseRequest({ batch: messages.slice(i, i + batchSize) }, { receivedAt: now });
    if (!parsed.ok) throw new Error(`a demo batch is not valid: ${JSON.stringify(parsed.errors)}`);
    await ingestMessages(deps, workspaceId, parsed.messages as SegmentMessage[]);
  }
}

async function inParallel<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
