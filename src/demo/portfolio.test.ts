// The demo plan is plain data: the same moment gives the same portfolio, and any moment
// gives one that looks current.
import { dayMs, daysAfter, isoDay } from '../lib/calendar.ts';
import { describe, expect, it } from 'vitest';
import { planStripeEvents } from './billing.ts';
import { plansOf, seatPriceCents } from './plans.ts';
import { planPortfolio } from './portfolio.ts';
import { seededRandom } from './random.ts';
import { planTimeline } from './timeline.ts';
import { usageArc } from './usage.ts';

describe('the demo plan', () => {
  it('is the same for the same seed and moment', () => {
    const now = new Date('2026-11-02T09:00:00Z');
    expect(planPortfolio(now, seededRandom(7))).toEqual(planPortfolio(now, seededRandom(7)));
  });

  it('puts renewals in the coming year and history in the past year, whenever the demo is reset', () => {
    const now = new Date('2031-03-15T23:30:00Z');
    const random = seededRandom(7);
    const accounts = planPortfolio(now, random);
    const today = isoDay(now);
    const inAYear = isoDay(daysAfter(now, 366));
    for (const account of accounts.filter((a) => a.stage !== 'churned')) {
      expect(account.renewalDate > today && account.renewalDate <= inAYear).toBe(true);
    }
    for (const account of accounts) {
      const { events } = planTimeline(now, random, account, 'America/Los_Angeles');
      expect(events.every((e) => e.occurredAt < now)).toBe(true);
      expect(events.every((e) => e.occurredAt.getTime() > now.getTime() - 367 * dayMs)).toBe(true);
      expect(events.every((e) => e.occurredAt >= account.customerSince)).toBe(true);
    }
  });
});

describe("the demo plan's stories, whenever the demo is reset", () => {
  const moments = ['2026-11-02T09:00:00Z', '2027-02-28T23:59:00Z', '2027-07-04T00:30:00Z'];

  it('prices every account at its plan: seats × the seat price × 12, in whole dollars', () => {
    for (const moment of moments) {
      for (const account of planPortfolio(new Date(moment), seededRandom(7))) {
        expect(plansOf(account.tier).map((p) => p.name)).toContain(account.plan);
        expect(account.arrAmount).toBe(seatPriceCents(account.plan) * account.seats * 12);
        expect(account.arrAmount % 1200).toBe(0);
      }
    }
  });

  it('gives the demo CSM three Critical stories, three onboardings and one premium trial', () => {
    for (const moment of moments) {
      const now = new Date(moment);
      const mine = planPortfolio(now, seededRandom(7)).filter((a) => a.ownerKey === 'jordan');
      expect(mine).toHaveLength(15);
      const stories = mine.map((a) => a.story);
      for (const story of ['usage_collapse', 'failed_payments', 'unanswered_escalations']) {
        expect(stories.filter((s) => s === story)).toHaveLength(1);
      }
      const onboarding = mine.filter((a) => a.stage === 'onboarding');
      expect(onboarding).toHaveLength(3);
      for (const account of onboarding) {
        expect(now.getTime() - account.customerSince.getTime()).toBeLessThan(90 * dayMs);
      }
      // Everyone else signed more than three months ago and is past onboarding.
      for (const account of mine.filter((a) => a.stage !== 'onboarding')) {
        expect(now.getTime() - account.customerSince.getTime()).toBeGreaterThan(100 * dayMs);
      }
      expect(mine.filter((a) => a.premiumTrial).map((a) => a.tier)).toEqual(['mid_market']);
    }
  });

  it('lets only a few non-enterprise customers try the premium features', () => {
    const accounts = planPortfolio(new Date(moments[0] ?? ''), seededRandom(7));
    const trying = accounts.filter((a) => a.premiumTrial);
    expect(trying.length).toBeGreaterThanOrEqual(2);
    expect(trying.length).toBeLessThanOrEqual(4);
    expect(trying.every((a) => a.tier !== 'enterprise' && a.story === 'expansion')).toBe(true);
  });
});

describe("the demo's billing", () => {
  it('has customers adding seats in every quarter of the year, not all on one day', () => {
    for (const moment of ['2026-11-02T09:00:00Z', '2027-05-20T12:00:00Z']) {
      const now = new Date(moment);
      const accounts = planPortfolio(now, seededRandom(7));
      const grown = accounts.flatMap((account, i) =>
        planStripeEvents(now, account, usageArc(account, i))
          .filter((e) => e.id.endsWith('_resized') && account.story !== 'churned')
          .map((e) => (now.getTime() - e.created * 1000) / dayMs),
      );
      // The year in four quarters back from today: each has seats added in it.
      for (const quarter of [0, 1, 2, 3]) {
        const inQuarter = grown.filter((ago) => ago >= quarter * 91 && ago < (quarter + 1) * 91);
        expect(inQuarter.length, `${moment}: quarter ${quarter} back`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
