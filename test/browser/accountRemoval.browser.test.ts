// Removing an account in the browser: a CSM on a phone removes an account of their own from its
// 360 page, finds it gone from the portfolio and brings it back from Removed accounts, or at once
// with the toast's Undo, which says why when the account cannot come back; a viewer is offered
// none of that, nor putting a tier with its own scorecard back on the default.
import { afterEach, describe, expect, it } from 'vitest';
import { AccountPage } from './pages/AccountPage.ts';
import { PortfolioPage } from './pages/PortfolioPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import {
  apiAs,
  demoPassword,
  openSteward,
  phone,
  seriousViolations,
  type BrowserSession,
} from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

describe('removing', () => {
  it('lets a CSM on a phone remove an account of their own, which leaves the portfolio, and restore it', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const { data: me } = await api.GET('/api/v1/me');
    const name = 'Lumen Dental (trial that never started)';
    const { data: account, response } = await api.POST('/api/v1/accounts', {
      body: { name, tier: 'smb', ownerId: me?.id ?? null },
    });
    expect(response.status).toBe(201);
    if (!account) throw new Error('the CSM could not add an account');

    const accountPage = new AccountPage(page);
    await accountPage.open(server.url, account.id);
    // The first tap only asks, saying what removing does.
    await page.getByRole('button', { name: 'Remove account' }).click();
    const asked = page.getByRole('region', { name: `Remove ${name}?` });
    await asked.getByText(/restore it later from Removed accounts/).waitFor();
    await asked.getByText(/leaves the portfolio, health, renewals and task lists/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await asked.getByRole('button', { name: `Remove ${name}` }).click();

    const portfolio = new PortfolioPage(page);
    await page.waitForURL((url) => url.pathname === '/accounts');
    await portfolio.waitForList();
    await portfolio.search('Lumen Dental');
    await page.getByText('No accounts match these filters.').waitFor();
    expect(await portfolio.cards().filter({ hasText: name }).count()).toBe(0);
    const gone = await api.GET('/api/v1/accounts/{id}', { params: { path: { id: account.id } } });
    expect(gone.response.status).toBe(404);

    // Below the portfolio, the removed accounts: this one first, saying who removed it.
    await page.getByRole('link', { name: 'Removed accounts' }).click();
    const removed = page.getByRole('list', { name: 'Removed accounts' }).getByRole('listitem');
    const row = removed.filter({ hasText: name });
    await row.getByText(`by ${me?.name ?? ''}`, { exact: false }).waitFor();
    expect(await removed.first().textContent()).toContain(name);
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('button', { name: `Restore ${name}` }).click();
    await page.waitForURL((url) => url.pathname === `/accounts/${account.id}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const back = await api.GET('/api/v1/accounts/{id}', { params: { path: { id: account.id } } });
    expect(back.response.status).toBe(200);
  });

  it('undoes a removal from the toast in one tap, back on the 360, and says why when it cannot', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const { data: me } = await api.GET('/api/v1/me');
    const name = 'Harbor Freight Lines (removed by mistake)';
    const { data: account } = await api.POST('/api/v1/accounts', {
      body: { name, tier: 'mid_market', ownerId: me?.id ?? null },
    });
    if (!account) throw new Error('the CSM could not add an account');
    const accountPage = new AccountPage(page);
    const remove = async () => {
      await accountPage.open(server.url, account.id);
      await page.getByRole('button', { name: 'Remove account' }).click();
      await page
        .getByRole('region', { name: `Remove ${name}?` })
        .getByRole('button', { name: `Remove ${name}` })
        .click();
      await page.waitForURL((url) => url.pathname === '/accounts');
      const toast = page.getByRole('status').filter({ hasText: `${name} was removed.` });
      await toast.waitFor();
      return toast;
    };

    const toast = await remove();
    expect(await seriousViolations(page)).toEqual([]);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.waitForURL((url) => url.pathname === `/accounts/${account.id}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await toast.waitFor({ state: 'detached' });
    const portfolio = new PortfolioPage(page);
    await portfolio.open(server.url, `?q=${encodeURIComponent('Harbor Freight')}`);
    await portfolio.cards().filter({ hasText: name }).waitFor();

    // Removed again, and brought back by someone else before the tap: the toast says so, and
    // stays to be read until it is closed.
    const again = await remove();
    const restored = await api.POST('/api/v1/accounts/{id}/restore', {
      params: { path: { id: account.id } },
    });
    expect(restored.response.status).toBe(200);
    await again.getByRole('button', { name: 'Undo' }).click();
    await again
      .getByRole('alert')
      .filter({ hasText: 'This account is not removed: it is in the portfolio already.' })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/accounts');
    await again.getByRole('button', { name: 'Close' }).click();
    await again.waitFor({ state: 'detached' });
  });

  it('offers a viewer neither removing or restoring an account nor a tier’s scorecard', async () => {
    session = await openSteward('admin@demo.steward.dev', phone);
    const { page, server } = session;
    const admin = await apiAs(session);
    const email = 'rita.reader@demo.steward.dev';
    const created = await admin.POST('/api/v1/users', {
      body: { email, name: 'Rita Reader', role: 'viewer', password: demoPassword },
    });
    expect(created.response.status).toBe(201);
    const own = await admin.PUT('/api/v1/health/scorecard', {
      body: {
        tier: 'enterprise',
        weights: { usage: 40, support: 20, engagement: 10, billing: 15, outcomes: 15 },
        thresholds: { healthyMin: 70, atRiskMin: 40 },
      },
    });
    expect(own.response.status).toBe(200);
    const { data: accounts } = await admin.GET('/api/v1/accounts', {
      params: { query: { limit: 1 } },
    });
    const accountId = accounts?.items[0]?.id;
    if (!accountId) throw new Error('the demo has no account');
    await session.context.clearCookies();
    const signIn = new SignInPage(page);
    await signIn.open(server.url);
    await signIn.signIn(email, demoPassword);
    await new PortfolioPage(page).waitForList();
    expect(await page.getByRole('link', { name: 'Removed accounts' }).count()).toBe(0);

    await page.goto(`${server.url}/health/scorecard`);
    const tier = page.getByLabel('Scorecard for');
    await tier
      .locator('option', { hasText: 'Enterprise (its own)' })
      .waitFor({ state: 'attached' });
    await tier.selectOption('enterprise');
    await page.getByText('Enterprise accounts are scored with a scorecard of their own.').waitFor();
    expect(await page.getByRole('button', { name: 'Use the default for this tier' }).count()).toBe(
      0,
    );

    await new AccountPage(page).open(server.url, accountId);
    expect(await page.getByRole('button', { name: 'Remove account' }).count()).toBe(0);
  });
});
