// The demo's health: a year of history replayed from its data, the demo CSM's fifteen accounts
// spread over the categories with reasons, default plays, and a backtest with a real figure.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/demo/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);
let csm: ApiClient;

beforeAll(async () => {
  await seedDemoWorkspace(deps);
  csm = await signedIn(app, 'csm@demo.steward.dev', 'steward-demo');
}, 300_000);

describe('demo health', () => {
  it("scores the demo CSM's fifteen accounts across categories, each with its reason", async () => {
    const { data } = await csm.GET('/api/v1/health/dashboard', { params: { query: {} } });
    expect(data?.accounts).toHaveLength(15);
    expect(data?.counts.unscored).toBe(0);
    expect(data?.counts.healthy).toBeGreaterThan(0);
    expect((data?.counts.at_risk ?? 0) + (data?.counts.critical ?? 0)).toBeGreaterThan(0);
    expect(data?.accounts.every((a) => a.reason)).toBe(true);
  });

  it('keeps history back a year, daily for the last two months', async () => {
    const { data } = await csm.GET('/api/v1/health/dashboard', { params: { query: {} } });
    const id = data?.accounts[0]?.accountId ?? '';
    const { data: health } = await csm.GET('/api/v1/health/accounts/{id}', {
      params: { path: { id }, query: { days: 400 } },
    });
    expect(health?.history[0]?.day).toBe('2025-11-03');
    expect(health?.history.filter((h) => h.day >= '2026-09-03')).toHaveLength(61);
  });

  it('configures the default plays', async () => {
    const { data } = await csm.GET('/api/v1/health/plays');
    expect(data?.items.map((p) => p.trigger)).toEqual([
      'entered_at_risk',
      'entered_critical',
      'renewal_approaching',
    ]);
  });

  it('backtests the churn that happened to a real figure', async () => {
    const { data } = await csm.GET('/api/v1/health/backtest', { params: { query: {} } });
    expect(data?.churned).toBeGreaterThan(0);
    expect(data?.auc).not.toBeNull();
  });
});
