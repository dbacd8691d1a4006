// Now or digest: the rule from the CSM interview (seeds/000) — "alert me immediately if a
// task is tagged 'urgent' or if a P0 customer has an update, but batch everything else into
// a morning digest". Pure: an event, a person's preferences and the time in, a decision out.
import type { ActivityKind, Channel } from './kinds.ts';
import { clockMinutes, localParts, nextDate, zonedInstant } from './zoned.ts';

export type Rule = 'now' | 'digest' | 'off';

export type Preferences = {
  rules: Partial<Record<ActivityKind, Rule>>;
  /** Local hour (0–23) of the daily digest. */
  digestHour: number;
  /** "22:00"–"07:00": immediate notifications wait until the end; may wrap past midnight. */
  quietHours: { start: string; end: string } | null;
  /** Kinds that come through quiet hours anyway. */
  quietAllow: ActivityKind[];
  channels: { now: Channel[]; digest: Channel[] };
  slackWebhookUrl: string | null;
  /** Slack's member id of the person, so `/steward` knows who asks (U012AB3CD). */
  slackMemberId: string | null;
  mutedProjects: string[];
  mutedAccounts: string[];
  timezone: string;
};

export const defaultPreferences = (timezone: string): Preferences => ({
  rules: {},
  digestHour: 8,
  quietHours: null,
  quietAllow: ['sla_breach', 'escalation'],
  channels: { now: ['in_app', 'email', 'slack'], digest: ['in_app', 'email'] },
  slackWebhookUrl: null,
  slackMemberId: null,
  mutedProjects: [],
  mutedAccounts: [],
  timezone,
});

export type RoutedEvent = {
  kind: ActivityKind;
  /** The task's tags, when the event is about a task. */
  tags: string[];
  accountPriority: string | null;
  accountId: string | null;
  projectId: string | null;
};

export type Routing = { urgency: 'now' | 'digest' | 'none'; deliverAt?: Date };

/**
 * Kinds that are urgent whatever they are about. An SLA warning is among them: it exists to
 * give someone time to act before the breach, which a next-morning digest would not.
 */
const alwaysNow: ReadonlySet<ActivityKind> = new Set([
  'mentioned',
  'sla_warning',
  'sla_breach',
  'escalation',
  // A weekly e-mail of its own, not a line in tomorrow's digest.
  'product_digest',
]);

/** The first instant at or after `now` when the local clock shows `minutes`. */
export function nextLocalTime(now: Date, minutes: number, timezone: string): Date {
  const today = localParts(now, timezone).date;
  const candidate = zonedInstant(today, minutes, timezone);
  return candidate.getTime() >= now.getTime()
    ? candidate
    : zonedInstant(nextDate(today), minutes, timezone);
}

export function inQuietHours(now: Date, quiet: Preferences['quietHours'], timezone: string) {
  if (!quiet) return false;
  const at = localParts(now, timezone).minutes;
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  return start < end ? at >= start && at < end : at >= start || at < end;
}

export function routeNotification(event: RoutedEvent, prefs: Preferences, now: Date): Routing {
  // Muting a project or an account silences it, except escalations: someone decided those
  // must reach a person.
  const muted =
    (event.projectId !== null && prefs.mutedProjects.includes(event.projectId)) ||
    (event.accountId !== null && prefs.mutedAccounts.includes(event.accountId));
  if (muted && event.kind !== 'escalation') return { urgency: 'none' };

  const override = prefs.rules[event.kind];
  if (override === 'off') return { urgency: 'none' };
  const urgent =
    override === 'now' ||
    (override === undefined &&
      (alwaysNow.has(event.kind) ||
        event.tags.includes('urgent') ||
        event.accountPriority === 'P0'));

  if (!urgent) {
    return {
      urgency: 'digest',
      deliverAt: nextLocalTime(now, prefs.digestHour * 60, prefs.timezone),
    };
  }
  if (
    inQuietHours(now, prefs.quietHours, prefs.timezone) &&
    !prefs.quietAllow.includes(event.kind)
  ) {
    const end = clockMinutes(prefs.quietHours?.end ?? '00:00');
    return { urgency: 'now', deliverAt: nextLocalTime(now, end, prefs.timezone) };
  }
  return { urgency: 'now' };
}
