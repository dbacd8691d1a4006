// The demo's health as its CSM meets it: a book with Healthy, At Risk and Critical accounts —
// each Critical one for a reason the CSM can see in the data — the default plays, the Critical
// play fired for the account that turned Critical today, a year of history, and a backtest
// whose Critical bucket holds the churn that happened.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { addDays } from '../../src/lib/calendar.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { createTestDatabase, testDeps } from '../support/db.ts';

// The demo as a first start seeds it: the run's demo template, seeded at the real time. The
// clock stands at the moment it was seeded, as when its CSM first signs in.
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

async function dashboard(as: ApiClient = csm) {
  const { data } = await as.GET('/api/v1/health/dashboard', { params: { query: {} } });
  if (!data) throw new Error('no health dashboard');
  return data;
}

/** What a CSM checks behind each Critical account: the figures of its weakest measure. */
async function criticalFacts(accountId: string) {
  const { rows } = await sql<{
    seats: number;
    active30: number;
    active60to30: number;
    unpaid: number;
    unanswered_urgent: number;
  }>`
    select a.seats,
      (select count(distinct user_id)::int from usage_day_users u where u.account_id = a.id
        and u.day > ${today}::date - 30) as active30,
      (select count(distinct user_id)::int from usage_day_users u where u.account_id = a.id
        and u.day <= ${today}::date - 30 and u.day > ${today}::date - 60) as "active60to30",
      (select count(*)::int from invoices i where i.account_id = a.id and i.status = 'open'
        and i.attempt_count > 0) as unpaid,
      (select count(*)::int from support_tickets t where t.account_id = a.id
        and t.priority = 'urgent' and t.solved_at is null and t.first_response_at is null)
        as unanswered_urgent
    from accounts a where a.id = ${accountId}`.execute(database.db);
  const facts = rows[0];
  if (!facts) throw new Error(`no account ${accountId}`);
  return facts;
}

describe('demo health', () => {
  it("spreads the demo CSM's fifteen accounts over Healthy, At Risk and Critical, each with its reason", async () => {
    const data = await dashboard();
    expect(data.accounts).toHaveLength(15);
    expect(data.counts.unscored).toBe(0);
    expect(data.counts.healthy).toBeGreaterThanOrEqual(5);
    expect(data.counts.at_risk).toBeGreaterThanOrEqual(1);
    expect(data.counts.critical).toBeGreaterThanOrEqual(2);
    expect(data.accounts.every((a) => a.reason)).toBe(true);
  });

  it('has each Critical account Critical for a clear reason the data shows', async () => {
    const data = await dashboard();
    const critical = data.accounts.filter((a) => a.category === 'critical');
    expect(critical.length).toBeGreaterThanOrEqual(2);
    const reasons = new Set<string>();
    for (const account of critical) {
      const facts = await criticalFacts(account.accountId);
      reasons.add(account.weakestMeasure ?? 'none');
      switch (account.weakestMeasure) {
        case 'usage':
          // Usage collapse: hardly anyone left, far fewer than the month before.
          expect(facts.active30).toBeLessThanOrEqual(Math.ceil(facts.seats * 0.1));
          expect(facts.active30).toBeLessThan(facts.active60to30 / 2);
          break;
        case 'billing':
          // Failed payments: invoices whose payment failed and that are still unpaid.
          expect(facts.unpaid).toBeGreaterThanOrEqual(2);
          break;
        case 'support':
          // Unanswered escalations: urgent tickets open with no first response.
          expect(facts.unanswered_urgent).toBeGreaterThanOrEqual(1);
          break;
        default:
          throw new Error(`${account.name} is Critical for no clear reason: ${account.reason}`);
      }
    }
    // Not one story told twice: each Critical account has a reason of its own.
    expect(reasons.size).toBe(critical.length);
  });

  it('runs the Critical play for the account that turned Critical today, for the manager', async () => {
    const critical = async (as: ApiClient) =>
      new Set(
        (await dashboard(as)).accounts
          .filter((a) => a.category === 'critical')
          .map((a) => a.accountId),
      );
    const ownBook = await critical(csm);
    // The manager sees every book's runs: on some days another CSM's account turns Critical too.
    const everyBook = await critical(manager);
    const { data: runs } = await manager.GET('/api/v1/health/play-runs', {
      params: { query: {} },
    });
    const fired = runs?.items.filter((r) => r.trigger === 'entered_critical') ?? [];
    expect(fired.some((r) => ownBook.has(r.accountId))).toBe(true);
    expect(fired.every((r) => everyBook.has(r.accountId))).toBe(true);
    expect(fired.every((r) => r.ranAt.slice(0, 10) === today)).toBe(true);
  });

  it('keeps history back a year, daily for the last two months', async () => {
    const data = await dashboard();
    const id = data.accounts[0]?.accountId ?? '';
    const { data: health } = await csm.GET('/api/v1/health/accounts/{id}', {
      params: { path: { id }, query: { days: 400 } },
    });
    expect(health?.history[0]?.day).toBe(addDays(today, -364));
    expect(health?.history.filter((h) => h.day >= addDays(today, -60))).toHaveLength(61);
  });

  it('configures the default plays', async () => {
    const { data } = await csm.GET('/api/v1/health/plays');
    expect(data?.items.map((p) => p.trigger)).toEqual(
      expect.arrayContaining(['entered_at_risk', 'entered_critical', 'renewal_approaching']),
    );
  });

  it('backtests the churn that happened: the Critical bucket holds most of it', async () => {
    const { data } = await csm.GET('/api/v1/health/backtest', { params: { query: {} } });
    expect(data?.churned).toBeGreaterThanOrEqual(3);
    expect(data?.auc).toBeGreaterThanOrEqual(0.75);
    // A score that saw everything coming would be too good to believe: one churn was a surprise.
    expect(data?.auc).toBeLessThan(1);
    const critical = data?.byCategory.find((c) => c.category === 'critical');
    expect(critical?.accounts).toBeGreaterThan(0);
    expect(critical?.churned).toBeGreaterThanOrEqual(2);
  });
});
