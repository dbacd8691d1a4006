// An admin keeps the workspace's holidays in Settings: adds one, is told under the field when
// a day is already a holiday or a name is empty, renames it and removes it, each change kept by
// the server; when another admin saved meanwhile, is shown what they changed and keeps what
// they typed. A CSM reads the same list and is offered none of those changes.
import { afterEach, describe, expect, it } from 'vitest';
import { PortfolioPage } from './pages/PortfolioPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { apiAs, demoPassword, laptop, openSteward, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

describe('the holidays in Settings', () => {
  it('lets an admin add, rename and remove a holiday, and shows them to a CSM read-only', async () => {
    session = await openSteward('admin@demo.steward.dev', laptop);
    const { page, server } = session;
    const admin = await apiAs(session);
    const before = (await admin.GET('/api/v1/holidays')).data?.items ?? [];
    const settings = new SettingsPage(page);
    await settings.open(server.url, 'holidays');
    await page.getByText('Holidays are not business days: due dates of onboarding tasks').waitFor();
    const list = page.getByRole('list', { name: 'Holidays' });
    const form = page.locator('form').filter({ has: page.getByLabel('Day') });

    await form.getByLabel('Day').fill('2031-12-31');
    await form.getByLabel('Name').fill('Year-end shutdown');
    await form.getByRole('button', { name: 'Add a holiday' }).click();
    const row = list.getByRole('listitem').filter({ hasText: 'Year-end shutdown' });
    await row.waitFor();
    expect(await row.locator('time').textContent()).toBe('Dec 31, 2031');
    expect(await form.getByLabel('Name').inputValue()).toBe('');

    // The same day again, then a name of spaces: each refused under its field, nothing lost.
    await form.getByLabel('Day').fill('2031-12-31');
    await form.getByLabel('Name').fill('Office closed');
    await form.getByRole('button', { name: 'Add a holiday' }).click();
    await form.getByText('this day is already a holiday').waitFor();
    await form.getByLabel('Day').fill('2031-12-30');
    await form.getByLabel('Name').fill('   ');
    await form.getByRole('button', { name: 'Add a holiday' }).click();
    await form.getByText('give the holiday a name').waitFor();
    expect(await form.getByLabel('Day').inputValue()).toBe('2031-12-30');
    expect(await list.getByText('Office closed').count()).toBe(0);

    await page.getByRole('button', { name: 'Rename “Year-end shutdown”' }).click();
    const newName = page.getByLabel('New name for Dec 31, 2031');
    await newName.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await list.getByText('give the holiday a name').waitFor();
    await newName.fill('Company day off');
    await page.getByRole('button', { name: 'Save' }).click();
    await list.getByText('Company day off').waitFor();
    expect((await admin.GET('/api/v1/holidays')).data?.items).toContainEqual({
      day: '2031-12-31',
      name: 'Company day off',
    });
    await page.screenshot({ path: 'test-results/holidays-admin.png' });

    await page.getByRole('button', { name: 'Remove “Company day off”' }).click();
    await list.getByText('Company day off').waitFor({ state: 'detached' });
    expect((await admin.GET('/api/v1/holidays')).data?.items).toEqual(before);

    // Another admin saves while this one types: the save made from the old list is refused,
    // the list is loaded again with what they changed spelled out, and the typing stays.
    const current = (await admin.GET('/api/v1/holidays')).data;
    await admin.PUT('/api/v1/holidays', {
      body: {
        items: [...(current?.items ?? []), { day: '2031-12-31', name: 'Year-end shutdown' }],
        version: current?.version ?? 0,
      },
    });
    await form.getByLabel('Day').fill('2031-12-29');
    await form.getByLabel('Name').fill('Winter break');
    await form.getByRole('button', { name: 'Add a holiday' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'loaded again' });
    await notice.getByText('Added Dec 31, 2031 — Year-end shutdown').waitFor();
    await form.getByText('Someone else changed the holidays').waitFor();
    await list.getByText('Year-end shutdown').waitFor();
    expect(await list.getByText('Winter break').count()).toBe(0);
    expect(await form.getByLabel('Name').inputValue()).toBe('Winter break');
    await page.screenshot({ path: 'test-results/holidays-changed-meanwhile.png' });
    // Saved again, on the list as it is now: both are kept.
    await form.getByRole('button', { name: 'Add a holiday' }).click();
    await list.getByText('Winter break').waitFor();
    await notice.waitFor({ state: 'detached' });
    expect((await admin.GET('/api/v1/holidays')).data?.items).toEqual([
      ...before,
      { day: '2031-12-29', name: 'Winter break' },
      { day: '2031-12-31', name: 'Year-end shutdown' },
    ]);

    // A CSM reads the holidays, and is told who may change them.
    await session.context.clearCookies();
    const signIn = new SignInPage(page);
    await signIn.open(server.url);
    await signIn.signIn('csm@demo.steward.dev', demoPassword);
    await new PortfolioPage(page).waitForList();
    await settings.open(server.url, 'holidays');
    await page.getByText('Only an admin can change the holidays.').waitFor();
    await list.getByText('Year-end shutdown').waitFor();
    for (const name of [
      'Add a holiday',
      'Rename “Year-end shutdown”',
      'Remove “Year-end shutdown”',
    ]) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    await page.screenshot({ path: 'test-results/holidays-csm.png' });
  });
});
