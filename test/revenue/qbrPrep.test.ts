// The QBR prep page from live data, its wins and risks in the reader's language, and sharing
// it by a read-only link that stops working once revoked or expired.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount } from '../support/factories.ts';
import { makeTeam, usage, type Team } from './support.ts';

const today = '2026-11-02';
const { deps, clock } = await useTestDeps(`${today}T09:00:00Z`);
const app = testApp(deps);

let team: Team;
let accountId: string;

beforeAll(async () => {
  team = await makeTeam(deps.db, app);
  const ws = team.workspaceId;
  accountId = (
    await makeAccount(deps.db, ws, {
      name: 'Bluefen Analytics',
      owner_id: team.csm.id,
      tier: 'enterprise',
      plan: 'Enterprise',
      seats: 10,
      arr_amount: 24_000_000,
      renewal_date: '2026-12-10',
      created_at: new Date('2024-12-10T00:00:00Z'),
    })
  ).id;
  await deps.db
    .insertInto('health_scores')
    .values({
      account_id: accountId,
      workspace_id: ws,
      day: today,
      score: 58,
      category: 'at_risk',
      measures: JSON.stringify([
        {
          key: 'support',
          score: 35,
          weight: 20,
          effectiveWeight: 40,
          reason: { key: 'revenue.qbr.urgentTickets', params: { count: 2 } },
          inputs: {},
          lastDataAt: `${today}T08:00:00Z`,
        },
      ]),
      churn_risk: JSON.stringify({
        level: 'high',
        score: 52,
        factors: [
          {
            source: 'support',
            description: { key: 'revenue.qbr.urgentTickets', params: { count: 2 } },
            impact: 'high',
          },
        ],
        recommendedActions: [],
        trend: { monthOverMonth: -12, weekOverWeek: -3, declining: true },
      }),
      computed_at: new Date(`${today}T08:00:00Z`),
    })
    .execute();
  await usage(deps.db, ws, accountId, {
    today,
    from: 0,
    to: 29,
    feature: 'reports',
    events: 3,
    users: 3,
  });
  for (const [subject, priority, status] of [
    ['Export times out', 'urgent', 'open'],
    ['SSO login loop', 'high', 'pending'],
    ['Invoice address', 'normal', 'solved'],
  ] as const) {
    await deps.db
      .insertInto('support_tickets')
      .values({
        workspace_id: ws,
        account_id: accountId,
        source: 'generic',
        external_id: subject,
        subject,
        status,
        priority,
        opened_at: new Date('2026-10-20T10:00:00Z'),
        solved_at: status === 'solved' ? new Date('2026-10-22T10:00:00Z') : null,
        csat: status === 'solved' ? 4 : null,
        updated_at: new Date('2026-10-22T10:00:00Z'),
        received_at: new Date('2026-10-22T10:00:00Z'),
      })
      .execute();
  }
  await deps.db
    .insertInto('opportunities')
    .values({
      workspace_id: ws,
      account_id: accountId,
      kind: 'seats',
      title: 'Ten more seats',
      amount: 3_600_000,
      currency: 'USD',
      stage: 'won',
      created_at: new Date('2026-03-01T00:00:00Z'),
      updated_at: new Date('2026-04-01T00:00:00Z'),
      closed_at: new Date('2026-04-01T00:00:00Z'),
    })
    .execute();
});

describe('QBR prep', () => {
  it('puts the account on one page with the wins and the risks to raise', async () => {
    const { data, response } = await team.as.csm.GET('/api/v1/accounts/{id}/qbr-prep', {
      params: { path: { id: accountId } },
    });
    expect(response.status).toBe(200);
    expect(data?.account).toMatchObject({ name: 'Bluefen Analytics', seats: 10 });
    expect(data?.usage).toMatchObject({ activeUsers: { mau: 3 }, seatUtilization: 0.3 });
    expect(data?.support).toMatchObject({ open: 2, urgentOpen: 2, solved: 1, csat: 4 });
    expect(data?.renewal?.renewalDate).toBe('2026-12-10');
    expect(data?.wins.map((w) => w.text)).toEqual([
      'Grew by $36,000 ARR in the last year',
      '1 support ticket solved this quarter',
    ]);
    expect(data?.risks.map((r) => r.text)).toEqual([
      'Health fell 12 points in 30 days',
      '2 high-priority tickets open',
      'The renewal on Dec 10, 2026 is forecast at risk',
      'Only 30% of seats active in the last 30 days',
    ]);
    expect(data?.health.measures[0]?.reason.text).toBe('2 high-priority tickets open');
  });

  it('lists what the customer told us this year, newest first, and not what another said', async () => {
    const other = await makeAccount(deps.db, team.workspaceId, { owner_id: team.csm.id });
    const log = (account: string, text: string, givenAt: string) =>
      team.as.csm.POST('/api/v1/feedback', {
        body: { accountId: account, type: 'feature_request', text, givenAt },
      });
    for (const [account, text, at] of [
      [accountId, 'Scheduled exports to S3 please', '2026-09-01T10:00:00Z'],
      [accountId, 'Audit log for admin changes', '2026-10-15T10:00:00Z'],
      [accountId, 'Old request from last year', '2025-09-01T10:00:00Z'],
      [other.id, 'Someone else’s idea', '2026-10-20T10:00:00Z'],
    ] as const) {
      expect((await log(account, text, at)).response.status).toBe(201);
    }
    const { data } = await team.as.csm.GET('/api/v1/accounts/{id}/qbr-prep', {
      params: { path: { id: accountId } },
    });
    expect(data?.feedback.map((f) => [f.text, f.type, f.status])).toEqual([
      ['Audit log for admin changes', 'feature_request', 'new'],
      ['Scheduled exports to S3 please', 'feature_request', 'new'],
    ]);
  });

  it('shares a read-only page in the sharer’s language, until the link is revoked', async () => {
    await deps.db
      .updateTable('users')
      .set({ locale: 'ru' })
      .where('id', '=', team.csm.id)
      .execute();
    const shared = await team.as.csm.POST('/api/v1/accounts/{id}/qbr-prep/share', {
      params: { path: { id: accountId } },
      body: { days: 7 },
    });
    expect(shared.response.status).toBe(201);
    const token = shared.data?.token ?? '';
    expect(shared.data?.path).toBe(`/shared/qbr/${token}`);
    const anonymous = apiClient(app);
    const page = await anonymous.GET('/api/v1/shared/qbr-prep/{token}', {
      params: { path: { token } },
    });
    expect(page.response.status).toBe(200);
    expect(page.data?.locale).toBe('ru');
    expect(page.data?.risks.map((r) => r.text)).toContain(
      'Лишь 30% мест активны за последние 30 дней',
    );

    const revoke = await team.as.csm.DELETE('/api/v1/qbr-prep/links/{id}', {
      params: { path: { id: shared.data?.id ?? '' } },
    });
    expect(revoke.response.status).toBe(204);
    const gone = await anonymous.GET('/api/v1/shared/qbr-prep/{token}', {
      params: { path: { token } },
    });
    expect(gone.response.status).toBe(404);
    await deps.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', team.csm.id)
      .execute();
  });

  it('stops a link once it expires, and keeps other CSMs out', async () => {
    const shared = await team.as.csm.POST('/api/v1/accounts/{id}/qbr-prep/share', {
      params: { path: { id: accountId } },
      body: { days: 1 },
    });
    clock.set('2026-11-03T09:00:01Z');
    const expired = await apiClient(app).GET('/api/v1/shared/qbr-prep/{token}', {
      params: { path: { token: shared.data?.token ?? '' } },
    });
    expect(expired.response.status).toBe(404);
    clock.set(`${today}T09:00:00Z`);
    const other = await team.as.otherCsm.GET('/api/v1/accounts/{id}/qbr-prep', {
      params: { path: { id: accountId } },
    });
    expect(other.response.status).toBe(404);
    const revokeOther = await team.as.otherCsm.DELETE('/api/v1/qbr-prep/links/{id}', {
      params: { path: { id: shared.data?.id ?? '' } },
    });
    expect(revokeOther.response.status).toBe(404);
  });

  it('shows this customer’s NPS over the last year, not other customers’ answers', async () => {
    const nps = async () =>
      (
        await team.as.csm.GET('/api/v1/accounts/{id}/qbr-prep', {
          params: { path: { id: accountId } },
        })
      ).data?.nps;
    expect(await nps()).toBeNull();
    const mine = await makeAccount(deps.db, team.workspaceId, { owner_id: team.csm.id });
    const theirs = await makeAccount(deps.db, team.workspaceId, { owner_id: team.otherCsm.id });
    for (const [account, score, respondedAt] of [
      [accountId, 10, '2026-10-30T10:00:00Z'],
      [accountId, 9, '2026-06-01T10:00:00Z'],
      [accountId, 7, '2026-03-01T10:00:00Z'],
      [accountId, 3, '2025-11-03T10:00:00Z'],
      // Over a year before the page: no longer this year's figure.
      [accountId, 0, '2025-11-01T10:00:00Z'],
      [mine.id, 0, '2026-10-01T10:00:00Z'],
      [mine.id, 1, '2026-10-02T10:00:00Z'],
      [theirs.id, 2, '2026-10-03T10:00:00Z'],
    ] as const) {
      const { response } = await team.as.admin.POST('/api/v1/surveys/responses', {
        body: { accountId: account, score, respondedAt },
      });
      expect(response.status).toBe(201);
    }
    // Two promoters, a passive and a detractor: (2 − 1) / 4.
    expect(await nps()).toBe(25);
    const shared = await team.as.csm.POST('/api/v1/accounts/{id}/qbr-prep/share', {
      params: { path: { id: accountId } },
      body: { days: 7 },
    });
    const page = await apiClient(app).GET('/api/v1/shared/qbr-prep/{token}', {
      params: { path: { token: shared.data?.token ?? '' } },
    });
    expect(page.data?.nps).toBe(25);
  });
});
