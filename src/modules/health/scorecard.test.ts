// Combining measures: reweighting around missing data, category edges, scores kept in 0–100.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorize, combineMeasures, defaultScorecard, scorecardProblems } from './scorecard.ts';

describe('scorecard', () => {
  it('shares a missing measure’s weight among the others instead of scoring it 0 or 100', () => {
    // usage 80 (30), support missing, engagement 50 (20), billing 100 (15), outcomes 40 (15):
    // (2400 + 1000 + 1500 + 600) / 80 = 68.75 → 69.
    const combined = combineMeasures(
      [
        { key: 'usage', score: 80 },
        { key: 'support', score: null },
        { key: 'engagement', score: 50 },
        { key: 'billing', score: 100 },
        { key: 'outcomes', score: 40 },
      ],
      defaultScorecard,
    );
    expect(combined.score).toBe(69);
    expect(combined.effectiveWeights).toEqual({
      usage: 37.5,
      support: 0,
      engagement: 25,
      billing: 18.8,
      outcomes: 18.8,
    });
  });

  it('has no score when no measure has data', () => {
    expect(combineMeasures([{ key: 'usage', score: null }], defaultScorecard).score).toBeNull();
  });

  it('puts scores on the thresholds into the higher category', () => {
    const t = defaultScorecard.thresholds;
    expect(categorize(70, t)).toBe('healthy');
    expect(categorize(69, t)).toBe('at_risk');
    expect(categorize(40, t)).toBe('at_risk');
    expect(categorize(39, t)).toBe('critical');
    expect(categorize(0, t)).toBe('critical');
    expect(categorize(100, t)).toBe('healthy');
  });

  it('names the weights when they do not sum to 100', () => {
    expect(
      scorecardProblems({
        ...defaultScorecard,
        weights: { ...defaultScorecard.weights, usage: 31 },
      }),
    ).toMatchObject([
      { path: 'weights', message: 'the weights must sum to 100 (they sum to 101)' },
    ]);
  });

  it('keeps every overall score within 0–100', () => {
    const measure = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    fc.assert(
      fc.property(
        fc.tuple(measure, measure, measure, measure, measure),
        fc.tuple(
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 100 }),
        ),
        ([usage, support, engagement, billing, outcomes], [a, b, c, d]) => {
          const weights = { usage: a, support: b, engagement: c, billing: d, outcomes: 0 };
          const combined = combineMeasures(
            [
              { key: 'usage', score: usage },
              { key: 'support', score: support },
              { key: 'engagement', score: engagement },
              { key: 'billing', score: billing },
              { key: 'outcomes', score: outcomes },
            ],
            { ...defaultScorecard, weights },
          );
          if (combined.score !== null) {
            expect(combined.score).toBeGreaterThanOrEqual(0);
            expect(combined.score).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
