// Churn risk from a score, its weak measures, trend and renewal — and advice that follows from
// the facts of the assessment it belongs to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message, renderMessage } from '../../i18n/index.ts';
import { addDays } from '../../lib/calendar.ts';
import { arrWeight, assessChurnRisk, riskLevel, type RiskInputs } from './churnRisk.ts';
import { scoreOutcomes, scoreUsage } from './measures.ts';

describe('churn risk', () => {
  it('names the weak measures, the fall and the renewal, with actions and a priority', () => {
    const risk = assessChurnRisk({
      score: 42,
      measures: [
        {
          key: 'usage',
          score: 25,
          reason: message('health.usage.activeUsersFell', { pct: 38, from: 21, to: 13 }),
        },
        { key: 'support', score: 80, reason: message('health.support.noTickets') },
        { key: 'engagement', score: 50, reason: message('health.engagement.noMeeting') },
      ],
      trend: { monthOverMonth: -18, weekOverWeek: -4, declining: true },
      renewalDate: '2026-12-02',
      arr: { amount: 12_000_000, currency: 'USD' },
      today: '2026-11-02',
    });
    // 100 − 42 + 10 for declining = 68 → high.
    expect(risk.score).toBe(68);
    expect(risk.level).toBe('high');
    expect(risk.factors.map((f) => f.source)).toEqual(['usage', 'engagement', 'trend', 'renewal']);
    expect(risk.factors[0]).toMatchObject({ impact: 'high' });
    expect(risk.factors.map((f) => renderMessage(f.description, 'en')).slice(2)).toEqual([
      'Health fell 18 points in 30 days',
      'Renewal in 30 days',
    ]);
    expect(risk.daysToRenewal).toBe(30);
    expect(risk.recommendedActions.map((a) => [a.factor, a.action.key])).toEqual([
      ['usage', 'health.action.adoptionSession'],
      ['engagement', 'health.action.bookMeeting'],
      ['renewal', 'health.action.startRenewal'],
    ]);
    // 0.6×68 + 0.2×(log10(120001)/6×100 = 84.7) + 0.2×(100 − 30/180×100 = 83.3) = 74.4 → 74.
    expect(risk.interventionPriority).toBe(74);
  });

  it('sets levels at 30, 50 and 70', () => {
    expect([29, 30, 49, 50, 69, 70].map(riskLevel)).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
    ]);
  });

  it('tells an account with no onboarding whose value features go unused to show them, not to unblock onboarding', () => {
    const outcomes = scoreOutcomes({
      onboardingTasksDue: 0,
      onboardingTasksDoneOfDue: 0,
      onboardingTasksOverdue: 0,
      firstValueReached: null,
      valueFeatureUsers: 0,
      lastDataAt: null,
      usageLastDataAt: '2026-11-01T23:59:59.000Z',
    });
    const risk = assessChurnRisk({
      score: 20,
      measures: [outcomes],
      trend: { monthOverMonth: null, weekOverWeek: null, declining: false },
      renewalDate: null,
      arr: { amount: 0, currency: 'USD' },
      today: '2026-11-02',
    });
    expect(risk.recommendedActions.map((a) => a.action.key)).toEqual([
      'health.action.showValueFeatures',
      'health.action.escalate',
    ]);
  });

  it('tells an account whose people scored it low in the NPS survey to call them back', () => {
    const outcomes = scoreOutcomes({
      onboardingTasksDue: 0,
      onboardingTasksDoneOfDue: 0,
      onboardingTasksOverdue: 0,
      firstValueReached: null,
      valueFeatureUsers: null,
      lastDataAt: null,
      usageLastDataAt: null,
      nps: -60,
      npsResponses: 5,
      npsLastDataAt: '2026-10-20T10:00:00.000Z',
    });
    const risk = assessChurnRisk({
      score: 45,
      measures: [outcomes],
      trend: { monthOverMonth: null, weekOverWeek: null, declining: false },
      renewalDate: null,
      arr: { amount: 0, currency: 'USD' },
      today: '2026-11-02',
    });
    expect(risk.recommendedActions.map((a) => [a.factor, a.action.key])).toEqual([
      ['outcomes', 'health.action.followUpDetractors'],
    ]);
  });

  it('blames a week’s fall on the week when the month shows none', () => {
    const risk = assessChurnRisk({
      score: 55,
      measures: [],
      trend: { monthOverMonth: 2, weekOverWeek: -9, declining: true },
      renewalDate: null,
      arr: { amount: 0, currency: 'USD' },
      today: '2026-11-02',
    });
    expect(risk.factors.map((f) => renderMessage(f.description, 'en'))).toEqual([
      'Health fell 9 points in 7 days',
    ]);
  });
});

// Assessments over every kind of account: measures from real figures (so each carries one of
// the reasons a measure really gives), any trend, renewal date and ARR.
const day = fc.integer({ min: -30, max: 400 }).map((n) => addDays('2026-11-02', n));
const count = fc.integer({ min: 0, max: 30 });
const usageMeasure = fc
  .record({
    seats: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    activeUsers: count,
    previousActiveUsers: count,
    featuresUsed: fc.integer({ min: 0, max: 5 }),
    featuresInCatalog: fc.integer({ min: 5, max: 8 }),
  })
  .map((f) => scoreUsage({ ...f, lastDataAt: '2026-11-01T23:59:59.000Z' }));
const outcomesMeasure = fc
  .record({
    onboardingTasksDue: count,
    done: count,
    firstValueReached: fc.option(fc.boolean(), { nil: null }),
    valueFeatureUsers: fc.option(count, { nil: null }),
  })
  .map(({ done, ...f }) =>
    scoreOutcomes({
      ...f,
      onboardingTasksDoneOfDue: Math.min(done, f.onboardingTasksDue),
      onboardingTasksOverdue: f.onboardingTasksDue - Math.min(done, f.onboardingTasksDue),
      lastDataAt: '2026-11-01T10:00:00.000Z',
      usageLastDataAt: '2026-11-01T23:59:59.000Z',
    }),
  );
const anyInputs: fc.Arbitrary<RiskInputs> = fc.record({
  score: fc.integer({ min: 0, max: 100 }),
  measures: fc.tuple(usageMeasure, outcomesMeasure),
  trend: fc.record({
    monthOverMonth: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
    weekOverWeek: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
    declining: fc.boolean(),
  }),
  renewalDate: fc.option(day, { nil: null }),
  arr: fc.record({
    amount: fc.integer({ min: 0, max: 500_000_000 }),
    currency: fc.constantFrom('USD', 'JPY', 'KWD'),
  }),
  today: fc.constant('2026-11-02'),
});

describe('ARR weight', () => {
  it('reads ARR in the currency’s own major unit: ¥1,200,000 weighs as 1.2 million, not 12,000', () => {
    const yen = arrWeight({ amount: 1_200_000, currency: 'JPY' });
    expect(yen).toBe(arrWeight({ amount: 120_000_000, currency: 'USD' }));
    expect(yen).toBe(100);
    expect(arrWeight({ amount: 1_200_000, currency: 'USD' })).toBeLessThan(70);
    expect(arrWeight({ amount: 1_200_000, currency: 'KWD' })).toBe(
      arrWeight({ amount: 120_000, currency: 'USD' }),
    );
  });
});

describe('advice that matches the facts', () => {
  it('cites, in every recommended action, a factor of the same assessment', () => {
    fc.assert(
      fc.property(anyInputs, (input) => {
        const risk = assessChurnRisk(input);
        const factors = new Set(risk.factors.map((f) => f.source));
        for (const action of risk.recommendedActions) expect(factors).toContain(action.factor);
      }),
    );
  });

  it('never tells an account without overdue onboarding tasks to unblock them', () => {
    fc.assert(
      fc.property(anyInputs, (input) => {
        const risk = assessChurnRisk(input);
        const overdue = risk.factors.some((f) => f.description.key === 'health.outcomes.overdue');
        const unblock = risk.recommendedActions.some(
          (a) => a.action.key === 'health.action.unblockOnboarding',
        );
        expect(unblock).toBe(unblock && overdue);
      }),
    );
  });

  it('speaks of a fall only when the score fell', () => {
    fc.assert(
      fc.property(anyInputs, (input) => {
        const fall = assessChurnRisk(input).factors.find((f) => f.source === 'trend');
        if (fall) expect(fall.description.params?.count).toBeGreaterThan(0);
      }),
    );
  });
});
