// A local date and time in a time zone as the instant it names, and back: what a person picks
// in the meeting form ("10:00 on 12 November in New York") is what the invitation keeps.

/** The zone's offset from UTC at an instant, in minutes. */
export function zoneOffset(timeZone: string, at: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** `2026-11-12` at `10:00` in the zone, as an ISO instant. */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  // The offset at the wall time read as UTC is close; once more at the result settles a day
  // on which the clocks change.
  let at = wall - zoneOffset(timeZone, wall) * 60_000;
  at = wall - zoneOffset(timeZone, at) * 60_000;
  return new Date(at).toISOString();
}

/** The date and time an instant shows on a wall clock in the zone. */
export function wallClock(instant: string, timeZone: string): { date: string; time: string } {
  const at = Date.parse(instant);
  const local = new Date(at + zoneOffset(timeZone, at) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

export function timeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}
