import { describe, expect, it } from 'vitest';
import { niceCeiling, valueTicks } from './scale.ts';

describe('chart axes', () => {
  it('round the top of the value axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.4, 3, 7, 12, 24, 26, 480, 1001].map(niceCeiling)).toEqual([
      1, 0.5, 5, 10, 20, 25, 50, 500, 2000,
    ]);
  });

  it('tick the value axis evenly from zero to that top', () => {
    expect(valueTicks(9)).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it('tick counts of people in whole numbers only', () => {
    expect(valueTicks(5, 4, true)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(valueTicks(3, 4, true)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(valueTicks(2, 4, true)).toEqual([0, 1, 2]);
    expect(valueTicks(180, 4, true)).toEqual([0, 50, 100, 150, 200]);
    expect(valueTicks(0, 4, true)).toEqual([0, 1]);
  });
});
