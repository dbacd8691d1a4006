// Data in, as people see it: a CSM on a phone and on a laptop opens a demo account's 360 and
// finds its usage, support tickets and billing — fed through the real Tracking API, support
// and Stripe webhooks — then the adoption view; an admin creates a Segment write key in
// settings, sends a real /v1/track call with it, and sees the event counted on the 360.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { signBody } from '../../src/modules/intake/support/index.ts';
import { postStripe, stripeEvent, subscription, unix } from '../intake/billing/support.ts';
import { basicAuth } from '../intake/segment/support.ts';
import { signedIn } from '../support/client.ts';
import type { TestServer } from '../support/server.ts';
import { AccountPage } from './pages/AccountPage.ts';
import { AdoptionPage } from './pages/AdoptionPage.ts';
import { Customer360Panels } from './pages/Customer360Panels.ts';
import { IntakeSettingsPage } from './pages/IntakeSettingsPage.ts';
import {
  demoPassword,
  laptop,
  openSteward,
  phone,
  seriousViolations,
  type BrowserSession,
} from './support.ts';

const csm = 'csm@demo.steward.dev';
const admin = 'admin@demo.steward.dev';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

type DemoAccount = { id: string; name: string; externalId: string };

/** The first of a demo person's own clients. */
async function firstClientOf(server: TestServer, email: string): Promise<DemoAccount> {
  const api = await signedIn(buildApp(server.deps), email, demoPassword);
  const { data } = await api.GET('/api/v1/accounts', {
    params: { query: { owner: 'me', sort: 'name', limit: 1 } },
  });
  const account = data?.items[0];
  if (!account?.externalId) throw new Error(`${email} has no client with an external id`);
  return { id: account.id, name: account.name, externalId: account.externalId };
}

/** Posts Tracking API calls over the socket, as a Segment destination does. */
async function track(server: TestServer, writeKey: string, body: unknown) {
  const response = await fetch(`${server.url}/v1/${Array.isArray(body) ? 'batch' : 'track'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basicAuth(writeKey) },
    body: JSON.stringify(Array.isArray(body) ? { batch: body } : body),
  });
  expect(response.status).toBe(200);
}

const trackCall = (account: DemoAccount, userId: string, event: string) => ({
  type: 'track',
  userId,
  event,
  timestamp: new Date().toISOString(),
  messageId: randomUUID(),
  context: { groupId: account.externalId },
});

/**
 * Usage, a support ticket and a Stripe subscription for the account, each through its real
 * intake path; the secrets come from the admin's settings API.
 */
async function feedIntake(server: TestServer, account: DemoAccount, tag: string) {
  const app = buildApp(server.deps);
  const api = await signedIn(app, admin, demoPassword);
  const writeKey = (await api.POST('/api/v1/intake/write-keys', { body: { name: tag } })).data?.key;
  const support = (await api.POST('/api/v1/intake/support-secrets', { body: { name: tag } })).data
    ?.secret;
  const stripeSecret = `whsec_${tag.replace(/\W/g, '')}0123456789`;
  await api.POST('/api/v1/intake/stripe-secrets', { body: { name: tag, secret: stripeSecret } });
  if (!writeKey || !support) throw new Error('the intake secrets were not created');

  const users = ['ada', 'grace', 'linus'].map((name) => `${tag}-${name}`);
  await track(
    server,
    writeKey,
    users.map((user) => trackCall(account, user, `${tag} Report Viewed`)),
  );

  const ticket = JSON.stringify({
    ticket: {
      id: `${tag}-1`,
      subject: `${tag}: SSO login fails`,
      status: 'open',
      priority: 'urgent',
      requester: { email: 'ada@example.test' },
      organization: { external_id: account.externalId },
      created_at: new Date(Date.now() - 3 * 3600_000).toISOString(),
      updated_at: new Date().toISOString(),
    },
  });
  const delivered = await app.request('http://steward.test/webhooks/support', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-steward-signature': signBody(support, ticket, new Date()),
    },
    body: ticket,
  });
  expect(await delivered.json()).toMatchObject({ outcome: 'applied' });

  const now = new Date();
  const created = stripeEvent(
    'customer.subscription.created',
    subscription({
      id: `sub_${tag}`,
      customer: `cus_${tag}`,
      items: [{ unitAmount: 123_400 }],
      metadata: { steward_account_id: account.id },
    }),
    now,
  );
  const billed = await postStripe(app, created, { secret: stripeSecret, timestamp: unix(now) });
  expect(billed.status).toBe(200);
  return { writeKey, users };
}

describe.each([
  ['a phone', phone, 'light'],
  ['a laptop', laptop, 'dark'],
] as const)('the Customer 360 on %s', (_name, viewport, colorScheme) => {
  it('shows usage, support tickets and billing, filters the timeline, and leads to adoption', async () => {
    session = await openSteward(csm, viewport, { colorScheme });
    const { page, server } = session;
    const account = await firstClientOf(server, csm);
    const tag = `t${randomUUID().slice(0, 8)}`;
    await feedIntake(server, account, tag);

    await new AccountPage(page).open(server.url, account.id);
    const panels = new Customer360Panels(page);
    await panels.waitForUsage();
    expect(await panels.figure('usage', 'Monthly active')).toBeGreaterThanOrEqual(3);
    await expect
      .poll(() => panels.featureNames().allTextContents())
      .toContainEqual(expect.stringContaining(`${tag} Report Viewed`));

    const tickets = panels.tickets();
    await tickets.getByText(`${tag}: SSO login fails`).waitFor();
    expect(await tickets.getByText('Urgent').count()).toBeGreaterThan(0);
    expect(await panels.figure('tickets', 'Open')).toBeGreaterThanOrEqual(1);

    const billing = panels.billing();
    await billing.getByRole('region', { name: 'Contracts' }).getByText('$1,234').first().waitFor();
    expect(await billing.getByText('New', { exact: false }).count()).toBeGreaterThan(0);

    await panels.showTimeline('Support');
    const entries = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
    await expect
      .poll(() => entries.allTextContents())
      .toContainEqual(expect.stringContaining(`${tag}: SSO login fails`));
    for (const text of await entries.allTextContents()) expect(text).toContain('Support');

    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport.width,
    );
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    const adoption = new AdoptionPage(page);
    await adoption.open(server.url);
    await adoption.openClient(account.name);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      viewport.width,
    );
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('Segment write keys', () => {
  it('lets an admin create a key, send a real track call with it and see it counted', async () => {
    session = await openSteward(admin, laptop);
    const { page, server } = session;
    const account = await firstClientOf(server, csm);
    const panels = new Customer360Panels(page);
    await new AccountPage(page).open(server.url, account.id);
    await panels.waitForUsage();
    const before = await panels.figure('usage', 'Daily active');

    const settings = new IntakeSettingsPage(page);
    await settings.open(server.url);
    const writeKey = await settings.createWriteKey('Browser test');
    expect(writeKey.length).toBeGreaterThan(20);
    // The pointer still rests on the button it clicked; its hover shade is not what axe should judge.
    await page.mouse.move(0, 0);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    const event = `Export ${randomUUID().slice(0, 8)}`;
    await track(server, writeKey, trackCall(account, `user-${randomUUID()}`, event));

    await new AccountPage(page).open(server.url, account.id);
    await panels.waitForUsage();
    expect(await panels.figure('usage', 'Daily active')).toBe(before + 1);
    await expect
      .poll(() => panels.featureNames().allTextContents())
      .toContainEqual(expect.stringContaining(event));
  });
});

describe('the review list', () => {
  it('lets an admin assign a ticket for an unknown customer to the right account', async () => {
    session = await openSteward(admin, phone);
    const { page, server } = session;
    const account = await firstClientOf(server, csm);
    const app = buildApp(server.deps);
    const api = await signedIn(app, admin, demoPassword);
    const secret =
      (await api.POST('/api/v1/intake/support-secrets', { body: { name: 'Help desk' } })).data
        ?.secret ?? '';
    const tag = `t${randomUUID().slice(0, 8)}`;
    const ticket = JSON.stringify({
      id: tag,
      subject: `${tag}: invoices do not export`,
      status: 'open',
      priority: 'high',
      accountExternalId: 'crm-not-in-steward',
      openedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    const kept = await app.request('http://steward.test/webhooks/support', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-steward-signature': signBody(secret, ticket, new Date()),
      },
      body: ticket,
    });
    expect(await kept.json()).toMatchObject({ outcome: 'review' });

    const settings = new IntakeSettingsPage(page);
    await settings.open(server.url);
    const sourceId = (await settings.review().locator('code').first().textContent()) ?? '';
    expect(sourceId).toContain(tag);
    await settings.assign(sourceId, account.name);
    await settings.review().getByText(sourceId).waitFor({ state: 'detached' });

    await new AccountPage(page).open(server.url, account.id);
    await new Customer360Panels(page)
      .tickets()
      .getByText(`${tag}: invoices do not export`)
      .waitFor();
  });
});
