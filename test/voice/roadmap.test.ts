// The roadmap: items ranked by the demand behind them, and shipping one closing the loop — each
// requesting account's CSM told once, with a task whose draft lists what that customer asked
// for in the CSM's language, and the feedback marked shipped; shipping again tells nobody twice.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { runJobs } from '../notify/support.ts';

const { deps, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);

let workspaceId: WorkspaceId;
let manager: ApiClient;
let csm: ApiClient;
let annaId: UserId;
let borisId: UserId;
let acmeId: string;
let globexId: string;
let umbrellaId: string;
let ssoTheme: string;
let darkTheme: string;
const ssoItems: string[] = [];

async function log(accountId: string, text: string) {
  const { data, response } = await manager.POST('/api/v1/feedback', {
    body: { accountId, text, givenAt: clock.now().toISOString() },
  });
  expect(response.status).toBe(201);
  return data?.id ?? '';
}

const themeOf = async (id: string) =>
  (await manager.GET('/api/v1/feedback/{id}', { params: { path: { id } } })).data?.theme?.id ?? '';

const closingTasks = (userId: string) =>
  deps.db
    .selectFrom('tasks')
    .select(['id', 'title', 'description', 'account_id', 'due_at'])
    .where('assignee_id', '=', userId)
    .where('tags', '@>', sql<string[]>`array['close-the-loop']`)
    .execute();

const notificationsAbout = async (userId: string, taskIds: string[]) =>
  taskIds.length === 0
    ? []
    : deps.db
        .selectFrom('notifications')
        .select(['task_id'])
        .where('user_id', '=', userId)
        .where('task_id', 'in', taskIds)
        .execute();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(deps.db)).id;
  const managerUser = await makeUser(deps.db, workspaceId, { role: 'manager' });
  const anna = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Anna' });
  const boris = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Boris' });
  await deps.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', boris.id).execute();
  annaId = anna.id;
  borisId = boris.id;
  manager = await signedIn(app, managerUser.email, testPassword);
  csm = await signedIn(app, anna.email, testPassword);
  acmeId = (
    await makeAccount(deps.db, workspaceId, {
      name: 'Acme',
      owner_id: annaId,
      arr_amount: 300_000_00,
    })
  ).id;
  globexId = (
    await makeAccount(deps.db, workspaceId, {
      name: 'Globex',
      owner_id: borisId,
      arr_amount: 90_000_00,
    })
  ).id;
  umbrellaId = (
    await makeAccount(deps.db, workspaceId, {
      name: 'Umbrella',
      owner_id: annaId,
      arr_amount: 10_000_00,
    })
  ).id;
  ssoItems.push(await log(acmeId, 'We need SSO with Azure AD'));
  clock.advance(86_400_000);
  ssoItems.push(await log(acmeId, 'Single sign-on via SAML please'));
  ssoItems.push(await log(globexId, 'Нужен единый вход через корпоративную учётную запись'));
  const dark = await log(umbrellaId, 'Dark mode please');
  await run();
  ssoTheme = await themeOf(ssoItems[0] ?? '');
  darkTheme = await themeOf(dark);
  expect(await themeOf(ssoItems[2] ?? '')).toBe(ssoTheme);
});

afterAll(() => {
  vi.useRealTimers();
});

describe('the roadmap', () => {
  it('ranks items by the accounts asking and their ARR', async () => {
    await manager.POST('/api/v1/roadmap-items', {
      body: { title: 'Dark mode', targetQuarter: '2027-Q1', themeIds: [darkTheme] },
    });
    const sso = await manager.POST('/api/v1/roadmap-items', {
      body: { title: 'Single sign-on', targetQuarter: '2027-Q2', themeIds: [ssoTheme] },
    });
    expect(sso.response.status).toBe(201);
    const { data } = await manager.GET('/api/v1/roadmap-items', {});
    expect(data?.items.map((i) => i.title)).toEqual(['Single sign-on', 'Dark mode']);
    expect(data?.items[0]?.demand).toMatchObject({
      accountCount: 2,
      itemCount: 3,
      arr: { amount: 390_000_00, currency: 'USD' },
    });
    const byQuarter = await manager.GET('/api/v1/roadmap-items', {
      params: { query: { sort: 'quarter' } },
    });
    expect(byQuarter.data?.items.map((i) => i.title)).toEqual(['Dark mode', 'Single sign-on']);
  });

  it('shows a CSM the demand from their own clients', async () => {
    const { data } = await csm.GET('/api/v1/roadmap-items', {});
    const sso = data?.items.find((i) => i.title === 'Single sign-on');
    expect(sso?.demand.accountCount).toBe(1);
    expect(sso?.accounts.map((a) => a.name)).toEqual(['Acme']);
  });

  it('refuses links to unknown themes naming the field, and a CSM may not add items', async () => {
    const bad = await manager.POST('/api/v1/roadmap-items', {
      body: { title: 'Ghost', themeIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.error?.errors?.map((e) => e.path)).toEqual(['themeIds.0']);
    const refused = await csm.POST('/api/v1/roadmap-items', { body: { title: 'Mine' } });
    expect(refused.response.status).toBe(403);
  });
});

describe('shipping a roadmap item', () => {
  it("tells each requesting account's CSM once, with a task listing what that customer asked for", async () => {
    const { data: list } = await manager.GET('/api/v1/roadmap-items', {});
    const sso = list?.items.find((i) => i.title === 'Single sign-on');
    const shipped = await manager.POST('/api/v1/roadmap-items/{id}/ship', {
      params: { path: { id: sso?.id ?? '' } },
    });
    expect(shipped.response.status).toBe(200);
    expect(shipped.data?.item.status).toBe('shipped');
    expect(shipped.data?.shippedFeedback).toBe(3);
    expect(shipped.data?.toldAccounts).toHaveLength(2);
    await run();

    const annaTasks = await closingTasks(annaId);
    expect(annaTasks).toHaveLength(1);
    expect(annaTasks[0]?.title).toBe('Tell Acme that “Single sign-on” has shipped');
    expect(annaTasks[0]?.description).toContain('You asked us for it 2 times:');
    expect(annaTasks[0]?.description).toContain('“We need SSO with Azure AD”');
    expect(annaTasks[0]?.description).toContain('“Single sign-on via SAML please”');
    const due = annaTasks[0]?.due_at?.getTime() ?? 0;
    expect(due - clock.now().getTime()).toBeLessThanOrEqual(72 * 3600_000);

    const borisTasks = await closingTasks(borisId);
    expect(borisTasks).toHaveLength(1);
    expect(borisTasks[0]?.title).toBe('Сообщить Globex, что «Single sign-on» уже доступно');
    expect(borisTasks[0]?.description).toContain('Вы просили нас об этом:');

    expect(
      await notificationsAbout(
        annaId,
        annaTasks.map((t) => t.id),
      ),
    ).toHaveLength(1);
    expect(
      await notificationsAbout(
        borisId,
        borisTasks.map((t) => t.id),
      ),
    ).toHaveLength(1);

    for (const id of ssoItems) {
      const { data } = await manager.GET('/api/v1/feedback/{id}', { params: { path: { id } } });
      expect(data?.status).toBe('shipped');
    }

    const again = await manager.POST('/api/v1/roadmap-items/{id}/ship', {
      params: { path: { id: sso?.id ?? '' } },
    });
    expect(again.data?.toldAccounts).toHaveLength(0);
    await run();
    expect(await closingTasks(annaId)).toHaveLength(1);
    expect(await closingTasks(borisId)).toHaveLength(1);
  });

  it('answers 404 for a roadmap item that does not exist', async () => {
    const { response } = await manager.POST('/api/v1/roadmap-items/{id}/ship', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(response.status).toBe(404);
  });
});
