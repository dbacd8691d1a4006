// Feedback through the API, with the real worker placing each item in its theme: what a CSM logs
// is kept with the account's ARR, lands beside the same request worded in the other language,
// is theirs alone to see, and bad input is refused naming the field with nothing stored.
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
let csmId: UserId;
let csm: ApiClient;
let otherCsm: ApiClient;
let admin: ApiClient;
let acmeId: string;
let globexId: string;
let initechId: string;

const itemCount = async () =>
  (
    await deps.db
      .selectFrom('feedback_items')
      .select(deps.db.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow()
  ).n;

async function log(client: ApiClient, accountId: string, text: string) {
  const { data, response } = await client.POST('/api/v1/feedback', {
    body: { accountId, text, source: 'web' },
  });
  expect(response.status, text).toBe(201);
  if (!data) throw new Error('no item');
  return data;
}

async function themeOf(itemId: string) {
  const { data } = await admin.GET('/api/v1/feedback/{id}', { params: { path: { id: itemId } } });
  return data?.theme?.id ?? null;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(deps.db)).id;
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm' });
  const otherUser = await makeUser(deps.db, workspaceId, { role: 'csm' });
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin' });
  csmId = csmUser.id;
  csm = await signedIn(app, csmUser.email, testPassword);
  otherCsm = await signedIn(app, otherUser.email, testPassword);
  admin = await signedIn(app, adminUser.email, testPassword);
  acmeId = (await makeAccount(deps.db, workspaceId, { owner_id: csmId, arr_amount: 120_000_00 }))
    .id;
  globexId = (await makeAccount(deps.db, workspaceId, { owner_id: csmId, arr_amount: 48_000_00 }))
    .id;
  initechId = (await makeAccount(deps.db, workspaceId, { owner_id: otherUser.id })).id;
});

afterAll(() => {
  vi.useRealTimers();
});

describe('logging feedback', () => {
  it("keeps what the customer said with the account's ARR and who logged it", async () => {
    const item = await log(csm, acmeId, 'Please add export to Excel for the account list');
    expect(item).toMatchObject({
      accountId: acmeId,
      type: 'feature_request',
      status: 'new',
      source: 'web',
      arr: { amount: 120_000_00, currency: 'USD' },
      loggedBy: { id: csmId },
      review: 'accepted',
    });
  });

  it('puts "export to Excel" and "выгрузка в Excel" in one theme once the worker runs', async () => {
    const english = await log(csm, acmeId, 'We need to export our reports to Excel');
    const russian = await log(csm, globexId, 'Нужна выгрузка отчётов в Excel');
    const unrelated = await log(csm, globexId, 'Dark mode please, our team works late');
    await run();
    const theme = await themeOf(english.id);
    expect(theme).not.toBeNull();
    expect(await themeOf(russian.id)).toBe(theme);
    expect(await themeOf(unrelated.id)).not.toBe(theme);
  });

  it('makes a timeline note into feedback once, however often the button is tapped', async () => {
    const body = {
      accountId: acmeId,
      text: 'Customer asked for SSO with Azure AD',
      source: 'timeline' as const,
      sourceRef: 'event-1234',
    };
    const first = await csm.POST('/api/v1/feedback', { body });
    const again = await csm.POST('/api/v1/feedback', { body });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(200);
    expect(again.data?.id).toBe(first.data?.id);
  });

  it("shows a CSM only their own clients' feedback", async () => {
    await log(otherCsm, initechId, 'Gantt chart view for project plans');
    const mine = await csm.GET('/api/v1/feedback', { params: { query: { limit: 500 } } });
    expect(mine.data?.items.length).toBeGreaterThan(0);
    expect(mine.data?.items.every((i) => i.accountId !== initechId)).toBe(true);
    const everyone = await admin.GET('/api/v1/feedback', { params: { query: { limit: 500 } } });
    expect(everyone.data?.items.some((i) => i.accountId === initechId)).toBe(true);
  });
});

describe('bad input', () => {
  it.each([
    ['empty text', { text: '   ' }, 'text'],
    ['100 KB of text', { text: 'x'.repeat(100_000) }, 'text'],
    ['an unknown account', { accountId: '00000000-0000-4000-8000-000000000000' }, 'accountId'],
    [
      'a contact of no such account',
      { contactId: '00000000-0000-4000-8000-000000000001' },
      'contactId',
    ],
  ])('refuses %s naming the field, storing nothing', async (_, change, field) => {
    const before = await itemCount();
    const { response, error } = await csm.POST('/api/v1/feedback', {
      body: { accountId: acmeId, text: 'Something useful', ...change },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors?.map((e) => e.path)).toContain(field);
    expect(await itemCount()).toBe(before);
  });

  it("refuses another CSM's account as if it did not exist", async () => {
    const { response, error } = await csm.POST('/api/v1/feedback', {
      body: { accountId: initechId, text: 'Logged on the wrong account' },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toContain('accountId');
  });
});

describe('correcting feedback', () => {
  const contactOn = async (accountId: string, name: string) => {
    const { data } = await csm.POST('/api/v1/accounts/{id}/contacts', {
      params: { path: { id: accountId } },
      body: { name },
    });
    if (!data) throw new Error(`no contact ${name}`);
    return data.id;
  };

  let globexContact: string;
  beforeAll(async () => {
    globexContact = await contactOn(globexId, 'Priya Raman');
  });

  const patch = (client: ApiClient, id: string, body: Record<string, unknown>) =>
    client.PATCH('/api/v1/feedback/{id}', { params: { path: { id } }, body });

  it('moves an item logged on the wrong account, with its words and kind corrected', async () => {
    const item = await log(csm, acmeId, 'The export is broken again');
    const { response, data } = await patch(csm, item.id, {
      accountId: globexId,
      text: 'The Excel export fails on large reports',
      type: 'bug',
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      accountId: globexId,
      text: 'The Excel export fails on large reports',
      type: 'bug',
      arr: { amount: 48_000_00, currency: 'USD' },
    });
    const globex = await csm.GET('/api/v1/feedback', {
      params: { query: { accountId: globexId, limit: 500 } },
    });
    expect(globex.data?.items.map((i) => i.id)).toContain(item.id);
  });

  it('raises its priority, moves its status on and names who said it, then no one', async () => {
    const item = await log(csm, acmeId, 'Single sign-on with Okta, please');
    const dana = await contactOn(acmeId, 'Dana Whitfield');
    const set = await patch(csm, item.id, {
      priority: 'critical',
      status: 'planned',
      contactId: dana,
    });
    expect(set.response.status).toBe(200);
    const read = await csm.GET('/api/v1/feedback/{id}', { params: { path: { id: item.id } } });
    expect(read.data).toMatchObject({
      priority: 'critical',
      status: 'planned',
      contact: { id: dana, name: 'Dana Whitfield' },
      text: 'Single sign-on with Okta, please',
    });
    const cleared = await patch(csm, item.id, { contactId: null });
    expect(cleared.data).toMatchObject({ contact: null, priority: 'critical', status: 'planned' });
  });

  const correctionsOf = async (id: string) => {
    const { data, response } = await admin.GET('/api/v1/audit-log', {
      params: { query: { entityType: 'feedback', entityId: id, action: 'feedback.updated' } },
    });
    expect(response.status).toBe(200);
    return data?.items.map((entry) => entry.changes) ?? [];
  };

  it('keeps in the audit log what each corrected field was and became, the contact the move cleared too', async () => {
    const item = await log(csm, acmeId, 'Dashboards time out every Monday');
    const dana = await contactOn(acmeId, 'Dana Okafor');
    await patch(csm, item.id, { contactId: dana });
    const moved = await patch(csm, item.id, {
      accountId: globexId,
      priority: 'high',
      status: item.status,
    });
    expect(moved.response.status).toBe(200);

    const [move, named] = await correctionsOf(item.id);
    expect(move).toEqual({
      accountId: { from: acmeId, to: globexId },
      contactId: { from: dana, to: null },
      priority: { from: 'medium', to: 'high' },
    });
    expect(named).toEqual({ contactId: { from: null, to: dana } });
  });

  it.each([
    ['empty text', () => ({ text: '   ' }), 'text'],
    ["another CSM's account", () => ({ accountId: initechId }), 'accountId'],
    ['an unknown kind', () => ({ type: 'rant' }), 'type'],
    ['an unknown priority', () => ({ priority: 'urgent', status: 'triaged' }), 'priority'],
    ['an unknown status', () => ({ status: 'done', priority: 'high' }), 'status'],
    [
      'a contact of another account',
      () => ({ contactId: globexContact, status: 'triaged' }),
      'contactId',
    ],
  ])('refuses %s naming the field, changing nothing', async (_, change, field) => {
    const item = await log(csm, acmeId, 'Reports load slowly in the morning');
    const { response, error } = await patch(csm, item.id, change());
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors?.map((e) => e.path)).toContain(field);
    expect(await correctionsOf(item.id)).toEqual([]);
    const after = await csm.GET('/api/v1/feedback/{id}', { params: { path: { id: item.id } } });
    expect(after.data).toMatchObject({
      accountId: acmeId,
      text: 'Reports load slowly in the morning',
      type: item.type,
      priority: 'medium',
      status: 'new',
      contact: null,
    });
  });
});
