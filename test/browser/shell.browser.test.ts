// The frame on a phone, in Russian: every area reachable from a bottom bar that fits a 390-pixel
// screen (the rest under "Ещё"), no page wider than the screen, and "My work" a page to act on
// rather than every task at once.
import { afterEach, describe, expect, it } from 'vitest';
import { apiAs, openSteward, phone, seriousViolations, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

const csm = 'csm@demo.steward.dev';
const scrollWidth = (s: BrowserSession) =>
  s.page.evaluate<number>('document.documentElement.scrollWidth');

describe('the phone frame in Russian', () => {
  it('fits the bottom bar in 390 pixels and reaches every other area under "Ещё"', async () => {
    session = await openSteward(csm, phone);
    const { page, server } = session;
    await (await apiAs(session)).PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.goto(`${server.url}/accounts`);
    await page.getByRole('heading', { level: 1, name: 'Портфель' }).waitFor();
    const bar = page.getByRole('navigation', { name: 'Главное меню' });
    expect(await scrollWidth(session)).toBeLessThanOrEqual(phone.width);
    const barBox = await bar.boundingBox();
    expect(barBox && barBox.x >= 0 && barBox.x + barBox.width <= phone.width).toBe(true);
    // Nothing in the bar is cut off or scrolled out of sight.
    for (const item of await bar.getByRole('listitem').all()) {
      const box = await item.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
    }
    expect(await bar.evaluate((nav) => nav.scrollWidth <= nav.clientWidth)).toBe(true);

    const more = bar.getByRole('button', { name: 'Ещё' });
    await more.tap();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await bar.getByRole('link', { name: 'Шаблоны' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Шаблоны' }).waitFor();
    // The panel closes on arrival; "Ещё" shows where you are.
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await scrollWidth(session)).toBeLessThanOrEqual(phone.width);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lays out every area and every settings tab an admin reaches within 390 pixels', async () => {
    session = await openSteward('admin@demo.steward.dev', phone);
    const { page, server } = session;
    await (await apiAs(session)).PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.goto(`${server.url}/settings/profile`);
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();
    const hrefs = (links: string) =>
      page.locator(links).evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
    const settingsTabs = await hrefs('nav[aria-label="Настройки"] a');
    const bar = page.getByRole('navigation', { name: 'Главное меню' });
    await bar.getByRole('button', { name: 'Ещё' }).tap();
    const areas = await hrefs('nav[aria-label="Главное меню"] a');
    expect(settingsTabs.length).toBeGreaterThan(5);
    expect(areas.length).toBeGreaterThan(8);

    const tooWide: string[] = [];
    for (const href of new Set([...areas, ...settingsTabs])) {
      await page.goto(`${server.url}${href}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const width = await scrollWidth(session);
      if (width > phone.width) tooWide.push(`${href}: ${width} px`);
    }
    expect(tooWide).toEqual([]);
  });

  it('says an address no screen answers is not found, in the frame, with the way back', async () => {
    session = await openSteward(csm, phone);
    const { page, server } = session;
    await (await apiAs(session)).PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.goto(`${server.url}/reports/quarterly`);
    await page.getByRole('heading', { level: 1, name: 'Страница не найдена' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Главное меню' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Перейти к портфелю' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Портфель' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/accounts');
  });

  it('shows overdue and today first on "My work" and folds the rest', async () => {
    session = await openSteward(csm, phone);
    const { page, server } = session;
    await (await apiAs(session)).PATCH('/api/v1/me', { body: { locale: 'ru' } });
    await page.goto(`${server.url}/work`);
    await page.getByRole('heading', { level: 1, name: 'Мои задачи' }).waitFor();
    const sections = page.locator('details');
    const open = await sections.evaluateAll((all) =>
      all.map((d) => [d.querySelector('h2')?.textContent ?? '', d.hasAttribute('open')] as const),
    );
    // Whatever is open comes first; the later sections are folded.
    const firstFolded = open.findIndex(([, isOpen]) => !isOpen);
    if (firstFolded >= 0) expect(open.slice(firstFolded).every(([, isOpen]) => !isOpen)).toBe(true);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    expect(height).toBeLessThan(8000);
    expect(await scrollWidth(session)).toBeLessThanOrEqual(phone.width);
  });
});
