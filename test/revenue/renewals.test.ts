// The renewal pipeline end to end: who renews in the window, each forecast with reasons that
// follow from the account's data, totals by month against the target, overrides with notes.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount } from '../support/factories.ts';
import { contractFor, makeTeam, scored, type Team } from './support.ts';

const today = '2026-11-02';
const { deps } = await useTestDeps(`${today}T09:00:00Z`);
const app = testApp(deps);

let team: Team;
const ids: Record<string, string> = {};

beforeAll(async () => {
  team = await makeTeam(deps.db, app);
  const ws = team.workspaceId;
  const account = async (key: string, renewal: string, extra: Record<string, unknown> = {}) => {
    ids[key] = (
      await makeAccount(deps.db, ws, {
        name: key,
        owner_id: team.csm.id,
        renewal_date: renewal,
        arr_amount: 12_000_000,
        ...extra,
      })
    ).id;
    return ids[key] as string;
  };
  // Healthy, low risk, renewal project on track: commit.
  const steady = await account('Steady Co', '2026-11-22', { arr_amount: 24_000_000 });
  await scored(deps.db, ws, steady, {
    day: today,
    score: 88,
    category: 'healthy',
    risk: 'low',
    usageNow: 80,
    usageMonthAgo: 78,
  });
  const project = await deps.db
    .insertInto('projects')
    .values({
      workspace_id: ws,
      account_id: steady,
      name: 'Renewal 2026',
      kind: 'renewal',
      start_date: '2026-08-24',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('tasks')
    .values(
      ['Usage review', 'Proposal', 'Signature'].map((title, i) => ({
        workspace_id: ws,
        account_id: steady,
        project_id: project.id,
        title,
        status: i === 0 ? ('done' as const) : ('todo' as const),
        due_at: new Date('2026-11-20T17:00:00Z'),
        updated_at: new Date(),
        last_activity_at: new Date(),
      })),
    )
    .execute();
  // High risk, usage falling, an escalation open, no renewal project 45 days out: at risk.
  const shaky = await account('Shaky Inc', '2026-12-17');
  await scored(deps.db, ws, shaky, {
    day: today,
    score: 52,
    category: 'at_risk',
    risk: 'high',
    usageNow: 40,
    usageMonthAgo: 62,
  });
  const task = await deps.db
    .insertInto('tasks')
    .values({
      workspace_id: ws,
      account_id: shaky,
      title: 'Fix the export',
      updated_at: new Date(),
      last_activity_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.db
    .insertInto('escalations')
    .values({
      workspace_id: ws,
      task_id: task.id,
      epoch: new Date('2026-10-30T09:00:00Z'),
      step: 1,
      kind: 'breach',
      notified_user_ids: [team.manager.id],
      raised_at: new Date('2026-10-30T11:00:00Z'),
    })
    .execute();
  // Medium risk, renewal in January: likely.
  const middling = await account('Middling Ltd', '2027-01-21');
  await scored(deps.db, ws, middling, {
    day: today,
    score: 70,
    category: 'at_risk',
    risk: 'medium',
  });
  // It gave notice: its only contract was cancelled, to end on its renewal date. Lost.
  const leaving = await account('Leaving LLC', '2026-12-01');
  await contractFor(deps.db, ws, leaving, { status: 'canceled', endedAt: new Date('2026-12-01') });
  // Cancelled mid-contract in August, its term running to December: billing churned it then
  // (its MRR to nothing, its ARR to zero).
  const gone = await account('Gone Midterm', '2026-12-20', { stage: 'churned', arr_amount: 0 });
  const goneContract = await contractFor(deps.db, ws, gone, {
    status: 'canceled',
    endedAt: new Date('2026-08-14T15:00:00Z'),
  });
  await deps.db
    .insertInto('mrr_movements')
    .values(
      (
        [
          ['new', 100_000, '2025-12-20T10:00:00Z'],
          ['churn', -100_000, '2026-08-14T15:00:00Z'],
        ] as const
      ).map(([kind, amount, at]) => ({
        workspace_id: ws,
        account_id: gone,
        contract_id: goneContract,
        kind,
        amount,
        currency: 'USD',
        occurred_at: new Date(at),
        source_event_id: `gone-${kind}`,
      })),
    )
    .execute();
  // Renewing after the window, and another CSM's account.
  await account('Later Corp', '2027-03-15');
  ids.other = (
    await makeAccount(deps.db, ws, {
      name: 'Other CSM Co',
      owner_id: team.otherCsm.id,
      renewal_date: '2026-12-05',
      arr_amount: 6_000_000,
    })
  ).id;
});

describe('renewal pipeline', () => {
  it('lists my renewals in the next 90 days, each with a forecast that follows its data', async () => {
    const { data, response } = await team.as.csm.GET('/api/v1/renewals', {
      params: { query: { within: '90d' } },
    });
    expect(response.status).toBe(200);
    const byName = new Map(data?.items.map((r) => [r.name, r]));
    expect([...byName.keys()]).toEqual(['Steady Co', 'Leaving LLC', 'Shaky Inc', 'Middling Ltd']);
    const steady = byName.get('Steady Co');
    expect(steady?.forecast).toMatchObject({ category: 'commit', probability: 0.95 });
    expect(steady?.renewalProject).toMatchObject({ done: 1, total: 3, overdue: 0 });
    expect(steady?.forecast.reasons.map((r) => r.text)).toEqual([
      'Churn risk is low',
      'Health is strong (88)',
      'Renewal project on track: 1 of 3 tasks done',
    ]);
    const shaky = byName.get('Shaky Inc');
    expect(shaky).toMatchObject({
      openEscalations: 1,
      usageTrend: { change: -22, direction: 'down' },
      churnRisk: 'high',
    });
    // 0.5 − 0.1 (usage) − 0.05 (escalation) − 0.05 (no renewal project 45 days out)
    expect(shaky?.forecast).toMatchObject({ category: 'at_risk', probability: 0.3 });
    expect(shaky?.forecast.reasons.map((r) => r.key)).toEqual([
      'revenue.forecast.riskHigh',
      'revenue.forecast.usageFalling',
      'revenue.forecast.openEscalations',
      'revenue.forecast.noRenewalProject',
    ]);
    expect(byName.get('Middling Ltd')?.forecast.category).toBe('likely');
    expect(byName.get('Leaving LLC')?.forecast).toMatchObject({ category: 'lost', probability: 0 });
  });

  it('totals ARR up, forecast and at risk by month and quarter against the renewal target', async () => {
    const { data } = await team.as.csm.GET('/api/v1/renewals', { params: { query: {} } });
    expect(data?.currency).toBe('USD');
    expect(data?.totals).toMatchObject({
      count: 4,
      arrUp: { amount: 60_000_000, currency: 'USD' },
      // 240k × 0.95 + 120k × 0 + 120k × 0.3 + 120k × 0.75 (no project yet, 80 days out)
      forecastArr: { amount: 35_400_000 },
      atRiskArr: { amount: 24_000_000 },
      targetArr: { amount: 57_000_000 },
    });
    expect(data?.months.map((m) => [m.month, m.count, m.arrUp.amount])).toEqual([
      ['2026-11', 1, 24_000_000],
      ['2026-12', 2, 24_000_000],
      ['2027-01', 1, 12_000_000],
    ]);
    expect(data?.quarters.map((q) => q.quarter)).toEqual(['2026-Q4', '2027-Q1']);
  });

  it("shows a manager the team's renewals, and a CSM only their own", async () => {
    const manager = await team.as.manager.GET('/api/v1/renewals', { params: { query: {} } });
    expect(manager.data?.items.map((r) => r.name)).toContain('Other CSM Co');
    const other = await team.as.csm.GET('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id: ids.other ?? '' } },
    });
    expect(other.response.status).toBe(404);
  });

  it('leaves out a customer who cancelled mid-contract before the window: churn then, not a renewal lost in it', async () => {
    const coming = await team.as.csm.GET('/api/v1/renewals', {
      params: { query: { within: '90d' } },
    });
    expect(coming.data?.items.map((r) => r.name)).not.toContain('Gone Midterm');
    expect(coming.data?.totals.byCategory.lost?.count).toBe(1); // Leaving LLC, at its renewal
    // The day it left is in the window: it is one of the window's lost renewals.
    const fromTheDay = await team.as.csm.GET('/api/v1/renewals', {
      params: { query: { from: '2026-08-14', to: '2026-12-31' } },
    });
    const gone = fromTheDay.data?.items.find((r) => r.name === 'Gone Midterm');
    expect(gone?.forecast).toMatchObject({ category: 'lost', probability: 0 });
    const fromTheDayAfter = await team.as.csm.GET('/api/v1/renewals', {
      params: { query: { from: '2026-08-15', to: '2026-12-31' } },
    });
    expect(fromTheDayAfter.data?.items.map((r) => r.name)).not.toContain('Gone Midterm');
    // Its leaving shows where it happened: churn in the third quarter.
    const q3 = await team.as.manager.GET('/api/v1/metrics', {
      params: { query: { period: '2026-Q3' } },
    });
    expect(q3.data?.detail.cohort.churnedLogos).toBe(1);
    // The account's own page still says its renewal will not happen.
    const own = await team.as.csm.GET('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id: ids['Gone Midterm'] ?? '' } },
    });
    expect(own.data?.renewal?.forecast.category).toBe('lost');
  });

  it('writes the reasons in the reader’s language', async () => {
    await deps.db
      .updateTable('users')
      .set({ locale: 'ru' })
      .where('id', '=', team.manager.id)
      .execute();
    const { data } = await team.as.manager.GET('/api/v1/renewals', {
      params: { query: { category: 'at_risk' } },
    });
    expect(data?.items[0]?.forecast.reasons.map((r) => r.text)).toContain('Риск оттока высокий');
    await deps.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', team.manager.id)
      .execute();
  });

  it('takes an override only with a note, keeps every one and audits it', async () => {
    const id = ids['Shaky Inc'] ?? '';
    const bare = await team.as.csm.POST('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id } },
      body: { category: 'likely', note: '   ' },
    });
    expect(bare.response.status).toBe(422);
    expect(bare.error?.errors?.map((e) => e.path)).toEqual(['note']);

    const first = await team.as.csm.POST('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id } },
      body: { category: 'likely', note: 'Sponsor confirmed budget on the call' },
    });
    expect(first.response.status).toBe(201);
    expect(first.data?.renewal?.forecast).toMatchObject({
      category: 'likely',
      probability: 0.7,
      source: 'override',
      steward: { category: 'at_risk', probability: 0.3 },
    });
    await team.as.manager.POST('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id } },
      body: { category: 'commit', probability: 0.88, note: 'Signed order form received' },
    });
    const { data } = await team.as.csm.GET('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id } },
    });
    expect(data?.renewal?.override).toMatchObject({
      category: 'commit',
      probability: 0.88,
      byName: 'Morgan Manager',
    });
    expect(data?.history.map((h) => h.note)).toEqual([
      'Signed order form received',
      'Sponsor confirmed budget on the call',
    ]);
    const audit = await deps.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_id', '=', id)
      .where('action', '=', 'renewal.forecast_overridden')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.changes).toMatchObject({ note: 'Sponsor confirmed budget on the call' });
  });

  it('refuses an override from a viewer', async () => {
    const { response } = await team.as.viewer.POST('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id: ids['Middling Ltd'] ?? '' } },
      body: { category: 'lost', note: 'Heard they are moving away' },
    });
    expect(response.status).toBe(403);
  });

  it('answers a window that ends before it starts, or an unknown currency, with the field', async () => {
    const backwards = await team.as.csm.GET('/api/v1/renewals', {
      params: { query: { from: '2026-12-01', to: '2026-11-01' } },
    });
    expect(backwards.response.status).toBe(422);
    expect(backwards.error?.errors?.map((e) => e.path)).toEqual(['to']);
    const currency = await team.as.csm.GET('/api/v1/renewals', {
      params: { query: { currency: 'ZZZ' } },
    });
    expect(currency.response.status).toBe(422);
    expect(currency.error?.errors?.map((e) => e.path)).toEqual(['query.currency']);
  });
});
