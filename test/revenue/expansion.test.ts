// Expansion end to end: signals found from usage, seats, plans and health, each priced; the
// premium upgrade view; turning a signal into a tracked opportunity and closing it.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount } from '../support/factories.ts';
import { makeTeam, scored, usage, type Team } from './support.ts';

const today = '2026-11-02';
const { deps } = await useTestDeps(`${today}T09:00:00Z`);
const app = testApp(deps);

let team: Team;
const ids: Record<string, string> = {};

beforeAll(async () => {
  team = await makeTeam(deps.db, app);
  const ws = team.workspaceId;
  await deps.db
    .insertInto('usage_features')
    .values([
      { workspace_id: ws, key: 'reports', label: 'Reports', events: ['Report Run'] },
      { workspace_id: ws, key: 'sso', label: 'Single sign-on', events: ['SSO'], premium: true },
    ])
    .execute();
  const plans = await team.as.admin.PUT('/api/v1/revenue/plans', {
    body: {
      plans: [
        { name: 'Team', seatPrice: { amount: 5_000, currency: 'USD' }, premium: false },
        { name: 'Business', seatPrice: { amount: 6_000, currency: 'USD' }, premium: false },
        { name: 'Enterprise', seatPrice: { amount: 9_000, currency: 'USD' }, premium: true },
      ],
    },
  });
  expect(plans.response.status).toBe(200);
  const account = async (name: string, extra: Record<string, unknown>) => {
    const id = (
      await makeAccount(deps.db, ws, { name, owner_id: team.csm.id, tier: 'smb', ...extra })
    ).id;
    ids[name] = id;
    return id;
  };
  // Ten seats, ten people active every day: full.
  const full = await account('Full House', { plan: 'Team', seats: 10, arr_amount: 600_000 });
  await usage(deps.db, ws, full, {
    today,
    from: 0,
    to: 59,
    feature: 'reports',
    events: 5,
    users: 10,
  });
  await scored(deps.db, ws, full, { day: today, score: 91, category: 'healthy', risk: 'low' });
  // Business plan using single sign-on: ready for premium.
  const premium = await account('Premium Ready', {
    tier: 'mid_market',
    plan: 'Business',
    seats: 8,
    arr_amount: 576_000,
  });
  await usage(deps.db, ws, premium, {
    today,
    from: 0,
    to: 59,
    feature: 'reports',
    events: 4,
    users: 3,
  });
  await usage(deps.db, ws, premium, { today, from: 0, to: 9, feature: 'sso', events: 2, users: 1 });
  // Enterprise already has the premium features: using them is no signal.
  const entitled = await account('Entitled Ent', {
    tier: 'enterprise',
    plan: 'Enterprise',
    seats: 20,
    arr_amount: 2_160_000,
  });
  await usage(deps.db, ws, entitled, {
    today,
    from: 0,
    to: 59,
    feature: 'sso',
    events: 3,
    users: 4,
  });
  // Usage doubled month over month.
  const growing = await account('Growing Fast', { plan: 'Team', seats: 6, arr_amount: 360_000 });
  await usage(deps.db, ws, growing, {
    today,
    from: 30,
    to: 59,
    feature: 'reports',
    events: 5,
    users: 2,
  });
  await usage(deps.db, ws, growing, {
    today,
    from: 0,
    to: 29,
    feature: 'reports',
    events: 10,
    users: 3,
  });
  // Quiet: nothing to sell.
  await account('Quiet Co', { plan: 'Team', seats: 10, arr_amount: 600_000 });
});

describe('expansion opportunities', () => {
  it('finds accounts ready to grow, with the evidence and an estimated value', async () => {
    const { data, response } = await team.as.csm.GET('/api/v1/expansion-opportunities', {
      params: { query: {} },
    });
    expect(response.status).toBe(200);
    const byName = new Map(data?.items.map((i) => [i.name, i]));
    expect([...byName.keys()].sort()).toEqual(['Full House', 'Growing Fast', 'Premium Ready']);

    const full = byName.get('Full House');
    expect(full?.signals.map((s) => s.kind)).toEqual(['seats_nearly_full', 'healthy']);
    expect(full?.signals[0]?.evidence.map((e) => e.text)).toEqual([
      '10 active users on 10 seats (100%)',
      'Room for 3 more seats',
    ]);
    // 3 seats × $50 a month × 12
    expect(full?.estimatedArr).toEqual({ amount: 180_000, currency: 'USD' });

    const premium = byName.get('Premium Ready');
    expect(premium?.suggestedKind).toBe('upgrade');
    expect(premium?.signals[0]?.evidence.map((e) => e.text)).toEqual([
      'Uses 1 premium feature without the premium plan: Single sign-on',
      'Upgrade to Enterprise',
    ]);
    // ($90 − $60) a seat × 8 seats × 12
    expect(premium?.estimatedArr.amount).toBe(288_000);

    const growing = byName.get('Growing Fast');
    expect(growing?.signals[0]?.evidence[0]?.text).toBe(
      'Usage up 100% in 30 days (150 → 300 events)',
    );
    // Seats grow as usage did, capped at half: 3 seats × $50 × 12
    expect(growing?.estimatedArr.amount).toBe(180_000);
    expect(data?.totals).toEqual({
      accounts: 3,
      estimatedArr: { amount: 648_000, currency: 'USD' },
    });
  });

  it('lists premium upgrade candidates as a view of the same', async () => {
    const { data } = await team.as.csm.GET('/api/v1/expansion-opportunities', {
      params: { query: { view: 'premium' } },
    });
    expect(data?.items.map((i) => i.name)).toEqual(['Premium Ready']);
  });

  it('turns a signal into a tracked opportunity, and closing it as won records when', async () => {
    const created = await team.as.csm.POST('/api/v1/opportunities', {
      body: {
        accountId: ids['Full House'] ?? '',
        kind: 'seats',
        title: 'Three more seats',
        amount: { amount: 180_000, currency: 'USD' },
        expectedClose: '2026-12-15',
        signals: ['seats_nearly_full'],
      },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({
      stage: 'identified',
      ownerId: team.csm.id,
      closedAt: null,
    });
    const listed = await team.as.csm.GET('/api/v1/expansion-opportunities', {
      params: { query: {} },
    });
    const full = listed.data?.items.find((i) => i.name === 'Full House');
    expect(full?.opportunities.map((o) => o.title)).toEqual(['Three more seats']);

    const won = await team.as.csm.PATCH('/api/v1/opportunities/{id}', {
      params: { path: { id: created.data?.id ?? '' } },
      body: { stage: 'won', amount: { amount: 240_000, currency: 'USD' } },
    });
    expect(won.data).toMatchObject({ stage: 'won', closedAt: '2026-11-02T09:00:00.000Z' });
    const audit = await deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.data?.id ?? '')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['opportunity.created', 'opportunity.won']);
    const open = await team.as.csm.GET('/api/v1/opportunities', {
      params: { query: { accountId: ids['Full House'], open: 'true' } },
    });
    expect(open.data?.items).toEqual([]);
  });

  it('refuses an amount in a currency that does not exist, naming the field', async () => {
    const { response, error } = await team.as.csm.POST('/api/v1/opportunities', {
      body: {
        accountId: ids['Growing Fast'] ?? '',
        kind: 'seats',
        title: 'More seats',
        amount: { amount: 1000, currency: 'ZZZ' },
      },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['amount.currency']);
  });

  it('refuses a negative amount in Steward’s words, in the reader’s language, and tracks nothing', async () => {
    const body = {
      accountId: ids['Growing Fast'] ?? '',
      kind: 'seats' as const,
      title: 'Fewer seats',
      amount: { amount: -1000, currency: 'USD' },
    };
    const { response, error } = await team.as.csm.POST('/api/v1/opportunities', { body });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors).toEqual([{ path: 'amount.amount', message: 'must not be negative' }]);
    await deps.db
      .updateTable('users')
      .set({ locale: 'ru' })
      .where('id', '=', team.csm.id)
      .execute();
    const inRussian = await team.as.csm.POST('/api/v1/opportunities', { body });
    await deps.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', team.csm.id)
      .execute();
    expect(inRussian.error?.errors).toEqual([
      { path: 'amount.amount', message: 'не может быть отрицательным' },
    ]);
    const tracked = await team.as.csm.GET('/api/v1/opportunities', {
      params: { query: { accountId: ids['Growing Fast'] ?? '' } },
    });
    expect(tracked.data?.items.map((o) => o.title)).not.toContain('Fewer seats');
  });

  it('names each bad plan where it is and keeps the plan list as it was', async () => {
    const basic = { name: 'Team', seatPrice: { amount: 5_000, currency: 'USD' }, premium: false };
    const twice = await team.as.admin.PUT('/api/v1/revenue/plans', {
      body: { plans: [basic, { ...basic, name: ' team ' }] },
    });
    expect(twice.response.status).toBe(422);
    expect(twice.error?.errors).toEqual([
      { path: 'plans.0.name', message: 'each plan once' },
      { path: 'plans.1.name', message: 'each plan once' },
    ]);
    const bad = await team.as.admin.PUT('/api/v1/revenue/plans', {
      body: {
        plans: [
          basic,
          { ...basic, name: '  ' },
          { ...basic, name: 'Scale', seatPrice: { amount: 9_000, currency: 'ZZZ' } },
          { ...basic, name: 'Growth', seatPrice: { amount: 12.5, currency: 'USD' } },
          { ...basic, name: 'Refund', seatPrice: { amount: -100, currency: 'USD' } },
        ],
      },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error?.errors?.map((e) => [e.path, e.message])).toEqual([
      ['plans.1.name', 'write something'],
      ['plans.2.seatPrice.currency', expect.stringMatching(/^not a currency Steward knows/)],
      ['plans.3.seatPrice.amount', 'must be a whole number of minor units (cents)'],
      ['plans.4.seatPrice.amount', 'must not be negative'],
    ]);
    const { data } = await team.as.viewer.GET('/api/v1/revenue/plans');
    expect(data?.plans.map((p) => [p.name, p.seatPrice.amount, p.premium])).toEqual([
      ['Team', 5_000, false],
      ['Business', 6_000, false],
      ['Enterprise', 9_000, true],
    ]);
    const managers = await team.as.manager.PUT('/api/v1/revenue/plans', { body: { plans: [] } });
    expect(managers.response.status).toBe(403);
  });

  it('keeps plan prices for admins, and another CSM’s accounts out of view', async () => {
    const put = await team.as.csm.PUT('/api/v1/revenue/plans', { body: { plans: [] } });
    expect(put.response.status).toBe(403);
    const { data } = await team.as.otherCsm.GET('/api/v1/expansion-opportunities', {
      params: { query: {} },
    });
    expect(data?.items).toEqual([]);
    const foreign = await team.as.otherCsm.POST('/api/v1/opportunities', {
      body: {
        accountId: ids['Full House'] ?? '',
        kind: 'seats',
        title: 'Not mine',
        amount: { amount: 1000, currency: 'USD' },
      },
    });
    expect(foreign.response.status).toBe(404);
  });

  it('keeps the id of each plan that stays, and counts the accounts on a plan paying in another currency', async () => {
    const { data: before } = await team.as.admin.GET('/api/v1/revenue/plans');
    const idOf = (plans: { name: string; id: string }[] | undefined, name: string) =>
      plans?.find((p) => p.name === name)?.id;
    await makeAccount(deps.db, team.workspaceId, {
      name: 'Euro Team',
      owner_id: team.csm.id,
      plan: 'team',
      seats: 10,
      arr_amount: 480_000,
      currency: 'EUR',
    });
    const put = await team.as.admin.PUT('/api/v1/revenue/plans', {
      body: {
        plans: [
          { name: 'TEAM', seatPrice: { amount: 5_500, currency: 'USD' }, premium: false },
          { name: 'Enterprise', seatPrice: { amount: 9_000, currency: 'USD' }, premium: true },
          { name: 'Scale', seatPrice: { amount: 12_000, currency: 'USD' }, premium: true },
        ],
      },
    });
    expect(put.response.status).toBe(200);
    const after = put.data?.plans;
    // Renamed by case and repriced: the same plan. Business is gone; Scale is new.
    expect(idOf(after, 'TEAM')).toBe(idOf(before?.plans, 'Team'));
    expect(idOf(after, 'Enterprise')).toBe(idOf(before?.plans, 'Enterprise'));
    expect(after?.map((p) => [p.name, p.seatPrice.amount, p.accountsInOtherCurrency])).toEqual([
      ['TEAM', 5_500, 1],
      ['Enterprise', 9_000, 0],
      ['Scale', 12_000, 0],
    ]);
    expect(before?.plans.map((p) => p.id)).not.toContain(idOf(after, 'Scale'));
    const { data: again } = await team.as.admin.GET('/api/v1/revenue/plans');
    expect(again?.plans).toEqual(after);
    // Another CSM counts only the accounts they see.
    const { data: theirs } = await team.as.otherCsm.GET('/api/v1/revenue/plans');
    expect(theirs?.plans.map((p) => p.accountsInOtherCurrency)).toEqual([0, 0, 0]);
  });
});
