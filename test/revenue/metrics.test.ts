// The CS metrics on hand-made books, each figure worked out by hand in the comments (the same
// examples docs/metrics.md walks through): a customer who churns and comes back, a downgrade
// then an upgrade, a customer who starts mid-period, renewals with and without billing, time
// to value, feature adoption, average health, QBR completion, won and lost expansion.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount } from '../support/factories.ts';
import { makeTeam, movements, usage, type Team } from './support.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

async function metrics(client: ApiClient, query: Record<string, string | number>) {
  const { data, response, error } = await client.GET('/api/v1/metrics', {
    params: { query: query as never },
  });
  if (response.status !== 200) throw new Error(JSON.stringify(error));
  const byKey = new Map(data?.metrics.map((m) => [m.key, m]));
  return {
    data,
    value: (key: string) => byKey.get(key as never)?.value,
    metric: (key: string) => byKey.get(key as never),
  };
}

/** Cents: $1,000 a month is 100_000. */
const $ = (dollars: number) => dollars * 100;

describe('revenue metrics on a hand-made book (2026-Q3)', () => {
  let team: Team;
  let ws: WorkspaceId;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    team = await makeTeam(deps.db, app);
    ws = team.workspaceId;
    const customer = async (name: string, owner = team.otherCsm.id, extra = {}) => {
      id[name] = (
        await makeAccount(deps.db, ws, { name, owner_id: owner, tier: 'mid_market', ...extra })
      ).id;
      return id[name] as string;
    };
    // Steady: $1,000 all along.
    await movements(deps.db, ws, await customer('Steady'), [['new', $(1000), '2025-01-10']]);
    // Grower (the CSM's): $2,000, +$500 in August.
    await movements(deps.db, ws, await customer('Grower', team.csm.id), [
      ['new', $(2000), '2025-03-01'],
      ['expansion', $(500), '2026-08-15'],
    ]);
    // Downgrade then upgrade: $3,000, −$1,000 in July, +$1,000 in September.
    await movements(deps.db, ws, await customer('Seesaw'), [
      ['new', $(3000), '2025-02-01'],
      ['contraction', -$(1000), '2026-07-10'],
      ['expansion', $(1000), '2026-09-01'],
    ]);
    // Churns in July and comes back in September at $1,200.
    await movements(deps.db, ws, await customer('Boomerang'), [
      ['new', $(1000), '2025-05-01'],
      ['churn', -$(1000), '2026-07-20'],
      ['reactivation', $(1200), '2026-09-10'],
    ]);
    // Churns for good at the end of August (the CSM's).
    await movements(deps.db, ws, await customer('Gone', team.csm.id), [
      ['new', $(1500), '2025-06-01'],
      ['churn', -$(1500), '2026-08-31'],
    ]);
    // Shrinks by $500 in September.
    await movements(
      deps.db,
      ws,
      await customer('Shrinker', team.otherCsm.id, { tier: 'enterprise' }),
      [
        ['new', $(2500), '2025-04-01'],
        ['contraction', -$(500), '2026-09-15'],
      ],
    );
    // Starts mid-period: new business, not in the cohort.
    await movements(deps.db, ws, await customer('Newcomer'), [['new', $(800), '2026-08-05']]);
    // Left before the period: in no cohort of Q3.
    await movements(deps.db, ws, await customer('Former'), [
      ['new', $(700), '2025-01-01'],
      ['churn', -$(700), '2026-03-01'],
    ]);
    // Renewals due in Q3. Two with billing, two without (only the account tells).
    const noBilling = async (name: string, stage: 'steady' | 'churned', renews: string) =>
      customer(name, team.otherCsm.id, { stage, renewal_date: renews });
    await noBilling('Moved On', 'steady', '2027-09-05');
    await noBilling('Walked Away', 'churned', '2026-07-15');
    await deps.db
      .insertInto('renewals')
      .values(
        [
          ['Steady', '2026-08-10', $(12_000)],
          ['Gone', '2026-08-31', $(18_000)],
          ['Moved On', '2026-09-05', $(5_000)],
          ['Walked Away', '2026-07-15', $(3_000)],
          // Renews after today: not due yet, in no rate.
          ['Steady', '2026-12-10', $(12_000)],
        ].map(([name, day, arr]) => ({
          workspace_id: ws,
          account_id: id[name as string] ?? '',
          renewal_date: day as string,
          arr_amount: arr as number,
          currency: 'USD',
          seen_at: new Date('2026-06-01T00:00:00Z'),
        })),
      )
      .execute();
  });

  it('follows the cohort at the start: NRR, GRR, expansion rate, logo and revenue churn', async () => {
    const { value } = await metrics(team.as.manager, { period: '2026-Q3' });
    // Cohort at 1 July: Steady 1,000 + Grower 2,000 + Seesaw 3,000 + Boomerang 1,000 + Gone 1,500
    // + Shrinker 2,500 = 11,000. At the end: 1,000 + 2,500 + 3,000 + 1,200 + 0 + 2,000 = 9,700.
    expect(value('nrr')).toBe(0.8818); // 9,700 / 11,000
    // Each capped at its start: 1,000 + 2,000 + 3,000 + 1,000 + 0 + 2,000 = 9,000.
    expect(value('grr')).toBe(0.8182); // 9,000 / 11,000
    // Grower +500, Boomerang +200 (back at 1,200): 700 / 11,000.
    expect(value('expansionRate')).toBe(0.0636);
    // Gone is the one logo lost of six; Boomerang came back, so it is not.
    expect(value('logoChurn')).toBe(0.1667);
    expect(value('revenueChurn')).toBe(0.1364); // 1,500 / 11,000
  });

  it('sums every movement in the bridge, so the downgrade and the upgrade both show', async () => {
    const { value, data } = await metrics(team.as.manager, { period: '2026-Q3' });
    expect(data?.bridge).toEqual({
      startMrr: $(11_000),
      newMrr: $(800),
      expansionMrr: $(1500), // Grower 500 + Seesaw 1,000
      reactivationMrr: $(1200),
      contractionMrr: -$(1500), // Seesaw 1,000 + Shrinker 500
      churnedMrr: -$(2500), // Boomerang 1,000 + Gone 1,500
      endMrr: $(10_500), // 9,700 + Newcomer 800
    });
    expect(value('mrr')).toBe($(10_500));
    expect(value('arr')).toBe($(126_000));
    expect(value('contractionMrr')).toBe($(1500));
    expect(value('churnedMrr')).toBe($(2500));
  });

  it('counts renewals due by how they went, with billing or without', async () => {
    const { value, data } = await metrics(team.as.manager, { period: '2026-Q3' });
    // Renewed: Steady (still paying) 12,000 + Moved On (renewal date moved on) 5,000.
    // Lost: Gone (nothing paid after) 18,000 + Walked Away (churned) 3,000.
    expect(value('renewalRate')).toBe(0.4474); // 17,000 / 38,000
    expect(data?.detail.renewals).toMatchObject({ renewed: 2, lost: 2, pending: 0 });
  });

  it('holds each figure to its yearly target brought to the quarter, with a trend', async () => {
    const { metric } = await metrics(team.as.manager, { period: '2026-Q3', trend: 2 });
    // 110% a year over 92 days: 1.1^(92/365) = 1.0243.
    expect(metric('nrr')?.target).toMatchObject({ value: 1.0243, asSet: 1.1, yearly: true });
    expect(metric('nrr')?.met).toBe(false);
    // 20% a year is 5.04% over 92 days; 6.36% meets it.
    expect(metric('expansionRate')?.target?.value).toBe(0.0504);
    expect(metric('expansionRate')?.met).toBe(true);
    // Q2 had no movement: everyone kept what they had.
    expect(metric('nrr')?.trend).toEqual([
      { period: '2026-Q2', value: 1 },
      { period: '2026-Q3', value: 0.8818 },
    ]);
  });

  it('reads a month as well as a quarter', async () => {
    const { value, data } = await metrics(team.as.manager, { period: '2026-09' });
    expect(data?.period).toMatchObject({ from: '2026-09-01', to: '2026-09-30', days: 30 });
    // In September: Seesaw +1,000, Boomerang back at 1,200 (not in the cohort: it had left in
    // July, as Gone did on 31 August), Shrinker −500. Cohort: Steady 1,000 + Grower 2,500 + Seesaw 2,000 + Shrinker 2,500 +
    // Newcomer 800 = 8,800; at the end 1,000 + 2,500 + 3,000 + 2,000 + 800 = 9,300.
    expect(value('nrr')).toBe(1.0568); // 9,300 / 8,800
    expect(value('grr')).toBe(0.9432); // (8,800 − 500) / 8,800
    expect(value('reactivationMrr')).toBe($(1200));
  });

  it("narrows to a CSM's book, a team, a tier or a saved segment", async () => {
    // The CSM's: Grower 2,000 → 2,500 and Gone 1,500 → 0.
    const mine = await metrics(team.as.csm, { period: '2026-Q3' });
    expect(mine.value('nrr')).toBe(0.7143); // 2,500 / 3,500
    expect(mine.data?.scope.onlyMine).toBe(true);
    const byOwner = await metrics(team.as.manager, { period: '2026-Q3', owner: team.csm.id });
    expect(byOwner.value('nrr')).toBe(0.7143);
    const teamWide = await metrics(team.as.manager, { period: '2026-Q3', team: 'me' });
    expect(teamWide.value('nrr')).toBe(0.8818);
    const enterprise = await metrics(team.as.manager, { period: '2026-Q3', tier: 'enterprise' });
    expect(enterprise.value('nrr')).toBe(0.8); // Shrinker 2,500 → 2,000
    const segment = await team.as.manager.POST('/api/v1/segments', {
      body: { name: 'Enterprise', filters: { tier: 'enterprise' } },
    });
    const inSegment = await metrics(team.as.manager, {
      period: '2026-Q3',
      segment: segment.data?.id ?? '',
    });
    expect(inSegment.value('grr')).toBe(0.8);
  });

  it('answers a period that ends before it starts, an unknown period or currency, naming the field', async () => {
    const ask = (query: Record<string, string>) =>
      team.as.manager.GET('/api/v1/metrics', { params: { query: query as never } });
    const backwards = await ask({ from: '2026-09-30', to: '2026-07-01' });
    expect(backwards.response.status).toBe(422);
    expect(backwards.error?.errors?.map((e) => e.path)).toEqual(['to']);
    const month = await ask({ period: '2026-13' });
    expect(month.error?.errors?.map((e) => e.path)).toEqual(['period']);
    const currency = await ask({ period: '2026-Q3', currency: 'XYZ' });
    expect(currency.response.status).toBe(422);
    expect(currency.error?.errors?.map((e) => e.path)).toEqual(['query.currency']);
  });
});

describe('engagement metrics on a hand-made book (2026-Q3)', () => {
  let team: Team;
  let ws: WorkspaceId;
  const id: Record<string, string> = {};
  const before = new Date('2026-01-01T00:00:00Z');

  beforeAll(async () => {
    team = await makeTeam(deps.db, app);
    ws = team.workspaceId;
    await deps.db
      .insertInto('usage_features')
      .values([
        { workspace_id: ws, key: 'reports', label: 'Reports', events: ['Report'], is_value: false },
        {
          workspace_id: ws,
          key: 'dashboards',
          label: 'Dashboards',
          events: ['Dash'],
          is_value: true,
        },
        { workspace_id: ws, key: 'exports', label: 'Exports', events: ['Export'] },
        { workspace_id: ws, key: 'sso', label: 'SSO', events: ['SSO'], premium: true },
      ])
      .execute();
    const customer = async (name: string, tier: 'smb' | 'enterprise', createdAt: Date) => {
      id[name] = (
        await makeAccount(deps.db, ws, {
          name,
          tier,
          owner_id: team.csm.id,
          created_at: createdAt,
        })
      ).id;
      return id[name] as string;
    };
    // Time to value: 15 days (a busy day), 40 days (a value feature), and one still on the way.
    const k1 = await customer('Quick Start', 'smb', new Date('2026-07-01T00:00:00Z'));
    await movements(deps.db, ws, k1, [['new', $(500), '2026-07-01T10:00:00Z']]);
    await usage(deps.db, ws, k1, {
      today: '2026-07-16',
      from: 0,
      to: 0,
      feature: 'reports',
      events: 25,
      users: 2,
    });
    await usage(deps.db, ws, k1, {
      today: '2026-09-30',
      from: 0,
      to: 29,
      feature: 'reports',
      events: 3,
      users: 1,
    });
    await usage(deps.db, ws, k1, {
      today: '2026-09-30',
      from: 0,
      to: 3,
      feature: 'sso',
      events: 2,
      users: 1,
    });
    const k2 = await customer('Steady Start', 'enterprise', new Date('2026-08-01T00:00:00Z'));
    await movements(deps.db, ws, k2, [['new', $(900), '2026-08-01T10:00:00Z']]);
    await usage(deps.db, ws, k2, {
      today: '2026-09-10',
      from: 0,
      to: 0,
      feature: 'dashboards',
      events: 2,
      users: 1,
    });
    await usage(deps.db, ws, k2, {
      today: '2026-09-30',
      from: 0,
      to: 5,
      feature: 'reports',
      events: 4,
      users: 2,
    });
    await usage(deps.db, ws, k2, {
      today: '2026-09-30',
      from: 0,
      to: 5,
      feature: 'sso',
      events: 4,
      users: 2,
    });
    const k3 = await customer('Slow Start', 'smb', new Date('2026-09-20T00:00:00Z'));
    await movements(deps.db, ws, k3, [['new', $(300), '2026-09-20T10:00:00Z']]);
    // Health on the quarter's last day.
    await sql`
      insert into health_history (workspace_id, account_id, day, score, category) values
        (${ws}, ${k1}, '2026-09-30', 80, 'healthy'),
        (${ws}, ${k2}, '2026-09-30', 90, 'healthy'),
        (${ws}, ${k3}, '2026-09-30', 55, 'at_risk'),
        (${ws}, ${k3}, '2026-09-23', 20, 'critical')`.execute(deps.db);
    // QBRs: enterprise accounts that were customers all quarter.
    const e1 = await customer('Reviewed', 'enterprise', before);
    const e2 = await customer('Cancelled Review', 'enterprise', before);
    const e3 = await customer('Reviewed Too Early', 'enterprise', before);
    const meeting = (
      accountId: string,
      at: string,
      status: 'scheduled' | 'held' | 'cancelled',
    ) => ({
      workspace_id: ws,
      account_id: accountId,
      kind: 'qbr' as const,
      title: 'QBR',
      starts_at: new Date(at),
      ends_at: new Date(Date.parse(at) + 3600_000),
      time_zone: 'UTC',
      status,
      created_at: before,
      updated_at: before,
    });
    await deps.db
      .insertInto('meetings')
      .values([
        meeting(e1, '2026-08-12T15:00:00Z', 'held'),
        meeting(e2, '2026-09-15T15:00:00Z', 'cancelled'),
        meeting(e3, '2026-06-20T15:00:00Z', 'held'),
      ])
      .execute();
    // Expansion tracked: two won, one lost, in the quarter.
    const opportunity = (stage: 'won' | 'lost', amount: number, closed: string) => ({
      workspace_id: ws,
      account_id: e1,
      kind: 'seats' as const,
      title: 'Seats',
      amount,
      currency: 'USD',
      stage,
      created_at: before,
      updated_at: before,
      closed_at: new Date(closed),
    });
    await deps.db
      .insertInto('opportunities')
      .values([
        opportunity('won', $(1000), '2026-07-20T00:00:00Z'),
        opportunity('won', $(2000), '2026-09-02T00:00:00Z'),
        opportunity('lost', $(5000), '2026-08-02T00:00:00Z'),
        opportunity('won', $(9000), '2026-10-02T00:00:00Z'),
      ])
      .execute();
  });

  it('takes the median time to value of new customers who reached it', async () => {
    const { value, data } = await metrics(team.as.manager, { period: '2026-Q3' });
    expect(value('timeToValue')).toBe(28); // median of 15 and 40 = 27.5
    expect(data?.detail.timeToValue).toEqual({ reached: 2, onTheWay: 1 });
  });

  it('counts feature adoption against the features each account may use', async () => {
    const { value, data } = await metrics(team.as.manager, { period: '2026-Q3' });
    // Quick Start (smb): reports, 1 of 3 (SSO is premium, not in its plan). Steady Start
    // (enterprise): reports, dashboards and SSO, 3 of 4. Slow Start: 0 of 3. The three
    // enterprise accounts with QBRs: 0 of 4 each. 4 used of 3 + 4 + 3 + 12 = 22.
    expect(data?.detail.adoption).toEqual({ accounts: 6, featuresAvailable: 22, featuresUsed: 4 });
    expect(value('featureAdoption')).toBe(0.1818);
  });

  it('averages health on the last day scored, and counts QBRs held in the quarter', async () => {
    const { value, data } = await metrics(team.as.manager, { period: '2026-Q3' });
    expect(value('averageHealth')).toBe(75); // (80 + 90 + 55) / 3
    // Steady Start joined in August: not due yet. Reviewed: held. Cancelled, too early: not.
    expect(data?.detail.qbr).toEqual({ due: 3, held: 1 });
    expect(value('qbrCompletion')).toBe(0.3333);
  });

  it('feeds won and lost opportunities into the expansion figures', async () => {
    const { value } = await metrics(team.as.manager, { period: '2026-Q3' });
    expect(value('expansionWon')).toBe($(3000));
    expect(value('expansionWinRate')).toBe(0.6667);
  });

  it('reads NPS per period from the answers voice of the customer collected', async () => {
    // Q3: 9, 10, 10 (promoters), 7 (passive), 3 (detractor) → (3 − 1) / 5 = 40. Q2: one 2 → −100.
    const answer = (score: number, at: string) => ({
      workspace_id: ws,
      account_id: id['Reviewed'] ?? '',
      kind: 'nps',
      score,
      source: 'api',
      responded_at: new Date(at),
      created_at: new Date(at),
    });
    await deps.db
      .insertInto('survey_responses' as never)
      .values([
        answer(9, '2026-07-03T10:00:00Z'),
        answer(10, '2026-08-03T10:00:00Z'),
        answer(10, '2026-08-13T10:00:00Z'),
        answer(7, '2026-09-03T10:00:00Z'),
        answer(3, '2026-09-23T10:00:00Z'),
        answer(2, '2026-05-03T10:00:00Z'),
      ] as never)
      .execute();
    const { metric, data } = await metrics(team.as.manager, { period: '2026-Q3', trend: 2 });
    expect(metric('nps')?.trend).toEqual([
      { period: '2026-Q2', value: -100 },
      { period: '2026-Q3', value: 40 },
    ]);
    expect(metric('nps')?.met).toBe(false);
    expect(data?.sources.nps).toBe(true);
  });

  it("gives a tier's and a team's NPS from their own accounts' answers", async () => {
    // Quick Start (smb) answers 0 and 1 in Q3. Enterprise stays (3 − 1) / 5 = 40; SMB is two
    // detractors, −100; the manager's team (everyone here) is (3 − 3) / 7 = 0.
    await deps.db
      .insertInto('survey_responses' as never)
      .values(
        [0, 1].map((score) => ({
          workspace_id: ws,
          account_id: id['Quick Start'] ?? '',
          kind: 'nps',
          score,
          source: 'api',
          responded_at: new Date('2026-08-20T10:00:00Z'),
          created_at: new Date('2026-08-20T10:00:00Z'),
        })) as never,
      )
      .execute();
    const nps = async (query: Record<string, string>) =>
      (await metrics(team.as.manager, { period: '2026-Q3', ...query })).metric('nps')?.value;
    expect(await nps({ tier: 'enterprise' })).toBe(40);
    expect(await nps({ tier: 'smb' })).toBe(-100);
    expect(await nps({ team: 'me' })).toBe(0);
    expect(await nps({})).toBe(0);
  });

  it('lets an admin move a target, and puts it back to the default', async () => {
    const set = await team.as.admin.PUT('/api/v1/metrics/targets', {
      body: { targets: { averageHealth: 70, nrr: null } },
    });
    expect(set.response.status).toBe(200);
    const { metric } = await metrics(team.as.manager, { period: '2026-Q3' });
    expect(metric('averageHealth')).toMatchObject({
      met: true,
      target: { value: 70, source: 'set' },
    });
    expect(metric('nrr')?.target?.source).toBe('default');
    const refused = await team.as.manager.PUT('/api/v1/metrics/targets', {
      body: { targets: { averageHealth: 10 } },
    });
    expect(refused.response.status).toBe(403);
    const wrong = await team.as.admin.PUT('/api/v1/metrics/targets', {
      body: { targets: { nrr: 110 } },
    });
    expect(wrong.error?.errors?.map((e) => e.path)).toEqual(['targets.nrr']);
  });
});
