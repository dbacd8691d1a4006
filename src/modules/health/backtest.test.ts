// The backtest's statistics on outcomes whose answer is known.
import { describe, expect, it } from 'vitest';
import { liftByCategory, rocAuc, rocCurve } from './backtest.ts';

describe('backtest statistics', () => {
  it('gives AUC 1 when every churned account scored below every retained one', () => {
    const outcomes = [
      { score: 20, churned: true },
      { score: 35, churned: true },
      { score: 60, churned: false },
      { score: 90, churned: false },
    ];
    expect(rocAuc(outcomes)).toBe(1);
    expect(rocAuc(outcomes.map((o) => ({ ...o, churned: !o.churned })))).toBe(0);
  });

  it('counts ties as half and matches the pairwise count', () => {
    // Churned: 30, 50. Retained: 50, 70, 40. Pairs where churned scored lower: (30<50, 30<70,
    // 30<40, 50<70) = 4, ties (50=50) = 0.5 → 4.5 / 6 = 0.75.
    const outcomes = [
      { score: 30, churned: true },
      { score: 50, churned: true },
      { score: 50, churned: false },
      { score: 70, churned: false },
      { score: 40, churned: false },
    ];
    expect(rocAuc(outcomes)).toBe(0.75);
  });

  it('has no AUC without both churned and retained accounts', () => {
    expect(rocAuc([{ score: 10, churned: true }])).toBeNull();
  });

  it('gives churn rate and lift per category', () => {
    const lift = liftByCategory([
      { score: 20, category: 'critical', churned: true },
      { score: 30, category: 'critical', churned: true },
      { score: 50, category: 'at_risk', churned: true },
      { score: 55, category: 'at_risk', churned: false },
      { score: 80, category: 'healthy', churned: false },
      { score: 90, category: 'healthy', churned: false },
      { score: 85, category: 'healthy', churned: false },
      { score: 75, category: 'healthy', churned: false },
    ]);
    // Overall 3/8 = 0.375: critical 1.0 → lift 2.67, at risk 0.5 → 1.33, healthy 0 → 0.
    expect(lift).toEqual([
      { category: 'healthy', accounts: 4, churned: 0, churnRate: 0, lift: 0 },
      { category: 'at_risk', accounts: 2, churned: 1, churnRate: 0.5, lift: 1.33 },
      { category: 'critical', accounts: 2, churned: 2, churnRate: 1, lift: 2.67 },
    ]);
  });

  it('draws the ROC curve from (0,0) to (1,1)', () => {
    const curve = rocCurve([
      { score: 20, churned: true },
      { score: 80, churned: false },
    ]);
    expect(curve[0]).toEqual({ threshold: 0, falsePositiveRate: 0, truePositiveRate: 0 });
    expect(curve.at(-1)).toEqual({ threshold: 101, falsePositiveRate: 1, truePositiveRate: 1 });
  });
});
