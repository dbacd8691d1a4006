// The demo's revenue as a CS leader meets it: net retention a little under target and gross
// near it, renewals in the next 90 days across every forecast category, expansion won (and one
// lost) in the past year, one renewal lost, a few enterprise accounts overdue for a QBR, and the
// demo CSM's week of meetings.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { addDays } from '../../src/lib/calendar.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { createTestDatabase, testDeps } from '../support/db.ts';

// The run's demo template, seeded at the real time; the clock stands at that moment.
const database = await createTestDatabase('demo');
const seeded = await sql<{ at: Date }>`
  select at from audit_log where action = 'workspace.demo_seeded'`.execute(database.db);
const seededAt = seeded.rows[0]?.at ?? new Date();
const today = seededAt.toISOString().slice(0, 10);
const deps = testDeps(database, fixedClock(seededAt));
const app = testApp(deps);
let csm: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  csm = await signedIn(app, 'csm@demo.steward.dev', 'steward-demo');
  manager = await signedIn(app, 'manager@demo.steward.dev', 'steward-demo');
});

afterAll(() => database.close());

describe('the demo’s revenue', () => {
  it('figures the past year from billing: a bridge that adds up, expansion won and one lost, renewals lost', async () => {
    // Billing reaches back a year (the demo's Stripe was connected then): the window starts
    // the day after, so the customers Stripe first saw then are the cohort.
    const { data } = await manager.GET('/api/v1/metrics', {
      params: { query: { from: addDays(today, -363), to: today } },
    });
    const value = (key: string) => data?.metrics.find((m) => m.key === key)?.value ?? null;
    const b = data?.bridge;
    expect(b).toBeDefined();
    expect(
      (b?.startMrr ?? 0) +
        (b?.newMrr ?? 0) +
        (b?.expansionMrr ?? 0) +
        (b?.reactivationMrr ?? 0) +
        (b?.contractionMrr ?? 0) +
        (b?.churnedMrr ?? 0),
    ).toBe(b?.endMrr);
    // What a CS leader would believe of a healthy book: net retention a little under the 110%
    // target, gross retention near 95%, a few expansion deals won and one lost.
    expect(value('nrr')).toBeGreaterThan(1.02);
    expect(value('nrr')).toBeLessThan(1.1);
    expect(value('grr')).toBeGreaterThan(0.92);
    expect(value('grr')).toBeLessThan(0.96);
    expect(value('expansionWon')).toBeGreaterThan(0);
    expect(data?.detail.opportunities.won).toBeGreaterThanOrEqual(3);
    expect(data?.detail.opportunities.won).toBeLessThanOrEqual(15);
    expect(data?.detail.opportunities.lost).toBe(1);
    // One customer said no at its renewal; the others who left cancelled mid-contract — churn
    // for retention, but the renewal they made this year counts as renewed.
    expect(data?.detail.renewals.lost).toBe(1);
    expect(data?.detail.cohort.churnedLogos).toBeGreaterThanOrEqual(3);
    expect(value('renewalRate')).toBeGreaterThan(0.9);
  });

  it('spreads the renewals of the next 90 days across every forecast category', async () => {
    const { data } = await manager.GET('/api/v1/renewals', {
      params: { query: { within: '90d' } },
    });
    const categories = new Set(data?.items.map((r) => r.forecast.category));
    expect([...categories].sort()).toEqual(['at_risk', 'commit', 'likely', 'lost']);
    expect(data?.items.some((r) => r.override?.note)).toBe(true);
  });

  it('has some enterprise accounts overdue for a QBR, not most of them', async () => {
    const { data } = await manager.GET('/api/v1/meetings/overdue-qbrs', { params: { query: {} } });
    expect(data?.items.length).toBeGreaterThanOrEqual(2);
    expect(data?.items.length).toBeLessThanOrEqual(4);
    expect(data?.items.every((i) => i.tier === 'enterprise')).toBe(true);
  });

  it('puts meetings on the demo CSM’s calendar this week', async () => {
    const { data } = await csm.GET('/api/v1/meetings', {
      params: {
        query: {
          from: seededAt.toISOString(),
          to: new Date(seededAt.getTime() + 7 * 86_400_000).toISOString(),
          mine: 'true',
        },
      },
    });
    expect(data?.items.length).toBeGreaterThanOrEqual(3);
    expect(data?.items.map((m) => m.kind)).toContain('qbr');
  });

  it('finds accounts ready to grow, priced from the plans sold', async () => {
    const { data } = await csm.GET('/api/v1/expansion-opportunities', { params: { query: {} } });
    expect(data?.items.length).toBeGreaterThan(0);
    expect(data?.totals.estimatedArr.amount).toBeGreaterThan(0);
  });
});
