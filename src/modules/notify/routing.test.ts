import { describe, expect, it } from 'vitest';
import { activityKinds, type ActivityKind } from './kinds.ts';
import {
  defaultPreferences,
  routeNotification,
  type Preferences,
  type RoutedEvent,
} from './routing.ts';

// Monday 2 November 2026, 10:00 in Berlin (09:00 UTC).
const now = new Date('2026-11-02T09:00:00Z');
const berlin = (over: Partial<Preferences> = {}): Preferences => ({
  ...defaultPreferences('Europe/Berlin'),
  ...over,
});
const event = (kind: ActivityKind, over: Partial<RoutedEvent> = {}): RoutedEvent => ({
  kind,
  tags: [],
  accountPriority: 'P2',
  accountId: 'acc-1',
  projectId: 'proj-1',
  ...over,
});
// Tomorrow 08:00 in Berlin (CET, UTC+1).
const nextDigest = new Date('2026-11-03T07:00:00Z');

// The weekly product digest is an e-mail of its own, never a line in tomorrow's digest.
const alwaysNow = new Set<ActivityKind>([
  'mentioned',
  'sla_warning',
  'sla_breach',
  'escalation',
  'product_digest',
]);

describe('routing every kind of event', () => {
  for (const kind of activityKinds) {
    const expected = alwaysNow.has(kind) ? 'now' : 'digest';
    it(`sends ${kind} on an ordinary account ${expected === 'now' ? 'at once' : 'to the morning digest'}`, () => {
      const routed = routeNotification(event(kind), berlin(), now);
      expect(routed.urgency).toBe(expected);
      if (expected === 'digest') expect(routed.deliverAt).toEqual(nextDigest);
      else expect(routed.deliverAt).toBeUndefined();
    });

    it(`sends ${kind} at once when the task is tagged urgent`, () => {
      expect(routeNotification(event(kind, { tags: ['urgent'] }), berlin(), now).urgency).toBe(
        'now',
      );
    });

    it(`sends ${kind} at once on a P0 account`, () => {
      expect(routeNotification(event(kind, { accountPriority: 'P0' }), berlin(), now).urgency).toBe(
        'now',
      );
    });

    it(`follows a per-kind override for ${kind}`, () => {
      expect(routeNotification(event(kind), berlin({ rules: { [kind]: 'off' } }), now)).toEqual({
        urgency: 'none',
      });
      expect(
        routeNotification(event(kind), berlin({ rules: { [kind]: 'now' } }), now).urgency,
      ).toBe('now');
      expect(
        routeNotification(
          event(kind, { accountPriority: 'P0' }),
          berlin({ rules: { [kind]: 'digest' } }),
          now,
        ).urgency,
      ).toBe('digest');
    });

    const mutedOut = kind === 'escalation' ? 'now' : 'none';
    it(`${kind === 'escalation' ? 'still delivers' : 'silences'} ${kind} on a muted project or account`, () => {
      expect(
        routeNotification(event(kind), berlin({ mutedProjects: ['proj-1'] }), now).urgency,
      ).toBe(mutedOut);
      expect(
        routeNotification(event(kind), berlin({ mutedAccounts: ['acc-1'] }), now).urgency,
      ).toBe(mutedOut);
    });

    const held = !['sla_breach', 'escalation'].includes(kind);
    it(`${held ? 'holds' : 'lets through'} an urgent ${kind} in quiet hours`, () => {
      // 23:30 in Berlin, quiet 22:00–07:00: held until 07:00 local (06:00 UTC).
      const late = new Date('2026-11-02T22:30:00Z');
      const routed = routeNotification(
        event(kind, { tags: ['urgent'] }),
        berlin({ quietHours: { start: '22:00', end: '07:00' } }),
        late,
      );
      expect(routed.urgency).toBe('now');
      expect(routed.deliverAt).toEqual(held ? new Date('2026-11-03T06:00:00Z') : undefined);
    });
  }

  it('lets a person choose which kinds come through quiet hours', () => {
    const late = new Date('2026-11-02T22:30:00Z');
    const prefs = berlin({
      quietHours: { start: '22:00', end: '07:00' },
      quietAllow: ['mentioned'],
    });
    expect(routeNotification(event('mentioned'), prefs, late).deliverAt).toBeUndefined();
    expect(routeNotification(event('sla_breach'), prefs, late).deliverAt).toEqual(
      new Date('2026-11-03T06:00:00Z'),
    );
  });

  it('does not hold anything outside quiet hours', () => {
    const prefs = berlin({ quietHours: { start: '22:00', end: '07:00' } });
    expect(routeNotification(event('mentioned'), prefs, now).deliverAt).toBeUndefined();
  });

  it("puts today's items in today's digest when the digest hour has not come yet", () => {
    const early = new Date('2026-11-02T05:00:00Z'); // 06:00 in Berlin
    expect(routeNotification(event('task_updated'), berlin(), early).deliverAt).toEqual(
      new Date('2026-11-02T07:00:00Z'),
    );
  });
});
