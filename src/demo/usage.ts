// A year of product usage for the demo accounts, planned as plain data: who was active on
// which day and what they did. Each account's story sets how much it is used over time:
// growing accounts use more each month, declining ones less (and drop features), churned
// ones fade for months before they leave, and some that dipped came back.
import { dayMs, daysSince, isoDay, startOfDay } from '../lib/calendar.ts';
import { firstValueAfterDays } from './onboarding.ts';
import { includesPremium } from './plans.ts';
import type { PlannedAccount, Story } from './portfolio.ts';
import { randomFor, type Random } from './random.ts';

export const historyDays = 365;

/**
 * How an account's usage moved over the year: its story, a dip it came back from, a sudden
 * end (a churned customer that was acquired), or a slow slide to a renewal it did not sign.
 */
export type UsageArc = Story | 'recovered' | 'acquired' | 'lost_at_renewal';

/** The demo product's feature catalog, as a workspace admin would define it. */
export const demoFeatures = [
  { key: 'reports', label: 'Reports', events: ['Report *'], premium: false, value: false },
  { key: 'dashboards', label: 'Dashboards', events: ['Dashboard *'], premium: false, value: false },
  { key: 'workflows', label: 'Workflows', events: ['Workflow *'], premium: false, value: true },
  {
    key: 'exports',
    label: 'Data exports',
    events: ['Data Exported', 'Report Exported'],
    premium: true,
    value: false,
  },
  { key: 'api', label: 'API', events: ['API *'], premium: true, value: false },
  {
    key: 'automations',
    label: 'Automations',
    events: ['Automation *'],
    premium: true,
    value: true,
  },
] as const;

type FeatureKey = (typeof demoFeatures)[number]['key'];

/** The events a person's use of each feature sends. */
const eventsOf: Record<FeatureKey, string[]> = {
  reports: ['Report Viewed', 'Report Created'],
  dashboards: ['Dashboard Viewed'],
  workflows: ['Workflow Run', 'Workflow Created'],
  exports: ['Data Exported'],
  api: ['API Request'],
  automations: ['Automation Triggered'],
};
export const loginEvent = 'Signed In';

export type ProductUser = { userId: string; email: string | null; name: string | null };

/** One person's day: the events they sent, with how many of each. */
export type UserDay = {
  userId: string;
  events: { event: string; feature: string; count: number }[];
};

export type AccountUsage = {
  account: PlannedAccount;
  arc: UsageArc;
  users: ProductUser[];
  /** Index 0 is `historyDays` ago, the last is today. */
  days: { day: string; daysAgo: number; active: UserDay[] }[];
};

/**
 * Steady accounts picked to have dipped months ago and come back: at risk for a while, then
 * healthy again, so a health score's history shows recoveries as well as losses.
 */
export function usageArc(account: PlannedAccount, index: number): UsageArc {
  if (account.acquired) return 'acquired';
  if (account.story === 'churned' && !account.leftMidContract) return 'lost_at_renewal';
  return account.story === 'steady' && index % 3 === 1 ? 'recovered' : account.story;
}

/** The share of its people an account has using the product, 0–1, `daysAgo` days before today. */
export function usageLevel(arc: UsageArc, daysAgo: number, churnedDaysAgo: number | null): number {
  const t = 1 - daysAgo / historyDays; // 0 a year ago, 1 today
  switch (arc) {
    case 'steady':
      return 0.72;
    case 'expansion':
      return 0.4 + 0.5 * t;
    case 'onboarding':
      return 0.75;
    case 'at_risk':
      // Fine until five months ago, then sliding.
      return daysAgo > 150 ? 0.78 : 0.25 + 0.53 * (daysAgo / 150);
    case 'recovered':
      // A dip from eight to four months ago, back to normal since.
      if (daysAgo > 240 || daysAgo < 90) return 0.75;
      return daysAgo > 165
        ? 0.75 - 0.5 * ((240 - daysAgo) / 75)
        : 0.25 + 0.5 * ((165 - daysAgo) / 75);
    case 'churned': {
      const left = churnedDaysAgo ?? 0;
      if (daysAgo <= left) return 0;
      // Six months of fading before the customer left, most of it in the last three.
      const before = daysAgo - left;
      return before > 180 ? 0.75 : 0.05 + 0.7 * (before / 180) ** 2;
    }
    case 'acquired': {
      // Business as usual until the acquisition was announced, six weeks before it left.
      const left = churnedDaysAgo ?? 0;
      if (daysAgo <= left) return 0;
      const before = daysAgo - left;
      return before > 40 ? 0.72 : 0.15 + 0.57 * (before / 40);
    }
    case 'lost_at_renewal': {
      // Less use each month for eight months, not a collapse: At Risk through the renewal
      // talks of its last quarter, Critical only once it had said no.
      const left = churnedDaysAgo ?? 0;
      if (daysAgo <= left) return 0;
      const before = daysAgo - left;
      if (before > 240) return 0.75;
      return before > 90 ? 0.42 + 0.33 * ((before - 90) / 150) : 0.15 + 0.27 * (before / 90);
    }
    case 'usage_collapse':
      // The champion left eleven weeks ago; within five weeks nobody signed in any more.
      if (daysAgo > 75) return 0.75;
      return daysAgo > 38 ? 0.75 * ((daysAgo - 38) / 37) : 0;
    case 'unanswered_escalations':
      // Syncs started failing six weeks ago: a third of the people gave up within ten days;
      // the others still sign in for their reports (not a collapse: the tickets are the story).
      if (daysAgo > 45) return 0.75;
      return daysAgo > 35 ? 0.5 + 0.25 * ((daysAgo - 35) / 10) : 0.5;
    case 'failed_payments':
      // A company cutting back: fewer people each month for five months, faster lately.
      if (daysAgo > 150) return 0.75;
      return daysAgo > 60 ? 0.35 + 0.4 * ((daysAgo - 60) / 90) : 0.15 + 0.2 * (daysAgo / 60);
  }
}

/** Stories whose customers stop using the value features as they slide, `daysAgo` days back. */
function dropsValueFeatures(arc: UsageArc, daysAgo: number, left: number | null): boolean {
  switch (arc) {
    case 'at_risk':
    case 'failed_payments':
      return daysAgo < 60;
    case 'usage_collapse':
      return daysAgo < 75;
    // Workflows and automations run on the syncs that broke: they stopped with them.
    case 'unanswered_escalations':
      return daysAgo < 42;
    case 'churned':
      return left !== null && daysAgo < left + 100;
    case 'acquired':
      return left !== null && daysAgo < left + 25;
    case 'lost_at_renewal':
      return left !== null && daysAgo < left + 75;
    default:
      return false;
  }
}

/**
 * Days ago a churned account left: the day its subscription ended — its renewal date for the
 * one lost at renewal, a day mid-contract for those who cancelled before theirs. Whole days
 * since that day began, so the subscription ends on that day whatever the hour now.
 */
export function churnedDaysAgo(account: PlannedAccount, now: Date): number | null {
  if (account.churnedOn === null) return null;
  return Math.max(0, Math.floor(daysSince(startOfDay(account.churnedOn), now)));
}

/**
 * Premium features (exports, API, automations) are used by those who bought them — the
 * enterprise plans — and by the few "ready for premium" accounts trying them; nobody else.
 */
function featuresOf(account: PlannedAccount, random: Random): FeatureKey[] {
  const features: FeatureKey[] = ['reports', 'dashboards'];
  // Most customers run workflows; a story's customer always did (its slide is about them).
  const workflows = random.chance(0.8);
  if (workflows || account.story !== 'steady') features.push('workflows');
  if (includesPremium(account.tier)) features.push('exports', 'api', 'automations');
  else if (account.premiumTrial) features.push('api', 'automations');
  return features;
}

/** Most seats have a person; the account's contacts are the first of them. */
function productUsers(account: PlannedAccount, random: Random): ProductUser[] {
  const size = Math.max(3, Math.round(account.seats * (0.86 + random.next() * 0.08)));
  return Array.from({ length: size }, (_, i) => {
    // The account's contacts are its first product users; the rest are known by id only.
    const contact = account.contacts[i];
    return {
      userId: `${account.externalId}-u${String(i + 1).padStart(2, '0')}`,
      email: contact?.email ?? null,
      name: contact?.name ?? null,
    };
  });
}

export function planUsage(now: Date, accounts: PlannedAccount[]): AccountUsage[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return accounts.map((account, index) => {
    // Each account's year from a source of its own: how long one customer's onboarding runs
    // changes its own first weeks, never another customer's usage.
    const random = randomFor(`${account.externalId}:usage`);
    const arc = usageArc(account, index);
    const users = productUsers(account, random);
    const features = featuresOf(account, random);
    const left = churnedDaysAgo(account, now);
    const sinceDaysAgo = Math.floor((today - account.customerSince.getTime()) / dayMs);
    // Only a customer who signed within the history shows its first weeks.
    const valueAfter =
      sinceDaysAgo <= historyDays ? firstValueAfterDays(account.customerSince, account.tier) : null;
    const days: AccountUsage['days'] = [];
    for (let daysAgo = historyDays; daysAgo >= 0; daysAgo--) {
      const at = new Date(today - daysAgo * dayMs);
      const day = isoDay(at);
      const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
      const active =
        daysAgo > sinceDaysAgo
          ? []
          : valueAfter !== null && sinceDaysAgo - daysAgo < valueAfter
            ? setupDay(random, users, sinceDaysAgo - daysAgo, weekend)
            : productiveDay(random, {
                users,
                features,
                level: usageLevel(arc, daysAgo, left),
                // After first value, the rest of the team joins over six weeks.
                ramp:
                  valueAfter === null
                    ? 1
                    : Math.min(1, 0.3 + (sinceDaysAgo - daysAgo - valueAfter) / 45),
                weekend,
                dropped: dropsValueFeatures(arc, daysAgo, left),
              });
      days.push({ day, daysAgo, active });
    }
    return { account, arc, users, days };
  });
}

/**
 * Before first value a new customer's admins set things up: a few people, reports and
 * dashboards only, a handful of events a day (below the busy-day threshold of time to value).
 */
function setupDay(random: Random, users: ProductUser[], sinceStart: number, weekend: boolean) {
  if (sinceStart < 3 || weekend) return [];
  const active: UserDay[] = [];
  for (const user of users.slice(0, Math.min(users.length, 1 + Math.floor(sinceStart / 7)))) {
    if (!random.chance(0.6)) continue;
    const feature = random.pick(['reports', 'dashboards'] as const);
    active.push({
      userId: user.userId,
      events: [
        { event: loginEvent, feature: loginEvent, count: 1 },
        { event: random.pick(eventsOf[feature]), feature, count: random.int(1, 2) },
      ],
    });
  }
  return active;
}

function productiveDay(
  random: Random,
  day: {
    users: ProductUser[];
    features: FeatureKey[];
    level: number;
    ramp: number;
    weekend: boolean;
    dropped: boolean;
  },
): UserDay[] {
  const { users, level } = day;
  // The level is the share of its people still using the product: when it falls, the least
  // engaged stop altogether (the contacts, first in the list, stay longest), which is what
  // monthly active users and seat utilization show. A person in signs in about one working
  // day in three — less as interest fades — so nearly all of them show in a month.
  const share = level * day.ramp;
  const using = share > 0 ? Math.max(1, Math.round(users.length * share)) : 0;
  const odds = (day.weekend ? 0.03 : 0.3) * (0.5 + 0.5 * level);
  // A declining account stops using what it bought last: workflows go first.
  const inUse = day.dropped
    ? day.features.filter((f) => f !== 'workflows' && f !== 'automations')
    : day.features;
  const active: UserDay[] = [];
  for (const user of users.slice(0, using)) {
    if (!random.chance(odds)) continue;
    const events: UserDay['events'] = [{ event: loginEvent, feature: loginEvent, count: 1 }];
    for (const feature of random.sample(inUse, random.int(1, 2))) {
      events.push({
        event: random.pick(eventsOf[feature]),
        feature,
        count: random.int(1, 4 + Math.round(level * 4)),
      });
    }
    active.push({ userId: user.userId, events });
  }
  return active;
}
