import { describe, expect, it } from 'vitest';
import { monthlyAmount, movementKind } from './money.ts';

describe('monthlyAmount', () => {
  it('brings yearly and weekly prices to a month, rounding once', () => {
    expect(
      monthlyAmount([
        { unitAmount: 120000, quantity: 1, interval: 'year', intervalCount: 1 },
        { unitAmount: 1000, quantity: 3, interval: 'month', intervalCount: 1 },
        { unitAmount: 999, quantity: 1, interval: 'month', intervalCount: 3 },
      ]),
    ).toBe(10000 + 3000 + 333);
    expect(
      monthlyAmount([{ unitAmount: 1200, quantity: 1, interval: 'week', intervalCount: 1 }]),
    ).toBe(5200);
  });
});

describe('movementKind', () => {
  it('names a change of MRR the way revenue reports do', () => {
    expect(movementKind(0, 100, false)).toBe('new');
    expect(movementKind(0, 100, true)).toBe('reactivation');
    expect(movementKind(100, 150, true)).toBe('expansion');
    expect(movementKind(150, 100, true)).toBe('contraction');
    expect(movementKind(100, 0, true)).toBe('churn');
    expect(movementKind(100, 100, true)).toBeNull();
  });
});
