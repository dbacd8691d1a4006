// Revenue in the browser, on the demo workspace: the demo CSM schedules a QBR from a phone —
// account, time, the customer's people — and finds it on the calendar with its invitation on
// the way; a manager reads renewals, expansion and the CS metrics on a laptop in dark mode and
// in Russian; a QBR prep page shared by link opens without a sign-in. Axe-clean throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/calendar.ts';
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

describe('revenue and meetings', () => {
  it('lets a CSM schedule a QBR from a phone, with the customer’s people invited', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const { data: portfolio } = await api.GET('/api/v1/accounts', {
      params: { query: { owner: 'me', tier: 'enterprise', limit: 50 } },
    });
    const account = portfolio?.items[0];
    if (!account) throw new Error('the demo CSM has no enterprise account');
    const { data: view } = await api.GET('/api/v1/accounts/{id}/360', {
      params: { path: { id: account.id } },
    });
    const contact = view?.contacts.find((c) => c.email);
    if (!contact) throw new Error(`${account.name} has no contact with an e-mail`);

    await page.goto(`${server.url}/meetings`);
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Schedule a meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule a meeting' }).waitFor();
    await page.getByLabel('Find an account').fill(account.name);
    await page.getByRole('button', { name: account.name, exact: true }).click();
    await page.getByLabel('Kind').selectOption('qbr');
    const title = page.getByLabel('Title');
    await expect.poll(() => title.inputValue()).toBe(`QBR — ${account.name}`);
    const day = addDays(new Date().toISOString().slice(0, 10), 3);
    await page.getByLabel('Date').fill(day);
    await page.getByLabel('Start').fill('10:30');
    await page.getByLabel(contact.name).check();
    expect(await page.getByLabel('Agenda').inputValue()).toContain('Goals for next quarter');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();

    // The meeting's own page: what, when, who — and the .ics for one's own calendar.
    await page.getByRole('heading', { level: 1, name: `QBR — ${account.name}` }).waitFor();
    await page.getByText(contact.name).first().waitFor();
    await page.getByRole('link', { name: 'Add to my calendar (.ics)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const meetingId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const { data: meeting } = await api.GET('/api/v1/meetings/{id}', {
      params: { path: { id: meetingId } },
    });
    expect(meeting).toMatchObject({
      kind: 'qbr',
      status: 'scheduled',
      timeZone: 'America/New_York',
    });
    // 10:30 on that day in New York, as the CSM picked it.
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(new Date(meeting?.startsAt ?? ''));
    expect(local).toBe('10:30');
    expect(meeting?.invites.map((i) => i.email)).toContain(contact.email);

    // Back on the calendar, the QBR is among the upcoming meetings.
    await page.getByRole('link', { name: '← Meetings' }).click();
    await page
      .getByRole('link', { name: new RegExp(`QBR — ${account.name}`) })
      .first()
      .waitFor();
  });

  it('shows a manager renewals, expansion and the CS metrics, in dark mode and in Russian', async () => {
    session = await openSteward('manager@demo.steward.dev', laptop, { colorScheme: 'dark' });
    const { page, server } = session;
    const api = await apiAs(session);
    await api.PATCH('/api/v1/me', { body: { theme: 'dark' } });

    await page.goto(`${server.url}/renewals`);
    await page.getByRole('heading', { level: 1, name: 'Renewals' }).waitFor();
    // A manager owns no client: the screen opens on everyone's renewals, as the portfolio does.
    await expect
      .poll(() => page.getByRole('button', { name: 'Everyone' }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByText('ARR up for renewal', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Pipeline by month' }).waitFor();
    await page
      .getByRole('list', { name: 'Renewals' })
      .getByText(/Commit|Likely|At risk/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/expansion`);
    await page.getByRole('heading', { level: 1, name: 'Expansion' }).waitFor();
    await page.getByText('Estimated expansion').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/metrics`);
    await page.getByRole('heading', { level: 1, name: 'CS metrics' }).waitFor();
    await page.getByText('Net revenue retention').first().waitFor();
    await page.getByRole('heading', { name: /MRR bridge/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await api.PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.goto(`${server.url}/renewals`);
    await page.getByRole('heading', { level: 1, name: 'Продления' }).waitFor();
    await page.getByText('ARR к продлению', { exact: true }).waitFor();
    await page.goto(`${server.url}/metrics`);
    await page.getByRole('heading', { level: 1, name: 'Метрики CS' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await api.PATCH('/api/v1/me', { body: { locale: 'en', theme: 'system' } });
  });

  it('lets a CSM track an opportunity on the 360 page and move it on to won', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const { data: portfolio } = await api.GET('/api/v1/accounts', {
      params: { query: { owner: 'me', limit: 50 } },
    });
    const account = portfolio?.items.at(-1);
    if (!account) throw new Error('the demo CSM has no account');
    const title = `Analytics add-on for ${account.name}`;

    await page.goto(`${server.url}/accounts/${account.id}`);
    const panel = page.getByRole('region', { name: 'Renewal and growth' });
    await panel.getByRole('button', { name: '+ Track opportunity' }).click();
    const tracking = page.getByRole('dialog', { name: 'Track an opportunity' });
    await tracking.getByRole('textbox', { name: 'Opportunity' }).fill(title);
    await tracking.getByLabel('Kind').selectOption('cross_sell');
    await tracking.getByLabel(/^Added ARR/).fill('12000');
    await tracking.getByRole('button', { name: 'Track it' }).click();
    const tracked = panel.getByRole('button', { name: new RegExp(title) });
    await expect.poll(() => tracked.textContent()).toMatch(/Identified · \D*12,000/);

    // Opened again: the proposal went out for more, and then the customer signed.
    await tracked.click();
    const changing = page.getByRole('dialog', { name: 'Change the opportunity' });
    expect(await changing.getByLabel('Kind').inputValue()).toBe('cross_sell');
    expect(await seriousViolations(page)).toEqual([]);
    await changing.getByLabel(/^Added ARR/).fill('15000');
    await changing.getByLabel('Stage').selectOption('won');
    await changing.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => tracked.textContent()).toMatch(/Won · \D*15,000/);

    const { data: opportunities } = await api.GET('/api/v1/opportunities', {
      params: { query: { accountId: account.id } },
    });
    const won = opportunities?.items.find((o) => o.title === title);
    expect(won).toMatchObject({ stage: 'won', amount: { amount: 1_500_000 } });
    expect(won?.closedAt).not.toBeNull();
    await tracked.click();
    await changing.getByText(/^Won on /).waitFor();
  });

  it('opens a shared QBR prep page without a sign-in, ready to print', async () => {
    session = await openSteward('csm@demo.steward.dev', laptop);
    const { page, server } = session;
    const api = await apiAs(session);
    const { data: portfolio } = await api.GET('/api/v1/accounts', {
      params: { query: { owner: 'me', tier: 'enterprise', limit: 50 } },
    });
    const account = portfolio?.items[0];
    if (!account) throw new Error('the demo CSM has no enterprise account');
    await page.goto(`${server.url}/accounts/${account.id}/qbr-prep`);
    await page.getByRole('heading', { level: 1, name: `QBR prep: ${account.name}` }).waitFor();
    await page.getByRole('region', { name: 'Wins' }).waitFor();
    await page.getByRole('region', { name: 'Risks' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Share a read-only link' }).click();
    const link = await page.getByRole('textbox', { name: 'Share a read-only link' }).inputValue();
    expect(link).toMatch(/\/shared\/qbr\/[\w-]+$/);

    // On paper, the app's bars and buttons stay off the page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await session.context.clearCookies();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: `QBR prep: ${account.name}` }).waitFor();
    expect(await page.getByRole('button', { name: 'Print' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
