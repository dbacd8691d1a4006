// Ways back in and ways to close the door: changing one's password ends the other sessions, a
// reset link by e-mail works once and for an hour, `steward user set-password` for operators,
// and a daily job that forgets ended sessions, old throttles and expired links.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { enqueue } from '../../src/jobs/registry.ts';
import { apiClient, signedIn, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { runJobs, startSmtpServer } from '../notify/support.ts';

// Each sign-in and password costs a real scrypt, and one test starts the CLI: a busy two-core
// machine needs more than the default half minute.
vi.setConfig({ testTimeout: 120_000 });

const { deps, clock, database } = await useTestDeps();
const smtp = await startSmtpServer();
deps.config = { ...deps.config, smtpUrl: smtp.url, publicUrl: 'http://steward.test' };
const app = testApp(deps);
afterAll(() => smtp.close());

async function person() {
  const workspace = await makeWorkspace(deps.db);
  return makeUser(deps.db, workspace.id);
}

const signInStatus = async (email: string, password: string) =>
  (await apiClient(app).POST('/api/v1/auth/login', { body: { email, password } })).response.status;

describe('changing your password', () => {
  it('asks for the current one, then signs you out everywhere else but here', async () => {
    const csm = await person();
    const here = await signedIn(app, csm.email, testPassword);
    const phone = await signedIn(app, csm.email, testPassword);

    const wrong = await here.POST('/api/v1/me/password', {
      body: { currentPassword: 'not my password', newPassword: 'a new long password' },
    });
    expect(wrong.response.status).toBe(422);
    expect(wrong.error?.errors?.map((e) => e.path)).toEqual(['currentPassword']);

    const changed = await here.POST('/api/v1/me/password', {
      body: { currentPassword: testPassword, newPassword: 'a new long password' },
    });
    expect(changed.response.status).toBe(204);
    expect((await here.GET('/api/v1/me')).response.status).toBe(200);
    expect((await phone.GET('/api/v1/me')).response.status).toBe(401);
    expect(await signInStatus(csm.email, testPassword)).toBe(401);
    expect(await signInStatus(csm.email, 'a new long password')).toBe(200);
  });

  it('cannot be done with an API token', async () => {
    const csm = await person();
    const client = await signedIn(app, csm.email, testPassword);
    const { data: token } = await client.POST('/api/v1/api-tokens', {
      body: { name: 'reporting', scopes: ['view_accounts'] },
    });
    const bot = apiClient(app, { token: token?.token ?? '' });
    const attempt = await bot.POST('/api/v1/me/password', {
      body: { currentPassword: testPassword, newPassword: 'taken over by a bot' },
    });
    expect(attempt.response.status).toBe(403);
    expect(await signInStatus(csm.email, testPassword)).toBe(200);
  });
});

describe('a forgotten password', () => {
  const linkIn = (text: string) => /http:\/\/steward\.test\/reset-password\?token=(\S+)/.exec(text);

  it('is reset with a link sent by e-mail, which works once and ends every session', async () => {
    const csm = await person();
    const laptop = await signedIn(app, csm.email, testPassword);
    const anyone = apiClient(app);

    const asked = await anyone.POST('/api/v1/auth/password-reset', { body: { email: csm.email } });
    expect(asked.response.status).toBe(202);
    const nobody = await anyone.POST('/api/v1/auth/password-reset', {
      body: { email: 'nobody@example.test' },
    });
    expect(nobody.response.status).toBe(202);
    await runJobs(deps, database.pool, clock);

    const mails = smtp.mails.filter((m) => JSON.stringify(m.to).includes(csm.email));
    expect(mails).toHaveLength(1);
    expect(smtp.mails.some((m) => JSON.stringify(m.to).includes('nobody@example.test'))).toBe(
      false,
    );
    const mail = mails[0];
    expect(mail?.subject).toBe('Reset your Steward password');
    expect(mail?.messageId).toMatch(/^<password-reset\.[0-9a-f-]{36}@localhost>$/);
    const token = decodeURIComponent(linkIn(mail?.text ?? '')?.[1] ?? '');
    expect(token).not.toBe('');
    // The database keeps nothing that opens the link.
    const stored = await deps.db.selectFrom('password_resets').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);

    const altered = await anyone.POST('/api/v1/auth/password-reset/confirm', {
      body: { token: `${token}x`, password: 'chosen after reset' },
    });
    expect(altered.response.status).toBe(400);

    const reset = await anyone.POST('/api/v1/auth/password-reset/confirm', {
      body: { token, password: 'chosen after reset' },
    });
    expect(reset.response.status).toBe(204);
    expect((await laptop.GET('/api/v1/me')).response.status).toBe(401);
    expect(await signInStatus(csm.email, 'chosen after reset')).toBe(200);

    const again = await anyone.POST('/api/v1/auth/password-reset/confirm', {
      body: { token, password: 'someone else tries' },
    });
    expect(again.response.status).toBe(400);
    expect(again.error?.code).toBe('password_reset.invalid');
  });

  it('sends one e-mail every few minutes however often it is asked, and the link lasts an hour', async () => {
    const csm = await person();
    const anyone = apiClient(app);
    for (let i = 0; i < 3; i++) {
      await anyone.POST('/api/v1/auth/password-reset', { body: { email: csm.email } });
    }
    await runJobs(deps, database.pool, clock);
    const mails = smtp.mails.filter((m) => JSON.stringify(m.to).includes(csm.email));
    expect(mails).toHaveLength(1);
    const token = decodeURIComponent(linkIn(mails[0]?.text ?? '')?.[1] ?? '');

    clock.advance(61 * 60_000);
    const late = await anyone.POST('/api/v1/auth/password-reset/confirm', {
      body: { token, password: 'too late for this' },
    });
    expect(late.response.status).toBe(400);
    expect(await signInStatus(csm.email, testPassword)).toBe(200);
  });
});

describe('steward user set-password', () => {
  it("sets a person's password from the command line and ends their sessions", async () => {
    const csm = await person();
    const session = await signedIn(app, csm.email, testPassword);
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      ['src/main.ts', 'user', 'set-password', '--email', csm.email],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          STEWARD_PASSWORD: 'set by the operator',
          LOG_LEVEL: 'silent',
        },
      },
    );
    expect(stdout).toContain(csm.email);
    expect((await session.GET('/api/v1/me')).response.status).toBe(401);
    expect(await signInStatus(csm.email, 'set by the operator')).toBe(200);
  });
});

describe('the daily clean-up', () => {
  it('forgets ended sessions, quiet throttles and expired reset links, and keeps the rest', async () => {
    const csm = await person();
    const live = await signedIn(app, csm.email, testPassword);
    const now = clock.now();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600_000);
    await deps.db
      .insertInto('sessions')
      .values([
        {
          token_hash: `ended-${csm.id}`,
          user_id: csm.id,
          workspace_id: csm.workspace_id,
          created_at: daysAgo(20),
          last_seen_at: daysAgo(16),
          expires_at: daysAgo(2),
        },
        {
          token_hash: `too-old-${csm.id}`,
          user_id: csm.id,
          workspace_id: csm.workspace_id,
          created_at: daysAgo(31),
          last_seen_at: daysAgo(0),
          expires_at: daysAgo(-10),
        },
      ])
      .execute();
    await deps.db
      .insertInto('sign_in_throttles')
      .values([
        {
          key: `email:old-${csm.id}`,
          failures: 3,
          last_failed_at: daysAgo(1),
          blocked_until: null,
        },
        { key: `email:fresh-${csm.id}`, failures: 3, last_failed_at: now, blocked_until: null },
      ])
      .execute();
    await deps.db
      .insertInto('password_resets')
      .values({
        workspace_id: csm.workspace_id,
        user_id: csm.id,
        created_at: daysAgo(3),
        expires_at: daysAgo(3),
      })
      .execute();

    await enqueue(deps.db, 'auth__forget_ended', {}, { runAt: now });
    await runJobs(deps, database.pool, clock);

    const sessions = await deps.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', csm.id)
      .execute();
    expect(sessions).toHaveLength(1);
    expect((await live.GET('/api/v1/me')).response.status).toBe(200);
    const throttles = await deps.db
      .selectFrom('sign_in_throttles')
      .select('key')
      .where('key', 'like', `%${csm.id}`)
      .execute();
    expect(throttles.map((t) => t.key)).toEqual([`email:fresh-${csm.id}`]);
    const resets = await deps.db
      .selectFrom('password_resets')
      .select('id')
      .where('user_id', '=', csm.id)
      .execute();
    expect(resets).toEqual([]);
  });
});
