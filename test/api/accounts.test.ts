import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { origin, sessionCookieOf, signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csm: ApiClient;
let csmId: string;
let sessionCookie: string;

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  const admin = await makeUser(deps.db, workspaceId, { role: 'admin' });
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Jordan Taylor' });
  csmId = csmUser.id;
  const adminClient = await signedIn(app, admin.email, testPassword);
  await adminClient.POST('/api/v1/custom-fields', {
    body: {
      entity: 'account',
      key: 'region',
      label: 'Region',
      type: 'select',
      options: ['NA', 'EMEA'],
    },
  });
  await adminClient.POST('/api/v1/custom-fields', {
    body: { entity: 'account', key: 'go_live', label: 'Go-live', type: 'date' },
  });
  await adminClient.POST('/api/v1/custom-fields', {
    body: { entity: 'account', key: 'sso', label: 'Uses SSO', type: 'boolean' },
  });
  csm = await signedIn(app, csmUser.email, testPassword);
  sessionCookie = await sessionCookieOf(app, csmUser.email, testPassword);
});

const countAccounts = async () =>
  Number(
    (
      await deps.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Sends a raw body, as a misbehaving client would. */
const rawPost = (path: string, body: string, contentType = 'application/json') =>
  app.request(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: sessionCookie, origin },
    body,
  });

describe('accounts', () => {
  it('creates an account with typed custom fields and shows ARR and MRR as money', async () => {
    const { response, data } = await csm.POST('/api/v1/accounts', {
      body: {
        name: 'Acme Rockets',
        externalId: 'crm-1',
        domain: 'Acme.example',
        tier: 'enterprise',
        arr: { amount: 120_000_00, currency: 'USD' },
        ownerId: csmId,
        customFields: { region: 'EMEA', go_live: '2027-01-15', sso: true },
      },
    });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({
      domain: 'acme.example',
      arr: { amount: 120_000_00, currency: 'USD' },
      mrr: { amount: 10_000_00, currency: 'USD' },
      ownerName: 'Jordan Taylor',
      customFields: { region: 'EMEA', go_live: '2027-01-15', sso: true },
      health: { score: null, category: null },
    });
  });

  it('merges custom field changes, clears a value with null, and puts stage changes on the timeline', async () => {
    const account = await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      stage: 'onboarding',
      custom_fields: { region: 'NA', sso: false },
    });
    const { data } = await csm.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: account.id } },
      body: { stage: 'adopting', customFields: { sso: null, go_live: '2026-12-01' } },
    });
    expect(data?.customFields).toEqual({ region: 'NA', go_live: '2026-12-01' });
    const { data: timeline } = await csm.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id } },
    });
    expect(timeline?.items[0]).toMatchObject({
      kind: 'system',
      title: 'Stage changed from onboarding to adopting',
      actor: { name: 'Jordan Taylor' },
    });
  });

  it('soft-deletes: the account leaves the portfolio but its row and history stay', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { response } = await csm.DELETE('/api/v1/accounts/{id}', {
      params: { path: { id: account.id } },
    });
    expect(response.status).toBe(204);
    expect(
      (await csm.GET('/api/v1/accounts/{id}', { params: { path: { id: account.id } } })).response
        .status,
    ).toBe(404);
    const row = await deps.db
      .selectFrom('accounts')
      .select('deleted_at')
      .where('id', '=', account.id)
      .executeTakeFirst();
    expect(row?.deleted_at).not.toBeNull();
  });

  it("hides another CSM's account from a CSM (404), as if it did not exist", async () => {
    const other = await makeUser(deps.db, workspaceId);
    const account = await makeAccount(deps.db, workspaceId, { owner_id: other.id });
    const { response } = await csm.GET('/api/v1/accounts/{id}/360', {
      params: { path: { id: account.id } },
    });
    expect(response.status).toBe(404);
  });
});

describe('bad input writes nothing', () => {
  it.each([
    [{ name: 'X', customFields: { region: 'Mars' } }, 'customFields.region', /one of: NA, EMEA/],
    [
      { name: 'X', customFields: { shoe_size: 42 } },
      'customFields.shoe_size',
      /no such custom field/,
    ],
    [{ name: 'X', customFields: { go_live: '2026-02-30' } }, 'customFields.go_live', /YYYY-MM-DD/],
    [{ name: 'X', customFields: { sso: 'yes' } }, 'customFields.sso', /true or false/],
    [{ name: 'X', arr: { amount: 12.5, currency: 'USD' } }, 'arr.amount', /minor units/],
    [{ name: 'X', tier: 'gold' }, 'tier', /./],
    [{ name: '' }, 'name', /./],
    [
      { name: 'X', ownerId: '00000000-0000-4000-8000-000000000000' },
      'ownerId',
      /no such active user/,
    ],
    [{ name: 'X', surprise: true }, '', /surprise/],
  ])('refuses %o with 422 naming %s', async (body, path, message) => {
    const before = await countAccounts();
    const { response, error } = await csm.POST('/api/v1/accounts', { body: body as never });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const named = error?.errors?.find(
      (e) => e.path === path || (path === '' && message.test(e.message)),
    );
    expect(named?.message).toMatch(message);
    expect(await countAccounts()).toBe(before);
  });

  it('answers 409 for an external id another account has', async () => {
    await csm.POST('/api/v1/accounts', { body: { name: 'First', externalId: 'dup-1' } });
    const { response, error } = await csm.POST('/api/v1/accounts', {
      body: { name: 'Second', externalId: 'dup-1' },
    });
    expect(response.status).toBe(409);
    expect(error?.errors?.[0]?.path).toBe('externalId');
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await rawPost('/api/v1/accounts', '{"name": "Broken",');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('request.malformed');
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await rawPost(
      '/api/v1/accounts',
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe('request.too_large');
  });

  it('answers 404 problem+json for unknown ids and unknown API paths', async () => {
    const missing = await csm.GET('/api/v1/accounts/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('account.not_found');
    const malformedId = await csm.GET('/api/v1/accounts/{id}', {
      params: { path: { id: 'not-a-uuid' } },
    });
    expect(malformedId.response.status).toBe(422);
    const nowhere = await app.request('/api/v1/nowhere');
    expect(nowhere.status).toBe(404);
    expect(nowhere.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('the Customer 360 and its timeline', () => {
  it('shows profile, contract with days to renewal, contacts champions-first and the latest notes', async () => {
    const account = await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      renewal_date: '2026-12-02',
      arr_amount: 60_000_00,
    });
    await csm.POST('/api/v1/accounts/{id}/contacts', {
      params: { path: { id: account.id } },
      body: { name: 'Uma User', role: 'user', email: 'uma@example.test' },
    });
    await csm.POST('/api/v1/accounts/{id}/contacts', {
      params: { path: { id: account.id } },
      body: { name: 'Chris Champion', role: 'champion' },
    });
    const { response: noteResponse } = await csm.POST('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id } },
      body: { body: 'Kickoff went well; they want SSO by January.' },
    });
    expect(noteResponse.status).toBe(201);

    const { data } = await csm.GET('/api/v1/accounts/{id}/360', {
      params: { path: { id: account.id } },
    });
    expect(data?.contract).toMatchObject({ daysToRenewal: 30, mrr: { amount: 5_000_00 } });
    expect(data?.contacts.map((c) => c.name)).toEqual(['Chris Champion', 'Uma User']);
    expect(data?.timeline.items[0]).toMatchObject({
      kind: 'note',
      body: 'Kickoff went well; they want SSO by January.',
      occurredAt: clock.now().toISOString(),
    });
  });

  it('pages the timeline newest first', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    for (let day = 1; day <= 5; day++) {
      await csm.POST('/api/v1/accounts/{id}/timeline', {
        params: { path: { id: account.id } },
        body: { kind: 'call', body: `Call ${day}`, occurredAt: `2026-10-0${day}T10:00:00Z` },
      });
    }
    const first = await csm.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id }, query: { limit: 3 } },
    });
    const second = await csm.GET('/api/v1/accounts/{id}/timeline', {
      params: {
        path: { id: account.id },
        query: { limit: 3, cursor: first.data?.nextCursor ?? '' },
      },
    });
    expect(
      [...(first.data?.items ?? []), ...(second.data?.items ?? [])].map((e) => e.body),
    ).toEqual(['Call 5', 'Call 4', 'Call 3', 'Call 2', 'Call 1']);
    expect(second.data?.nextCursor).toBeNull();
  });

  it('refuses an empty note', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { response, error } = await csm.POST('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id } },
      body: { body: '   ' },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.path).toBe('body');
  });
});

describe('custom field definitions', () => {
  it('needs options for a select and refuses a key twice', async () => {
    const admin = await makeUser(deps.db, workspaceId, { role: 'admin' });
    const client = await signedIn(app, admin.email, testPassword);
    const noOptions = await client.POST('/api/v1/custom-fields', {
      body: { entity: 'account', key: 'segment_x', label: 'Segment', type: 'select' },
    });
    expect(noOptions.response.status).toBe(422);
    expect(noOptions.error?.errors?.[0]?.path).toBe('options');
    const twice = await client.POST('/api/v1/custom-fields', {
      body: { entity: 'account', key: 'region', label: 'Region again', type: 'text' },
    });
    expect(twice.response.status).toBe(409);
  });

  it('is for admins only', async () => {
    const { response } = await csm.POST('/api/v1/custom-fields', {
      body: { entity: 'account', key: 'sneaky', label: 'Sneaky', type: 'text' },
    });
    expect(response.status).toBe(403);
  });
});
