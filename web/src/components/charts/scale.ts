// Axis arithmetic shared by the charts: a round top for the value axis and its ticks.

/** The smallest "round" number (1, 2, 2.5, 5 × 10^n) at or above `value`; 1 for nothing. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= value) ?? 10;
  return step * magnitude;
}

/**
 * Ticks from 0 to the round top of `max`, about `count` intervals apart. Counts of people or
 * events get whole-number ticks only (no "2.5 users").
 */
export function valueTicks(max: number, count = 4, integers = false): number[] {
  const top = niceCeiling(max);
  if (!integers) return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
  const whole = Math.max(1, Math.ceil(top));
  const intervals =
    whole <= count ? whole : ([count, count + 1, count - 1, 2].find((c) => whole % c === 0) ?? 1);
  return Array.from({ length: intervals + 1 }, (_, i) => (whole * i) / intervals);
}
