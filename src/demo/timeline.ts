// A year of a demo account's timeline — kickoff, check-ins, QBRs, escalations, feature
// requests, renewal talks — as the owner would have logged it, during their working hours.
import type { PlannedAccount, PlannedContact } from './portfolio.ts';
import type { Random } from './random.ts';

const dayMs = 24 * 3600_000;

/** An event before it is placed at a time of day: `daysAgo` counts back from today. */
type Step = { kind: PlannedEvent['kind']; daysAgo: number; title: string; body: string };

/** Where the account is in time: days since it signed, days to renewal, the timeline's span. */
type Span = { sinceAgo: number; renewInDays: number; firstAgo: number; lastAgo: number };

export type PlannedEvent = {
  kind: 'note' | 'call' | 'email' | 'meeting';
  title: string;
  body: string;
  occurredAt: Date;
};

type Cast = {
  champion: string;
  /** The executive sponsor, or the champion where there is none (a sentence's subject). */
  sponsor: string;
  /** The executive sponsor, or "their leadership" (inside a sentence). */
  leadership: string;
  admin: string;
  feature: string;
  feature2: string;
  integration: string;
  team: string;
  plan: string;
  pct: number;
  seats: number;
  users: number;
};

type Template = {
  kind: PlannedEvent['kind'];
  /** Fits a customer in their first weeks (no invoices, no usage trends yet). */
  early?: boolean;
  title: (c: Cast) => string;
  body: (c: Cast) => string;
};

const features = [
  'SSO setup',
  'custom dashboards',
  'bulk CSV export',
  'scheduled reports',
  'role-based permissions',
  'the mobile app',
  'audit reports',
  'API rate limits',
  'approval workflows',
  'sandbox environments',
];

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
  const events = steps.map(({ daysAgo, ...step }) => {
    // Working hours in the owner's zone, 09:00–17:00.
    const minutes = (random.int(9, 16) - offset) * 60 + random.pick([0, 15, 30, 45]);
    const at = (today - Math.max(1, Math.round(daysAgo))) * dayMs + minutes * 60_000;
    // Yesterday in Los Angeles can still be later than "now" in UTC: the past stays past.
    return { ...step, occurredAt: new Date(Math.min(at, now.getTime() - 3600_000)) };
  });
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const lastReview = events.findLast((event) => /business review/i.test(event.title));
  return {
    events,
    lastBusinessReview: lastReview ? lastReview.occurredAt.toISOString().slice(0, 10) : null,
  };
}

function spanOf(now: Date, account: PlannedAccount): Span {
  const sinceAgo = Math.floor((now.getTime() - account.customerSince.getTime()) / dayMs);
  const renewInDays = Math.round(
    (Date.parse(`${account.renewalDate}T00:00:00Z`) - now.getTime()) / dayMs,
  );
  return {
    sinceAgo,
    renewInDays,
    firstAgo: Math.min(365, sinceAgo),
    // A churned account's story ends a few days after it left.
    lastAgo: account.story === 'churned' ? Math.max(1, -renewInDays - 5) : 1,
  };
}

/** Customers who signed within the year: kickoff, welcome pack, technical setup. */
function onboardingSteps(cast: Cast, { sinceAgo }: Span): Step[] {
  if (sinceAgo > 365) return [];
  const steps: Step[] = [
    {
      kind: 'meeting',
      daysAgo: sinceAgo - 2,
      title: 'Kickoff meeting',
      body: `Kickoff with ${cast.champion} and the project team. Agreed on success criteria and a go-live date six weeks out.`,
    },
    {
      kind: 'email',
      daysAgo: sinceAgo - 3,
      title: 'Welcome and next steps',
      body: `Sent the onboarding plan, admin guide and training calendar to ${cast.champion}.`,
    },
  ];
  if (sinceAgo > 12) {
    steps.push({
      kind: 'call',
      daysAgo: sinceAgo - 10,
      title: 'Technical setup call',
      body: `Walked ${cast.admin} through SSO and the ${cast.integration} integration. Data sync is running.`,
    });
  }
  return steps;
}

/** Enterprise customers meet every quarter, mid-market every half year; SMB self-serve. */
function businessReviewSteps(
  random: Random,
  account: PlannedAccount,
  cast: Cast,
  { firstAgo, lastAgo }: Span,
): Step[] {
  if (account.tier === 'smb' || account.story === 'onboarding') return [];
  const every = account.tier === 'enterprise' ? 91 : 182;
  const steps: Step[] = [];
  for (let ago = random.int(15, 40); ago < firstAgo - 45; ago += every) {
    if (ago < lastAgo) continue;
    steps.push({
      kind: 'meeting',
      daysAgo: ago,
      title: account.tier === 'enterprise' ? 'Quarterly business review' : 'Business review',
      body: `Review with ${cast.leadership}: ${random.int(55, 92)}% of seats active, support trends and the roadmap. Next: ${random.pick(features)} pilot.`,
    });
  }
  return steps;
}

/** What made this account's year: an escalation, an expansion, or the customer leaving. */
function storySteps(random: Random, account: PlannedAccount, cast: Cast, span: Span): Step[] {
  switch (account.story) {
    case 'at_risk': {
      const escalated = random.int(6, 30);
      return [
        {
          kind: 'call',
          daysAgo: escalated,
          title: `Escalation: ${cast.feature} failing`,
          body: `${cast.champion} escalated repeated failures in ${cast.feature}. Looped in support and engineering; daily updates until it is fixed.`,
        },
        {
          kind: 'email',
          daysAgo: escalated - 2,
          title: 'Escalation update sent',
          body: `Shared the root cause and the workaround with ${cast.champion}; asked for a call with ${cast.leadership} to rebuild confidence.`,
        },
        {
          kind: 'note',
          daysAgo: random.int(35, 70),
          title: 'Risk: champion changing roles',
          body: `${cast.champion} is moving to another team next quarter. We need a new champion before the renewal.`,
        },
      ];
    }
    case 'expansion': {
      const met = random.int(10, 40);
      return [
        {
          kind: 'meeting',
          daysAgo: met,
          title: 'Expansion discussion',
          body: `${cast.sponsor} wants to roll out to ${cast.team}. Scoping about ${Math.max(5, Math.round(account.seats / 20) * 5)} more seats.`,
        },
        {
          kind: 'email',
          daysAgo: met - 3,
          title: 'Expansion proposal sent',
          body: `Sent ${cast.sponsor} a proposal for the added seats on the ${account.plan} plan.`,
        },
      ];
    }
    case 'churned': {
      const churnedAgo = -span.renewInDays;
      return [
        {
          kind: 'email',
          daysAgo: churnedAgo + random.int(20, 40),
          title: 'Cancellation notice received',
          body: `${cast.sponsor} confirmed they will not renew: they are consolidating on an in-house tool. Asked for a full data export.`,
        },
        {
          kind: 'call',
          daysAgo: Math.max(span.lastAgo, churnedAgo - 3),
          title: 'Exit interview',
          body: `Exit interview with ${cast.champion}: reporting gaps and the price of ${cast.feature} were the main reasons.`,
        },
      ];
    }
    default:
      return [];
  }
}

/** Renewals in the coming quarter are being talked about; within 45 days, quoted. */
function renewalSteps(
  random: Random,
  account: PlannedAccount,
  cast: Cast,
  { renewInDays }: Span,
): Step[] {
  if (account.story === 'churned' || renewInDays > 90) return [];
  const steps: Step[] = [
    {
      kind: 'call',
      daysAgo: random.int(5, 20),
      title: 'Renewal kickoff',
      body: `Started renewal talks with ${cast.leadership}. Budget approved in principle; procurement wants a multi-year option.`,
    },
  ];
  if (renewInDays <= 45) {
    steps.push({
      kind: 'email',
      daysAgo: random.int(1, 4),
      title: 'Renewal proposal sent',
      body: `Sent the renewal quote for the ${account.plan} plan to ${cast.champion} and procurement.`,
    });
  }
  return steps;
}

/** Check-ins and questions between the milestones, up to a count that fits the tier. */
function everydaySteps(
  random: Random,
  account: PlannedAccount,
  cast: Cast,
  { firstAgo, lastAgo }: Span,
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
    steps.push({
      kind: template.kind,
      daysAgo: random.int(lastAgo, Math.max(lastAgo, firstAgo - 4)),
      title: template.title(variant),
      body: template.body(variant),
    });
  }
  return steps;
}

function castOf(random: Random, account: PlannedAccount): Cast {
  const named = (role: PlannedContact['role']) =>
    account.contacts.find((contact) => contact.role === role)?.name;
  const champion = named('champion') ?? 'the champion';
  const installed = account.customFields.integrations;
  const integration =
    Array.isArray(installed) && typeof installed[0] === 'string' ? installed[0] : 'Slack';
  const sponsor = named('executive_sponsor');
  return {
    champion,
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
