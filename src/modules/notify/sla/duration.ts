// ISO 8601 durations as SLA thresholds (`PT2H`, `P1DT4H`, `PT3S`). Years and months are
// refused: their length varies, and an SLA must mean the same time every time.

const pattern = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds in the duration, or null when it is not one we accept. */
export function durationSeconds(text: string): number | null {
  const match = pattern.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, w, d, h, m, s] = match;
  const seconds =
    Number(w ?? 0) * 7 * 86_400 +
    Number(d ?? 0) * 86_400 +
    Number(h ?? 0) * 3600 +
    Number(m ?? 0) * 60 +
    Number(s ?? 0);
  return seconds > 0 ? seconds : null;
}
