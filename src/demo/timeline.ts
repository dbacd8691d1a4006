// A year of a demo account's timeline — kickoff, check-ins, QBRs, escalations, feature
// requests, renewal talks — as the owner would have logged it, on working days during their
// working hours.
import { dayMs, daysSince, isoDay, startOfDay } from '../lib/calendar.ts';
import { dueDay, dueDayBefore } from '../modules/work/index.ts';
import {
  businessReviewSteps,
  features,
  onboardingSteps,
  renewalSteps,
  storySteps,
  type Cast,
  type EventKind,
  type Span,
  type Step,
} from './milestones.ts';
import type { PlannedAccount, PlannedContact } from './portfolio.ts';
import type { Random } from './random.ts';

/**
 * The Critical stories are also stories of neglect: nobody on the team has logged a touch for
 * five weeks or more (the engagement measure sees it), and there was no meeting for a quarter.
 */
const lastTouchAgo: Partial<Record<PlannedAccount['story'], number>> = {
  usage_collapse: 40,
  unanswered_escalations: 37,
  failed_payments: 33,
};
const quietQuarter = 95;

export type PlannedEvent = {
  kind: EventKind;
  title: string;
  body: string;
  occurredAt: Date;
};

type Template = {
  kind: PlannedEvent['kind'];
  /** Fits a customer in their first weeks (no invoices, no usage trends yet). */
  early?: boolean;
  title: (c: Cast) => string;
  body: (c: Cast) => string;
};

const formerFirstNames = ['Morgan', 'Casey', 'Robin', 'Jamie', 'Avery', 'Quinn'];
const formerLastNames = ['Holloway', 'Fitzgerald', 'Nakamura', 'Oyelaran', 'Castellano', 'Brandt'];

const teams = ['the EMEA support team', 'finance', 'the field sales team', 'two new regions'];

// The everyday events: a CSM's check-ins and the questions customers ask between them.
// prettier-ignore
const everyday: Template[] = [
  {
    kind: 'call',
    title: () => 'Monthly check-in',
    early: true,
    body: (c) => `Monthly check-in with ${c.champion}. Usage is steady; no open issues.`,
  },
  {
    kind: 'note',
    title: () => 'Check-in notes',
    body: (c) => `${c.champion} is happy with ${c.feature}; asked when ${c.feature2} is coming.`,
  },
  {
    kind: 'email',
    title: (c) => `Feature request: ${c.feature}`,
    early: true,
    body: (c) =>
      `${c.champion} asked for better ${c.feature}. Logged it for the product team and shared the current workaround.`,
  },
  {
    kind: 'meeting',
    title: () => 'Training session',
    early: true,
    body: (c) => `Trained ${c.users} new users on ${c.feature}. Recording and slides sent after.`,
  },
  {
    kind: 'email',
    title: () => 'Invoice question',
    body: (c) => `Finance asked why the invoice shows ${c.seats} seats. Explained the true-up; resolved.`,
  },
  {
    kind: 'note',
    title: () => 'Usage dip',
    body: (c) =>
      `Weekly active users fell three weeks in a row. Asked ${c.champion} whether the ${c.integration} sync is still running.`,
  },
  {
    kind: 'call',
    title: () => 'Support follow-up',
    early: true,
    body: (c) => `Followed up with ${c.admin} on the ${c.feature} ticket; fixed in the latest release.`,
  },
  {
    kind: 'meeting',
    title: () => 'Roadmap preview',
    body: (c) => `Previewed ${c.feature2} with ${c.champion} and ${c.admin}; strong interest.`,
  },
  {
    kind: 'email',
    title: () => 'Adoption report sent',
    body: (c) => `Sent the monthly adoption report: ${c.pct}% of seats active, up from last month.`,
  },
  {
    kind: 'call',
    title: (c) => `${c.integration} integration questions`,
    early: true,
    body: (c) =>
      `${c.admin} asked how fields map in the ${c.integration} integration. Sent the mapping guide.`,
  },
];

export function planTimeline(
  now: Date,
  random: Random,
  account: PlannedAccount,
  timezone: string,
): { events: PlannedEvent[]; lastBusinessReview: string | null } {
  const cast = castOf(random, account);
  const span = spanOf(now, account);
  const steps = [
    ...onboardingSteps(cast, span),
    ...businessReviewSteps(random, account, cast, span),
    ...storySteps(random, account, cast, span),
    ...renewalSteps(random, account, cast, span),
  ];
  steps.push(...everydaySteps(random, account, cast, span, steps.length));

  const offset = utcOffsetHours(timezone, now);
  const today = Math.floor(now.getTime() / dayMs);
  const earliest = Math.max(account.customerSince.getTime(), now.getTime() - 366 * dayMs);
  const events = steps.map(({ daysAgo, ...step }) => {
    // Working hours in the owner's zone, 09:00–17:00.
    const minutes = (random.int(9, 16) - offset) * 60 + random.pick([0, 15, 30, 45]);
    // A day that falls on a weekend is the Friday before it, or the Monday after when that
    // Friday comes before the account began (or over a year ago).
    const planned = isoDay((today - Math.max(1, Math.round(daysAgo))) * dayMs);
    const onDay = (day: string) => startOfDay(day).getTime() + minutes * 60_000;
    const before = onDay(dueDayBefore(planned, 0, 'business'));
    const at = before >= earliest ? before : onDay(dueDay(planned, 0, 'business'));
    // Yesterday in Los Angeles can still be later than "now" in UTC: the past stays past.
    return { ...step, occurredAt: new Date(Math.min(at, now.getTime() - 3600_000)) };
  });
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const lastReview = events.findLast((event) => /business review/i.test(event.title));
  return {
    events,
    lastBusinessReview: lastReview ? isoDay(lastReview.occurredAt) : null,
  };
}

function spanOf(now: Date, account: PlannedAccount): Span {
  const sinceAgo = Math.floor(daysSince(account.customerSince, now));
  const renewInDays = Math.round(daysSince(now, startOfDay(account.renewalDate)));
  const churnedAgo =
    account.churnedOn === null ? null : Math.floor(daysSince(startOfDay(account.churnedOn), now));
  const quiet = lastTouchAgo[account.story];
  // A churned account's story ends a few days after it left; its last four months before
  // that were the cancellation and little else: the customer had gone quiet.
  const lastAgo = churnedAgo !== null ? Math.max(1, churnedAgo - 5) : (quiet ?? 1);
  const goneQuiet = account.story === 'churned' && !account.acquired ? lastAgo + 125 : null;
  return {
    sinceAgo,
    renewInDays,
    churnedAgo,
    firstAgo: Math.min(365, sinceAgo),
    lastAgo,
    checkInsBefore: goneQuiet ?? lastAgo,
    meetingsBefore: goneQuiet ?? (quiet === undefined ? 0 : quietQuarter),
  };
}

/** Check-ins and questions between the milestones, up to a count that fits the tier. */
function everydaySteps(
  random: Random,
  account: PlannedAccount,
  cast: Cast,
  { firstAgo, checkInsBefore, meetingsBefore }: Span,
  already: number,
): Step[] {
  const target =
    account.tier === 'enterprise'
      ? random.int(14, 25)
      : account.tier === 'mid_market'
        ? random.int(9, 18)
        : random.int(6, 12);
  // A new customer has had less time to collect history.
  const wanted = Math.max(6, Math.min(target, 6 + Math.floor(firstAgo / 7)));
  const fitting = account.story === 'onboarding' ? everyday.filter((t) => t.early) : everyday;
  const steps: Step[] = [];
  while (already + steps.length < wanted) {
    const template = random.pick(fitting);
    const variant = {
      ...cast,
      feature: random.pick(features),
      feature2: random.pick(features),
      users: random.int(4, 30),
      pct: random.int(55, 92),
    };
    const after =
      template.kind === 'meeting' ? Math.max(checkInsBefore, meetingsBefore) : checkInsBefore;
    steps.push({
      kind: template.kind,
      daysAgo: random.int(after, Math.max(after, firstAgo - 4)),
      title: template.title(variant),
      body: template.body(variant),
    });
  }
  return steps;
}

function castOf(random: Random, account: PlannedAccount): Cast {
  const named = (role: PlannedContact['role']) =>
    account.contacts.find((contact) => contact.role === role)?.name;
  const champion = named('champion') ?? named('user') ?? 'the champion';
  const installed = account.customFields.integrations;
  const integration =
    Array.isArray(installed) && typeof installed[0] === 'string' ? installed[0] : 'Slack';
  const sponsor = named('executive_sponsor');
  // A champion who left is gone from the contacts: a name for who they were.
  const formerChampion = `${random.pick(formerFirstNames)} ${random.pick(formerLastNames)}`;
  return {
    champion,
    formerChampion,
    sponsor: sponsor ?? champion,
    leadership: sponsor ?? 'their leadership',
    admin: named('admin') ?? champion,
    feature: random.pick(features),
    feature2: random.pick(features),
    integration,
    team: random.pick(teams),
    plan: account.plan,
    pct: random.int(55, 92),
    seats: account.seats,
    users: random.int(4, 30),
  };
}

/** The zone's offset from UTC in whole hours at `at` (DST included), e.g. -5 for New York. */
function utcOffsetHours(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d+)?/.exec(name ?? '');
  return match?.[1] ? Number(match[1]) : 0;
}
