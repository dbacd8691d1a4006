// Product adoption read back through the API after events came in through the Tracking API.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountId, WorkspaceId } from '../../../src/lib/ids.ts';
import { signedIn, testApp, type ApiClient } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import { segmentPost, trackOn } from './support.ts';

// Today is 2026-11-02: "this month" is 2026-10-04…11-02, the month before 09-04…10-03.
const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csm: ApiClient;
let manager: ApiClient;
let steady: AccountId;
let slipping: AccountId;
let othersAccount: AccountId;
let writeKey: string;

/** `users` users each doing `perUser` events of `name` on each of `days`. */
function activity(groupId: string, users: number, days: string[], name: string, perUser = 1) {
  return days.flatMap((day) =>
    Array.from({ length: users }, (_, u) =>
      Array.from({ length: perUser }, () => trackOn(groupId, `${groupId}-user-${u}`, name, day)),
    ).flat(),
  );
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm' });
  const otherCsm = await makeUser(deps.db, workspaceId, { role: 'csm' });
  const managerUser = await makeUser(deps.db, workspaceId, { role: 'manager' });
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin' });
  csm = await signedIn(app, csmUser.email, testPassword);
  manager = await signedIn(app, managerUser.email, testPassword);
  const admin = await signedIn(app, adminUser.email, testPassword);
  const key = await admin.POST('/api/v1/intake/write-keys', { body: { name: 'Segment' } });
  writeKey = key.data?.key ?? '';
  await admin.POST('/api/v1/features', {
    body: { key: 'sso', label: 'Single sign-on', events: ['SSO *'], premium: true },
  });
  await admin.POST('/api/v1/features', {
    body: { key: 'audit', label: 'Audit log', events: ['Audit *'], premium: true },
  });
  await admin.POST('/api/v1/features', {
    body: { key: 'reports', label: 'Reports', events: ['Report *'], value: true },
  });

  steady = (
    await makeAccount(deps.db, workspaceId, {
      external_id: 'steady',
      name: 'Steady Co',
      owner_id: csmUser.id,
      tier: 'enterprise',
      seats: 8,
      created_at: '2026-08-01T00:00:00Z',
    })
  ).id;
  slipping = (
    await makeAccount(deps.db, workspaceId, {
      external_id: 'slipping',
      name: 'Slipping Inc',
      owner_id: csmUser.id,
    })
  ).id;
  othersAccount = (
    await makeAccount(deps.db, workspaceId, {
      external_id: 'others',
      name: 'Others Ltd',
      owner_id: otherCsm.id,
    })
  ).id;

  const batch = [
    // Steady: 4 users both months; SSO used now; Report value reached on 2026-09-10.
    ...activity('steady', 4, ['2026-09-10', '2026-09-20'], 'Report Viewed'),
    ...activity('steady', 4, ['2026-10-20', '2026-11-02'], 'Report Viewed'),
    ...activity('steady', 1, ['2026-11-01'], 'SSO Configured'),
    ...activity('steady', 2, ['2026-11-02'], 'Signed In'),
    // Slipping: 10 users logging in and exporting before, 6 now and exports abandoned.
    ...activity('slipping', 10, ['2026-09-15'], 'Signed In', 2),
    ...activity('slipping', 10, ['2026-09-16'], 'Data Exported'),
    ...activity('slipping', 2, ['2026-09-17'], 'Report Viewed'),
    ...activity('slipping', 6, ['2026-10-15'], 'Signed In'),
    ...activity('others', 5, ['2026-09-15', '2026-10-15'], 'Report Viewed'),
    // The workspace's usage history starts before Steady signed, so its time to value is known.
    ...activity('others', 1, ['2026-07-20'], 'Signed In'),
  ];
  for (let i = 0; i < batch.length; i += 100) {
    const response = await segmentPost(
      app,
      '/v1/batch',
      { batch: batch.slice(i, i + 100) },
      writeKey,
    );
    if (response.status !== 200) throw new Error(await response.text());
  }
});

describe("an account's adoption", () => {
  it('gives active users, seats, features, premium adoption and time to value', async () => {
    const { data, response } = await csm.GET('/api/v1/accounts/{id}/adoption', {
      params: { path: { id: steady }, query: {} },
    });
    expect(response.status).toBe(200);
    expect(data?.date).toBe('2026-11-02');
    // Today: users 0–3 viewed reports; users 0–1 signed in.
    expect(data?.activeUsers).toEqual({ dau: 4, wau: 4, mau: 4 });
    expect(data?.seatUtilization).toBe(0.5);
    expect(data?.features).toEqual([
      { key: 'reports', label: 'Reports', premium: false, events: 8, users: 4 },
      { key: 'Signed In', label: 'Signed In', premium: false, events: 2, users: 2 },
      { key: 'sso', label: 'Single sign-on', premium: true, events: 1, users: 1 },
    ]);
    expect(data?.premiumAdoption).toEqual({ purchased: 2, used: 1, rate: 0.5, unused: ['audit'] });
    expect(data?.timeToValue).toMatchObject({
      reachedOn: '2026-09-10',
      days: 40,
      via: 'value_feature',
    });
    expect(data?.series).toHaveLength(90);
    expect(data?.series.find((d) => d.day === '2026-10-20')).toEqual({
      day: '2026-10-20',
      events: 4,
      activeUsers: 4,
    });
  });

  it('reads figures as of another day', async () => {
    const { data } = await csm.GET('/api/v1/accounts/{id}/adoption', {
      params: { path: { id: steady }, query: { date: '2026-09-30' } },
    });
    expect(data?.activeUsers).toEqual({ dau: 0, wau: 0, mau: 4 });
  });

  it("hides another CSM's account from a CSM", async () => {
    const { response } = await csm.GET('/api/v1/accounts/{id}/adoption', {
      params: { path: { id: othersAccount }, query: {} },
    });
    expect(response.status).toBe(404);
  });
});

describe('adoption across clients', () => {
  it('flags declining clients with the figures behind it', async () => {
    const { data } = await csm.GET('/api/v1/adoption', { params: { query: { owner: 'me' } } });
    expect(data?.items.map((i) => i.name)).toEqual(['Slipping Inc', 'Steady Co']);
    const slip = data?.items.find((i) => i.accountId === slipping);
    expect(slip).toMatchObject({
      mau: 6,
      previousMau: 10,
      activeUsersChange: -40,
      loginChange: -70,
      // A catalog feature by its label, an event no feature claims by its name.
      abandonedFeatures: expect.arrayContaining(['Data Exported', 'Reports']),
      declining: true,
      reasons: [
        'Active users fell 40% month over month (10 → 6)',
        'Logins fell 70% month over month (20 → 6)',
      ],
    });
    expect(data?.items.find((i) => i.accountId === steady)).toMatchObject({
      mau: 4,
      previousMau: 4,
      seatUtilization: 0.5,
      declining: false,
    });
  });

  it('answers "Which clients have declining product adoption?" within my clients', async () => {
    const mine = await csm.GET('/api/v1/adoption/declining', { params: { query: {} } });
    expect(mine.data?.items.map((i) => i.name)).toEqual(['Slipping Inc']);
    expect(mine.data?.question).toBe('Which clients have declining product adoption?');
    expect(mine.data?.answer).toBe('Declining product adoption: 1 of 2 clients.');
    const all = await manager.GET('/api/v1/adoption', { params: { query: { owner: 'all' } } });
    expect(all.data?.items.map((i) => i.name)).toEqual(['Others Ltd', 'Slipping Inc', 'Steady Co']);
  });
});

describe('adoption in Russian', () => {
  it('gives the reasons and the answer in the reader’s language', async () => {
    expect((await csm.PATCH('/api/v1/me', { body: { locale: 'ru' } })).response.status).toBe(200);
    try {
      const { data } = await csm.GET('/api/v1/adoption/declining', { params: { query: {} } });
      expect(data?.question).toBe('У каких клиентов падает использование продукта?');
      expect(data?.answer).toBe('Использование продукта падает: 1 из 2 клиентов.');
      expect(data?.items[0]?.reasons).toEqual([
        'Активных пользователей меньше на 40% за месяц (10 → 6)',
        'Входов меньше на 70% за месяц (20 → 6)',
      ]);
    } finally {
      await csm.PATCH('/api/v1/me', { body: { locale: 'en' } });
    }
  });
});

describe('adoption overview across clients', () => {
  it('counts the clients using each feature, premium features bought and used, and time to value', async () => {
    const { data, response } = await csm.GET('/api/v1/adoption/overview', {
      params: { query: { owner: 'me' } },
    });
    expect(response.status).toBe(200);
    expect(data?.clients).toBe(2);
    // In the last 30 days both clients signed in, only Steady viewed reports and used SSO;
    // nobody used the audit log, and it still shows, at zero.
    expect(data?.features).toEqual([
      {
        key: 'Signed In',
        label: 'Signed In',
        premium: false,
        accounts: 2,
        share: 1,
        users: 8,
        events: 8,
      },
      {
        key: 'reports',
        label: 'Reports',
        premium: false,
        accounts: 1,
        share: 0.5,
        users: 4,
        events: 8,
      },
      {
        key: 'sso',
        label: 'Single sign-on',
        premium: true,
        accounts: 1,
        share: 0.5,
        users: 1,
        events: 1,
      },
      {
        key: 'audit',
        label: 'Audit log',
        premium: true,
        accounts: 0,
        share: 0,
        users: 0,
        events: 0,
      },
    ]);
    // Steady (enterprise) bought both premium features and uses one of them.
    expect(data?.premiumAdoption).toEqual({ purchasers: 1, purchased: 2, used: 1, rate: 0.5 });
    // Steady reached value in 40 days (reports); Slipping on its first, busy, day (20 sign-ins).
    expect(data?.timeToValue).toEqual({
      reached: 2,
      medianDays: 20,
      withinTarget: 2,
      targetDays: 90,
    });
  });

  it('covers every client of the workspace for a manager', async () => {
    const { data } = await manager.GET('/api/v1/adoption/overview', {
      params: { query: { owner: 'all' } },
    });
    expect(data?.clients).toBe(3);
    expect(data?.features.find((f) => f.key === 'reports')?.accounts).toBe(2);
  });
});
