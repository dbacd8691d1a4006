// Axis arithmetic shared by the charts: a round top for the value axis and its ticks.

/** The smallest "round" number (1, 2, 2.5, 5 × 10^n) at or above `value`; 1 for nothing. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** Ticks from 0 to the round top of `max`, `count` intervals apart. */
export function valueTicks(max: number, count = 4): number[] {
  const top = niceCeiling(max);
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** Indexes of `length` points to label on the category axis: first, last and a few between. */
export function labelledIndexes(length: number, wanted: number): number[] {
  if (length <= 0) return [];
  if (length <= wanted) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (wanted - 1);
  return [...new Set(Array.from({ length: wanted }, (_, i) => Math.round(i * step)))];
}
