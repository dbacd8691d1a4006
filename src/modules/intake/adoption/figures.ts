// Adoption figures from rollup rows: pure functions of plain data, no database, no clock.
import { addDays, daysBetween } from '../../../lib/calendar.ts';
import { message, type Message } from '../../../i18n/index.ts';

/** The windows every figure is read in, ending on (and including) `day`. */
export function windowsEnding(day: string) {
  return {
    week: { from: addDays(day, -6), to: day },
    month: { from: addDays(day, -29), to: day },
    previousMonth: { from: addDays(day, -59), to: addDays(day, -30) },
    series: { from: addDays(day, -89), to: day },
  };
}

/** Monthly active users per seat bought; null when the seat count is not known. */
export function seatUtilization(mau: number, seats: number | null): number | null {
  if (!seats || seats <= 0) return null;
  return Math.round((mau / seats) * 1000) / 1000;
}

/** Change from `previous` to `current` in whole percent; null when there was nothing before. */
export function percentChange(current: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Math.round(((current - previous) / previous) * 100);
}

export type FeatureUse = { key: string; events: number; users: number };
export type CatalogFeature = { key: string; label: string; premium: boolean; value: boolean };

/**
 * Premium features used in the last 30 days over premium features purchased. "Purchased":
 * Steward has no per-feature entitlements yet, so an enterprise-tier account counts as
 * having bought every premium feature and other tiers none (rate null: nothing to adopt).
 */
export function premiumAdoption(
  tier: string,
  catalog: readonly CatalogFeature[],
  used: readonly FeatureUse[],
) {
  const purchased = tier === 'enterprise' ? catalog.filter((f) => f.premium) : [];
  const usedKeys = new Set(used.filter((u) => u.events > 0).map((u) => u.key));
  const adopted = purchased.filter((f) => usedKeys.has(f.key));
  return {
    purchased: purchased.length,
    used: adopted.length,
    rate:
      purchased.length > 0 ? Math.round((adopted.length / purchased.length) * 1000) / 1000 : null,
    unused: purchased.filter((f) => !usedKeys.has(f.key)).map((f) => f.key),
  };
}

/** A day with at least this many events counts as the day the account got value. */
export const valueEventThreshold = 20;

/**
 * The day time to value counts from: the contract's start (the earliest the billing knows; the
 * day the account was added when there is none), or the day the account was first seen using
 * the product if that was earlier (a pilot). null when Steward did not see that start: it came
 * before the workspace's usage history begins (`historyFrom`), or the account was already
 * using the product on the history's first day — its value came before we could measure it.
 */
export function valueStart(input: {
  contractStartedOn: string | null;
  createdOn: string;
  firstDay: string | null;
  historyFrom: string | null;
}): string | null {
  const signed = input.contractStartedOn ?? input.createdOn;
  const startedOn = input.firstDay && input.firstDay < signed ? input.firstDay : signed;
  if (input.historyFrom === null) return startedOn;
  if (startedOn < input.historyFrom || input.firstDay === input.historyFrom) return null;
  return startedOn;
}

/**
 * Time to value: days from the account's start (`valueStart`) to the first day with
 * ≥ `valueEventThreshold` events or the first use of a feature the catalog marks as value —
 * whichever came first.
 */
export function timeToValue(input: {
  startedOn: string;
  firstBusyDay: string | null;
  firstValueFeatureDay: string | null;
}) {
  const candidates = [
    { day: input.firstValueFeatureDay, via: 'value_feature' as const },
    { day: input.firstBusyDay, via: 'event_threshold' as const },
  ].filter((c): c is { day: string; via: 'value_feature' | 'event_threshold' } => c.day !== null);
  candidates.sort((a, b) => a.day.localeCompare(b.day));
  const first = candidates[0];
  if (!first) return { reachedOn: null, days: null, via: null };
  const startedOn = input.startedOn < first.day ? input.startedOn : first.day;
  return { reachedOn: first.day, days: daysBetween(startedOn, first.day), via: first.via };
}

/** Every day of the window, zero where nothing happened, for a chart without gaps. */
export function dailySeries(
  window: { from: string; to: string },
  rows: readonly { day: string; events: number; activeUsers: number }[],
) {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const series: { day: string; events: number; activeUsers: number }[] = [];
  for (let day = window.from; day <= window.to; day = addDays(day, 1)) {
    const row = byDay.get(day);
    series.push({ day, events: row?.events ?? 0, activeUsers: row?.activeUsers ?? 0 });
  }
  return series;
}

export type MonthOverMonth = {
  mau: number;
  previousMau: number;
  events: number;
  previousEvents: number;
  logins: number;
  previousLogins: number;
};

/**
 * When adoption is declining, with the figures behind it. Small numbers swing wildly, so a
 * drop counts only above a floor: 3 active users, 100 events, 10 logins the month before.
 * Losing every active user always counts.
 */
export const decliningRule = {
  activeUsersDrop: 20,
  minPreviousMau: 3,
  usageDrop: 30,
  minPreviousEvents: 100,
  loginDrop: 30,
  minPreviousLogins: 10,
};

export function decliningVerdict(m: MonthOverMonth): { declining: boolean; reasons: Message[] } {
  const reasons: Message[] = [];
  const users = percentChange(m.mau, m.previousMau);
  if (m.previousMau > 0 && m.mau === 0) {
    reasons.push(message('adoption.declining.noActiveUsers', { previous: m.previousMau }));
  } else if (
    users !== null &&
    m.previousMau >= decliningRule.minPreviousMau &&
    -users >= decliningRule.activeUsersDrop
  ) {
    reasons.push(
      message('adoption.declining.activeUsersFell', {
        pct: -users,
        previous: m.previousMau,
        current: m.mau,
      }),
    );
  }
  const usage = percentChange(m.events, m.previousEvents);
  if (
    usage !== null &&
    m.previousEvents >= decliningRule.minPreviousEvents &&
    -usage >= decliningRule.usageDrop
  ) {
    reasons.push(
      message('adoption.declining.usageFell', {
        pct: -usage,
        previous: m.previousEvents,
        current: m.events,
      }),
    );
  }
  const logins = percentChange(m.logins, m.previousLogins);
  if (
    logins !== null &&
    m.previousLogins >= decliningRule.minPreviousLogins &&
    -logins >= decliningRule.loginDrop
  ) {
    reasons.push(
      message('adoption.declining.loginsFell', {
        pct: -logins,
        previous: m.previousLogins,
        current: m.logins,
      }),
    );
  }
  return { declining: reasons.length > 0, reasons };
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** The persona guide's target: new clients reach value within 90 days. */
export const timeToValueTarget = 90;

/**
 * Across clients: of every (purchasing account, premium feature) pair, how many are in use.
 * Purchasing accounts are the enterprise ones, as in `premiumAdoption`.
 */
export function premiumAdoptionAcross(
  purchasers: number,
  premiumFeatures: readonly { enterpriseAccounts: number }[],
) {
  const purchased = purchasers * premiumFeatures.length;
  const used = premiumFeatures.reduce(
    (sum, f) => sum + Math.min(f.enterpriseAccounts, purchasers),
    0,
  );
  return {
    purchasers,
    purchased,
    used,
    rate: purchased > 0 ? Math.round((used / purchased) * 1000) / 1000 : null,
  };
}
