import { describe, expect, it } from 'vitest';
import { featureFor, featureMapper } from './features.ts';
import { isLoginEvent } from './store/rollups.ts';
import { monthStart, partitionName, retentionCutoff } from './partitions.ts';

const catalog = [
  { key: 'reports', events: ['Report *'] },
  { key: 'exports', events: ['Report Exported', 'Data Exported'] },
  { key: 'dashboards', events: ['Dashboard*'] },
];

describe('the feature catalog', () => {
  it('maps an event to its feature, an exact name beating a pattern', () => {
    expect(featureFor('Report Viewed', catalog)).toBe('reports');
    expect(featureFor('Report Exported', catalog)).toBe('exports');
    expect(featureFor('report exported', catalog)).toBe('exports');
    expect(featureFor('Dashboard Shared', catalog)).toBe('dashboards');
  });

  it('rolls an unmapped event up under its own name', () => {
    expect(featureFor('Invoice Paid', catalog)).toBe('Invoice Paid');
    expect(featureFor('Report', catalog)).toBe('Report');
  });

  it('treats pattern characters other than * literally', () => {
    expect(featureFor('a.b', [{ key: 'dot', events: ['a.b'] }])).toBe('dot');
    expect(featureFor('axb', [{ key: 'dot', events: ['a.*'] }])).toBe('axb');
  });

  it('maps each distinct event once per request', () => {
    const map = featureMapper(catalog);
    expect([map('Report Viewed'), map('Report Viewed'), map('x')]).toEqual([
      'reports',
      'reports',
      'x',
    ]);
  });
});

describe('login events', () => {
  it.each(['Signed In', 'User Logged In', 'login', 'log_in', 'Sign-in Completed'])(
    'counts "%s" as a login',
    (event) => expect(isLoginEvent(event)).toBe(true),
  );
  it.each(['Signed Up', 'Blogin Viewed', 'Design Inspected', 'Logout'])(
    'does not count "%s"',
    (event) => expect(isLoginEvent(event)).toBe(false),
  );
});

describe('usage partitions', () => {
  it('names one partition per UTC month', () => {
    expect(partitionName(monthStart(new Date('2026-11-30T23:59:59Z')))).toBe(
      'usage_events_2026_11',
    );
    expect(partitionName(monthStart(new Date('2026-12-15T00:00:00Z'), 1))).toBe(
      'usage_events_2027_01',
    );
  });

  it('keeps the current month and the twelve before it with 13 months of retention', () => {
    expect(retentionCutoff(new Date('2026-11-02T09:00:00Z'), 13)).toEqual(
      new Date('2025-11-01T00:00:00Z'),
    );
    expect(retentionCutoff(new Date('2026-11-02T09:00:00Z'), 1)).toEqual(
      new Date('2026-11-01T00:00:00Z'),
    );
  });
});
