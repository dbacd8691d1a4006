// The plan prices expansion is estimated with, on the Expansion page, on a phone: an admin
// corrects them, each bad value answered under its field with nothing typed lost; a CSM reads
// them and changes nothing. In English and in Russian; axe-clean throughout.
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiAs,
  laptop,
  openSteward,
  phone,
  seriousViolations,
  type BrowserSession,
} from './support.ts';
import { englishOnlyWords, foreignIn, withoutData } from './wordsOnScreen.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

const englishOnly = await englishOnlyWords();

/** The lines of a card that are not Russian, once what people typed is taken out. */
async function notRussian(card: Locator, typed: string[]) {
  const lines = (await card.innerText()).split('\n').filter((line) => line.trim());
  return withoutData(lines, typed).filter((line) => foreignIn(line, 'ru', englishOnly));
}

describe('plan prices', () => {
  it('lets an admin correct the plan prices from a phone, each bad value named under its field', async () => {
    session = await openSteward('admin@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const { data: before } = await api.GET('/api/v1/revenue/plans');
    const names = before?.plans.map((p) => p.name) ?? [];
    expect(names).toContain('Starter');

    await page.goto(`${server.url}/expansion`);
    const card = page.getByRole('region', { name: 'Plan prices' });
    await card.getByText('$45 per seat a month').waitFor();
    const listed = await card.innerText();
    expect(listed).toMatch(/Starter\s+\$45 per seat a month/);
    expect(listed).toMatch(/Enterprise\s+Premium\s+\$380 per seat a month/);
    expect(await seriousViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'Edit' }).click();
    const rows = card.getByRole('group');
    expect(await rows.count()).toBe(names.length);
    await rows.nth(names.indexOf('Starter')).getByLabel('Price per seat a month').fill('50');
    await card.getByRole('button', { name: '+ Add a plan' }).click();
    const added = rows.nth(names.length);
    await added.getByLabel('Name').fill('starter');
    expect(await seriousViolations(page)).toEqual([]);

    // No price: asked for here, nothing sent.
    await card.getByRole('button', { name: 'Save plans' }).click();
    await added.getByRole('alert').getByText('give a price per seat').waitFor();

    // The server's word on a name given twice and a currency it does not know, each under
    // its field; what was typed stays.
    await added.getByLabel('Price per seat a month').fill('99.50');
    await added.getByLabel('Currency').fill('ZZZ');
    await card.getByRole('button', { name: 'Save plans' }).click();
    await added.getByRole('alert').getByText('each plan once').waitFor();
    await added
      .getByRole('alert')
      .getByText(/^not a currency Steward knows/)
      .waitFor();
    expect(await added.getByLabel('Name').inputValue()).toBe('starter');
    expect(await added.getByLabel('Price per seat a month').inputValue()).toBe('99.50');
    expect(
      await rows.nth(names.indexOf('Starter')).getByLabel('Price per seat a month').inputValue(),
    ).toBe('50');
    const { data: unchanged } = await api.GET('/api/v1/revenue/plans');
    expect(unchanged?.plans).toEqual(before?.plans);

    await added.getByLabel('Name').fill('Scale');
    await added.getByLabel('Currency').fill('usd');
    await added.getByLabel('Includes the premium features').check();
    await card.getByRole('button', { name: 'Save plans' }).click();
    // A price with cents keeps them; a whole one reads without.
    await card.getByText('$99.50 per seat a month').waitFor();
    expect(await card.getByRole('button').allTextContents()).toEqual(['Edit']);
    const { data: saved } = await api.GET('/api/v1/revenue/plans');
    const priced = Object.fromEntries(
      saved?.plans.map((p) => [p.name, [p.seatPrice.amount, p.seatPrice.currency, p.premium]]) ??
        [],
    );
    expect(priced['Starter']).toEqual([5_000, 'USD', false]);
    expect(priced['Scale']).toEqual([9_950, 'USD', true]);
    expect(saved?.plans).toHaveLength(names.length + 1);

    // In Russian: the card, the form and the server's word.
    await api.PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.reload();
    const ruCard = page.getByRole('region', { name: 'Цены тарифов' });
    await ruCard.getByText(/^50\s\$ за место в месяц$/).waitFor();
    await ruCard.getByText(/^99,50\s\$ за место в месяц$/).waitFor();
    const typed = [...names, 'Scale'];
    expect(await notRussian(ruCard, typed)).toEqual([]);
    await ruCard.getByRole('button', { name: 'Изменить' }).click();
    // Starter renamed to Scale: both rows of that name are named.
    await ruCard.getByRole('group').first().getByLabel('Название').fill('Scale');
    await ruCard.getByRole('button', { name: 'Сохранить тарифы' }).click();
    const twice = ruCard.getByRole('alert').filter({ hasText: 'каждый тариф — только один раз' });
    await expect.poll(() => twice.count()).toBe(2);
    expect(await notRussian(ruCard, typed)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks a plan listed in another currency than its accounts pay in, in both languages', async () => {
    session = await openSteward('admin@demo.steward.dev', laptop);
    const { page, server } = session;
    const api = await apiAs(session);
    const { data: before } = await api.GET('/api/v1/revenue/plans');
    const plans = (before?.plans ?? []).map(({ name, seatPrice, premium }) => ({
      name,
      seatPrice: name === 'Starter' ? { amount: 4_200, currency: 'EUR' } : seatPrice,
      premium,
    }));
    const { data: saved } = await api.PUT('/api/v1/revenue/plans', { body: { plans } });
    // The plans kept their ids: only Starter's price changed.
    expect(saved?.plans.map((p) => p.id).sort()).toEqual(before?.plans.map((p) => p.id).sort());
    const starter = saved?.plans.find((p) => p.name === 'Starter');
    expect(starter?.accountsInOtherCurrency).toBeGreaterThan(0);

    await page.goto(`${server.url}/expansion`);
    const card = page.getByRole('region', { name: 'Plan prices' });
    await card.getByText('€42 per seat a month').waitFor();
    const row = card.locator('div', { has: page.getByText('€42 per seat a month') }).last();
    await row.getByText('Other currency', { exact: true }).waitFor();
    expect(await row.innerText()).toMatch(
      /accounts? on this plan pays? in another currency than EUR: (its|their) seats are priced at what (it pays|they pay), not at this price/,
    );
    // Only Starter is marked.
    expect(await card.getByText('Other currency', { exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await api.PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.reload();
    const ruCard = page.getByRole('region', { name: 'Цены тарифов' });
    await ruCard.getByText('Другая валюта', { exact: true }).waitFor();
    await ruCard.getByText(/на этом тарифе плат(ит|ят) не в EUR/).waitFor();
    expect(await notRussian(ruCard, [...plans.map((p) => p.name), 'EUR'])).toEqual([]);
  });

  it('shows a CSM the plan prices to read, with nothing to change', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    await page.goto(`${server.url}/expansion`);
    const card = page.getByRole('region', { name: 'Plan prices' });
    await card.getByText('$45 per seat a month').waitFor();
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
