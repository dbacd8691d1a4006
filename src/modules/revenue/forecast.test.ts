import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../i18n/index.ts';
import { addDays } from '../../lib/calendar.ts';
import { categoryFor, forecastRenewal, type ForecastInputs } from './forecast.ts';

const calm: ForecastInputs = {
  today: '2026-11-02',
  renewalDate: '2027-01-15',
  stage: 'steady',
  healthScore: 86,
  healthCategory: 'healthy',
  churnRiskLevel: 'low',
  usageChange: 2,
  openEscalations: 0,
  renewalProject: { done: 3, total: 10, overdue: 0 },
  contractsEnded: false,
};

const keys = (input: ForecastInputs) => forecastRenewal(input).reasons.map((r) => r.key);

describe('renewal forecast', () => {
  it('commits a healthy, low-risk renewal whose project is on track', () => {
    const forecast = forecastRenewal(calm);
    expect(forecast.category).toBe('commit');
    expect(forecast.probability).toBe(0.95);
    expect(keys(calm)).toEqual([
      'revenue.forecast.riskLow',
      'revenue.forecast.healthStrong',
      'revenue.forecast.renewalProjectOnTrack',
    ]);
  });

  it('puts a critical account with falling usage and escalations at risk, and says why', () => {
    const input: ForecastInputs = {
      ...calm,
      healthScore: 31,
      healthCategory: 'critical',
      churnRiskLevel: 'critical',
      usageChange: -18,
      openEscalations: 2,
      renewalProject: { done: 1, total: 8, overdue: 3 },
    };
    const forecast = forecastRenewal(input);
    expect(forecast.category).toBe('at_risk');
    // 0.25 − 0.1 (critical health) − 0.1 (usage) − 0.1 (two escalations) − 0.05 (overdue) → floor
    expect(forecast.probability).toBe(0.05);
    expect(forecast.reasons).toEqual([
      { key: 'revenue.forecast.riskCritical' },
      { key: 'revenue.forecast.healthCritical', params: { score: 31 } },
      { key: 'revenue.forecast.usageFalling', params: { points: 18 } },
      { key: 'revenue.forecast.openEscalations', params: { count: 2 } },
      { key: 'revenue.forecast.renewalTasksOverdue', params: { count: 3 } },
    ]);
    expect(forecast.reasons.map((r) => renderMessage(r, 'en'))).toContain(
      'Usage fell 18 points in 30 days',
    );
    expect(forecast.reasons.map((r) => renderMessage(r, 'ru'))).toContain(
      'Просрочены 3 задачи продления',
    );
  });

  it('calls a churned account, or one whose contracts all ended, lost', () => {
    expect(forecastRenewal({ ...calm, stage: 'churned' })).toEqual({
      category: 'lost',
      probability: 0,
      reasons: [{ key: 'revenue.forecast.churned' }],
    });
    expect(forecastRenewal({ ...calm, contractsEnded: true }).category).toBe('lost');
  });

  it('notices a renewal two months out with no renewal project', () => {
    const input = { ...calm, renewalProject: null, renewalDate: '2026-12-02' };
    expect(forecastRenewal(input).reasons).toContainEqual({
      key: 'revenue.forecast.noRenewalProject',
      params: { count: 30 },
    });
    // Far out, no project yet is normal: the renewal play opens it 90 days before.
    expect(keys({ ...input, renewalDate: '2027-01-30' })).not.toContain(
      'revenue.forecast.noRenewalProject',
    );
  });

  it('starts an unscored account in the middle and says health has not scored it', () => {
    const input = { ...calm, healthScore: null, healthCategory: null, churnRiskLevel: null };
    expect(forecastRenewal(input)).toMatchObject({ category: 'likely', probability: 0.7 });
    expect(keys(input)[0]).toBe('revenue.forecast.notScored');
  });

  it('gives every reason for an input that is present, and none for one that is not', () => {
    const inputs = fc.record({
      healthScore: fc.integer({ min: 0, max: 100 }),
      churnRiskLevel: fc.constantFrom('low', 'medium', 'high', 'critical' as const),
      usageChange: fc.option(fc.integer({ min: -60, max: 60 })),
      openEscalations: fc.nat(5),
      overdue: fc.option(fc.nat(4)),
      days: fc.integer({ min: 0, max: 120 }),
    });
    fc.assert(
      fc.property(inputs, (i) => {
        const category =
          i.healthScore >= 75 ? 'healthy' : i.healthScore >= 50 ? 'at_risk' : 'critical';
        const input: ForecastInputs = {
          ...calm,
          healthScore: i.healthScore,
          healthCategory: category,
          churnRiskLevel: i.churnRiskLevel,
          usageChange: i.usageChange,
          openEscalations: i.openEscalations,
          renewalProject: i.overdue === null ? null : { done: 1, total: 5, overdue: i.overdue },
          renewalDate: addDays('2026-11-02', i.days),
        };
        const forecast = forecastRenewal(input);
        const has = (key: string) => forecast.reasons.some((r) => r.key === key);
        expect(has('revenue.forecast.openEscalations')).toBe(i.openEscalations > 0);
        expect(has('revenue.forecast.usageFalling')).toBe(
          i.usageChange !== null && i.usageChange <= -10,
        );
        expect(has('revenue.forecast.healthCritical')).toBe(category === 'critical');
        expect(has('revenue.forecast.renewalTasksOverdue')).toBe((i.overdue ?? 0) > 0);
        expect(forecast.category).toBe(categoryFor(forecast.probability));
        expect(forecast.probability).toBeGreaterThanOrEqual(0.05);
        expect(forecast.probability).toBeLessThanOrEqual(0.97);
      }),
    );
  });
});
