import { describe, expect, it } from 'vitest';
import { labelledIndexes, niceCeiling, valueTicks } from './scale.ts';

describe('chart axes', () => {
  it('round the top of the value axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.4, 3, 7, 12, 24, 26, 480, 1001].map(niceCeiling)).toEqual([
      1, 0.5, 5, 10, 20, 25, 50, 500, 2000,
    ]);
  });

  it('tick the value axis evenly from zero to that top', () => {
    expect(valueTicks(9)).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it('label the first and the last day and a few between, never twice', () => {
    expect(labelledIndexes(90, 4)).toEqual([0, 30, 59, 89]);
    expect(labelledIndexes(2, 4)).toEqual([0, 1]);
    expect(labelledIndexes(0, 4)).toEqual([]);
  });
});
