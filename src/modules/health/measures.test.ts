// Each measure against figures worked out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  scoreBilling,
  scoreEngagement,
  scoreOutcomes,
  scoreSupport,
  scoreUsage,
  type UsageFigures,
} from './measures.ts';

const usage = (f: Partial<UsageFigures> = {}): UsageFigures => ({
  seats: 20,
  activeUsers: 10,
  previousActiveUsers: 10,
  featuresUsed: 2,
  featuresInCatalog: 4,
  lastDataAt: '2026-11-01T23:59:59.000Z',
  ...f,
});

describe('usage', () => {
  it('weighs seats in use, the month-over-month trend and feature breadth', () => {
    // 10/20 seats → 0.5×50; steady → 1×30; 2/4 features → 0.5×20: 25 + 30 + 10 = 65.
    expect(scoreUsage(usage()).score).toBe(65);
  });

  it('says when active users fell, by how much', () => {
    // 13/20 → 0.65×50 = 32.5; 13/21 = 0.619 → (0.619−0.5)/0.5 = 0.238×30 = 7.1; 2/4 → 10.
    const result = scoreUsage(usage({ activeUsers: 13, previousActiveUsers: 21 }));
    expect(result.reason).toBe('Active users fell 38% in 30 days (21 → 13)');
    expect(result.score).toBe(50);
  });

  it('leaves seats out when the seat count is unknown', () => {
    // trend 1×30 + breadth 0.5×20 = 40 of 50 → 80.
    expect(scoreUsage(usage({ seats: null })).score).toBe(80);
  });

  it('is missing, not zero, when no usage ever arrived', () => {
    const result = scoreUsage(usage({ lastDataAt: null, activeUsers: 0 }));
    expect(result.score).toBeNull();
    expect(result.reason).toBe('No product usage received yet');
  });

  it('never goes down when more people or features are used this month', () => {
    fc.assert(
      fc.property(
        fc.record({
          seats: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
          activeUsers: fc.integer({ min: 0, max: 600 }),
          previousActiveUsers: fc.integer({ min: 0, max: 600 }),
          featuresInCatalog: fc.integer({ min: 0, max: 30 }),
          featuresUsed: fc.integer({ min: 0, max: 30 }),
        }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 5 }),
        (f, moreUsers, moreFeatures) => {
          const base = usage({ ...f, featuresUsed: Math.min(f.featuresUsed, f.featuresInCatalog) });
          const more = {
            ...base,
            activeUsers: base.activeUsers + moreUsers,
            featuresUsed: Math.min(base.featuresInCatalog, base.featuresUsed + moreFeatures),
          };
          const before = scoreUsage(base).score ?? 0;
          const after = scoreUsage(more).score ?? 0;
          expect(after).toBeGreaterThanOrEqual(before);
          expect(after).toBeGreaterThanOrEqual(0);
          expect(after).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('support', () => {
  const support = {
    connected: true,
    ticketsOpened: { urgent: 1, high: 1, normal: 2, low: 0 },
    openUrgent: 1,
    openHigh: 0,
    csat: null,
    lastDataAt: '2026-10-30T10:00:00.000Z',
  };

  it('weighs tickets by severity and open urgent ones', () => {
    // weighted 4 + 2 + 2 = 8 → −32; one urgent open → −25: 43.
    const result = scoreSupport(support);
    expect(result.score).toBe(43);
    expect(result.reason).toBe('1 urgent ticket open');
  });

  it('blends in CSAT when customers rated their tickets', () => {
    // base 68 (no open urgent) × 0.7 = 47.6; CSAT 4 → 75 × 0.3 = 22.5: 70.
    const result = scoreSupport({ ...support, openUrgent: 0, csat: 4 });
    expect(result.score).toBe(70);
    expect(result.reason).toBe('4 tickets in 90 days, 2 high or urgent; CSAT 4.0 of 5');
  });

  it('is full marks with no tickets when support is connected, missing when it is not', () => {
    const none = {
      ...support,
      ticketsOpened: { urgent: 0, high: 0, normal: 0, low: 0 },
      openUrgent: 0,
    };
    expect(scoreSupport(none).score).toBe(100);
    expect(scoreSupport({ ...none, connected: false }).score).toBeNull();
  });
});

describe('engagement', () => {
  it('adds recency, frequency, a meeting and a champion', () => {
    // last touch 10 days ago → 40; 2 touchpoints → 16.7; meeting → 15; champion → 20: 92.
    const result = scoreEngagement({
      touchpoints30: 2,
      meetings90: 1,
      daysSinceLastTouch: 10,
      champions: 1,
      contacts: 3,
      lastDataAt: '2026-10-23T10:00:00.000Z',
    });
    expect(result.score).toBe(92);
    expect(result.reason).toBe('2 touchpoints in 30 days, last 10 days ago');
  });

  it('says how long since the last touchpoint when it was long ago', () => {
    const result = scoreEngagement({
      touchpoints30: 0,
      meetings90: 0,
      daysSinceLastTouch: 74,
      champions: 0,
      contacts: 2,
      lastDataAt: null,
    });
    expect(result.score).toBe(0);
    expect(result.reason).toBe('No touchpoint in 74 days');
  });
});

describe('billing', () => {
  const billing = {
    connected: true,
    failedPayments90: 2,
    unpaidFailed: 1,
    contractions90: 1,
    cancelled: false,
    lastDataAt: '2026-10-20T00:00:00.000Z',
  };

  it('takes off for unpaid and recovered failures and downgrades', () => {
    // unpaid 1 → −30; recovered 1 → −10; one downgrade → −25: 35.
    expect(scoreBilling(billing).score).toBe(35);
    expect(scoreBilling(billing).reason).toBe('1 failed payment still unpaid');
  });

  it('is zero once the subscription is cancelled, missing without billing data', () => {
    expect(scoreBilling({ ...billing, cancelled: true }).score).toBe(0);
    expect(scoreBilling({ ...billing, connected: false }).score).toBeNull();
  });
});

describe('outcomes', () => {
  it('weighs onboarding tasks done, first value and value-feature use', () => {
    // 6/8 due done → 0.75×50 = 37.5; first value reached → 20; value users → 30: 87.5/100 → 88.
    const result = scoreOutcomes({
      onboardingTasksDue: 8,
      onboardingTasksDoneOfDue: 6,
      onboardingTasksOverdue: 2,
      firstValueReached: true,
      valueFeatureUsers: 3,
      lastDataAt: null,
    });
    expect(result.score).toBe(88);
    expect(result.reason).toBe('2 onboarding tasks overdue (6 of 8 due done)');
  });

  it('is missing when nothing about outcomes is tracked', () => {
    const result = scoreOutcomes({
      onboardingTasksDue: 0,
      onboardingTasksDoneOfDue: 0,
      onboardingTasksOverdue: 0,
      firstValueReached: null,
      valueFeatureUsers: null,
      lastDataAt: null,
    });
    expect(result.score).toBeNull();
  });
});
