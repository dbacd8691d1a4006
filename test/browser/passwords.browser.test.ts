// A CSM who forgot her password gets back in from her phone through the e-mailed link, then
// changes it on her profile — under the Content-Security-Policy, which refuses every inline
// script: the pre-paint theme script runs from its file, and nothing on the way is blocked.
import { runTaskListOnce } from 'graphile-worker';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { toTaskList } from '../../src/jobs/registry.ts';
import { passwordResetJobs } from '../../src/modules/notify/index.ts';
import { startSmtpServer } from '../notify/support.ts';
import { SignInPage } from './pages/SignInPage.ts';
import type { TestServer } from '../support/server.ts';
import {
  demoPassword,
  openSteward,
  phone,
  seriousViolations,
  type BrowserSession,
} from './support.ts';

const csm = 'csm@demo.steward.dev';
const smtp = await startSmtpServer();
afterAll(() => smtp.close());

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

/** Whatever the browser reports the policy refused, or a script failed with. */
function watchRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      refused.push(message.text());
    }
  });
  page.on('pageerror', (error) => refused.push(error.message));
  return refused;
}

async function sendQueuedResets(server: TestServer) {
  const pool = new pg.Pool({ connectionString: server.deps.config.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    await runTaskListOnce({}, toTaskList(server.deps, passwordResetJobs), client).promise;
  } finally {
    client.release();
    await pool.end();
  }
}

describe('a forgotten password', () => {
  it('is reset from a phone through the e-mailed link, and the new one signs her in', async () => {
    session = await openSteward(null, phone);
    const { page, server } = session;
    // The server's routes hold this config object: the link needs SMTP and the public URL.
    Object.assign(server.deps.config, { smtpUrl: smtp.url, publicUrl: server.url });
    await page.emulateMedia({ colorScheme: 'dark' });
    const refused = watchRefusals(page);

    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to Steward' }).waitFor();
    // Only theme.js (run before the app) darkens the signed-out sign-in page.
    expect(await page.locator('html').getAttribute('class')).toMatch(/\bdark\b/);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('E-mail').fill(csm);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page
      .getByRole('status')
      .getByText(/an e-mail with a link is on its way/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await sendQueuedResets(server);
    const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes(csm));
    const link = /(http:\/\/\S+\/reset-password\?token=\S+)/.exec(mail?.text ?? '')?.[1];
    expect(link).toBeDefined();

    await page.goto(link ?? '');
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('my phone reset it');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page
      .getByRole('status')
      .getByText(/Your password is set/)
      .waitFor();

    await page.getByRole('link', { name: 'Back to sign-in' }).click();
    const signIn = new SignInPage(page);
    await signIn.signIn(csm, demoPassword);
    expect(await signIn.refusal()).toBe('The e-mail or the password is not right.');
    await signIn.signIn(csm, 'my phone reset it');
    await page.waitForURL(/\/accounts/);
    expect(refused).toEqual([]);
  });
});

describe('changing a password', () => {
  it('takes the current and the new one on the profile page', async () => {
    session = await openSteward(csm, phone);
    const { page, server } = session;
    const refused = watchRefusals(page);
    await page.goto(`${server.url}/settings/profile`);
    await page.getByRole('heading', { name: 'Password' }).waitFor();
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('changed on my phone');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('is not your current password').waitFor();

    await page.getByLabel('Current password').fill(demoPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('status')
      .getByText(/Password changed/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(refused).toEqual([]);

    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: csm, password: 'changed on my phone' }),
    });
    expect(login.status).toBe(200);
  });
});
