import { describe, expect, it } from 'vitest';
import { apiClient, signedIn, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps, clock } = await useTestDeps();
const app = testApp(deps);

describe('signing in', () => {
  it('lets a CSM sign in and tells them who they are', async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id, { role: 'csm', name: 'Jordan Taylor' });
    const client = await signedIn(app, csm.email, testPassword);
    const { data } = await client.GET('/api/v1/me');
    expect(data?.name).toBe('Jordan Taylor');
    expect(data?.permissions).toContain('view_client_health');
    expect(data?.permissions).not.toContain('manage_users');
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id);
    const { response, error } = await apiClient(app).POST('/api/v1/auth/login', {
      body: { email: csm.email, password: 'not the password' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(error?.detail).toBe('The e-mail or the password is not right.');
  });

  it('throttles guessing after five failures, then lets the person in once the window passes', async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id);
    const client = apiClient(app);
    for (let i = 0; i < 5; i++) {
      await client.POST('/api/v1/auth/login', {
        body: { email: csm.email, password: `guess ${i}` },
      });
    }
    const blocked = await client.POST('/api/v1/auth/login', {
      body: { email: csm.email, password: testPassword },
    });
    expect(blocked.response.status).toBe(429);
    expect(Number(blocked.response.headers.get('retry-after'))).toBeGreaterThan(0);

    clock.advance(16 * 60_000);
    const allowed = await client.POST('/api/v1/auth/login', {
      body: { email: csm.email, password: testPassword },
    });
    expect(allowed.response.status).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and ends it on sign-out', async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id);
    const response = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: csm.email, password: testPassword }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    const client = await signedIn(app, csm.email, testPassword);
    await client.POST('/api/v1/auth/logout');
    expect((await client.GET('/api/v1/me')).response.status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated write from another origin and writes nothing', async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id);
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: csm.email, password: testPassword }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const response = await app.request('http://steward.test/api/v1/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' },
      body: JSON.stringify({ name: 'Planted Inc' }),
    });
    expect(response.status).toBe(403);
    const planted = await deps.db
      .selectFrom('accounts')
      .select('id')
      .where('name', '=', 'Planted Inc')
      .execute();
    expect(planted).toHaveLength(0);
  });
});

describe('API tokens', () => {
  it('shows the secret once, works as a bearer token within its scopes, and stops when revoked', async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id);
    await makeAccount(deps.db, workspace.id, { owner_id: csm.id, name: 'Scoped Co' });
    const client = await signedIn(app, csm.email, testPassword);
    const { data: created } = await client.POST('/api/v1/api-tokens', {
      body: { name: 'reporting', scopes: ['view_accounts'] },
    });
    expect(created?.token).toMatch(/^stw_/);

    const { data: listed } = await client.GET('/api/v1/api-tokens');
    expect(JSON.stringify(listed)).not.toContain(created?.token);

    const bot = apiClient(app, { token: created?.token ?? '' });
    const { data: page } = await bot.GET('/api/v1/accounts');
    expect(page?.items.map((a) => a.name)).toEqual(['Scoped Co']);
    const write = await bot.POST('/api/v1/accounts', { body: { name: 'Not allowed' } });
    expect(write.response.status).toBe(403);

    await client.DELETE('/api/v1/api-tokens/{id}', { params: { path: { id: created?.id ?? '' } } });
    expect((await bot.GET('/api/v1/accounts')).response.status).toBe(401);
  });

  it('refuses a token scope its owner does not have', async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id);
    const client = await signedIn(app, csm.email, testPassword);
    const { response, error } = await client.POST('/api/v1/api-tokens', {
      body: { name: 'too much', scopes: ['view_accounts', 'manage_users'] },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.path).toBe('scopes.1');
  });
});

describe('workspaces', () => {
  it("answers 404 for another workspace's account, even to its admin", async () => {
    const ours = await makeWorkspace(deps.db);
    const theirs = await makeWorkspace(deps.db);
    const admin = await makeUser(deps.db, ours.id, { role: 'admin' });
    const foreign = await makeAccount(deps.db, theirs.id);
    const client = await signedIn(app, admin.email, testPassword);
    const read = await client.GET('/api/v1/accounts/{id}', {
      params: { path: { id: foreign.id } },
    });
    expect(read.response.status).toBe(404);
    const write = await client.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: foreign.id } },
      body: { name: 'Hijacked' },
    });
    expect(write.response.status).toBe(404);
    const after = await deps.db
      .selectFrom('accounts')
      .select('name')
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(after.name).toBe(foreign.name);
  });
});

describe('managers', () => {
  it('refuses a manager chain that loops', async () => {
    const workspace = await makeWorkspace(deps.db);
    const admin = await makeUser(deps.db, workspace.id, { role: 'admin' });
    const head = await makeUser(deps.db, workspace.id, { role: 'manager' });
    const lead = await makeUser(deps.db, workspace.id, { role: 'manager', managerId: head.id });
    const client = await signedIn(app, admin.email, testPassword);
    const { response, error } = await client.PATCH('/api/v1/users/{id}', {
      params: { path: { id: head.id } },
      body: { managerId: lead.id },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.path).toBe('managerId');
  });
});

describe('audit log', () => {
  it('records who changed what and refuses to be rewritten', async () => {
    const workspace = await makeWorkspace(deps.db);
    const manager = await makeUser(deps.db, workspace.id, { role: 'manager' });
    const account = await makeAccount(deps.db, workspace.id, {
      owner_id: manager.id,
      stage: 'onboarding',
    });
    const client = await signedIn(app, manager.email, testPassword);
    await client.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: account.id } },
      body: { stage: 'adopting' },
    });

    const { data } = await client.GET('/api/v1/audit-log', {
      params: { query: { entityId: account.id } },
    });
    expect(data?.items[0]).toMatchObject({
      action: 'account.updated',
      actor: { id: manager.id },
      changes: { stage: { from: 'onboarding', to: 'adopting' } },
    });
    await expect(deps.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
