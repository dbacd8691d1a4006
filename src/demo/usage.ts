// A year of product usage for the demo accounts, planned as plain data: who was active on
// which day and what they did. Each account's story sets how much it is used over time:
// growing accounts use more each month, declining ones less (and drop features), churned
// ones fade for months before they leave, and some that dipped came back.
import type { Tier } from '../db/schema.ts';
import type { PlannedAccount, Story } from './portfolio.ts';
import type { Random } from './random.ts';

const dayMs = 24 * 3600_000;
export const historyDays = 365;

/** How an account's usage moved over the year: its story, or a dip it came back from. */
export type UsageArc = Story | 'recovered';

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

const userCap: Record<Tier, number> = { enterprise: 12, mid_market: 7, smb: 4 };

/**
 * Steady accounts picked to have dipped months ago and come back: at risk for a while, then
 * healthy again, so a health score's history shows recoveries as well as losses.
 */
export function usageArc(account: PlannedAccount, index: number): UsageArc {
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
      // Six months of fading before the customer left.
      const before = daysAgo - left;
      return before > 180 ? 0.75 : 0.12 + 0.63 * (before / 180);
    }
  }
}

/** Days ago a churned account left: its renewal date, which is in the past. */
export function churnedDaysAgo(account: PlannedAccount, now: Date): number | null {
  if (account.story !== 'churned') return null;
  const renewal = Date.parse(`${account.renewalDate}T00:00:00Z`);
  return Math.max(0, Math.round((now.getTime() - renewal) / dayMs));
}

function featuresOf(account: PlannedAccount, random: Random): FeatureKey[] {
  const features: FeatureKey[] = ['reports', 'dashboards'];
  if (random.chance(0.75)) features.push('workflows');
  if (account.tier === 'enterprise' || account.story === 'expansion') {
    features.push('exports', 'automations');
    if (random.chance(0.6)) features.push('api');
  } else if (random.chance(0.25)) features.push('exports');
  return features;
}

function productUsers(account: PlannedAccount, random: Random): ProductUser[] {
  const count = Math.max(3, Math.min(userCap[account.tier], Math.round(account.seats * 0.85)));
  const size = count + random.int(0, 1);
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

export function planUsage(now: Date, random: Random, accounts: PlannedAccount[]): AccountUsage[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return accounts.map((account, index) => {
    const arc = usageArc(account, index);
    const users = productUsers(account, random);
    const features = featuresOf(account, random);
    const left = churnedDaysAgo(account, now);
    const sinceDaysAgo = Math.floor((today - account.customerSince.getTime()) / dayMs);
    const days: AccountUsage['days'] = [];
    for (let daysAgo = historyDays; daysAgo >= 0; daysAgo--) {
      const at = new Date(today - daysAgo * dayMs);
      const day = at.toISOString().slice(0, 10);
      const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
      const live = daysAgo <= sinceDaysAgo;
      const level = live ? usageLevel(arc, daysAgo, left) : 0;
      // A new customer ramps up over its first six weeks.
      const ramp = Math.min(1, 0.3 + (sinceDaysAgo - daysAgo) / 60);
      // The level is the share of its people still using the product: when it falls, the
      // least engaged stop altogether (the contacts, first in the list, stay longest), which is
      // what monthly active users and seat utilization show. Those still in log in most days,
      // less often as interest fades.
      const share = level * ramp;
      const using = share > 0 ? Math.max(1, Math.round(users.length * share)) : 0;
      const odds = (weekend ? 0.08 : 0.75) * (0.5 + 0.5 * level);
      // A declining account stops using what it bought last: workflows go first.
      const dropped =
        (arc === 'at_risk' && daysAgo < 60) ||
        (arc === 'churned' && left !== null && daysAgo < left + 75);
      const inUse = dropped
        ? features.filter((f) => f !== 'workflows' && f !== 'automations')
        : features;
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
      days.push({ day, daysAgo, active });
    }
    return { account, arc, users, days };
  });
}
