// SLA thresholds and escalation delays travel as ISO 8601 durations (`PT2H`, `P1D`); people read
// and type them as an amount of minutes, hours or days.
export type DurationUnit = 'minute' | 'hour' | 'day';

const unitSeconds: Record<DurationUnit, number> = { day: 86_400, hour: 3600, minute: 60 };
const pattern = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * The duration as one amount of the largest unit that holds it whole ("P1DT4H" is 28 hours);
 * under a minute, a minute. Null when it is not a duration.
 */
export function durationAmount(iso: string): { amount: number; unit: DurationUnit } | null {
  const match = pattern.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return null;
  const [, w, d, h, m, s] = match.map((part) => Number(part ?? 0));
  const seconds =
    (w ?? 0) * 7 * 86_400 + (d ?? 0) * 86_400 + (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
  const unit = (['day', 'hour', 'minute'] as const).find((u) => seconds % unitSeconds[u] === 0);
  return unit
    ? { amount: seconds / unitSeconds[unit], unit }
    : { amount: Math.max(1, Math.round(seconds / 60)), unit: 'minute' };
}

/** The ISO 8601 duration of an amount: 2 hours is `PT2H`, 1 day `P1D`. */
export function isoDuration(amount: number, unit: DurationUnit): string {
  return unit === 'day' ? `P${amount}D` : `PT${amount}${unit === 'hour' ? 'H' : 'M'}`;
}
