// A CSM on a laptop and on a phone: sign in, filter the portfolio, open an account, add a
// note in two taps, switch to dark mode and to Russian; no serious accessibility violations.
import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { openSteward, phone, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

async function seriousViolations(session: BrowserSession) {
  const results = await new AxeBuilder({ page: session.page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the web app', () => {
  it('signs a person in through the form and shows their fifteen clients', async () => {
    session = await openSteward('csm@demo.steward.dev');
    const { page, context, server } = session;
    await context.clearCookies();
    await page.goto(`${server.url}/accounts`);
    await page.getByLabel('E-mail').fill('csm@demo.steward.dev');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right');
    await page.getByLabel('Password').fill('steward-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    await expect.poll(() => page.getByText('15 accounts').count()).toBe(1);
  });

  it('filters the portfolio by tier and opens an account', async () => {
    session = await openSteward('csm@demo.steward.dev');
    const { page, server } = session;
    await page.goto(`${server.url}/accounts`);
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    await page.getByLabel('Any tier').selectOption('enterprise');
    await expect.poll(() => page.url()).toContain('tier=enterprise');
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const tiers = await rows.locator('td:nth-child(2)').allTextContents();
    expect(new Set(tiers)).toEqual(new Set(['Enterprise']));
    const first = rows.first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('heading', { name: 'Contacts' }).waitFor();
    expect(await seriousViolations(session)).toEqual([]);
  });

  it('adds a note from the account page in two taps on a phone', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    await page.goto(`${server.url}/accounts`);
    await page.locator('ul[aria-label="Portfolio"] a').first().click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.getByRole('button', { name: '+ Add note' }).tap();
    await page.getByRole('dialog').getByRole('textbox').fill('Called the champion: SSO rollout next week.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).tap();
    await page.getByText('Called the champion: SSO rollout next week.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('switches to dark mode and to Russian, and remembers both', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    await page.goto(`${server.url}/settings/profile`);
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Настройки' }).waitFor();
    await page.goto(`${server.url}/accounts`);
    await page.getByRole('heading', { name: 'Портфель' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    expect(await seriousViolations(session)).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('has no serious accessibility violations on any page in %s mode', async (scheme) => {
    session = await openSteward('admin@demo.steward.dev', { width: 1280, height: 800 }, { colorScheme: scheme });
    const { page, server } = session;
    const pages = ['/accounts', '/work', '/onboarding', '/templates', '/settings/profile', '/settings/people', '/settings/fields', '/settings/tokens', '/settings/import'];
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      found.push(...(await seriousViolations(session)).map((v) => `${path} ${v}`));
    }
    const account = await server.deps.db.selectFrom('accounts').select('id').limit(1).executeTakeFirstOrThrow();
    await page.goto(`${server.url}/accounts/${account.id}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    found.push(...(await seriousViolations(session)).map((v) => `360 ${v}`));
    await page.context().clearCookies();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to Steward' }).waitFor();
    found.push(...(await seriousViolations(session)).map((v) => `sign-in ${v}`));
    expect(found).toEqual([]);
  });
});
