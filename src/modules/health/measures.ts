// The five measures of the scorecard, each a pure function from an account's figures (as of one
// day) to a 0–100 score and the plain-language reason a CSM reads. No data → missing (null),
// never a silent 0 or 100: the scorecard reweights the measures that have data.
import type { MeasureKey } from '../../db/schema.ts';

export type MeasureResult = {
  key: MeasureKey;
  /** null: no data from this source yet; the measure is left out and the rest reweighted. */
  score: number | null;
  reason: string;
  /** The figures behind the score, as shown to a CSM. */
  inputs: Record<string, number | boolean | null>;
  /** When data last arrived from the measure's source (ISO), null when never. */
  lastDataAt: string | null;
};

export type UsageFigures = {
  seats: number | null;
  /** Distinct active users in the 30 days up to the day, and in the 30 days before those. */
  activeUsers: number;
  previousActiveUsers: number;
  featuresUsed: number;
  featuresInCatalog: number;
  lastDataAt: string | null;
};

export type SupportFigures = {
  /** Does the workspace receive tickets at all? Without it the measure is missing. */
  connected: boolean;
  ticketsOpened: { urgent: number; high: number; normal: number; low: number };
  openUrgent: number;
  openHigh: number;
  /** Average CSAT (1–5) of tickets solved in the window; null without ratings. */
  csat: number | null;
  lastDataAt: string | null;
};

export type EngagementFigures = {
  touchpoints30: number;
  meetings90: number;
  daysSinceLastTouch: number | null;
  champions: number;
  contacts: number;
  lastDataAt: string | null;
};

export type BillingFigures = {
  /** Any contract, invoice or payment known for the account. */
  connected: boolean;
  failedPayments90: number;
  unpaidFailed: number;
  contractions90: number;
  cancelled: boolean;
  lastDataAt: string | null;
};

export type OutcomeFigures = {
  onboardingTasksDue: number;
  onboardingTasksDoneOfDue: number;
  onboardingTasksOverdue: number;
  /** null: no first-value milestone tracked; else whether it was reached. */
  firstValueReached: boolean | null;
  /** null: the catalog marks no value feature; else users of value features in 30 days. */
  valueFeatureUsers: number | null;
  lastDataAt: string | null;
};

const clamp = (n: number, low = 0, high = 100) => Math.min(high, Math.max(low, n));

/** Weighted mean of the parts that apply (value in 0–1), as 0–100. */
function blend(parts: { weight: number; value: number | null }[]): number {
  const present = parts.filter((p): p is { weight: number; value: number } => p.value !== null);
  const total = present.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0) return 0;
  return Math.round(clamp((100 * present.reduce((s, p) => s + p.weight * p.value, 0)) / total));
}

const percent = (part: number, whole: number) => Math.round((part / whole) * 100);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Usage: active users against seats (half), their trend month over month (30%) and breadth of
 * features used (20%). More active users or features this month never lower it.
 */
export function scoreUsage(f: UsageFigures): MeasureResult {
  const inputs = {
    activeUsers: f.activeUsers,
    previousActiveUsers: f.previousActiveUsers,
    seats: f.seats,
    featuresUsed: f.featuresUsed,
    featuresInCatalog: f.featuresInCatalog,
  };
  if (f.lastDataAt === null) {
    return {
      key: 'usage',
      score: null,
      reason: 'No product usage received yet',
      inputs,
      lastDataAt: null,
    };
  }
  const utilization = f.seats && f.seats > 0 ? Math.min(1, f.activeUsers / f.seats) : null;
  // Keeping every user counts fully; losing half or more of them counts nothing.
  const trend =
    f.previousActiveUsers > 0
      ? clamp((f.activeUsers / f.previousActiveUsers - 0.5) / 0.5, 0, 1)
      : f.activeUsers > 0
        ? 1
        : 0;
  const breadth =
    f.featuresInCatalog > 0 ? Math.min(1, f.featuresUsed / f.featuresInCatalog) : null;
  const score = blend([
    { weight: 50, value: utilization },
    { weight: 30, value: trend },
    { weight: 20, value: breadth },
  ]);
  const change =
    f.previousActiveUsers > 0
      ? percent(f.activeUsers - f.previousActiveUsers, f.previousActiveUsers)
      : null;
  let reason: string;
  if (f.activeUsers === 0) {
    reason = 'No active users in the last 30 days';
  } else if (change !== null && change <= -20) {
    reason = `Active users fell ${-change}% in 30 days (${f.previousActiveUsers} → ${f.activeUsers})`;
  } else if (utilization !== null && utilization < 0.5) {
    reason = `Only ${f.activeUsers} of ${f.seats} seats active in 30 days (${percent(f.activeUsers, f.seats ?? 1)}%)`;
  } else if (change !== null && change >= 20) {
    reason = `Active users rose ${change}% in 30 days (${f.previousActiveUsers} → ${f.activeUsers})`;
  } else {
    reason =
      `${plural(f.activeUsers, 'active user')}${f.seats ? ` of ${f.seats} seats` : ''} in 30 days` +
      (f.featuresInCatalog > 0
        ? `, ${f.featuresUsed} of ${f.featuresInCatalog} features used`
        : '');
  }
  return { key: 'usage', score, reason, inputs, lastDataAt: f.lastDataAt };
}

/** Ticket weight by priority: an urgent ticket hurts like four normal ones. */
const ticketWeight = { urgent: 4, high: 2, normal: 1, low: 0.5 } as const;

/**
 * Support: ticket volume weighted by severity over 90 days, open urgent and high tickets now,
 * and CSAT when customers rated their tickets (30% of the measure).
 */
export function scoreSupport(f: SupportFigures): MeasureResult {
  const opened = f.ticketsOpened;
  const total = opened.urgent + opened.high + opened.normal + opened.low;
  const weighted =
    opened.urgent * ticketWeight.urgent +
    opened.high * ticketWeight.high +
    opened.normal * ticketWeight.normal +
    opened.low * ticketWeight.low;
  const inputs = {
    tickets90: total,
    urgent90: opened.urgent,
    high90: opened.high,
    openUrgent: f.openUrgent,
    openHigh: f.openHigh,
    csat: f.csat,
  };
  if (!f.connected) {
    return {
      key: 'support',
      score: null,
      reason: 'No support tickets received yet',
      inputs,
      lastDataAt: null,
    };
  }
  const base = clamp(
    100 -
      Math.min(40, weighted * 4) -
      Math.min(50, f.openUrgent * 25) -
      Math.min(16, f.openHigh * 8),
  );
  const score =
    f.csat === null ? Math.round(base) : Math.round(0.7 * base + 0.3 * ((f.csat - 1) / 4) * 100);
  let reason: string;
  if (f.openUrgent > 0) {
    reason = `${plural(f.openUrgent, 'urgent ticket')} open`;
  } else if (f.csat !== null && f.csat < 3) {
    reason = `CSAT ${f.csat.toFixed(1)} of 5 on tickets solved in 90 days`;
  } else if (total === 0) {
    reason = 'No tickets in 90 days';
  } else {
    const severe = opened.urgent + opened.high;
    reason =
      `${plural(total, 'ticket')} in 90 days` +
      (severe > 0 ? `, ${severe} high or urgent` : '') +
      (f.csat !== null ? `; CSAT ${f.csat.toFixed(1)} of 5` : '');
  }
  return { key: 'support', score, reason, inputs, lastDataAt: f.lastDataAt };
}

/**
 * Engagement: how recently the CSM touched the account (40), how often in 30 days (25; three
 * touchpoints a month is full), a meeting in 90 days (15) and a champion among the contacts (20).
 */
export function scoreEngagement(f: EngagementFigures): MeasureResult {
  const inputs = {
    touchpoints30: f.touchpoints30,
    meetings90: f.meetings90,
    daysSinceLastTouch: f.daysSinceLastTouch,
    champions: f.champions,
  };
  if (f.daysSinceLastTouch === null && f.contacts === 0) {
    return {
      key: 'engagement',
      score: null,
      reason: 'No touchpoints or contacts recorded yet',
      inputs,
      lastDataAt: null,
    };
  }
  const days = f.daysSinceLastTouch;
  const recency = days === null ? 0 : days <= 14 ? 40 : days <= 30 ? 30 : days <= 60 ? 15 : 0;
  const frequency = Math.min(25, (f.touchpoints30 * 25) / 3);
  const score = Math.round(
    clamp(recency + frequency + (f.meetings90 > 0 ? 15 : 0) + (f.champions > 0 ? 20 : 0)),
  );
  let reason: string;
  if (days === null) reason = 'No touchpoint recorded yet';
  else if (days > 30) reason = `No touchpoint in ${days} days`;
  else if (f.champions === 0) reason = 'No champion among the contacts';
  else if (f.meetings90 === 0) reason = 'No meeting in 90 days';
  else
    reason = `${plural(f.touchpoints30, 'touchpoint')} in 30 days, last ${days === 0 ? 'today' : `${plural(days, 'day')} ago`}`;
  return { key: 'engagement', score, reason, inputs, lastDataAt: f.lastDataAt };
}

/** Billing: failed payments (worse while unpaid) and downgrades in 90 days; a cancellation is 0. */
export function scoreBilling(f: BillingFigures): MeasureResult {
  const inputs = {
    failedPayments90: f.failedPayments90,
    unpaidFailed: f.unpaidFailed,
    contractions90: f.contractions90,
    cancelled: f.cancelled,
  };
  if (!f.connected) {
    return {
      key: 'billing',
      score: null,
      reason: 'No billing data received yet',
      inputs,
      lastDataAt: null,
    };
  }
  if (f.cancelled) {
    return {
      key: 'billing',
      score: 0,
      reason: 'Subscription cancelled',
      inputs,
      lastDataAt: f.lastDataAt,
    };
  }
  const recovered = Math.max(0, f.failedPayments90 - f.unpaidFailed);
  const score = Math.round(
    clamp(
      100 -
        Math.min(60, f.unpaidFailed * 30) -
        Math.min(20, recovered * 10) -
        Math.min(50, f.contractions90 * 25),
    ),
  );
  let reason: string;
  if (f.unpaidFailed > 0) reason = `${plural(f.unpaidFailed, 'failed payment')} still unpaid`;
  else if (f.contractions90 > 0)
    reason = `Downgraded ${plural(f.contractions90, 'time')} in 90 days`;
  else if (recovered > 0) reason = `${plural(recovered, 'payment')} failed in 90 days, since paid`;
  else reason = 'Payments on time, no downgrades in 90 days';
  return { key: 'billing', score, reason, inputs, lastDataAt: f.lastDataAt };
}

/**
 * Outcomes: onboarding tasks done by their due dates (50), the first-value milestone (20) and
 * use of the features the catalog marks as delivering value (30), whichever are tracked.
 */
export function scoreOutcomes(f: OutcomeFigures): MeasureResult {
  const inputs = {
    onboardingTasksDue: f.onboardingTasksDue,
    onboardingTasksDone: f.onboardingTasksDoneOfDue,
    onboardingTasksOverdue: f.onboardingTasksOverdue,
    firstValueReached: f.firstValueReached,
    valueFeatureUsers: f.valueFeatureUsers,
  };
  const onTime =
    f.onboardingTasksDue > 0 ? f.onboardingTasksDoneOfDue / f.onboardingTasksDue : null;
  const firstValue = f.firstValueReached === null ? null : f.firstValueReached ? 1 : 0;
  const valueUse = f.valueFeatureUsers === null ? null : f.valueFeatureUsers > 0 ? 1 : 0;
  if (onTime === null && firstValue === null && valueUse === null) {
    return {
      key: 'outcomes',
      score: null,
      reason: 'No onboarding, milestones or value features tracked yet',
      inputs,
      lastDataAt: f.lastDataAt,
    };
  }
  const score = blend([
    { weight: 50, value: onTime },
    { weight: 20, value: firstValue },
    { weight: 30, value: valueUse },
  ]);
  let reason: string;
  if (f.onboardingTasksOverdue > 0)
    reason = `${plural(f.onboardingTasksOverdue, 'onboarding task')} overdue (${f.onboardingTasksDoneOfDue} of ${f.onboardingTasksDue} due done)`;
  else if (f.firstValueReached === false) reason = 'First value not reached yet';
  else if (f.valueFeatureUsers === 0) reason = 'Value features unused in 30 days';
  else if (f.valueFeatureUsers !== null)
    reason = `${plural(f.valueFeatureUsers, 'user')} of value features in 30 days`;
  else
    reason = `Onboarding on track (${f.onboardingTasksDoneOfDue} of ${f.onboardingTasksDue} due done)`;
  return { key: 'outcomes', score, reason, inputs, lastDataAt: f.lastDataAt };
}
