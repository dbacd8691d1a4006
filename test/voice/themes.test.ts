// Themes: how well automatic grouping agrees with people (Adjusted Rand Index on the team's
// labelled set), ranking by demand, and corrections — rename, merge, split, move — that survive
// a recomputation and teach new items where they belong.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { adjustedRandIndex } from '../../src/modules/voice/text/ari.ts';
import { groupTexts } from '../../src/modules/voice/text/group.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import {
  makeAccount,
  makeUser,
  makeWorkspace,
  scoreAccount,
  testPassword,
} from '../support/factories.ts';
import { runJobs } from '../notify/support.ts';
import { labelledFeedback } from './labelled.ts';

describe('automatic themes on the labelled set', () => {
  const texts = labelledFeedback.map((item) => item.text);
  const truth = labelledFeedback.map((item) => item.theme);

  it('agrees with people: Adjusted Rand Index of at least 0.75', () => {
    const ari = adjustedRandIndex(truth, groupTexts(texts));
    process.stdout.write(
      `Adjusted Rand Index on ${texts.length} labelled items, ${new Set(truth).size} groups: ${ari.toFixed(3)}\n`,
    );
    expect(labelledFeedback.length).toBeGreaterThanOrEqual(100);
    expect(ari).toBeGreaterThanOrEqual(0.75);
  });

  it('scores a random grouping near zero, so the index measures something', () => {
    const shuffled = truth.map((_, i) => truth[(i * 37) % truth.length] as string);
    expect(Math.abs(adjustedRandIndex(truth, shuffled))).toBeLessThan(0.15);
  });

  it('groups the same request in English and in Russian together', () => {
    const groups = groupTexts([
      'Export to Excel please',
      'Выгрузка в Excel',
      'We need single sign-on',
      'Нужен единый вход (SSO)',
      'Dark mode for the evenings',
      'Сделайте тёмную тему',
    ]);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[2]).toBe(groups[3]);
    expect(groups[4]).toBe(groups[5]);
    expect(new Set(groups).size).toBe(3);
  });
});

const { deps, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);

let workspaceId: WorkspaceId;
let csmId: UserId;
let csm: ApiClient;
const accounts: string[] = [];

async function log(text: string, account = 0, type: 'feature_request' | 'bug' = 'feature_request') {
  const { data, response } = await csm.POST('/api/v1/feedback', {
    body: { accountId: accounts[account] ?? '', text, type },
  });
  expect(response.status, text).toBe(201);
  return data?.id ?? '';
}

async function themeOf(id: string) {
  const { data } = await csm.GET('/api/v1/feedback/{id}', { params: { path: { id } } });
  return data?.theme?.id ?? null;
}

const recompute = async () => {
  const { response } = await csm.POST('/api/v1/feedback/themes/recompute', {});
  expect(response.status).toBe(200);
};

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(deps.db)).id;
  const user = await makeUser(deps.db, workspaceId, { role: 'manager' });
  csmId = user.id;
  csm = await signedIn(app, user.email, testPassword);
  for (const arr of [500_000_00, 120_000_00, 80_000_00, 30_000_00]) {
    accounts.push(
      (await makeAccount(deps.db, workspaceId, { owner_id: csmId, arr_amount: arr })).id,
    );
  }
});

afterAll(() => {
  vi.useRealTimers();
});

describe('themes ranked by demand', () => {
  it('ranks by accounts asking, with their ARR, items and trend, labelled in the reader’s language', async () => {
    await log('We need SSO with Azure AD', 0);
    await log('Single sign-on via SAML is a must', 1);
    await log('Нужен единый вход для сотрудников', 2);
    await log('Please add a dark theme', 3);
    await log('Dark mode please', 3);
    await run();
    // Health's current view of the accounts asking: one At Risk, one Healthy.
    await scoreAccount(deps.db, workspaceId, accounts[1] ?? '', { score: 41, category: 'at_risk' });
    await scoreAccount(deps.db, workspaceId, accounts[0] ?? '', { score: 88, category: 'healthy' });
    const { data } = await csm.GET('/api/v1/feedback/themes', {
      params: { query: { since: '30d' } },
    });
    const [top, second] = data?.items ?? [];
    expect(top).toMatchObject({
      label: 'Single sign-on (SSO)',
      accountCount: 3,
      itemCount: 3,
      arr: { amount: 700_000_00, currency: 'USD' },
      atRiskArr: { amount: 120_000_00, currency: 'USD' },
      type: 'feature_request',
      trend: { current: 3, previous: 0, direction: 'new' },
      firstSeen: clock.now().toISOString(),
      lastSeen: clock.now().toISOString(),
    });
    expect(top?.items).toHaveLength(3);
    expect(second).toMatchObject({ label: 'Dark mode', accountCount: 1, itemCount: 2 });

    const highlight = await csm.GET('/api/v1/feedback/highlight', {
      params: { query: { since: '30d' } },
    });
    expect(highlight.data?.theme).toMatchObject({ accountCount: 3, arr: { amount: 700_000_00 } });

    await deps.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', csmId).execute();
    const russian = await signedIn(app, (await userEmail()) ?? '', testPassword);
    const ru = await russian.GET('/api/v1/feedback/themes', {
      params: { query: { since: '30d' } },
    });
    expect(ru.data?.items[0]?.label).toBe('Единый вход (SSO)');
    await deps.db.updateTable('users').set({ locale: 'en' }).where('id', '=', csmId).execute();
  });
});

async function userEmail() {
  return (
    await deps.db.selectFrom('users').select('email').where('id', '=', csmId).executeTakeFirst()
  )?.email;
}

describe('corrections people make', () => {
  it('keeps a renamed theme’s name across recomputation', async () => {
    const id = await log('Time tracking on tasks', 1);
    await log('Timesheets for our consultants', 2);
    await run();
    const theme = (await themeOf(id)) ?? '';
    await csm.PATCH('/api/v1/feedback/themes/{id}', {
      params: { path: { id: theme } },
      body: { label: 'Timesheets' },
    });
    await recompute();
    const { data } = await csm.GET('/api/v1/feedback/themes/{id}', {
      params: { path: { id: theme } },
    });
    expect(data?.label).toBe('Timesheets');
  });

  it('keeps a merge across recomputation and sends new items worded either way to the merged theme', async () => {
    const okta = [
      await log('Okta integration for our staff', 0),
      await log('Connect Okta so people sign in with it', 1),
    ];
    const sso = await log('We need SSO before the rollout', 2);
    await run();
    const oktaTheme = (await themeOf(okta[0] ?? '')) ?? '';
    const ssoTheme = (await themeOf(sso)) ?? '';
    expect(oktaTheme).not.toBe(ssoTheme);

    const merged = await csm.POST('/api/v1/feedback/themes/{id}/merge', {
      params: { path: { id: oktaTheme } },
      body: { intoThemeId: ssoTheme },
    });
    expect(merged.response.status).toBe(200);
    await recompute();
    for (const id of [...okta, sso]) expect(await themeOf(id)).toBe(ssoTheme);

    const newcomer = await log('Is there an Okta app yet?', 3);
    await run();
    expect(await themeOf(newcomer)).toBe(ssoTheme);
  });

  it('refuses to merge a theme into itself, naming the field', async () => {
    const id = await log('Gantt chart for project plans', 0);
    await run();
    const theme = (await themeOf(id)) ?? '';
    const { response, error } = await csm.POST('/api/v1/feedback/themes/{id}/merge', {
      params: { path: { id: theme } },
      body: { intoThemeId: theme },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['intoThemeId']);
  });

  it('keeps a split across recomputation', async () => {
    const calendar = [
      await log('Sync meetings with Google Calendar', 0),
      await log('Outlook calendar integration', 1),
    ];
    const reminders = [
      await log('Calendar reminders before due dates', 2),
      await log('Due date reminders in the calendar', 3),
    ];
    await run();
    const theme = (await themeOf(calendar[0] ?? '')) ?? '';
    for (const id of [...calendar, ...reminders]) expect(await themeOf(id)).toBe(theme);
    const split = await csm.POST('/api/v1/feedback/themes/{id}/split', {
      params: { path: { id: theme } },
      body: { itemIds: reminders, label: 'Reminders' },
    });
    expect(split.response.status).toBe(201);
    const newTheme = split.data?.id ?? '';
    await recompute();
    for (const id of calendar) expect(await themeOf(id)).toBe(theme);
    for (const id of reminders) expect(await themeOf(id)).toBe(newTheme);
  });

  it('keeps a moved item where a person put it, across recomputation', async () => {
    const item = await log('Export the audit log to CSV', 2);
    const audit = await log('We need an audit log of changes', 3);
    await run();
    const auditTheme = (await themeOf(audit)) ?? '';
    const moved = await csm.POST('/api/v1/feedback/{id}/move', {
      params: { path: { id: item } },
      body: { themeId: auditTheme },
    });
    expect(moved.data?.theme).toMatchObject({ id: auditTheme, placedByPerson: true });
    await recompute();
    expect(await themeOf(item)).toBe(auditTheme);
  });
});
