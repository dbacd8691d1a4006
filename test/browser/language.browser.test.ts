// Every sentence Steward writes for a person is in that person's language (issue 10): the demo
// CSM on a phone reads the portfolio, the 360 pages of an at-risk and of a critical client, and
// the inbox — in Russian without an English sentence, in English without a Russian one. Names
// and whatever people or customers typed are data, not Steward's words: they are read from the
// API and taken out of the page's text before the check (./wordsOnScreen.ts).
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { en as webEn } from '../../web/src/i18n/en.ts';
import { notifyEn } from '../../web/src/i18n/notify.en.ts';
import { notifyRu } from '../../web/src/i18n/notify.ru.ts';
import { ru as webRu } from '../../web/src/i18n/ru.ts';
import { errors as errorsRu } from '../../src/i18n/ru/errors.ts';
import { apiAs, openSteward, phone, type BrowserSession } from './support.ts';
import {
  englishOnlyWords,
  foreignIn,
  textOnScreen,
  typedByPeople,
  withoutData,
  type Reader,
} from './wordsOnScreen.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

const csm = 'csm@demo.steward.dev';
const web = { en: webEn, ru: webRu };
const notify = { en: notifyEn, ru: notifyRu };

/** Waits until the page has its data: nothing still loading, nothing still on the wire. */
async function settled(page: Page, reader: Reader) {
  await page.waitForLoadState('networkidle');
  await expect
    .poll(() => page.getByText(web[reader].common.loading, { exact: true }).count())
    .toBe(0);
}

/** Taps "Load more" until the list is whole or `times` more pages are in. */
async function loadMore(page: Page, reader: Reader, times: number) {
  const more = page.getByRole('button', { name: web[reader].common.loadMore, exact: true });
  for (let i = 0; i < times; i++) {
    if ((await more.count()) === 0) return;
    const nextPage = page.waitForResponse((response) => response.url().includes('cursor='));
    await more.first().tap();
    await nextPage;
    // The page is in when the button is gone (the list is whole) or ready for the next one,
    // read in one look: counting it, then asking the first button whether it is enabled,
    // waited for a button that had gone in between (the list was whole) until the poll failed.
    await expect
      .poll(() =>
        more.evaluateAll(
          (buttons) => buttons.length === 0 || !buttons[0]?.hasAttribute('disabled'),
        ),
      )
      .toBe(true);
  }
}

/** Sentences the server wrote for this reader that the at-risk 360 and the inbox show. */
async function sentencesWritten(api: Awaited<ReturnType<typeof apiAs>>, accountId: string) {
  const at = { params: { path: { id: accountId } } };
  const [health, timeline, inbox] = await Promise.all([
    api.GET('/api/v1/health/accounts/{id}', at),
    api.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: accountId }, query: { limit: 20 } },
    }),
    api.GET('/api/v1/notifications'),
  ]);
  return [
    ...(health.data?.measures ?? []).flatMap((measure) => measure.reason ?? []),
    ...(timeline.data?.items ?? []).flatMap((event) => (event.titleKey ? [event.title] : [])),
    ...(inbox.data?.items ?? []).map((notification) => notification.title),
  ];
}

describe("Steward's words in the reader's language", () => {
  it.each([
    { reader: 'ru' as const, language: 'Russian', other: 'English' },
    { reader: 'en' as const, language: 'English', other: 'Russian' },
  ])(
    "shows a CSM reading $language on a phone no $other sentence of Steward's on the portfolio, a 360 page or the inbox",
    async ({ reader }) => {
      session = await openSteward(csm, phone);
      const { page, server } = session;
      const api = await apiAs(session);
      await api.PATCH('/api/v1/me', { body: { locale: reader } });
      const { data: book } = await api.GET('/api/v1/accounts', {
        params: { query: { owner: 'me', limit: 500 } },
      });
      const atRisk = book?.items.find((account) => account.health?.category === 'at_risk');
      const critical = book?.items.find((account) => account.health?.category === 'critical');
      if (!atRisk || !critical)
        throw new Error('the demo CSM has no at-risk or no critical client');

      const screens: { name: string; lines: string[] }[] = [];
      await page.goto(`${server.url}/accounts`);
      await page.getByRole('heading', { level: 1, name: web[reader].portfolio.title }).waitFor();
      await settled(page, reader);
      screens.push({ name: 'portfolio', lines: await textOnScreen(page) });
      for (const account of [atRisk, critical]) {
        await page.goto(`${server.url}/accounts/${account.id}`);
        await page.getByRole('heading', { level: 1, name: account.name }).waitFor();
        await settled(page, reader);
        await loadMore(page, reader, 3);
        screens.push({ name: `360 of ${account.name}`, lines: await textOnScreen(page) });
      }
      await page.goto(`${server.url}/inbox`);
      await page.getByRole('heading', { level: 1, name: notify[reader].inbox.title }).waitFor();
      await settled(page, reader);
      await loadMore(page, reader, 3);
      screens.push({ name: 'inbox', lines: await textOnScreen(page) });

      // A language's own name ("Русский" in a language picker) is the same in every language.
      const typed = [
        ...(await typedByPeople(api, [atRisk.id, critical.id])),
        ...Object.values(web[reader].settings.languages),
      ];
      const englishOnly = await englishOnlyWords();
      const leaks = screens.flatMap(({ name, lines }) =>
        withoutData(lines, typed).flatMap((line) => {
          const why = foreignIn(line, reader, englishOnly);
          return why ? [`${name}: ${why}: ${line}`] : [];
        }),
      );
      // The check read Steward's own sentences: the health reasons, the timeline's titles and
      // the inbox's notifications, as the API renders them for this reader, were on screen.
      const shown = new Set(screens.flatMap(({ lines }) => lines));
      const written = await sentencesWritten(api, atRisk.id);
      expect(written.length).toBeGreaterThan(5);
      expect(written.filter((sentence) => !shown.has(sentence))).toEqual([]);
      expect(leaks, `Not in ${reader}:\n${leaks.join('\n')}`).toEqual([]);
    },
  );
});

describe("a signed-out person's language", () => {
  it('tells a person who reads Steward in Russian, on an English browser, of a mistyped password in Russian', async () => {
    session = await openSteward(null, phone);
    const { page, server } = session;
    // The language chosen on this phone before (kept by the app), not the browser's English.
    await page.goto(`${server.url}/sign-in`);
    await page.evaluate(() => localStorage.setItem('steward.locale', 'ru'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: webRu.signIn.title }).waitFor();
    await page.getByLabel(webRu.signIn.email, { exact: true }).fill(csm);
    await page.getByLabel(webRu.signIn.password, { exact: true }).fill('not the password');
    await page.getByRole('button', { name: webRu.signIn.submit, exact: true }).tap();
    await page.getByText(errorsRu.detail.auth.invalid_credentials, { exact: true }).waitFor();
  });
});
