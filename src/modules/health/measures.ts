// The five measures of the scorecard, each a pure function from an account's figures (as of one
// day) to a 0–100 score and the plain-language reason a CSM reads (a message, rendered in the
// reader's language). No data → missing (null), never a silent 0 or 100: the scorecard
// reweights the measures that have data. A measure with a score always says when its data
// arrived: "no data received" beside a score would contradict itself.
import type { MeasureKey } from '../../db/schema.ts';
import { message, type Message } from '../../i18n/index.ts';

export type MeasureResult = {
  key: MeasureKey;
  /** null: no data from this source yet; the measure is left out and the rest reweighted. */
  score: number | null;
  reason: Message;
  /** The figures behind the score, as shown to a CSM. */
  inputs: Record<string, number | boolean | null>;
  /**
   * When the data behind the score last arrived (ISO): never null when there is a score, never
   * after the moment scored. null when the measure is missing.
   */
  lastDataAt: string | null;
  /**
   * Something about this account itself arrived from the source (usage, a ticket, a touchpoint,
   * a payment, onboarding work) — not only the silence of a connected source or a contact list.
   * An account nothing was heard about is not scored (scorecard.ts).
   */
  heard: boolean;
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
  /** When the help desk last sent the workspace anything: "no tickets" is data as of then. */
  sourceLastDataAt: string | null;
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
  /** The last touchpoint. */
  lastDataAt: string | null;
  /** When the account's contacts last changed: the champion part of the score rests on them. */
  contactsChangedAt: string | null;
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
  /** The last activity on onboarding or first-value tasks. */
  lastDataAt: string | null;
  /** The last product usage: value-feature use is read from it. */
  usageLastDataAt: string | null;
  /**
   * The customer's own word: NPS (−100…100) of the account's survey responses in 180 days, null
   * without responses (voice module, through the timeline's `survey` events).
   */
  nps?: number | null;
  npsResponses?: number;
  npsLastDataAt?: string | null;
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

/** The later of two instants (ISO strings in UTC compare as text), ignoring the missing. */
function latest(...instants: (string | null)[]): string | null {
  return instants.reduce<string | null>(
    (a, b) => (a === null || (b !== null && b > a) ? b : a),
    null,
  );
}

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
      reason: message('health.usage.noData'),
      inputs,
      lastDataAt: null,
      heard: false,
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
  return {
    key: 'usage',
    score,
    reason: usageReason(f, utilization, change),
    inputs,
    lastDataAt: f.lastDataAt,
    heard: true,
  };
}

function usageReason(f: UsageFigures, utilization: number | null, change: number | null): Message {
  const moved = { pct: Math.abs(change ?? 0), from: f.previousActiveUsers, to: f.activeUsers };
  if (f.activeUsers === 0) return message('health.usage.noActiveUsers');
  if (change !== null && change <= -20) return message('health.usage.activeUsersFell', moved);
  if (f.seats && utilization !== null && utilization < 0.5) {
    return message('health.usage.fewSeatsActive', {
      active: f.activeUsers,
      count: f.seats,
      pct: percent(f.activeUsers, f.seats),
    });
  }
  if (change !== null && change >= 20) return message('health.usage.activeUsersRose', moved);
  const features = f.featuresInCatalog > 0;
  const count = f.activeUsers;
  if (f.seats && features) {
    return message('health.usage.activeOfSeatsWithFeatures', {
      count,
      seats: f.seats,
      features: f.featuresUsed,
      catalog: f.featuresInCatalog,
    });
  }
  if (f.seats) return message('health.usage.activeOfSeats', { count, seats: f.seats });
  if (features) {
    return message('health.usage.activeWithFeatures', {
      count,
      features: f.featuresUsed,
      catalog: f.featuresInCatalog,
    });
  }
  return message('health.usage.active', { count });
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
      reason: message('health.support.noData'),
      inputs,
      lastDataAt: null,
      heard: false,
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
  return {
    key: 'support',
    score,
    reason: supportReason(f, total),
    inputs,
    // An account without tickets is scored on the help desk's silence: fresh as of its last word.
    lastDataAt: f.lastDataAt ?? f.sourceLastDataAt,
    heard: f.lastDataAt !== null,
  };
}

function supportReason(f: SupportFigures, total: number): Message {
  const csat = f.csat === null ? null : Math.round(f.csat * 10) / 10;
  if (f.openUrgent > 0) return message('health.support.urgentOpen', { count: f.openUrgent });
  if (csat !== null && csat < 3) return message('health.support.lowCsat', { csat });
  if (total === 0) return message('health.support.noTickets');
  const severe = f.ticketsOpened.urgent + f.ticketsOpened.high;
  if (severe > 0 && csat !== null) {
    return message('health.support.ticketsSevereCsat', { count: total, severe, csat });
  }
  if (severe > 0) return message('health.support.ticketsSevere', { count: total, severe });
  if (csat !== null) return message('health.support.ticketsCsat', { count: total, csat });
  return message('health.support.tickets', { count: total });
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
      reason: message('health.engagement.noData'),
      inputs,
      lastDataAt: null,
      heard: false,
    };
  }
  const days = f.daysSinceLastTouch;
  const recency = days === null ? 0 : days <= 14 ? 40 : days <= 30 ? 30 : days <= 60 ? 15 : 0;
  const frequency = Math.min(25, (f.touchpoints30 * 25) / 3);
  const score = Math.round(
    clamp(recency + frequency + (f.meetings90 > 0 ? 15 : 0) + (f.champions > 0 ? 20 : 0)),
  );
  return {
    key: 'engagement',
    score,
    reason: engagementReason(f),
    inputs,
    lastDataAt: latest(f.lastDataAt, f.contactsChangedAt),
    heard: f.lastDataAt !== null,
  };
}

function engagementReason(f: EngagementFigures): Message {
  const days = f.daysSinceLastTouch;
  if (days === null) return message('health.engagement.noTouchpoint');
  if (days > 30) return message('health.engagement.noTouchpointFor', { count: days });
  if (f.champions === 0) return message('health.engagement.noChampion');
  if (f.meetings90 === 0) return message('health.engagement.noMeeting');
  // The last touchpoint is the measure's data: its day is when it was.
  const last = f.lastDataAt?.slice(0, 10);
  return last
    ? message('health.engagement.touchpoints', { count: f.touchpoints30, last: { date: last } })
    : message('health.engagement.noTouchpoint');
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
      reason: message('health.billing.noData'),
      inputs,
      lastDataAt: null,
      heard: false,
    };
  }
  if (f.cancelled) {
    return {
      key: 'billing',
      score: 0,
      reason: message('health.billing.cancelled'),
      inputs,
      lastDataAt: f.lastDataAt,
      heard: true,
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
  const reason =
    f.unpaidFailed > 0
      ? message('health.billing.unpaid', { count: f.unpaidFailed })
      : f.contractions90 > 0
        ? message('health.billing.downgraded', { count: f.contractions90 })
        : recovered > 0
          ? message('health.billing.recovered', { count: recovered })
          : message('health.billing.onTime');
  return { key: 'billing', score, reason, inputs, lastDataAt: f.lastDataAt, heard: true };
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
    nps: f.nps ?? null,
  };
  // NPS counts as an outcome: it is the customer saying whether they got what they came for.
  const sentiment = f.nps === undefined || f.nps === null ? null : (f.nps + 100) / 200;
  const onTime =
    f.onboardingTasksDue > 0 ? f.onboardingTasksDoneOfDue / f.onboardingTasksDue : null;
  const firstValue = f.firstValueReached === null ? null : f.firstValueReached ? 1 : 0;
  const valueUse = f.valueFeatureUsers === null ? null : f.valueFeatureUsers > 0 ? 1 : 0;
  if (onTime === null && firstValue === null && valueUse === null && sentiment === null) {
    return {
      key: 'outcomes',
      score: null,
      reason: message('health.outcomes.noData'),
      inputs,
      lastDataAt: null,
      heard: false,
    };
  }
  const score = blend([
    { weight: 50, value: onTime },
    { weight: 20, value: firstValue },
    { weight: 30, value: valueUse },
    { weight: 25, value: sentiment },
  ]);
  const tasks = { done: f.onboardingTasksDoneOfDue, due: f.onboardingTasksDue };
  const reason =
    f.onboardingTasksOverdue > 0
      ? message('health.outcomes.overdue', { count: f.onboardingTasksOverdue, ...tasks })
      : sentiment !== null && sentiment < 0.5
        ? message('health.outcomes.npsNegative', { nps: f.nps ?? 0, count: f.npsResponses ?? 0 })
        : f.firstValueReached === false
          ? message('health.outcomes.firstValueNotReached')
          : f.valueFeatureUsers === 0
            ? message('health.outcomes.valueFeaturesUnused')
            : f.valueFeatureUsers !== null
              ? message('health.outcomes.valueFeatureUsers', { count: f.valueFeatureUsers })
              : message('health.outcomes.onTrack', tasks);
  return {
    key: 'outcomes',
    score,
    reason,
    inputs,
    // Value-feature use is read from product usage: its arrival is this measure's data too.
    lastDataAt: latest(
      f.lastDataAt,
      valueUse === null ? null : f.usageLastDataAt,
      f.npsLastDataAt ?? null,
    ),
    heard: f.lastDataAt !== null || (f.npsLastDataAt ?? null) !== null,
  };
}
