// The milestones of a demo account's year on its timeline: onboarding for customers who signed
// within it, business reviews, what made the year (an escalation, an expansion, a slide, the
// customer leaving) and the renewal talks of the coming quarter.
import type { PlannedAccount } from './portfolio.ts';
import type { Random } from './random.ts';

export type EventKind = 'note' | 'call' | 'email' | 'meeting';

/** An event before it is placed at a time of day: `daysAgo` counts back from today. */
export type Step = { kind: EventKind; daysAgo: number; title: string; body: string };

/**
 * Where the account is in time: days since it signed, days to renewal, the timeline's span, and
 * how long since the last meeting may be (a neglected account has had none for a quarter).
 */
export type Span = {
  sinceAgo: number;
  renewInDays: number;
  /** Days since a churned customer's subscription ended; null for the others. */
  churnedAgo: number | null;
  firstAgo: number;
  lastAgo: number;
  /** The most recent day a routine check-in lands on. */
  checkInsBefore: number;
  meetingsBefore: number;
};

export type Cast = {
  champion: string;
  formerChampion: string;
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

export const features = [
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

/** Customers who signed within the year: kickoff, welcome pack, technical setup. */
export function onboardingSteps(cast: Cast, { sinceAgo }: Span): Step[] {
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
export function businessReviewSteps(
  random: Random,
  account: PlannedAccount,
  cast: Cast,
  { firstAgo, lastAgo, meetingsBefore }: Span,
): Step[] {
  if (account.tier === 'smb' || account.story === 'onboarding') return [];
  const every = account.tier === 'enterprise' ? 91 : 182;
  // An enterprise customer nobody owns has nobody booking its review: the last one slipped a
  // few weeks past its quarter, so the book has enterprise accounts overdue for a QBR.
  const slipped = account.tier === 'enterprise' && account.ownerKey === null;
  const steps: Step[] = [];
  for (
    let ago = slipped ? random.int(100, 120) : random.int(15, 40);
    ago < firstAgo - 45;
    ago += every
  ) {
    if (ago < lastAgo || ago < meetingsBefore) continue;
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
export function storySteps(
  random: Random,
  account: PlannedAccount,
  cast: Cast,
  span: Span,
): Step[] {
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
        ...(account.premiumTrial
          ? [
              {
                kind: 'meeting' as const,
                daysAgo: met + random.int(20, 40),
                title: 'Premium trial: API and automations',
                body: `${cast.admin}'s team wants the API and automations, which the ${account.plan} plan does not include. Turned on a trial; upgrade to Enterprise to be priced with the expansion.`,
              },
            ]
          : []),
      ];
    }
    case 'unanswered_escalations':
      return [
        {
          kind: 'note',
          daysAgo: random.int(68, 80),
          title: 'Champion left the company',
          body: `${cast.formerChampion} has left. Asked ${cast.leadership} to name a new champion; no answer yet.`,
        },
        {
          kind: 'call',
          daysAgo: span.lastAgo,
          title: 'Check-in: sync errors',
          body: `${cast.admin} mentioned sync errors in the ${cast.integration} integration. Asked for examples and pointed them to support.`,
        },
      ];
    case 'usage_collapse':
      return [
        {
          kind: 'note',
          daysAgo: random.int(55, 62),
          title: 'Champion left the company',
          body: `${cast.formerChampion} has left; their team is being merged into another department.`,
        },
        {
          kind: 'email',
          daysAgo: span.lastAgo,
          title: 'Usage dropping — asked why',
          body: `Weekly active users halved in a month. Asked ${cast.admin} whether the team still plans to use us after the reorganisation.`,
        },
      ];
    case 'failed_payments':
      return [
        {
          kind: 'email',
          daysAgo: random.int(55, 62),
          title: 'Seats reduced',
          body: `${cast.champion} cut seats to save costs: "budgets are frozen until next year".`,
        },
        {
          kind: 'email',
          daysAgo: span.lastAgo,
          title: 'Failed payment',
          body: `The card on file was declined again. Asked ${cast.champion} to have finance update it.`,
        },
      ];
    case 'churned': {
      const churnedAgo = span.churnedAgo ?? 0;
      return [
        {
          kind: 'email',
          daysAgo: churnedAgo + random.int(20, 40),
          title: 'Cancellation notice received',
          body: account.acquired
            ? `${cast.sponsor} told us they were acquired; the new parent company standardises on a competitor and is cancelling now rather than at renewal. Asked for a full data export.`
            : account.leftMidContract
              ? `${cast.sponsor} asked to cancel before the contract ends: they are consolidating on an in-house tool, and finance will not keep paying for seats nobody uses. Asked for a full data export.`
              : `${cast.sponsor} confirmed they will not renew: they are consolidating on an in-house tool. Asked for a full data export.`,
        },
        {
          kind: 'call',
          daysAgo: Math.max(span.lastAgo, churnedAgo - 3),
          title: 'Exit interview',
          body: account.acquired
            ? `Exit interview with ${cast.champion}: the decision was the new parent company's; the team would have stayed.`
            : `Exit interview with ${cast.champion}: reporting gaps and the price of ${cast.feature} were the main reasons.`,
        },
      ];
    }
    default:
      return [];
  }
}

/** Renewals in the coming quarter are being talked about; within 45 days, quoted. */
export function renewalSteps(
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
