// The demo's support tickets, as the generic support webhook payload a help desk would send
// (docs/integrations.md): a healthy account files a ticket now and then, a struggling one
// files more, more urgent ones, and rates the help lower.
import type { PlannedAccount } from './portfolio.ts';
import type { Random } from './random.ts';
import { churnedDaysAgo, historyDays, usageLevel, type UsageArc } from './usage.ts';

const dayMs = 24 * 3600_000;
const hourMs = 3600_000;

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

export function planTickets(
  now: Date,
  random: Random,
  account: PlannedAccount,
  arc: UsageArc,
): TicketPayload[] {
  const left = churnedDaysAgo(account, now);
  const sinceDaysAgo = Math.floor((now.getTime() - account.customerSince.getTime()) / dayMs);
  const tickets: TicketPayload[] = [];
  for (let weekAgo = Math.floor(historyDays / 7); weekAgo >= 0; weekAgo--) {
    const daysAgo = Math.min(historyDays - 2, weekAgo * 7 + random.int(0, 6));
    if (daysAgo > sinceDaysAgo || (left !== null && daysAgo <= left)) continue;
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
  return tickets;
}
