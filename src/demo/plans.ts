// What the demo's customers buy: plans with a list price per seat and month, and the seats a
// tier buys. An account's ARR is its seats at its plan's price, twelve months of it — whole
// dollars, as Stripe bills them — so plan, seats and ARR always agree.
import type { Tier } from '../db/schema.ts';
import { minorUnitsPer } from '../lib/money.ts';

/** Cents per dollar: the demo's customers pay in US dollars. */
export const centsPerDollar = minorUnitsPer('USD');

export type DemoPlan = { name: string; tier: Tier; seatPriceDollars: number };

/** Monthly list price per seat, by plan. Enterprise plans include the premium features. */
export const demoPlans: readonly DemoPlan[] = [
  { name: 'Starter', tier: 'smb', seatPriceDollars: 45 },
  { name: 'Team', tier: 'smb', seatPriceDollars: 70 },
  { name: 'Business', tier: 'mid_market', seatPriceDollars: 140 },
  { name: 'Growth', tier: 'mid_market', seatPriceDollars: 190 },
  { name: 'Enterprise', tier: 'enterprise', seatPriceDollars: 380 },
  { name: 'Enterprise Plus', tier: 'enterprise', seatPriceDollars: 520 },
];

/**
 * Seats bought per tier. Every seat holder is a product user the demo sends through the real
 * intake, so seat utilization (monthly active users against seats) is about real people.
 */
export const seatRange: Record<Tier, [number, number]> = {
  enterprise: [28, 48],
  mid_market: [14, 26],
  smb: [6, 12],
};

export function plansOf(tier: Tier): DemoPlan[] {
  return demoPlans.filter((plan) => plan.tier === tier);
}

/** The plan's monthly price per seat in cents. */
export function seatPriceCents(planName: string): number {
  const plan = demoPlans.find((p) => p.name === planName);
  if (!plan) throw new Error(`the demo has no plan ${planName}`);
  return plan.seatPriceDollars * centsPerDollar;
}

/** ARR in cents: every seat at the plan's monthly price, for twelve months. */
export function arrCents(planName: string, seats: number): number {
  return seatPriceCents(planName) * seats * 12;
}

/** Enterprise plans include the premium features (exports, API, automations). */
export function includesPremium(tier: Tier): boolean {
  return tier === 'enterprise';
}
