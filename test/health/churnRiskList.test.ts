// "At risk of churn this quarter": the accounts renewing this quarter, and those whose risk is
// high or critical now whatever their renewal date — waiting for their renewal would be too
// late — each flagged with why it is on the list.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { rescore } from '../../src/modules/health/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csm: ApiClient;
const ids: Record<string, string> = {};

/** `users` people active on each of the last 60 days, using the one feature there is. */
async function activeUsers(accountId: string, users: number) {
  await addActiveUsers(
    deps.db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${'2026-11-02'}::date - d, 'reports', 'u' || u
    from generate_series(0, 59) d, generate_series(1, ${users}::int) u`,
  );
  await addUsageDays(
    deps.db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${'2026-11-02'}::date - d, 'reports', 10, 1
    from generate_series(0, 59) d`,
  );
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm' });
  csm = await signedIn(app, csmUser.email, testPassword);
  await deps.db
    .insertInto('usage_features')
    .values({ workspace_id: workspaceId, key: 'reports', label: 'Reports', events: ['Report Run'] })
    .execute();
  const account = async (name: string, renewal: string | null, users: number) => {
    ids[name] = (
      await makeAccount(deps.db, workspaceId, {
        owner_id: csmUser.id,
        name,
        seats: 10,
        renewal_date: renewal,
      })
    ).id;
    await activeUsers(ids[name] ?? '', users);
  };
  // Usage alone scores them: 3 of 10 seats active, steady, the one feature used: 15 + 30 + 20
  // = 65 → risk 35, medium. Nobody active, the feature still logged: 0 + 0 + 20 = 20 → risk
  // 80, critical.
  await account('Renewing this quarter', '2026-12-10', 3);
  await account('Critical, renewing next summer', '2027-06-30', 0);
  await account('Critical, no renewal date', null, 0);
  await account('Medium, renewing next year', '2027-03-01', 3);
  await rescore(deps, workspaceId);
});

describe('churn risk this quarter', () => {
  it('lists the renewals of the quarter and every account at high risk now, each with why', async () => {
    const { data } = await csm.GET('/api/v1/churn-risk', {
      params: { query: { within: 'quarter' } },
    });
    const listed = Object.fromEntries(
      (data?.items ?? []).map((i) => [i.name, [i.level, i.reason]]),
    );
    expect(listed).toEqual({
      'Renewing this quarter': ['medium', 'renewing'],
      'Critical, renewing next summer': ['critical', 'high_risk_now'],
      'Critical, no renewal date': ['critical', 'high_risk_now'],
    });
  });

  it('keeps to the levels asked for', async () => {
    const { data } = await csm.GET('/api/v1/churn-risk', {
      params: { query: { within: 'quarter', level: 'medium' } },
    });
    expect(data?.items.map((i) => i.name)).toEqual(['Renewing this quarter']);
  });

  it('gives no reason when no renewal window is asked for', async () => {
    const { data } = await csm.GET('/api/v1/churn-risk', { params: { query: {} } });
    expect(data?.items).toHaveLength(4);
    expect(new Set(data?.items.map((i) => i.reason))).toEqual(new Set([null]));
  });

  it('answers every action with a factor of the same assessment', async () => {
    const { data } = await csm.GET('/api/v1/churn-risk', { params: { query: {} } });
    for (const item of data?.items ?? []) {
      const factors = item.factors.map((f) => f.source);
      for (const action of item.recommendedActions) expect(factors).toContain(action.factor);
    }
  });
});
