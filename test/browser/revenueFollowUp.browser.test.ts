// What a CSM does around a QBR, on a phone, from data the CSM makes: shares the prep page,
// finds the link in the page's list and revokes it (the shared page then refuses, without a
// sign-in), and adds a meeting's action items, a bad row answered on the row with nothing lost,
// each becoming a task found on the account. In English and in Russian; axe-clean throughout.
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/calendar.ts';
import { apiAs, openSteward, phone, seriousViolations, type BrowserSession } from './support.ts';
import { englishOnlyWords, foreignIn, withoutData } from './wordsOnScreen.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

async function myEnterpriseAccount(api: Awaited<ReturnType<typeof apiAs>>) {
  const { data } = await api.GET('/api/v1/accounts', {
    params: { query: { owner: 'me', tier: 'enterprise', limit: 50 } },
  });
  const account = data?.items[0];
  if (!account) throw new Error('the demo CSM has no enterprise account');
  return account;
}

const englishOnly = await englishOnlyWords();

/** The lines of a card that are not Russian, once what people typed is taken out. */
async function notRussian(card: Locator, typed: string[]) {
  const lines = (await card.innerText()).split('\n').filter((line) => line.trim());
  return withoutData(lines, typed).filter((line) => foreignIn(line, 'ru', englishOnly));
}

describe('after the QBR', () => {
  it('lets a CSM revoke a shared QBR prep link from a phone, and the link then refuses', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const account = await myEnterpriseAccount(api);

    await page.goto(`${server.url}/accounts/${account.id}/qbr-prep`);
    await page.getByRole('heading', { level: 1, name: `QBR prep: ${account.name}` }).waitFor();
    const links = page.getByRole('region', { name: 'Shared links' });
    await links.getByText('This page has not been shared.').waitFor();
    await page.getByRole('button', { name: 'Share a read-only link' }).click();
    const url = await page.getByRole('textbox', { name: 'Share a read-only link' }).inputValue();
    const token = url.split('/').at(-1) ?? '';

    // The new link is in the list: who shared it, until when, live.
    const row = links.getByRole('listitem');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByText('Active', { exact: true }).waitFor();
    expect(await row.textContent()).toMatch(/by Jordan Taylor · readable until .+ · in English/);
    expect(await seriousViolations(page)).toEqual([]);

    // The first tap only asks; "Keep it" leaves the link working.
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await row.getByRole('button', { name: 'Keep it' }).click();
    const open = await api.GET('/api/v1/shared/qbr-prep/{token}', {
      params: { path: { token } },
    });
    expect(open.response.status).toBe(200);
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await row.getByRole('button', { name: 'Revoke: the link stops working' }).click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await row.textContent()).toMatch(/revoked /);

    // In Russian, the list says the same.
    await api.PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.reload();
    const ruLinks = page.getByRole('region', { name: 'Ссылки для чтения' });
    await ruLinks.getByText('Отозвана', { exact: true }).waitFor();
    expect(await ruLinks.getByRole('listitem').textContent()).toMatch(/создал\(а\) Jordan Taylor/);
    expect(await notRussian(ruLinks, ['Jordan Taylor'])).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // Whoever holds the link now reads a refusal, not the page: here in Russian, the language
    // this browser last spoke (a dead link cannot say which language it was shared in).
    await session.context.clearCookies();
    await page.goto(url);
    await page
      .getByRole('alert')
      .getByText('Срок действия ссылки истёк, или её отозвали.')
      .waitFor();
    expect(await page.getByRole('heading', { name: /QBR/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    const refused = await fetch(`${server.url}/api/v1/shared/qbr-prep/${token}`);
    expect(refused.status).toBe(404);
  });

  it('lets a CSM add a meeting’s action items from a phone and find them as tasks', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const account = await myEnterpriseAccount(api);
    const day = addDays(new Date().toISOString().slice(0, 10), 5);
    const { data: meeting } = await api.POST('/api/v1/meetings', {
      body: {
        accountId: account.id,
        kind: 'check_in',
        title: `Rollout check-in — ${account.name}`,
        startsAt: `${day}T15:00:00Z`,
        endsAt: `${day}T15:30:00Z`,
      },
    });
    if (!meeting) throw new Error('the meeting was not scheduled');

    // The QBR cadence is there to read; setting it is an admin's.
    await page.goto(`${server.url}/meetings`);
    const cadence = page.getByRole('region', { name: 'QBR cadence' });
    await cadence.getByText('every 3 months · default').waitFor();
    expect(await cadence.getByRole('button').count()).toBe(0);

    await page.goto(`${server.url}/meetings/${meeting.id}`);
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    const card = page.getByRole('region', { name: 'Action items' });
    await card.getByText('No action items.').waitFor();
    await card.getByRole('button', { name: '+ Add action items' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add action items' });
    await dialog.getByRole('button', { name: '+ Add an action item' }).click();
    const titles = dialog.getByRole('textbox', { name: 'Action item' });
    await titles.nth(1).fill('Send the rollout plan');
    await dialog.getByLabel('Due').nth(1).fill(addDays(day, 2));
    expect(await seriousViolations(page)).toEqual([]);

    // The first row was left blank: the server's word lands on it, the second row is kept.
    await dialog.getByRole('button', { name: 'Create 2 tasks' }).click();
    await dialog.getByRole('alert').getByText('write something').waitFor();
    expect(await titles.nth(1).inputValue()).toBe('Send the rollout plan');
    expect(await dialog.getByLabel('Due').nth(1).inputValue()).toBe(addDays(day, 2));
    await titles.nth(0).fill('Book the admin training');
    await dialog.getByRole('button', { name: 'Create 2 tasks' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Both are on the meeting, each a task to do, linked to the account's open work.
    const items = card.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.allTextContents()).toEqual([
      expect.stringMatching(/^Book the admin training\s*To do · Jordan Taylor$/),
      expect.stringMatching(/^Send the rollout plan\s*To do · Jordan Taylor · due /),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByRole('link', { name: 'Send the rollout plan' }).click();
    await page.waitForURL(`${server.url}/accounts/${account.id}`);
    await page
      .getByRole('region', { name: 'Open work' })
      .getByText('Send the rollout plan')
      .waitFor();
    const { data: tasks } = await api.GET('/api/v1/tasks', {
      params: { query: { accountId: account.id } },
    });
    expect(tasks?.items.filter((t) => t.tags.includes('meeting')).map((t) => t.title)).toEqual(
      expect.arrayContaining(['Book the admin training', 'Send the rollout plan']),
    );

    // In Russian: the card, the button and the server's word on a blank row.
    await api.PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.goto(`${server.url}/meetings/${meeting.id}`);
    const ruCard = page.getByRole('region', { name: 'Договорённости' });
    await ruCard.getByText('К выполнению · Jordan Taylor').first().waitFor();
    const typed = ['Book the admin training', 'Send the rollout plan', 'Jordan Taylor'];
    expect(await notRussian(ruCard, typed)).toEqual([]);
    await ruCard.getByRole('button', { name: '+ Добавить договорённости' }).click();
    const ruDialog = page.getByRole('dialog', { name: 'Новые договорённости' });
    await ruDialog.getByRole('button', { name: 'Создать 1 задачу' }).click();
    await ruDialog.getByRole('alert').getByText('напишите что-нибудь').waitFor();
    const { data: people } = await api.GET('/api/v1/users');
    expect(await notRussian(ruDialog, people?.items.map((u) => u.name) ?? [])).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets an admin set how often each tier has a QBR, and says why a value will not do', async () => {
    session = await openSteward('admin@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    await page.goto(`${server.url}/meetings`);
    const card = page.getByRole('region', { name: 'QBR cadence' });
    await card.getByText('every 3 months · default').waitFor();
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Mid-market (months)').fill('6');
    await card.getByLabel('SMB (months)').fill('30');
    expect(await seriousViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Save cadence' }).click();
    await card.getByRole('alert').first().waitFor();
    expect(await card.getByRole('alert').textContent()).toBe('at most 24 months between reviews');
    expect(await card.getByLabel('Mid-market (months)').inputValue()).toBe('6');
    const { data: unchanged } = await api.GET('/api/v1/meetings/cadences');
    expect(unchanged?.items.every((c) => c.source === 'default')).toBe(true);

    await card.getByLabel('SMB (months)').fill('');
    await card.getByRole('button', { name: 'Save cadence' }).click();
    await card.getByText('every 6 months').waitFor();
    const { data: saved } = await api.GET('/api/v1/meetings/cadences');
    expect(saved?.items.map((c) => [c.tier, c.everyMonths])).toEqual([
      ['enterprise', 3],
      ['mid_market', 6],
      ['smb', null],
    ]);

    await api.PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.reload();
    const ruCard = page.getByRole('region', { name: 'Частота QBR' });
    await ruCard.getByText('раз в 6 месяцев').waitFor();
    await ruCard.getByText('частота не задана').waitFor();
    expect(await notRussian(ruCard, [])).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
