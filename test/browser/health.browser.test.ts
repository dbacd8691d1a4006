// Health in the browser, on the demo workspace: a CSM on a phone reads their clients by
// category and why, down to one account's measures; an admin tries weights against past churn
// and saves a scorecard, with the server's objection shown when the weights do not add up, and
// puts a tier with its own scorecard back on the default.
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiAs,
  laptop,
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

describe('health', () => {
  it('shows a CSM on a phone their clients by category, with reasons, down to one account', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const { data: dashboard } = await api.GET('/api/v1/health/dashboard', {
      params: { query: { owner: 'me' } },
    });
    if (!dashboard) throw new Error('no health dashboard for the demo CSM');
    const scored = dashboard.accounts.filter((account) => account.category !== null);
    expect(scored.length).toBeGreaterThanOrEqual(10);
    // The demo's story: the CSM's clients are not all in one category.
    expect(new Set(scored.map((account) => account.category)).size).toBeGreaterThanOrEqual(2);

    await page.goto(`${server.url}/health`);
    await page.getByRole('heading', { level: 1, name: 'Client health' }).waitFor();
    const atRisk = page.getByRole('button', { name: /At risk/ });
    expect(await atRisk.textContent()).toContain(String(dashboard.counts.at_risk));

    // Every account listed says why it scored as it did.
    const worst = scored[0];
    if (!worst?.reason) throw new Error('the lowest-scored account has no reason');
    await page.getByText(worst.reason).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Narrow to one category, then open the account.
    await page
      .getByRole('button', { name: new RegExp(`^${dashboard.counts.critical}\\s*Critical`) })
      .click();
    await page.getByText('Showing Critical').waitFor();
    await page.getByRole('link', { name: worst.name, exact: true }).first().click();
    const panel = page.getByRole('region', { name: 'Health', exact: true });
    await panel.waitFor();
    for (const measure of ['Usage', 'Support', 'Engagement', 'Billing', 'Outcomes'])
      await panel.getByText(measure, { exact: true }).first().waitFor();
    await panel
      .getByText(/^weight \d+%( → \d+%)?$|No data — left out/)
      .first()
      .waitFor();
    // A weight that did not move reads once: "weight 30%", not "weight 30% → 30%".
    const weights = await panel.getByText(/^weight \d+%/).allTextContents();
    expect(weights.filter((w) => /^weight (\d+)% → \1%$/.test(w))).toEqual([]);
    await panel.getByRole('img', { name: /Health score over 90 days/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets an admin try weights in the backtest and save a scorecard', async () => {
    session = await openSteward('admin@demo.steward.dev', laptop);
    const { page, server } = session;
    // The admin owns no client: the dashboard opens on everyone's, not on an empty "My clients".
    await page.goto(`${server.url}/health`);
    await expect
      .poll(() => page.getByRole('button', { name: 'Everyone' }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect
      .poll(async () =>
        Number(
          (await page.getByRole('button', { name: /Critical/ }).textContent())?.match(/\d+/)?.[0],
        ),
      )
      .toBeGreaterThan(0);
    await page.goto(`${server.url}/health/scorecard`);
    await page.getByRole('heading', { level: 1, name: 'Scorecard' }).waitFor();
    const auc = page.getByTestId('backtest-auc');
    await auc.waitFor();
    expect(Number(await auc.textContent())).toBeGreaterThan(0.5);

    // Weights that add up to 120: the total turns red, and the server refuses to save them.
    const usage = page.getByLabel('Usage', { exact: true });
    await usage.fill('50');
    await page.getByText('Together 120 of 100').waitFor();
    await page.getByRole('button', { name: 'Save scorecard' }).click();
    await page.getByRole('alert').filter({ hasText: /100/ }).first().waitFor();

    // Take 20 from support: 100 again, the backtest re-runs with them, and saving works.
    await page.getByLabel('Support', { exact: true }).fill('0');
    await page.getByText('Together 100 of 100').waitFor();
    await page.getByRole('button', { name: 'Save scorecard' }).click();
    await page.getByText('Saved. Every account is being rescored.').waitFor();

    const api = await apiAs(session);
    const { data: scorecard } = await api.GET('/api/v1/health/scorecard');
    expect(scorecard?.weights).toMatchObject({ usage: 50, support: 0 });
    expect(scorecard?.saved).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets an admin on a phone put a tier with its own scorecard back on the default', async () => {
    session = await openSteward('admin@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const own = await api.PUT('/api/v1/health/scorecard', {
      body: {
        tier: 'smb',
        weights: { usage: 60, support: 10, engagement: 10, billing: 10, outcomes: 10 },
        thresholds: { healthyMin: 80, atRiskMin: 50 },
      },
    });
    expect(own.response.status).toBe(200);

    await page.goto(`${server.url}/health/scorecard`);
    const tier = page.getByLabel('Scorecard for');
    await tier.locator('option', { hasText: 'SMB (its own)' }).waitFor({ state: 'attached' });
    await tier.selectOption('smb');
    await page.getByText('SMB accounts are scored with a scorecard of their own.').waitFor();
    expect(await page.getByLabel('Usage', { exact: true }).inputValue()).toBe('60');

    // The first tap only asks, saying what happens; the second does it.
    await page.getByRole('button', { name: 'Use the default for this tier' }).click();
    await page.getByText(/every SMB account is rescored with the default/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Use the default for SMB' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'SMB now uses the default. Its accounts are being rescored.' })
      .waitFor();
    await page.getByText('SMB accounts are scored with the default.').waitFor();
    const { data: fallback } = await api.GET('/api/v1/health/scorecard');
    await expect
      .poll(() => page.getByLabel('Usage', { exact: true }).inputValue())
      .toBe(String(fallback?.weights.usage));
    expect(await tier.locator('option', { hasText: '(its own)' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Use the default for this tier' }).count()).toBe(
      0,
    );

    const { data: cards } = await api.GET('/api/v1/health/scorecards');
    expect(cards?.items.map((card) => card.tier)).toEqual([null]);
  });
});
