// Churn risk from a score, its weak measures, trend and renewal.
import { describe, expect, it } from 'vitest';
import { assessChurnRisk, riskLevel } from './churnRisk.ts';

describe('churn risk', () => {
  it('names the weak measures, the fall and the renewal, with actions and a priority', () => {
    const risk = assessChurnRisk({
      score: 42,
      measures: [
        { key: 'usage', score: 25, reason: 'Active users fell 38% in 30 days (21 → 13)' },
        { key: 'support', score: 80, reason: 'No tickets in 90 days' },
        { key: 'engagement', score: 50, reason: 'No meeting in 90 days' },
      ],
      trend: { monthOverMonth: -18, weekOverWeek: -4, declining: true },
      renewalDate: '2026-12-02',
      arr: 12_000_000,
      today: '2026-11-02',
    });
    // 100 − 42 + 10 for declining = 68 → high.
    expect(risk.score).toBe(68);
    expect(risk.level).toBe('high');
    expect(risk.factors.map((f) => f.source)).toEqual(['usage', 'engagement', 'trend', 'renewal']);
    expect(risk.factors[0]).toMatchObject({ impact: 'high' });
    expect(risk.daysToRenewal).toBe(30);
    expect(risk.recommendedActions.map((a) => a.source)).toEqual([
      'usage',
      'engagement',
      'renewal',
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
});
