// Expansion signals from data Steward already has (PRODUCT.md C7, seeds/003 "Upsell
// opportunities"): seats nearly full, premium features used without the premium plan, usage
// growing, and a healthy account. Each signal carries its evidence as messages and, where it
// can be priced, an estimated ARR: seats × price per seat, or the plan difference. Pure.
import { message, type Message } from '../../i18n/index.ts';

export type SignalKind =
  'seats_nearly_full' | 'premium_features' | 'usage_growing' | 'healthy' | 'promoter';

export type Money = { amount: number; currency: string };

export type Signal = { kind: SignalKind; evidence: Message[]; estimatedArr: Money | null };

export type PlanPrice = { name: string; seatPrice: Money; premium: boolean };

export type SignalInputs = {
  tier: string;
  plan: string | null;
  seats: number | null;
  arr: Money;
  mau: number;
  previousMau: number;
  events: number;
  previousEvents: number;
  healthScore: number | null;
  healthCategory: string | null;
  /** Premium features (labels) the account used in the last 30 days. */
  premiumFeaturesUsed: string[];
  /** The account's NPS over the last year (voice of the customer), null without answers. */
  nps: { score: number; responses: number } | null;
  plans: readonly PlanPrice[];
};

export const signalRule = {
  /** Active users per seat at which seats are nearly full. */
  seatsNearlyFull: 0.9,
  /** Seats are suggested so that this share of them is in use. */
  comfortableUtilization: 0.8,
  /** Events up this much month over month, from at least `minPreviousEvents`. */
  usageGrowth: 0.25,
  minPreviousEvents: 100,
  /** Seat growth assumed from usage growth is capped at this share of the seats. */
  maxGrowthSeats: 0.5,
  healthyScore: 80,
  /** An account whose people recommend the product: NPS of 50 or more (seeds/003's target). */
  promoterNps: 50,
};

const pct = (ratio: number) => Math.round(ratio * 100);

function planOf(plans: readonly PlanPrice[], name: string | null): PlanPrice | undefined {
  if (!name) return undefined;
  return plans.find((p) => p.name.toLowerCase() === name.toLowerCase());
}

/**
 * Price per seat and month: the plan's list price, else what the account pays (ARR over
 * twelve months and its seats). Null when neither is known.
 */
export function seatPriceOf(input: SignalInputs): Money | null {
  const listed = planOf(input.plans, input.plan);
  if (listed && listed.seatPrice.currency === input.arr.currency) return listed.seatPrice;
  if (!input.seats || input.seats <= 0 || input.arr.amount <= 0) return null;
  return { amount: Math.round(input.arr.amount / 12 / input.seats), currency: input.arr.currency };
}

/**
 * Whether the account's plan includes the premium features: as the plan list says, and for a
 * plan not on it, the enterprise tier (as adoption counts premium purchases).
 */
export function hasPremium(input: Pick<SignalInputs, 'plan' | 'plans' | 'tier'>): boolean {
  const listed = planOf(input.plans, input.plan);
  return listed ? listed.premium : input.tier === 'enterprise';
}

/**
 * The account's plan when it is listed in another currency than the account pays in: its price
 * cannot be compared (Steward keeps no exchange rates), so the seats are priced at what it pays.
 */
export function planInOtherCurrency(input: SignalInputs): PlanPrice | null {
  const listed = planOf(input.plans, input.plan);
  return listed && listed.seatPrice.currency !== input.arr.currency ? listed : null;
}

/** Why a seat estimate is not at the plan's list price, when that is why. */
function pricingNote(input: SignalInputs, price: Money | null): Message[] {
  const other = planInOtherCurrency(input);
  if (!other || !price) return [];
  return [
    message('revenue.signals.planInOtherCurrency', {
      plan: other.name,
      planCurrency: other.seatPrice.currency,
      currency: input.arr.currency,
    }),
  ];
}

/** The cheapest premium plan in the account's currency that costs more per seat. */
export function upgradePlan(input: SignalInputs, current: Money | null): PlanPrice | null {
  const candidates = input.plans
    .filter((p) => p.premium && p.seatPrice.currency === input.arr.currency)
    .filter((p) => current === null || p.seatPrice.amount > current.amount)
    .sort((a, b) => a.seatPrice.amount - b.seatPrice.amount);
  return candidates[0] ?? null;
}

/** Whether premium plans are listed, but none in the account's currency. */
function premiumElsewhere(input: SignalInputs): boolean {
  const premium = input.plans.filter((p) => p.premium);
  return premium.length > 0 && !premium.some((p) => p.seatPrice.currency === input.arr.currency);
}

const yearly = (seats: number, price: Money): Money => ({
  amount: seats * price.amount * 12,
  currency: price.currency,
});

export function expansionSignals(input: SignalInputs): Signal[] {
  const signals: Signal[] = [];
  const price = seatPriceOf(input);
  const seats = input.seats ?? 0;

  if (seats > 0 && input.mau / seats >= signalRule.seatsNearlyFull) {
    const add = Math.max(1, Math.ceil(input.mau / signalRule.comfortableUtilization) - seats);
    signals.push({
      kind: 'seats_nearly_full',
      evidence: [
        message('revenue.signals.seatsNearlyFull', {
          active: input.mau,
          count: seats,
          pct: pct(input.mau / seats),
        }),
        message('revenue.signals.addSeats', { count: add }),
        ...pricingNote(input, price),
      ],
      estimatedArr: price ? yearly(add, price) : null,
    });
  }

  if (input.premiumFeaturesUsed.length > 0 && !hasPremium(input)) {
    const target = upgradePlan(input, price);
    const difference =
      target && price && seats > 0
        ? yearly(seats, {
            amount: target.seatPrice.amount - price.amount,
            currency: price.currency,
          })
        : null;
    signals.push({
      kind: 'premium_features',
      evidence: [
        message('revenue.signals.premiumFeatures', {
          count: input.premiumFeaturesUsed.length,
          features: input.premiumFeaturesUsed.join(', '),
        }),
        ...(target ? [message('revenue.signals.upgradeTo', { plan: target.name })] : []),
        ...(!target && premiumElsewhere(input)
          ? [message('revenue.signals.noPremiumInCurrency', { currency: input.arr.currency })]
          : []),
        ...(difference ? pricingNote(input, price) : []),
      ],
      estimatedArr: difference,
    });
  }

  const growth =
    input.previousEvents >= signalRule.minPreviousEvents
      ? (input.events - input.previousEvents) / input.previousEvents
      : null;
  if (growth !== null && growth >= signalRule.usageGrowth && input.mau >= input.previousMau) {
    const add = seats > 0 ? Math.ceil(seats * Math.min(growth, signalRule.maxGrowthSeats)) : 0;
    signals.push({
      kind: 'usage_growing',
      evidence: [
        message('revenue.signals.usageGrowing', {
          pct: pct(growth),
          from: input.previousEvents,
          to: input.events,
        }),
        message('revenue.signals.activeUsers', { from: input.previousMau, to: input.mau }),
        ...(price && add > 0 ? pricingNote(input, price) : []),
      ],
      estimatedArr: price && add > 0 ? yearly(add, price) : null,
    });
  }

  // Health or advocacy alone is no reason to sell; together, or beside another signal, they
  // say the timing is right.
  const healthy =
    input.healthCategory === 'healthy' && (input.healthScore ?? 0) >= signalRule.healthyScore;
  const promoter = input.nps !== null && input.nps.score >= signalRule.promoterNps;
  if (signals.length > 0 || (healthy && promoter)) {
    if (healthy) {
      signals.push({
        kind: 'healthy',
        evidence: [message('revenue.signals.healthy', { score: input.healthScore ?? 0 })],
        estimatedArr: null,
      });
    }
    if (promoter && input.nps) {
      signals.push({
        kind: 'promoter',
        evidence: [
          message('revenue.signals.promoter', {
            nps: input.nps.score,
            count: input.nps.responses,
          }),
        ],
        estimatedArr: null,
      });
    }
  }
  return signals;
}

/**
 * What the account's expansion is worth: the larger seat estimate (seats nearly full or usage
 * growing — the same seats, not both) plus the plan difference of an upgrade.
 */
export function estimateExpansion(signals: readonly Signal[], currency: string) {
  const value = (kind: SignalKind) =>
    signals.find((s) => s.kind === kind)?.estimatedArr?.amount ?? 0;
  const seats = Math.max(value('seats_nearly_full'), value('usage_growing'));
  const upgrade = value('premium_features');
  return {
    estimatedArr: { amount: seats + upgrade, currency },
    suggestedKind: upgrade > seats ? ('upgrade' as const) : ('seats' as const),
  };
}
