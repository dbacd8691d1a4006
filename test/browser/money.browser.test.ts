// Money typed in a currency's own major unit: a yen has no cents, a dollar has a hundred, a dinar
// a thousand fils. A CSM adds an account billed in each; each reads back as typed, is
// shown in its currency and is stored in that currency's minor units.
import { afterEach, describe, expect, it } from 'vitest';
import { AccountPage } from './pages/AccountPage.ts';
import { PortfolioPage } from './pages/PortfolioPage.ts';
import { apiAs, laptop, openSteward, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

describe('money in its own currency', () => {
  it('keeps a yen ARR in whole yen, a dollar ARR with its cents and a dinar one with its fils', async () => {
    session = await openSteward('csm@demo.steward.dev', laptop);
    const { page, server } = session;
    const api = await apiAs(session);
    const account = new AccountPage(page);

    const add = async (name: string, arr: string, currency: string) => {
      await new PortfolioPage(page).open(server.url);
      await page.getByRole('button', { name: '+ New account' }).click();
      const adding = page.getByRole('dialog', { name: 'New account' });
      await adding.getByLabel('Name').fill(name);
      await adding.getByLabel('ARR').fill(arr);
      await adding.getByLabel('Currency').fill(currency);
      await adding.getByRole('button', { name: 'Add the account' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      const { data } = await api.GET('/api/v1/accounts/{id}', { params: { path: { id } } });
      return data?.arr;
    };
    const typedBack = async () => {
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const editing = page.getByRole('dialog', { name: 'Edit the account' });
      const typed = await editing.getByLabel('ARR').inputValue();
      await editing.getByRole('button', { name: 'Close' }).click();
      await editing.waitFor({ state: 'detached' });
      return typed;
    };

    expect(await add('Sakura Foods', '1200000', 'JPY')).toEqual({
      amount: 1_200_000,
      currency: 'JPY',
    });
    expect(await account.detail('ARR').textContent()).toBe('¥1,200,000');
    expect(await typedBack()).toBe('1200000');

    expect(await add('Penny Lane Books', '18000.50', 'usd')).toEqual({
      amount: 1_800_050,
      currency: 'USD',
    });
    expect(await typedBack()).toBe('18000.5');

    // A dinar has a thousand fils.
    expect(await add('Gulf Freight', '1234.567', 'KWD')).toEqual({
      amount: 1_234_567,
      currency: 'KWD',
    });
    expect(await typedBack()).toBe('1234.567');
  });
});
