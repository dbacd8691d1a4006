import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csmId: UserId;
let csm: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  const managerUser = await makeUser(deps.db, workspaceId, { role: 'manager' });
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm', managerId: managerUser.id });
  const otherCsm = await makeUser(deps.db, workspaceId, { role: 'csm' });
  csmId = csmUser.id;
  const admin = await makeUser(deps.db, workspaceId, { role: 'admin' });
  const adminClient = await signedIn(app, admin.email, testPassword);
  await adminClient.POST('/api/v1/custom-fields', {
    body: {
      entity: 'account',
      key: 'region',
      label: 'Region',
      type: 'select',
      options: ['NA', 'EMEA', 'APAC'],
    },
  });
  await adminClient.POST('/api/v1/custom-fields', {
    body: { entity: 'account', key: 'potential', label: 'Expansion potential', type: 'currency' },
  });
  await adminClient.POST('/api/v1/custom-fields', {
    body: {
      entity: 'account',
      key: 'integrations',
      label: 'Integrations',
      type: 'multi_select',
      options: ['slack', 'jira', 'salesforce'],
    },
  });

  const mine = [
    {
      name: 'Acme Rockets',
      tier: 'enterprise',
      plan: 'Scale',
      seats: 250,
      arr_amount: 90_000_00,
      renewal_date: '2026-12-15',
      health: { category: 'at_risk', score: 55, risk: 'high' },
      custom_fields: {
        region: 'EMEA',
        potential: { amount: 50_000_00, currency: 'USD' },
        integrations: ['slack', 'jira'],
      },
    },
    {
      name: 'Blue Harbor',
      tier: 'mid_market',
      arr_amount: 40_000_00,
      renewal_date: '2027-06-01',
      health: { category: 'healthy', score: 88, risk: 'low' },
      custom_fields: {
        region: 'NA',
        potential: { amount: 5_000_00, currency: 'USD' },
        integrations: ['slack'],
      },
    },
    {
      name: 'Cobalt Labs',
      tier: 'smb',
      arr_amount: 12_000_00,
      renewal_date: null,
      custom_fields: { region: 'EMEA' },
    },
    {
      name: 'Delta Freight',
      tier: 'enterprise',
      arr_amount: 300_000_00,
      renewal_date: '2027-01-20',
      health: { category: 'critical', score: 31, risk: 'critical' },
      priority: 'P0',
      custom_fields: {},
    },
  ] as const;
  for (const account of mine) {
    await makeAccount(deps.db, workspaceId, {
      ...account,
      owner_id: csmId,
      custom_fields: { ...account.custom_fields },
    });
  }
  await makeAccount(deps.db, workspaceId, {
    name: 'Elsewhere Inc',
    owner_id: otherCsm.id,
    tier: 'enterprise',
  });
  await makeAccount(deps.db, workspaceId, { name: 'Orphan Co', owner_id: null });

  csm = await signedIn(app, csmUser.email, testPassword);
  manager = await signedIn(app, managerUser.email, testPassword);
});

const names = (page: { items: { name: string }[] } | undefined) => page?.items.map((a) => a.name);

describe('the portfolio', () => {
  it("shows a CSM only their own clients, and a manager the team's", async () => {
    const { data: own } = await csm.GET('/api/v1/accounts');
    expect(names(own)).toEqual(['Acme Rockets', 'Blue Harbor', 'Cobalt Labs', 'Delta Freight']);
    const { data: team } = await manager.GET('/api/v1/accounts');
    expect(team?.items).toHaveLength(6);
    const { data: unassigned } = await manager.GET('/api/v1/accounts', {
      params: { query: { owner: 'unassigned' } },
    });
    expect(names(unassigned)).toEqual(['Orphan Co']);
  });

  it('filters by health, tier and search, and sorts by ARR descending', async () => {
    const { data: atRisk } = await csm.GET('/api/v1/accounts', {
      params: { query: { health: 'at_risk,critical' } },
    });
    expect(names(atRisk)).toEqual(['Acme Rockets', 'Delta Freight']);
    const { data: unscored } = await csm.GET('/api/v1/accounts', {
      params: { query: { health: 'unscored' } },
    });
    expect(names(unscored)).toEqual(['Cobalt Labs']);
    const { data: big } = await csm.GET('/api/v1/accounts', {
      params: { query: { tier: 'enterprise', sort: '-arr' } },
    });
    expect(names(big)).toEqual(['Delta Freight', 'Acme Rockets']);
    const { data: found } = await csm.GET('/api/v1/accounts', { params: { query: { q: 'harb' } } });
    expect(names(found)).toEqual(['Blue Harbor']);
  });

  it("filters by churn risk and sorts the weakest health first, from health's own scores", async () => {
    const { data: risky } = await csm.GET('/api/v1/accounts', {
      params: { query: { risk: 'high,critical', sort: 'health' } },
    });
    expect(
      risky?.items.map((a) => [a.name, a.health.score, a.health.category, a.churnRisk.level]),
    ).toEqual([
      ['Delta Freight', 31, 'critical', 'critical'],
      ['Acme Rockets', 55, 'at_risk', 'high'],
    ]);
    const { data: byHealth } = await csm.GET('/api/v1/accounts', {
      params: { query: { sort: '-health' } },
    });
    // Not scored comes last, whichever the direction.
    expect(names(byHealth)).toEqual([
      'Blue Harbor',
      'Acme Rockets',
      'Delta Freight',
      'Cobalt Labs',
    ]);
  });

  it('shows renewals within a window, soonest first', async () => {
    const { data } = await csm.GET('/api/v1/accounts', {
      params: { query: { renewalWithin: '90d', sort: 'renewalDate' } },
    });
    expect(names(data)).toEqual(['Acme Rockets', 'Delta Freight']);
  });

  it('filters and sorts by custom fields of each type', async () => {
    const { data: emea } = await csm.GET('/api/v1/accounts', {
      params: { query: { 'cf.region': 'EMEA' } as never },
    });
    expect(names(emea)).toEqual(['Acme Rockets', 'Cobalt Labs']);
    const { data: jira } = await csm.GET('/api/v1/accounts', {
      params: { query: { 'cf.integrations': 'jira' } as never },
    });
    expect(names(jira)).toEqual(['Acme Rockets']);
    const { data: rich } = await csm.GET('/api/v1/accounts', {
      params: { query: { 'cf.potential.min': '1000000' } as never },
    });
    expect(names(rich)).toEqual(['Acme Rockets']);
    const { data: sorted } = await csm.GET('/api/v1/accounts', {
      params: { query: { sort: '-cf.potential' } },
    });
    // Accounts without a value come last, whichever the direction.
    expect(names(sorted)?.slice(0, 2)).toEqual(['Acme Rockets', 'Blue Harbor']);
  });

  it('pages with a cursor through every account exactly once, whatever the sort', async () => {
    for (const sort of ['name', '-arr', 'renewalDate', '-health', 'cf.region']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await manager.GET('/api/v1/accounts', {
          params: { query: { sort, limit: 2, cursor } },
        });
        seen.push(...(names(data) ?? []));
        cursor = data?.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, sort).toHaveLength(6);
      expect(new Set(seen).size, sort).toBe(6);
    }
    // Only scored accounts in view: the health sort pages by score alone, in both directions.
    for (const sort of ['health', '-health']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await manager.GET('/api/v1/accounts', {
          params: { query: { health: 'healthy,at_risk,critical', sort, limit: 1, cursor } },
        });
        seen.push(...(names(data) ?? []));
        cursor = data?.nextCursor ?? undefined;
      } while (cursor);
      const weakestFirst = ['Delta Freight', 'Acme Rockets', 'Blue Harbor'];
      expect(seen, sort).toEqual(sort === 'health' ? weakestFirst : weakestFirst.reverse());
    }
  });

  it('saves filters as a segment and applies it', async () => {
    const { data: segment } = await csm.POST('/api/v1/segments', {
      body: { name: 'EMEA at risk', filters: { 'cf.region': 'EMEA', health: 'at_risk' } },
    });
    const { data } = await csm.GET('/api/v1/accounts', {
      params: { query: { segment: segment?.id } },
    });
    expect(names(data)).toEqual(['Acme Rockets']);
    const { data: listed } = await csm.GET('/api/v1/segments');
    expect(listed?.items.map((s) => s.name)).toContain('EMEA at risk');
  });
});

describe("each account's row", () => {
  // API.md's portfolio item, with the owner's name the cards, the table and the template picker
  // show, and when the account last changed (a sort the list offers).
  const listed = [
    'id',
    'externalId',
    'name',
    'domain',
    'tier',
    'arr',
    'ownerId',
    'ownerName',
    'stage',
    'renewalDate',
    'priority',
    'customFields',
    'health',
    'churnRisk',
    'updatedAt',
  ].sort();
  const contract = ['plan', 'seats', 'mrr', 'createdAt'];

  it('carries what a CSM scans their book by, whatever the filters and sort', async () => {
    const { data: segment } = await csm.POST('/api/v1/segments', {
      body: { name: 'Enterprise', filters: { tier: 'enterprise' } },
    });
    const queries = [
      {},
      { risk: 'high,critical', sort: 'health' },
      { tier: 'enterprise', sort: '-arr' },
      { q: 'acme', renewalWithin: '90d' },
      { sort: '-cf.potential', 'cf.region': 'EMEA' },
      { segment: segment?.id, limit: 1 },
    ];
    for (const query of queries) {
      const { data } = await csm.GET('/api/v1/accounts', { params: { query: query as never } });
      expect(data?.items.length, JSON.stringify(query)).toBeGreaterThan(0);
      for (const item of data?.items ?? [])
        expect(Object.keys(item).sort(), JSON.stringify(query)).toEqual(listed);
    }
    const { data } = await csm.GET('/api/v1/accounts', { params: { query: { q: 'acme' } } });
    expect(data?.items).toEqual([
      {
        id: expect.any(String),
        externalId: expect.any(String),
        name: 'Acme Rockets',
        domain: null,
        tier: 'enterprise',
        arr: { amount: 90_000_00, currency: 'USD' },
        ownerId: csmId,
        ownerName: expect.any(String),
        stage: 'onboarding',
        renewalDate: '2026-12-15',
        priority: 'P2',
        customFields: {
          region: 'EMEA',
          potential: { amount: 50_000_00, currency: 'USD' },
          integrations: ['slack', 'jira'],
        },
        health: { score: 55, category: 'at_risk' },
        churnRisk: { level: 'high' },
        updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      },
    ]);
  });

  it("leaves the contract and the day it was added to the account's own page and its 360", async () => {
    const { data: page } = await csm.GET('/api/v1/accounts', { params: { query: { q: 'acme' } } });
    const id = page?.items[0]?.id ?? '';
    const { data: account } = await csm.GET('/api/v1/accounts/{id}', {
      params: { path: { id } },
    });
    expect(Object.keys(account ?? {}).sort()).toEqual([...listed, ...contract].sort());
    expect(account).toMatchObject({
      ...page?.items[0],
      plan: 'Scale',
      seats: 250,
      mrr: { amount: 7_500_00, currency: 'USD' },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    const { data: view } = await csm.GET('/api/v1/accounts/{id}/360', {
      params: { path: { id } },
    });
    expect(view?.account).toEqual(account);
    expect(view?.contract).toMatchObject({
      plan: 'Scale',
      seats: 250,
      mrr: { amount: 7_500_00, currency: 'USD' },
    });
  });
});

describe('bad portfolio queries', () => {
  it.each([
    [{ tier: 'gold' }, 'query.tier'],
    [{ sort: 'shoe_size' }, 'query.sort'],
    [{ 'cf.nonexistent': 'x' }, 'cf.nonexistent'],
    [{ sort: 'cf.integrations' }, 'sort'],
    [{ 'cf.region.min': '3' }, 'cf.region.min'],
    [{ limit: '501' }, 'query.limit'],
  ])('answers 422 naming the parameter for %o', async (query, path) => {
    const { response, error } = await csm.GET('/api/v1/accounts', {
      params: { query: query as never },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.some((e) => e.path.startsWith(path))).toBe(true);
  });

  it('answers 400 for a cursor it did not give out, or one from another sort', async () => {
    const forged = await csm.GET('/api/v1/accounts', {
      params: { query: { cursor: 'bm90LWEtY3Vyc29y' } },
    });
    expect(forged.response.status).toBe(400);
    expect(forged.error?.code).toBe('request.invalid_cursor');

    const { data } = await csm.GET('/api/v1/accounts', {
      params: { query: { limit: 1, sort: 'name' } },
    });
    const other = await csm.GET('/api/v1/accounts', {
      params: { query: { limit: 1, sort: '-arr', cursor: data?.nextCursor ?? '' } },
    });
    expect(other.response.status).toBe(400);
  });
});
