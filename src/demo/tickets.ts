// The demo's support tickets, as the generic support webhook payload a help desk would send
// (docs/integrations.md): a healthy account files a ticket now and then, a struggling one
// files more, more urgent ones, and rates the help lower.
import { dayMs, daysSince, hourMs } from '../lib/calendar.ts';
import type { PlannedAccount } from './portfolio.ts';
import type { Random } from './random.ts';
import { churnedDaysAgo, historyDays, usageLevel, type UsageArc } from './usage.ts';

// prettier-ignore
const subjects = [
  'Report export times out', 'SSO login loops back to the sign-in page',
  'Dashboard numbers do not match the CSV', 'How do I add a user to a workflow?',
  'Webhook deliveries failing since Monday', 'Invoice shows the wrong seat count',
  'Slow loading on the reports page', 'Cannot connect the Salesforce integration',
  'Request: bulk edit of records', 'Automation ran twice overnight',
  'API rate limit errors in our sync', 'Permissions: analysts can see admin settings',
  'Scheduled report e-mail did not arrive', 'Data import stuck at 80%',
];

export type TicketPayload = {
  id: string;
  accountExternalId: string;
  subject: string;
  status: 'open' | 'pending' | 'solved';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  requesterEmail: string | null;
  openedAt: string;
  solvedAt: string | null;
  firstResponseAt: string | null;
  csat: number | null;
  updatedAt: string;
};

/** A ticket a story needs, at a fixed time: hours before now. */
type Scripted = {
  hoursAgo: number;
  subject: string;
  priority: TicketPayload['priority'];
  /** Hours after opening; null: nobody has answered. */
  respondedAfter: number | null;
  solvedAfter: number | null;
  /** Opened today (UTC), whatever the hour: today's score sees it, yesterday's did not. */
  today?: boolean;
};

/**
 * The escalations nobody answered: the syncs broke six weeks ago; two high-priority tickets in
 * the last fortnight got no reply, and this morning the customer escalated twice as urgent.
 */
const unansweredEscalations: Scripted[] = [
  {
    hoursAgo: 20 * 24,
    subject: 'How do we re-run a failed sync?',
    priority: 'normal',
    respondedAfter: 30,
    solvedAfter: 52,
  },
  {
    hoursAgo: 12 * 24 + 3,
    subject: 'Data sync failing for the EU workspace',
    priority: 'high',
    respondedAfter: null,
    solvedAfter: null,
  },
  {
    hoursAgo: 6 * 24 + 5,
    subject: "Exports missing yesterday's records",
    priority: 'high',
    respondedAfter: null,
    solvedAfter: null,
  },
  {
    hoursAgo: 1.6,
    subject: 'Production sync down: three days of data missing',
    priority: 'urgent',
    respondedAfter: null,
    solvedAfter: null,
    today: true,
  },
  {
    hoursAgo: 0.5,
    subject: 'Escalation: no reply on our sync tickets for 12 days',
    priority: 'urgent',
    respondedAfter: null,
    solvedAfter: null,
    today: true,
  },
];

/** A company cutting back asks about its bill, not the product. */
const failedPayments: Scripted[] = [
  {
    hoursAgo: 58 * 24,
    subject: 'Invoice shows the wrong seat count',
    priority: 'normal',
    respondedAfter: 3,
    solvedAfter: 26,
  },
  {
    hoursAgo: 26 * 24,
    subject: 'Card update page shows an error',
    priority: 'normal',
    respondedAfter: 5,
    solvedAfter: 30,
  },
];

const scripts: Partial<Record<UsageArc, Scripted[]>> = {
  unanswered_escalations: unansweredEscalations,
  failed_payments: failedPayments,
};

/** How far back a script replaces the usual tickets: the 90 days support health looks at. */
const scriptedDays = 90;

export function planTickets(
  now: Date,
  random: Random,
  account: PlannedAccount,
  arc: UsageArc,
): TicketPayload[] {
  const left = churnedDaysAgo(account, now);
  const sinceDaysAgo = Math.floor(daysSince(account.customerSince, now));
  const script = scripts[arc];
  const tickets: TicketPayload[] = [];
  for (let weekAgo = Math.floor(historyDays / 7); weekAgo >= 0; weekAgo--) {
    const daysAgo = Math.min(historyDays - 2, weekAgo * 7 + random.int(0, 6));
    if (daysAgo > sinceDaysAgo || (left !== null && daysAgo <= left)) continue;
    if (script && daysAgo <= scriptedDays) continue;
    const level = usageLevel(arc, daysAgo, left);
    const trouble = 1 - level;
    if (!random.chance(0.02 + trouble * 0.22)) continue;
    const roll = random.next();
    const priority =
      roll < trouble * 0.35
        ? 'urgent'
        : roll < trouble * 0.9
          ? 'high'
          : roll < 0.85
            ? 'normal'
            : 'low';
    const openedAt = new Date(now.getTime() - daysAgo * dayMs - random.int(1, 10) * hourMs);
    const firstResponseAt = new Date(openedAt.getTime() + random.int(1, 20) * hourMs);
    const solvedAt = new Date(openedAt.getTime() + random.int(6, 140) * hourMs);
    const solved = solvedAt < now;
    tickets.push({
      id: `DEMO-${account.externalId}-${tickets.length + 1}`,
      accountExternalId: account.externalId,
      subject: random.pick(subjects),
      status: solved ? 'solved' : random.chance(0.5) ? 'pending' : 'open',
      priority,
      requesterEmail: account.contacts[random.int(0, account.contacts.length - 1)]?.email ?? null,
      openedAt: openedAt.toISOString(),
      solvedAt: solved ? solvedAt.toISOString() : null,
      firstResponseAt: firstResponseAt < now ? firstResponseAt.toISOString() : null,
      // Happy customers rate 4–5; those in trouble often 1–3.
      csat:
        solved && random.chance(0.6)
          ? random.chance(level)
            ? random.int(4, 5)
            : random.int(1, 3)
          : null,
      updatedAt: (solved ? solvedAt : openedAt).toISOString(),
    });
  }
  for (const step of script ?? []) tickets.push(scriptedTicket(now, account, step, tickets.length));
  return tickets;
}

function scriptedTicket(
  now: Date,
  account: PlannedAccount,
  step: Scripted,
  count: number,
): TicketPayload {
  const startOfDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const hoursAgo = now.getTime() - step.hoursAgo * hourMs;
  const openedAt = new Date(
    step.today ? Math.min(now.getTime() - 1000, Math.max(startOfDay + 60_000, hoursAgo)) : hoursAgo,
  );
  const at = (after: number | null) =>
    after === null ? null : new Date(openedAt.getTime() + after * hourMs).toISOString();
  const solvedAt = at(step.solvedAfter);
  return {
    id: `DEMO-${account.externalId}-${count + 1}`,
    accountExternalId: account.externalId,
    subject: step.subject,
    status: solvedAt ? 'solved' : 'open',
    priority: step.priority,
    requesterEmail: account.contacts[0]?.email ?? null,
    openedAt: openedAt.toISOString(),
    solvedAt,
    firstResponseAt: at(step.respondedAfter),
    csat: null,
    updatedAt: solvedAt ?? openedAt.toISOString(),
  };
}
