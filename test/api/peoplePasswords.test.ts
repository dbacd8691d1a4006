// An administrator gives a person a new password from the app — the way back in when no SMTP
// sends reset links, or for a demo person whose password nobody knows.
import { describe, expect, it, vi } from 'vitest';
import { apiClient, signedIn, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

// Each sign-in and each new password costs a real scrypt: a busy two-core machine needs time.
vi.setConfig({ testTimeout: 120_000 });

const { deps } = await useTestDeps();
const app = testApp(deps);

async function team() {
  const workspace = await makeWorkspace(deps.db);
  const admin = await makeUser(deps.db, workspace.id, { role: 'admin' });
  const csm = await makeUser(deps.db, workspace.id, { role: 'csm' });
  return { workspace, admin, csm, asAdmin: await signedIn(app, admin.email, testPassword) };
}

const signInStatus = async (email: string, password: string) =>
  (await apiClient(app).POST('/api/v1/auth/login', { body: { email, password } })).response.status;

describe("an administrator setting a person's password", () => {
  it('signs the person out everywhere, lets the new password in, and logs who did it', async () => {
    const { admin, csm, asAdmin } = await team();
    const laptop = await signedIn(app, csm.email, testPassword);
    const phone = await signedIn(app, csm.email, testPassword);

    const set = await asAdmin.POST('/api/v1/users/{id}/password', {
      params: { path: { id: csm.id } },
      body: { password: 'given by the admin' },
    });
    expect(set.response.status).toBe(204);

    expect((await laptop.GET('/api/v1/me')).response.status).toBe(401);
    expect((await phone.GET('/api/v1/me')).response.status).toBe(401);
    expect((await asAdmin.GET('/api/v1/me')).response.status).toBe(200);
    expect(await signInStatus(csm.email, testPassword)).toBe(401);
    expect(await signInStatus(csm.email, 'given by the admin')).toBe(200);

    const { data: log } = await asAdmin.GET('/api/v1/audit-log', {
      params: { query: { entityType: 'user', entityId: csm.id } },
    });
    expect(log?.items.map((e) => [e.action, e.actor?.id])).toEqual([
      ['user.password_set', admin.id],
    ]);
    expect(JSON.stringify(log)).not.toContain('given by the admin');
  });

  it('refuses a short password naming the field, and the old one still works', async () => {
    const { csm, asAdmin } = await team();
    const session = await signedIn(app, csm.email, testPassword);
    const short = await asAdmin.POST('/api/v1/users/{id}/password', {
      params: { path: { id: csm.id } },
      body: { password: 'short' },
    });
    expect(short.response.status).toBe(422);
    expect(short.response.headers.get('content-type')).toBe('application/problem+json');
    expect(short.error?.errors).toEqual([
      { path: 'password', message: 'must be at least 10 characters' },
    ]);
    expect((await session.GET('/api/v1/me')).response.status).toBe(200);
    expect(await signInStatus(csm.email, testPassword)).toBe(200);
  });

  it('answers 404 for someone unknown or in another workspace, and leaves them be', async () => {
    const { asAdmin } = await team();
    const elsewhere = await makeWorkspace(deps.db);
    const stranger = await makeUser(deps.db, elsewhere.id);
    for (const id of [stranger.id, '6f0c1a52-8d1e-4c57-9a5e-0b7f3c2d9e11']) {
      const attempt = await asAdmin.POST('/api/v1/users/{id}/password', {
        params: { path: { id } },
        body: { password: 'not yours to set' },
      });
      expect(attempt.response.status).toBe(404);
      expect(attempt.response.headers.get('content-type')).toBe('application/problem+json');
      expect(attempt.error?.code).toBe('user.not_found');
    }
    expect(await signInStatus(stranger.email, testPassword)).toBe(200);
  });

  it("is refused to a CSM, whose colleague's password stays as it was", async () => {
    const { workspace, csm } = await team();
    const colleague = await makeUser(deps.db, workspace.id);
    const asCsm = await signedIn(app, csm.email, testPassword);
    const attempt = await asCsm.POST('/api/v1/users/{id}/password', {
      params: { path: { id: colleague.id } },
      body: { password: 'taking over a colleague' },
    });
    expect(attempt.response.status).toBe(403);
    expect(attempt.response.headers.get('content-type')).toBe('application/problem+json');
    expect(await signInStatus(colleague.email, testPassword)).toBe(200);
    expect(await signInStatus(colleague.email, 'taking over a colleague')).toBe(401);
  });
});
