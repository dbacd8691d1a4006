// The demo accounts and their contacts, planned as plain data from a seeded random source
// and "now": every date is relative to the clock, so the portfolio always looks current.
import { daysAfter, isoDay } from '../lib/calendar.ts';
import type { ContactRole, Priority, Stage, Tier } from '../db/schema.ts';
import { onboardingPlanDays } from './onboarding.ts';
import { firstNames, integrations, lastNames, regions, sectors, stems, titles } from './names.ts';
import { arrCents, centsPerDollar, includesPremium, plansOf, seatRange } from './plans.ts';
import type { Random } from './random.ts';
import { demoTeam, type DemoRegion } from './team.ts';

/**
 * How an account's year went: decides its usage, tickets, billing and timeline. The last three
 * are the demo CSM's Critical accounts, each for one clear reason on top of a slide: a team that
 * stopped using the product, payments that keep failing, escalations nobody answered.
 */
export type Story =
  | 'steady'
  | 'at_risk'
  | 'expansion'
  | 'onboarding'
  | 'churned'
  | 'usage_collapse'
  | 'failed_payments'
  | 'unanswered_escalations';

/** Stories whose champion has left: nobody on the customer's side speaks for the product. */
export const championLeft: ReadonlySet<Story> = new Set([
  'usage_collapse',
  'unanswered_escalations',
]);

export type PlannedContact = {
  name: string;
  email: string;
  title: string;
  phone: string | null;
  role: ContactRole;
};

export type PlannedAccount = {
  externalId: string;
  name: string;
  domain: string;
  tier: Tier;
  plan: string;
  /** ARR in cents (USD): seats × the plan's seat price × 12 (plans.ts). */
  arrAmount: number;
  seats: number;
  stage: Stage;
  renewalDate: string;
  priority: Priority;
  /** The team member's key (team.ts), or null for the few accounts nobody owns yet. */
  ownerKey: string | null;
  customerSince: Date;
  story: Story;
  /**
   * "Ready for premium": an account whose plan lacks the premium features, trying them anyway
   * (a trial) — the upgrade candidates. Nobody else uses what they did not buy.
   */
  premiumTrial: boolean;
  /** A churned customer that left suddenly: it was acquired, and the new owner chose a rival. */
  acquired: boolean;
  /** The day a churned customer's subscription ended (`YYYY-MM-DD`); null while it stays. */
  churnedOn: string | null;
  /**
   * A churned customer that cancelled before its contract's end: a churn, but not a lost
   * renewal — its renewal date, still ahead, is the end of the term it walked away from.
   */
  leftMidContract: boolean;
  customFields: Record<string, unknown>;
  contacts: PlannedContact[];
};

/** One account of the demo CSM's portfolio, placed by hand so the story is always told. */
type Shape = {
  tier: Tier;
  renewInDays: number;
  priority: Priority;
  stage: Stage;
  story: Story;
  /** When the customer signed; by default on an anniversary of the renewal, a year or more ago. */
  sinceDaysAgo?: number;
  premiumTrial?: boolean;
  acquired?: boolean;
  /** Churned: days since the subscription ended. */
  churnedDaysAgo?: number;
  leftMidContract?: boolean;
};

// Jordan Taylor's fifteen: two P0s, three renewals within 90 days, three customers onboarding
// (signed 60, 27 and 13 days ago), three Critical accounts each for its own reason, two At
// Risk renewals, and one mid-market customer trying the premium features before buying them.
// prettier-ignore
const demoCsmPortfolio: Shape[] = [
  { tier: 'enterprise', renewInDays: 24, priority: 'P0', stage: 'renewing', story: 'at_risk' },
  { tier: 'enterprise', renewInDays: 95, priority: 'P1', stage: 'steady', story: 'expansion' },
  { tier: 'enterprise', renewInDays: 198, priority: 'P0', stage: 'steady', story: 'unanswered_escalations', sinceDaysAgo: 532 },
  { tier: 'enterprise', renewInDays: 305, priority: 'P1', stage: 'onboarding', story: 'onboarding', sinceDaysAgo: 60 },
  { tier: 'mid_market', renewInDays: 12, priority: 'P1', stage: 'renewing', story: 'at_risk' },
  { tier: 'mid_market', renewInDays: 104, priority: 'P2', stage: 'steady', story: 'steady' },
  { tier: 'mid_market', renewInDays: 118, priority: 'P1', stage: 'steady', story: 'expansion', premiumTrial: true },
  { tier: 'mid_market', renewInDays: 133, priority: 'P2', stage: 'steady', story: 'usage_collapse', sinceDaysAgo: 597 },
  { tier: 'mid_market', renewInDays: 246, priority: 'P2', stage: 'adopting', story: 'steady', sinceDaysAgo: 119 },
  { tier: 'mid_market', renewInDays: 338, priority: 'P2', stage: 'onboarding', story: 'onboarding', sinceDaysAgo: 27 },
  { tier: 'smb', renewInDays: 35, priority: 'P2', stage: 'renewing', story: 'steady' },
  { tier: 'smb', renewInDays: 162, priority: 'P3', stage: 'steady', story: 'steady' },
  { tier: 'smb', renewInDays: 219, priority: 'P2', stage: 'steady', story: 'failed_payments', sinceDaysAgo: 511 },
  { tier: 'smb', renewInDays: 352, priority: 'P3', stage: 'onboarding', story: 'onboarding', sinceDaysAgo: 13 },
  { tier: 'smb', renewInDays: 320, priority: 'P3', stage: 'steady', story: 'expansion' },
];

/** Other CSMs' growing customers below enterprise who also try the premium features. */
const otherPremiumTrials = 2;

const unassignedCount = 5;
const churnedCount = 4;

/** A calendar day `days` after `now` (UTC), as `YYYY-MM-DD`. */
export function dayFrom(now: Date, days: number): string {
  return isoDay(daysAfter(now, days));
}

export function planPortfolio(now: Date, random: Random): PlannedAccount[] {
  const names = companyNames(random);
  const shapes: { ownerKey: string | null; shape: Shape }[] = [];
  for (const person of demoTeam) {
    if (!person.portfolio) continue;
    for (let i = 0; i < person.portfolio; i++) {
      const shape = person.key === 'jordan' ? demoCsmPortfolio[i] : randomShape(random);
      if (shape) shapes.push({ ownerKey: person.key, shape });
    }
  }
  for (let i = 0; i < unassignedCount; i++) {
    shapes.push({ ownerKey: null, shape: randomShape(random) });
  }
  markChurned(random, shapes);
  markPremiumTrials(shapes);
  fitOnboardingsInTheirPlans(shapes);

  return shapes.map(({ ownerKey, shape }, index) => {
    const company = names[index];
    if (!company) throw new Error('not enough demo company names');
    return planAccount(now, random, index, company, ownerKey, shape);
  });
}

function companyNames(random: Random) {
  const combos = stems.flatMap((stem, i) =>
    // Each stem with two sectors, so no company name repeats a stem more than twice.
    [0, 7].map((offset) => {
      const sector = sectors[(i + offset) % sectors.length] ?? sectors[0];
      return { name: `${stem} ${sector?.word}`, stem, industry: sector?.industry ?? 'Technology' };
    }),
  );
  // One name per stem first, so the portfolio does not read like a list of twins.
  const firsts = random.sample(
    combos.filter((_, i) => i % 2 === 0),
    stems.length,
  );
  const seconds = random.sample(
    combos.filter((_, i) => i % 2 === 1),
    stems.length,
  );
  return [...firsts, ...seconds];
}

function randomShape(random: Random): Shape {
  const roll = random.next();
  const tier: Tier = roll < 0.2 ? 'enterprise' : roll < 0.56 ? 'mid_market' : 'smb';
  const renewInDays = random.int(3, 364);
  const sinceDaysAgo = 365 - renewInDays + 365 * random.int(0, 3);
  const stage: Stage =
    renewInDays <= 60 && sinceDaysAgo > 300
      ? 'renewing'
      : sinceDaysAgo < 90
        ? 'onboarding'
        : sinceDaysAgo < 220 || random.chance(0.2)
          ? 'adopting'
          : 'steady';
  const priority = randomPriority(random, tier);
  const story: Story =
    stage === 'onboarding'
      ? 'onboarding'
      : priority === 'P0' || random.chance(0.12)
        ? 'at_risk'
        : random.chance(0.18)
          ? 'expansion'
          : 'steady';
  return { tier, renewInDays, priority, stage, story, sinceDaysAgo };
}

function randomPriority(random: Random, tier: Tier): Priority {
  const roll = random.next();
  if (tier === 'enterprise') return roll < 0.12 ? 'P0' : roll < 0.6 ? 'P1' : 'P2';
  if (tier === 'mid_market')
    return roll < 0.06 ? 'P0' : roll < 0.3 ? 'P1' : roll < 0.9 ? 'P2' : 'P3';
  return roll < 0.1 ? 'P1' : roll < 0.6 ? 'P2' : 'P3';
}

/**
 * A few smaller customers left in the past months: churn belongs in a real book. Most faded for
 * months first; one left out of the blue (acquired), as some churn does — no score sees that
 * coming, and the backtest should not pretend otherwise. Only one of them waited for its
 * renewal to say no (the mid-market one, where there is one): the others cancelled mid-contract
 * — the acquired one when its new owner chose a rival, the small ones when they stopped paying
 * — a few months after they had last renewed, so their renewal dates are still ahead, past the
 * coming quarter, and the renewal they made this year counts as renewed.
 */
function markChurned(random: Random, shapes: { ownerKey: string | null; shape: Shape }[]) {
  const candidates = shapes.filter(
    ({ ownerKey, shape }) =>
      ownerKey !== 'jordan' && ownerKey !== null && shape.tier !== 'enterprise',
  );
  const leaving = random.sample(candidates, churnedCount);
  const midMarket = leaving.findIndex((entry, i) => i > 0 && entry.shape.tier === 'mid_market');
  const atRenewal = midMarket > 0 ? midMarket : 1;
  for (const [i, entry] of leaving.entries()) {
    const churnedDaysAgo = random.int(10, 150);
    const years = random.int(1, 2);
    // A mid-contract cancellation came two to four months into the term (churn ≤ 150 days
    // ago, so the term ends at least 95 days from now).
    const termStartedAgo = i === atRenewal ? churnedDaysAgo : churnedDaysAgo + 60 + 30 * (i % 3);
    entry.shape = {
      ...entry.shape,
      stage: 'churned',
      story: 'churned',
      priority: 'P3',
      renewInDays: i === atRenewal ? -churnedDaysAgo : 365 - termStartedAgo,
      sinceDaysAgo: termStartedAgo + 365 * years,
      acquired: i === 0,
      churnedDaysAgo,
      leftMidContract: i !== atRenewal,
    };
  }
}

/** An onboarding customer has been with us at least this long: a kickoff and a timeline behind it. */
const fewestOnboardingDays = 14;

/**
 * A customer drawn as onboarding signed within its tier's onboarding plan: one that signed
 * longer ago would have finished it and moved on, so an onboarding customer with nothing left
 * to do, or weeks behind, would not add up. Its signing moves inside the plan, at least two
 * weeks in, its renewal still on the signing's anniversary. Nothing is drawn for it: the rest
 * of the portfolio stays as it was.
 */
function fitOnboardingsInTheirPlans(shapes: { shape: Shape }[]) {
  for (const entry of shapes) {
    const { shape } = entry;
    const plan = onboardingPlanDays(shape.tier);
    if (shape.stage !== 'onboarding' || shape.sinceDaysAgo === undefined) continue;
    if (shape.sinceDaysAgo < plan) continue;
    const sinceDaysAgo =
      fewestOnboardingDays + (shape.sinceDaysAgo % (plan - fewestOnboardingDays));
    entry.shape = { ...shape, sinceDaysAgo, renewInDays: 365 - sinceDaysAgo };
  }
}

/** The first few growing non-enterprise customers of the other CSMs try the premium features. */
function markPremiumTrials(shapes: { ownerKey: string | null; shape: Shape }[]) {
  const growing = shapes.filter(
    ({ ownerKey, shape }) =>
      ownerKey !== 'jordan' &&
      ownerKey !== null &&
      shape.story === 'expansion' &&
      !includesPremium(shape.tier),
  );
  for (const entry of growing.slice(0, otherPremiumTrials)) {
    entry.shape = { ...entry.shape, premiumTrial: true };
  }
}

function planAccount(
  now: Date,
  random: Random,
  index: number,
  company: { name: string; stem: string; industry: string },
  ownerKey: string | null,
  shape: Shape,
): PlannedAccount {
  const plan = random.pick(plansOf(shape.tier));
  const [fewest, most] = seatRange[shape.tier];
  const seats = random.int(fewest, most);
  const arrAmount = arrCents(plan.name, seats);
  // Customers sign on the renewal date's anniversary; the oldest have been here 3–4 years.
  // Past onboarding means at least half a year in.
  const firstTerm = 365 - shape.renewInDays;
  const sinceDaysAgo =
    shape.sinceDaysAgo ?? firstTerm + 365 * random.int(firstTerm < 200 ? 1 : 0, 2);
  const domain = `${company.name.toLowerCase().replace(/\s+/g, '-')}.example`;
  const owner = demoTeam.find((person) => person.key === ownerKey);
  const region = random.pick(owner?.regions ?? regions);
  const expansion =
    shape.story === 'expansion'
      ? random.int(20, 60)
      : shape.story !== 'steady' || random.chance(0.5)
        ? 0
        : random.int(3, 15);
  const customFields: Record<string, unknown> = {
    region,
    industry: company.industry,
    integrations: random
      .sample(integrations, random.int(0, shape.tier === 'smb' ? 2 : 4))
      .sort((a, b) => integrations.indexOf(a) - integrations.indexOf(b)),
  };
  // Expansion potential as a share of ARR, rounded to $1,000 (too small to round: none).
  const potentialDollars =
    Math.round(((arrAmount / centsPerDollar) * (expansion / 100)) / 1000) * 1000;
  if (potentialDollars > 0) {
    customFields.expansion_potential = {
      amount: potentialDollars * centsPerDollar,
      currency: 'USD',
    };
  }
  return {
    // Gaps in the numbering, as in a CRM where deals were lost before they became customers.
    externalId: `crm-${String(1000 + index * 7 + (index % 3)).padStart(5, '0')}`,
    name: company.name,
    domain,
    tier: shape.tier,
    plan: plan.name,
    arrAmount,
    seats,
    stage: shape.stage,
    renewalDate: dayFrom(now, shape.renewInDays),
    priority: shape.priority,
    ownerKey,
    customerSince: daysAfter(now, -sinceDaysAgo),
    story: shape.story,
    premiumTrial: shape.premiumTrial ?? false,
    acquired: shape.acquired ?? false,
    churnedOn: shape.churnedDaysAgo === undefined ? null : dayFrom(now, -shape.churnedDaysAgo),
    leftMidContract: shape.leftMidContract ?? false,
    customFields,
    contacts: planContacts(random, shape.tier, domain, region, !championLeft.has(shape.story)),
  };
}

function planContacts(
  random: Random,
  tier: Tier,
  domain: string,
  region: DemoRegion,
  hasChampion: boolean,
): PlannedContact[] {
  // A champion who left is gone from the contacts; the timeline tells when they left.
  const roles: ContactRole[] = [hasChampion ? 'champion' : 'user'];
  const sponsorOdds = tier === 'enterprise' ? 1 : tier === 'mid_market' ? 0.7 : 0.4;
  if (random.chance(sponsorOdds)) roles.push('executive_sponsor');
  roles.push('admin');
  const users = random.int(0, tier === 'smb' ? 1 : 2);
  for (let i = 0; i < users && roles.length < 5; i++) roles.push('user');
  if (roles.length < 2) roles.push('user');

  const firsts = random.sample(firstNames, roles.length);
  const lasts = random.sample(lastNames, roles.length);
  return roles.map((role, i) => {
    const first = firsts[i] ?? 'Alex';
    const last = lasts[i] ?? 'Brooks';
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}@${domain}`.toLowerCase(),
      title: random.pick(titles[role]),
      // 555-01xx numbers are reserved for fiction in North America; others leave it blank.
      phone: region === 'NA' ? `+1 555 01${String(random.int(0, 99)).padStart(2, '0')}` : null,
      role,
    };
  });
}
