// Product adoption in a CSM's words: who uses the product, how much, which features, whether
// they got value, and which clients are slipping. Reads the rollups; figures are pure.
import type { Db } from '../../../db/connect.ts';
import type { Actor } from '../../../context.ts';
import type { Clock } from '../../../lib/clock.ts';
import { isoDay } from '../../../lib/calendar.ts';
import { message } from '../../../i18n/index.ts';
import { getAccount, scopeFor, type AccountScope } from '../../accounts/index.ts';
import { flaggedFeatures } from '../segment/index.ts';
import {
  dailySeries,
  decliningVerdict,
  median,
  percentChange,
  premiumAdoption,
  premiumAdoptionAcross,
  seatUtilization,
  timeToValue,
  timeToValueTarget,
  valueEventThreshold,
  valueStart,
  windowsEnding,
} from './figures.ts';
import * as store from './store.ts';

type Reader = Pick<Actor, 'workspaceId' | 'userId' | 'permissions'>;

/** Days are UTC calendar days, as the rollups are. */
export const today = (clock: Clock) => isoDay(clock.now());

export async function accountAdoption(
  db: Db,
  clock: Clock,
  actor: Reader,
  accountId: string,
  day = today(clock),
) {
  const account = await getAccount(db, scopeFor(actor), accountId);
  const ws = actor.workspaceId;
  const w = windowsEnding(day);
  const catalog = await flaggedFeatures(db, ws);
  const [active, used, daily, milestones] = await Promise.all([
    store.activeUsers(db, ws, account.id, day, w.week, w.month),
    store.featureUse(db, ws, account.id, w.month),
    store.dailyUse(db, ws, account.id, w.series),
    store.valueMilestones(
      db,
      ws,
      account.id,
      valueEventThreshold,
      catalog.filter((f) => f.value).map((f) => f.key),
    ),
  ]);
  const labels = new Map(catalog.map((f) => [f.key, f]));
  const startedOn = valueStart({
    ...milestones,
    // The account's created time comes as PostgreSQL's UTC text: its first ten are the UTC day.
    createdOn: account.created_at.slice(0, 10),
  });
  return {
    accountId: account.id,
    date: day,
    activeUsers: active,
    seats: account.seats,
    seatUtilization: seatUtilization(active.mau, account.seats),
    features: used.map((f) => ({
      key: f.key,
      label: labels.get(f.key)?.label ?? f.key,
      premium: labels.get(f.key)?.premium ?? false,
      events: f.events,
      users: f.users,
    })),
    premiumAdoption: premiumAdoption(account.tier, catalog, used),
    timeToValue: {
      // A start Steward did not see has no time to value to tell.
      ...(startedOn === null
        ? { reachedOn: null, days: null, via: null }
        : timeToValue({
            startedOn,
            firstBusyDay: milestones.firstBusyDay,
            firstValueFeatureDay: milestones.firstValueFeatureDay,
          })),
      eventThreshold: valueEventThreshold,
    },
    series: dailySeries(w.series, daily),
  };
}

/** Every client in scope (`owner=me`: only one's own), this month against the last. */
export async function portfolioAdoption(
  db: Db,
  clock: Clock,
  actor: Reader,
  options: { owner: 'me' | 'all'; date?: string },
) {
  const day = options.date ?? today(clock);
  const w = windowsEnding(day);
  const [rows, catalog] = await Promise.all([
    store.portfolioUsage(
      db,
      scopeFor(actor),
      options.owner === 'me' ? actor.userId : null,
      w.month,
      w.previousMonth,
    ),
    flaggedFeatures(db, actor.workspaceId),
  ]);
  // A feature stopped is named as the catalog labels it ("Reports"), not by its key.
  const labelOf = new Map(catalog.map((f) => [f.key, f.label]));
  const items = rows.map((r) => {
    const verdict = decliningVerdict(r);
    return {
      accountId: r.accountId,
      name: r.name,
      ownerId: r.ownerId,
      mau: r.mau,
      previousMau: r.previousMau,
      seats: r.seats,
      seatUtilization: seatUtilization(r.mau, r.seats),
      usageChange: percentChange(r.events, r.previousEvents),
      activeUsersChange: percentChange(r.mau, r.previousMau),
      loginChange: percentChange(r.logins, r.previousLogins),
      events: r.events,
      previousEvents: r.previousEvents,
      logins: r.logins,
      previousLogins: r.previousLogins,
      abandonedFeatures: r.abandonedFeatures.map((key) => labelOf.get(key) ?? key),
      declining: verdict.declining,
      reasons: verdict.reasons,
    };
  });
  return { date: day, items };
}

/**
 * For other modules' figures (revenue's expansion signals): per account in scope with any use
 * (`owner`: only that person's), active users and events this month and the month before, and
 * the premium features (labels) used this month. One query; accounts left out used nothing.
 */
export async function usageMonthOverMonth(
  db: Db,
  scope: AccountScope,
  options: { owner: string | null; date: string },
) {
  const w = windowsEnding(options.date);
  return store.monthOverMonthUsage(db, scope, options.owner, w.month, w.previousMonth);
}

/** "Which clients have declining product adoption?" — the steepest fall first. */
export async function decliningAdoption(
  db: Db,
  clock: Clock,
  actor: Reader,
  options: { owner: 'me' | 'all'; date?: string },
) {
  const { date, items } = await portfolioAdoption(db, clock, actor, options);
  const declining = items
    .filter((i) => i.declining)
    .sort(
      (a, b) =>
        (a.activeUsersChange ?? 0) - (b.activeUsersChange ?? 0) ||
        (a.usageChange ?? 0) - (b.usageChange ?? 0),
    );
  const whose = options.owner === 'me' ? 'Yours' : 'All';
  const answer =
    declining.length === 0
      ? message(`adoption.declining.noneOf${whose}`, { count: items.length })
      : message(`adoption.declining.someOf${whose}`, {
          count: items.length,
          declining: declining.length,
        });
  return {
    date,
    question: message('adoption.declining.question'),
    answer,
    items: declining,
  };
}

/**
 * Adoption across clients in scope: which features how many clients use (catalog features no
 * one used included, at zero), premium features bought and used, and time to value.
 */
export async function adoptionOverview(
  db: Db,
  clock: Clock,
  actor: Reader,
  options: { owner: 'me' | 'all'; date?: string },
) {
  const day = options.date ?? today(clock);
  const w = windowsEnding(day);
  const scope = scopeFor(actor);
  const onlyOwner = options.owner === 'me' ? actor.userId : null;
  const catalog = await flaggedFeatures(db, actor.workspaceId);
  const [used, milestones] = await Promise.all([
    store.featureUseAcross(db, scope, onlyOwner, w.month),
    store.valueMilestonesAcross(
      db,
      scope,
      onlyOwner,
      valueEventThreshold,
      catalog.filter((f) => f.value).map((f) => f.key),
    ),
  ]);
  const clients = milestones.length;
  const usedByKey = new Map(used.map((f) => [f.key, f]));
  const catalogByKey = new Map(catalog.map((f) => [f.key, f]));
  const keys = [
    ...used.map((f) => f.key),
    ...catalog.filter((f) => !usedByKey.has(f.key)).map((f) => f.key),
  ];
  const features = keys.map((key) => {
    const use = usedByKey.get(key);
    const accounts = use?.accounts ?? 0;
    return {
      key,
      label: catalogByKey.get(key)?.label ?? key,
      premium: catalogByKey.get(key)?.premium ?? false,
      accounts,
      share: clients > 0 ? Math.round((accounts / clients) * 1000) / 1000 : null,
      users: use?.users ?? 0,
      events: use?.events ?? 0,
    };
  });
  const premiumFeatures = catalog
    .filter((f) => f.premium)
    .map((f) => ({ enterpriseAccounts: usedByKey.get(f.key)?.enterpriseAccounts ?? 0 }));
  const days = milestones.flatMap((m) => {
    const startedOn = valueStart(m);
    if (startedOn === null) return [];
    const reached = timeToValue({
      startedOn,
      firstBusyDay: m.firstBusyDay,
      firstValueFeatureDay: m.firstValueFeatureDay,
    });
    return reached.days === null ? [] : [reached.days];
  });
  return {
    date: day,
    clients,
    features,
    premiumAdoption: premiumAdoptionAcross(
      milestones.filter((m) => m.tier === 'enterprise').length,
      premiumFeatures,
    ),
    timeToValue: {
      reached: days.length,
      medianDays: median(days),
      withinTarget: days.filter((d) => d <= timeToValueTarget).length,
      targetDays: timeToValueTarget,
    },
  };
}
