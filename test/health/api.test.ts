// The health API end to end: scoring from real intake-shaped data, the account panel, dashboard,
// sparklines, churn risk, scorecards (and their 422s), backtest with trial weights, plays CRUD.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { rescore } from '../../src/modules/health/index.ts';
import { rescoreChanged } from '../../src/modules/health/service.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { changedAccounts } from '../support/jobs.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csmId: UserId;
let csm: ApiClient;
let admin: ApiClient;
let healthyId: string;
let decliningId: string;

/** Distinct active users per day for an account: `users` on each of the days. */
async function activeUsers(accountId: string, days: { from: number; to: number }, users: number) {
  await addActiveUsers(
    deps.db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${'2026-11-02'}::date - d, 'reports', 'u' || u
    from generate_series(${days.from}::int, ${days.to}::int) d, generate_series(1, ${users}::int) u`,
  );
  await addUsageDays(
    deps.db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${'2026-11-02'}::date - d, 'reports', 10 * ${users}::int, ${users}::int
    from generate_series(${days.from}::int, ${days.to}::int) d`,
  );
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin' });
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm' });
  csmId = csmUser.id;
  csm = await signedIn(app, csmUser.email, testPassword);
  admin = await signedIn(app, adminUser.email, testPassword);
  await deps.db
    .insertInto('usage_features')
    .values({ workspace_id: workspaceId, key: 'reports', label: 'Reports', events: ['Report Run'] })
    .execute();
  healthyId = (
    await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      seats: 10,
      arr_amount: 12_000_000,
      renewal_date: '2026-12-15',
    })
  ).id;
  decliningId = (
    await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      seats: 20,
      arr_amount: 48_000_000,
      renewal_date: '2026-12-20',
    })
  ).id;
  // Healthy: 9 of 10 seats active all along. Declining: 20 users the month before, 4 now.
  await activeUsers(healthyId, { from: 0, to: 59 }, 9);
  await activeUsers(decliningId, { from: 30, to: 59 }, 20);
  await activeUsers(decliningId, { from: 0, to: 29 }, 4);
  await rescore(deps, workspaceId);
});

describe('health API', () => {
  it("explains an account's score measure by measure, missing data shown as missing", async () => {
    const { data, response } = await csm.GET('/api/v1/health/accounts/{id}', {
      params: { path: { id: decliningId }, query: {} },
    });
    expect(response.status).toBe(200);
    const usage = data?.measures.find((m) => m.key === 'usage');
    expect(usage?.reason).toBe('Active users fell 80% in 30 days (20 → 4)');
    const support = data?.measures.find((m) => m.key === 'support');
    expect(support?.score).toBeNull();
    expect(support?.effectiveWeight).toBeNull();
    // Usage alone has data here (engagement has no touchpoints or contacts): it is the score.
    expect(data?.score).toBe(usage?.score);
    expect(data?.history.at(-1)?.day).toBe('2026-11-02');
  });

  it('counts accounts by category on the dashboard, weakest first, with reasons', async () => {
    const { data } = await csm.GET('/api/v1/health/dashboard', { params: { query: {} } });
    expect(data?.counts).toEqual({ healthy: 1, at_risk: 0, critical: 1, unscored: 0 });
    expect(data?.accounts.map((a) => a.accountId)).toEqual([decliningId, healthyId]);
    expect(data?.accounts[0]?.reason).toMatch(/Active users fell 80%/);
  });

  it('gives the portfolio a 30-day series per account', async () => {
    const { data } = await csm.GET('/api/v1/health/series', {
      params: { query: { accountIds: `${healthyId},${decliningId}` } },
    });
    expect(data?.items).toHaveLength(2);
    expect(data?.items[0]?.series).toHaveLength(30);
    expect(data?.items[0]?.series.at(-1)?.score).not.toBeNull();
  });

  it('lists churn risk for renewals this quarter, highest priority first', async () => {
    const { data } = await csm.GET('/api/v1/churn-risk', {
      params: { query: { within: 'quarter' } },
    });
    expect(data?.window).toEqual({ from: '2026-11-02', to: '2026-12-31' });
    expect(data?.items[0]?.accountId).toBe(decliningId);
    expect(data?.items[0]?.level).toBe('critical');
    expect(data?.items[0]?.daysToRenewal).toBe(48);
    expect(data?.items[0]?.factors[0]?.source).toBe('usage');
  });

  it('refuses a scorecard whose weights do not sum to 100, naming the field', async () => {
    const { response, error } = await admin.PUT('/api/v1/health/scorecard', {
      body: {
        tier: null,
        weights: { usage: 40, support: 20, engagement: 20, billing: 15, outcomes: 15 },
        thresholds: { healthyMin: 70, atRiskMin: 40 },
      },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.path).toBe('weights');
  });

  it('refuses thresholds out of order', async () => {
    const { response, error } = await admin.PUT('/api/v1/health/scorecard', {
      body: {
        weights: { usage: 30, support: 20, engagement: 20, billing: 15, outcomes: 15 },
        thresholds: { healthyMin: 50, atRiskMin: 60 },
      },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.path).toBe('thresholds.atRiskMin');
  });

  it('lets only an admin save scorecards, per tier', async () => {
    const body = {
      tier: 'smb' as const,
      weights: { usage: 50, support: 10, engagement: 10, billing: 15, outcomes: 15 },
      thresholds: { healthyMin: 75, atRiskMin: 45 },
    };
    expect((await csm.PUT('/api/v1/health/scorecard', { body })).response.status).toBe(403);
    const { data } = await admin.PUT('/api/v1/health/scorecard', { body });
    expect(data?.weights.usage).toBe(50);
    const smb = await csm.GET('/api/v1/health/scorecard', { params: { query: { tier: 'smb' } } });
    expect(smb.data?.thresholds.healthyMin).toBe(75);
    const fallback = await csm.GET('/api/v1/health/scorecard', { params: { query: {} } });
    expect(fallback.data?.saved).toBe(false);
    expect(fallback.data?.weights.usage).toBe(30);
  });

  it("puts a tier back on the default scorecard and rescores that tier's accounts with it", async () => {
    const enterprise = await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      tier: 'enterprise',
      seats: 10,
    });
    await activeUsers(enterprise.id, { from: 0, to: 59 }, 9);
    // Scores nothing is waiting for: what the earlier tests saved was announced too.
    await rescoreChanged(deps, workspaceId);
    await rescore(deps, workspaceId, [enterprise.id]);
    const scoreOf = async () =>
      (
        await csm.GET('/api/v1/health/accounts/{id}', {
          params: { path: { id: enterprise.id }, query: {} },
        })
      ).data?.score;
    const defaultScore = await scoreOf();
    const body = {
      tier: 'enterprise' as const,
      weights: { usage: 0, support: 0, engagement: 0, billing: 0, outcomes: 100 },
      thresholds: { healthyMin: 70, atRiskMin: 40 },
    };
    expect((await admin.PUT('/api/v1/health/scorecard', { body })).response.status).toBe(200);
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([enterprise.id]);
    await rescoreChanged(deps, workspaceId);
    expect(await scoreOf()).not.toBe(defaultScore);
    const own = await csm.GET('/api/v1/health/scorecards');
    expect(own.data?.items.map((card) => card.tier)).toContain('enterprise');

    const remove = { params: { path: { tier: 'enterprise' as const } } };
    expect((await csm.DELETE('/api/v1/health/scorecards/{tier}', remove)).response.status).toBe(
      403,
    );
    expect((await admin.DELETE('/api/v1/health/scorecards/{tier}', remove)).response.status).toBe(
      204,
    );
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([enterprise.id]);
    await rescoreChanged(deps, workspaceId);
    expect(await scoreOf()).toBe(defaultScore);
    const after = await csm.GET('/api/v1/health/scorecards');
    expect(after.data?.items.map((card) => card.tier)).not.toContain('enterprise');

    const again = await admin.DELETE('/api/v1/health/scorecards/{tier}', remove);
    expect(again.response.status).toBe(404);
    expect(again.response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('backtests trial weights without saving them', async () => {
    const { data, response } = await csm.POST('/api/v1/health/backtest', {
      body: {
        horizonDays: 1,
        weights: { usage: 60, support: 10, engagement: 10, billing: 10, outcomes: 10 },
      },
    });
    expect(response.status).toBe(200);
    expect(data?.weights.usage).toBe(60);
    expect(data?.churned).toBe(0);
    expect(data?.auc).toBeNull();
    const saved = await csm.GET('/api/v1/health/scorecard', { params: { query: {} } });
    expect(saved.data?.weights.usage).toBe(30);
  });

  it('adds, changes and removes plays; a renewal play needs its days', async () => {
    const bad = await admin.POST('/api/v1/health/plays', {
      body: { name: 'Renewal', trigger: 'renewal_approaching', taskTitle: 'Renew' },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error?.errors?.[0]?.path).toBe('daysBeforeRenewal');
    const { data: play } = await admin.POST('/api/v1/health/plays', {
      body: { name: 'Reach out', trigger: 'entered_at_risk', taskTitle: 'Call the champion' },
    });
    expect(play?.dueInHours).toBe(24);
    const { data: changed } = await admin.PATCH('/api/v1/health/plays/{id}', {
      params: { path: { id: play?.id ?? '' } },
      body: { dueInHours: 48 },
    });
    expect(changed?.dueInHours).toBe(48);
    const list = await csm.GET('/api/v1/health/plays');
    expect(list.data?.items.map((p) => p.name)).toEqual(['Reach out']);
    const removed = await admin.DELETE('/api/v1/health/plays/{id}', {
      params: { path: { id: play?.id ?? '' } },
    });
    expect(removed.response.status).toBe(204);
  });

  it("does not show a CSM another CSM's account", async () => {
    const other = await makeAccount(deps.db, workspaceId, { seats: 5 });
    clock.set('2026-11-02T10:00:00Z');
    const { response } = await csm.GET('/api/v1/health/accounts/{id}', {
      params: { path: { id: other.id }, query: {} },
    });
    expect(response.status).toBe(404);
  });
});
