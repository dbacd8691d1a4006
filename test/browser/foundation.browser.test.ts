// A CSM on a laptop and on a phone: sign in, filter and sort the portfolio, save a segment,
// open an account, add a note in two taps, switch to dark mode and to Russian; an admin
// imports a CSV and manages API tokens; no serious accessibility violations in either theme.
import { afterEach, describe, expect, it } from 'vitest';
import { AccountPage } from './pages/AccountPage.ts';
import { PortfolioPage } from './pages/PortfolioPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import {
  apiAs,
  demoPassword,
  laptop,
  openSteward,
  phone,
  runQueuedJobs,
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

/** "$120,000" → 120000 */
const dollars = (text: string) => Number(text.replace(/[^\d.]/g, ''));

describe('signing in', () => {
  it("shows the server's reason for a wrong password, then the CSM's own clients", async () => {
    session = await openSteward(null);
    const { page, server } = session;
    const signIn = new SignInPage(page);
    // A signed-out visit to a filtered portfolio goes to sign-in, and comes back after it.
    await page.goto(`${server.url}/accounts?tier=enterprise`);
    await page.getByRole('heading', { name: 'Sign in to Steward' }).waitFor();
    expect(await signIn.demoHint().count()).toBe(1);

    await signIn.signIn(csm, 'not the password');
    expect(await signIn.refusal()).toBe('The e-mail or the password is not right.');

    await signIn.signIn(csm, demoPassword);
    const portfolio = new PortfolioPage(page);
    await portfolio.waitForList();
    expect(new URL(page.url()).search).toBe('?tier=enterprise');
    const api = await apiAs(session);
    const { data } = await api.GET('/api/v1/accounts', {
      params: { query: { owner: 'me', tier: 'enterprise', limit: 500 } },
    });
    const mine = data?.items ?? [];
    expect(mine.length).toBeGreaterThan(0);
    expect((await portfolio.column(1)).sort()).toEqual(mine.map((a) => a.name).sort());
  });
});

describe('the portfolio', () => {
  it('filters by tier, sorts by ARR both ways and opens an account', async () => {
    session = await openSteward(csm);
    const { page, server } = session;
    const portfolio = new PortfolioPage(page);
    await portfolio.open(server.url);
    await portfolio.filter('Any tier', 'enterprise');
    expect(new Set(await portfolio.column(2))).toEqual(new Set(['Enterprise']));

    await portfolio.sortBy('ARR');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'arr');
    await portfolio.waitForList();
    const ascending = (await portfolio.column(3)).map(dollars);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await portfolio.sortBy('ARR');
    await page.waitForURL((url) => url.searchParams.get('sort') === '-arr');
    await expect
      .poll(async () => (await portfolio.column(3)).map(dollars))
      .toEqual([...ascending].reverse());

    const first = portfolio.rows().first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    const account = new AccountPage(page);
    await account.waitUntilShown();
    expect(await account.name()).toBe(name);
    expect(await account.detail('Tier').textContent()).toBe('Enterprise');
    expect(await account.detail('ARR').textContent()).toMatch(/^\$[\d,]+$/);
  });

  it('saves the current filters as a segment and brings them back from the picker', async () => {
    session = await openSteward(csm);
    const { page, server } = session;
    const portfolio = new PortfolioPage(page);
    await portfolio.open(server.url);
    const everyone = (await portfolio.column(1)).length;
    await portfolio.filter('Any tier', 'enterprise');
    const enterprise = await portfolio.column(1);
    expect(enterprise.length).toBeLessThan(everyone);

    await portfolio.saveSegment('Enterprise clients');
    await page.waitForURL((url) => url.searchParams.has('segment'));
    await portfolio.open(server.url);
    expect(await portfolio.column(1)).toHaveLength(everyone);
    await portfolio.segmentPicker().selectOption({ label: 'Enterprise clients' });
    await page.waitForURL((url) => url.searchParams.has('segment'));
    await expect.poll(() => portfolio.column(1)).toEqual(enterprise);
  });

  it('fits a 360-pixel phone: cards instead of a table, nothing wider than the screen', async () => {
    session = await openSteward(csm, { width: 360, height: 740 });
    const { page, server } = session;
    const portfolio = new PortfolioPage(page);
    await portfolio.open(server.url);
    expect(await portfolio.cards().count()).toBeGreaterThan(0);
    expect(await page.locator('table').isVisible()).toBe(false);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await portfolio.cards().first().click();
    await new AccountPage(page).waitUntilShown();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  });
});

describe('the Customer 360 on a phone', () => {
  it('adds a note in two taps, and shows it first on the timeline', async () => {
    session = await openSteward(csm, phone);
    const { page, server } = session;
    const portfolio = new PortfolioPage(page);
    await portfolio.open(server.url);
    await portfolio.cards().first().tap();
    const account = new AccountPage(page);
    await account.waitUntilShown();

    const note = 'Called the champion: SSO rollout next week.';
    expect(await account.addNoteOnPhone(note)).toBeLessThanOrEqual(2);
    await expect.poll(() => account.timelineEntries().first().textContent()).toContain(note);
  });

  it('lets a CSM add a client by hand, open it, change it and keep its people up to date', async () => {
    session = await openSteward(csm, phone);
    const { page, server } = session;
    const api = await apiAs(session);
    await new PortfolioPage(page).open(server.url);
    await page.getByRole('button', { name: '+ New account' }).tap();
    const adding = page.getByRole('dialog', { name: 'New account' });
    await adding.getByLabel('Name').fill('Quillfeather Press');
    await adding.getByLabel('Domain').fill('quillfeather.example');
    await adding.getByLabel('Tier').selectOption('smb');
    await adding.getByLabel('ARR').fill('18000');
    await adding.getByLabel('Renewal').fill('2027-11-30');
    // A CSM's new client is theirs: "Unassigned" would take it out of their own book.
    expect(await adding.getByLabel('Owner').inputValue()).not.toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await adding.getByRole('button', { name: 'Add the account' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Quillfeather Press' }).waitFor();
    const accountId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

    const contacts = page.getByRole('region', { name: 'Contacts' });
    await contacts.getByRole('button', { name: '+ Add contact' }).tap();
    const newContact = page.getByRole('dialog', { name: 'Add a contact' });
    await newContact.getByLabel('Name').fill('Ines Duarte');
    await newContact.getByLabel('Role').selectOption('champion');
    await newContact.getByLabel('E-mail').fill('not an address');
    await newContact.getByRole('button', { name: 'Add contact' }).tap();
    // The server's reason stands under the field, and nothing is lost.
    await newContact.getByRole('alert').waitFor();
    expect(await newContact.getByLabel('Name').inputValue()).toBe('Ines Duarte');
    await newContact.getByLabel('E-mail').fill('ines@quillfeather.example');
    await newContact.getByRole('button', { name: 'Add contact' }).tap();
    await contacts.getByText('Ines Duarte').waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).tap();
    const editing = page.getByRole('dialog', { name: 'Edit the account' });
    expect(await editing.getByLabel('Name').inputValue()).toBe('Quillfeather Press');
    await editing.getByLabel('Priority').selectOption('P0');
    await editing.getByLabel('Stage').selectOption('adopting');
    await editing.getByRole('button', { name: 'Save' }).tap();
    await editing.waitFor({ state: 'detached' });

    await contacts.getByRole('button', { name: 'Edit Ines Duarte' }).tap();
    const contact = page.getByRole('dialog', { name: 'Edit the contact' });
    await contact.getByLabel('Job title').fill('Head of Operations');
    await contact.getByRole('button', { name: 'Save' }).tap();
    await contacts.getByText(/Head of Operations · ines@quillfeather\.example/).waitFor();

    const { data: view } = await api.GET('/api/v1/accounts/{id}/360', {
      params: { path: { id: accountId } },
    });
    expect(view?.account).toMatchObject({
      name: 'Quillfeather Press',
      domain: 'quillfeather.example',
      tier: 'smb',
      stage: 'adopting',
      priority: 'P0',
      renewalDate: '2027-11-30',
      arr: { amount: 1_800_000, currency: 'USD' },
    });
    expect(view?.owner?.name).toBe('Jordan Taylor');
    expect(view?.contacts).toMatchObject([
      { name: 'Ines Duarte', role: 'champion', title: 'Head of Operations' },
    ]);

    // Ines left the customer.
    await contacts.getByRole('button', { name: 'Edit Ines Duarte' }).tap();
    await contact.getByRole('button', { name: 'Remove contact' }).tap();
    await contact.getByRole('button', { name: 'Remove Ines Duarte for good' }).tap();
    await contacts.getByText('No contacts yet.').waitFor();
  });
});

describe('a viewer', () => {
  it('reads accounts, work, health and settings with no control they may not use', async () => {
    session = await openSteward(admin, laptop);
    const { page, server } = session;
    const email = 'vera.reader@demo.steward.dev';
    const { response } = await (
      await apiAs(session)
    ).POST('/api/v1/users', {
      body: { email, name: 'Vera Reader', role: 'viewer', password: demoPassword },
    });
    expect(response.status).toBe(201);
    await session.context.clearCookies();
    const signIn = new SignInPage(page);
    await signIn.open(server.url);
    await signIn.signIn(email, demoPassword);

    const portfolio = new PortfolioPage(page);
    await portfolio.rows().first().waitFor();
    expect(await page.getByRole('button', { name: '+ New account' }).count()).toBe(0);
    expect(await page.getByText('Share with the team').count()).toBe(0);
    // An account with open tasks, to see them as a viewer does.
    const viewerApi = await apiAs(session);
    const { data: open } = await viewerApi.GET('/api/v1/tasks', {
      params: { query: { open: 'true' } },
    });
    const withTasks = open?.items.find((task) => task.accountId)?.accountId;
    if (!withTasks) throw new Error('no open task in the demo');
    await page.goto(`${server.url}/accounts/${withTasks}`);
    const account = new AccountPage(page);
    await account.waitUntilShown();
    const work = page.getByRole('region', { name: 'Open work' });
    await work.waitFor();
    // Statuses read as statuses: no menu to move a task, no template to start.
    await work
      .getByText(/^(To do|In progress|Blocked|Waiting on customer)$/)
      .first()
      .waitFor();
    expect(await work.getByRole('button', { name: /^Status of / }).count()).toBe(0);
    expect(await work.getByRole('link', { name: 'Start from template' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '+ Add contact' }).count()).toBe(0);

    // Health opens on everyone's clients (a viewer owns none); the scorecard only reads.
    await page.goto(`${server.url}/health/scorecard`);
    await page.getByRole('heading', { level: 1, name: 'Scorecard' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save scorecard' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New play' }).count()).toBe(0);

    await page.goto(`${server.url}/templates`);
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    expect(await page.getByRole('link', { name: 'New template' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Use / }).count()).toBe(0);

    await page.goto(`${server.url}/settings/profile`);
    const tabs = page.getByRole('navigation', { name: 'Settings' }).getByRole('link');
    await tabs.first().waitFor();
    expect(await tabs.allTextContents()).toEqual([
      'Profile',
      'Roles',
      'Custom fields',
      'Holidays',
      'Notifications',
    ]);
    // The holidays are read, not kept: only an admin adds or removes one.
    await page.getByRole('link', { name: 'Holidays' }).click();
    await page.getByText('Only an admin can change the holidays.').waitFor();
    expect(await page.getByRole('button', { name: /^Add/ }).count()).toBe(0);
    // What the server refuses anyway, it refuses in words.
    const refused = await viewerApi.POST('/api/v1/accounts', { body: { name: 'Not mine to add' } });
    expect(refused.error?.detail).toBe('You need the permission “Change accounts” for this.');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('preferences', () => {
  it('switches to dark mode and to Russian, and remembers both', async () => {
    session = await openSteward(csm, phone);
    const { page, server } = session;
    const settings = new SettingsPage(page);
    await settings.open(server.url, 'profile');
    await settings.chooseTheme('dark');
    await expect.poll(() => settings.isDark()).toBe(true);
    await settings.chooseLanguage('ru');
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();

    await page.goto(`${server.url}/accounts`);
    await page.getByRole('heading', { level: 1, name: 'Портфель' }).waitFor();
    await page.getByText(/^\d+ аккаунт(а|ов)?$/).waitFor();
    expect(await page.getByRole('navigation', { name: 'Главное меню' }).isVisible()).toBe(true);
    expect(await settings.isDark()).toBe(true);
    const me = await (await apiAs(session)).GET('/api/v1/me');
    expect({ theme: me.data?.theme, locale: me.data?.locale }).toEqual({
      theme: 'dark',
      locale: 'ru',
    });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps Russian chosen while its save could not reach the server, and saves it on the next visit', async () => {
    session = await openSteward(csm, phone);
    const { page, server } = session;
    const settings = new SettingsPage(page);
    await settings.open(server.url, 'profile');
    // The phone loses its network as the CSM picks Russian: the save never leaves.
    const saving = '**/api/v1/me';
    await page.route(saving, (route) =>
      route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.fallback(),
    );
    const attempted = page.waitForEvent('requestfailed');
    await page.getByLabel('Language').selectOption('ru');
    await attempted;
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();
    await page.unroute(saving);

    // Back online, the next page load reads the profile, still English on the server…
    await page.goto(`${server.url}/accounts`);
    // …and shows Russian all the same, having saved it.
    await page.getByRole('heading', { level: 1, name: 'Портфель' }).waitFor();
    const api = await apiAs(session);
    await expect.poll(async () => (await api.GET('/api/v1/me')).data?.locale).toBe('ru');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Портфель' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('steward.profile.unsaved'))).toBeNull();
  });
});

describe('settings', () => {
  it('checks a CSV in a dry run, lists each rejected row, then imports the valid ones', async () => {
    session = await openSteward(admin);
    const { page, server } = session;
    const settings = new SettingsPage(page);
    await settings.open(server.url, 'import');
    const csv = [
      'External ID,Name,Tier,ARR',
      'ext-9001,Northwind Labs,enterprise,120000',
      'ext-9002,Gigantic Co,gigantic,5000',
      'ext-9003,Southwind Labs,smb,9000',
    ].join('\n');
    await settings.chooseCsv('accounts', 'accounts.csv', csv);
    expect(await page.getByLabel('Tier', { exact: true }).inputValue()).toBe('tier');

    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    const status = settings.importStatus();
    await status.getByText('Check the file (dry run) · Waiting to start…').waitFor();
    await runQueuedJobs(server);
    await status.getByText('Check the file (dry run) · Finished').waitFor();
    const rejected = await status.getByRole('listitem').allTextContents();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatch(/^Line 3: tier: must be one of/);

    await page.getByLabel('Import the valid rows even if some are rejected').check();
    await status.getByRole('button', { name: 'Import' }).click();
    await status.getByText('Import · Waiting to start…').waitFor();
    await runQueuedJobs(server);
    await status.getByText('Imported.').waitFor();
    expect(await status.textContent()).toContain('2 created');

    const portfolio = new PortfolioPage(page);
    await portfolio.open(server.url);
    await portfolio.search('wind Labs');
    await expect.poll(() => portfolio.column(1)).toEqual(['Northwind Labs', 'Southwind Labs']);
  });

  it("defines a select custom field, with the server's objection beside the key", async () => {
    session = await openSteward(admin);
    const { page, server } = session;
    const settings = new SettingsPage(page);
    await settings.open(server.url, 'fields');
    await page.getByLabel('Key', { exact: true }).fill('region');
    await page.getByLabel('Label', { exact: true }).fill('Region again');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'already in use' }).waitFor();

    await page.getByLabel('Key', { exact: true }).fill('renewal_risk');
    await page.getByLabel('Label', { exact: true }).fill('Renewal risk');
    await page.getByLabel('Type', { exact: true }).selectOption('select');
    await page.getByLabel('Options (comma-separated)').fill('low, high');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Renewal risk' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    const portfolio = new PortfolioPage(page);
    await portfolio.open(server.url);
    await portfolio.rows().first().getByRole('link').click();
    const account = new AccountPage(page);
    await account.waitUntilShown();
    expect(await account.detail('Renewal risk').textContent()).toBe('—');
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    session = await openSteward(csm);
    const { page, server } = session;
    const settings = new SettingsPage(page);
    await settings.open(server.url, 'tokens');
    await page.getByLabel('Token name').fill('Zapier');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByRole('status').locator('code');
    await secret.waitFor();
    const token = (await secret.textContent()) ?? '';
    const listed = await (await apiAs(session)).GET('/api/v1/api-tokens');
    const created = listed.data?.items.find((item) => item.name === 'Zapier');
    expect(created && token.startsWith(created.prefix)).toBe(true);

    await settings.open(server.url, 'tokens');
    expect(await page.getByText(token).count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke: Zapier' }).click();
    await page.getByText('No API tokens yet.').waitFor();
  });
});

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)(
    'has no serious violations on sign-in, portfolio, 360 and settings in %s mode',
    // Twelve pages, each analysed by axe: 40 s on this machine under load, twice that when
    // every core is busy with other test files.
    { timeout: 180_000 },
    async (scheme) => {
      session = await openSteward(admin, laptop, { colorScheme: scheme });
      const { page, server } = session;
      const pages = [
        '/accounts',
        '/work',
        '/onboarding',
        '/templates',
        '/settings/profile',
        '/settings/people',
        '/settings/roles',
        '/settings/fields',
        '/settings/tokens',
        '/settings/import',
      ];
      const found: string[] = [];
      for (const path of pages) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        found.push(...(await seriousViolations(page)).map((v) => `${path} ${v}`));
      }
      const portfolio = new PortfolioPage(page);
      await portfolio.open(server.url);
      await portfolio.rows().first().getByRole('link').click();
      await new AccountPage(page).waitUntilShown();
      await page.waitForLoadState('networkidle');
      found.push(...(await seriousViolations(page)).map((v) => `360 ${v}`));

      await page.context().clearCookies();
      await new SignInPage(page).open(server.url);
      found.push(...(await seriousViolations(page)).map((v) => `sign-in ${v}`));
      expect(found).toEqual([]);
    },
  );
});
