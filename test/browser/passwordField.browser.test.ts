// One password field wherever a password is typed (sign-in, the reset page, the profile): on a
// phone a CSM can check what she typed before sending it, password managers know which
// password each field wants, and the show button is a real, thumb-sized toggle.
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openSteward, phone, seriousViolations, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

/** The show button that sits beside a password input (the one it controls). */
async function showButtonOf(page: Page, input: Locator): Promise<Locator> {
  const id = (await input.getAttribute('id')) ?? '';
  return page.locator(`button[aria-controls="${id}"]`);
}

describe('a password field', () => {
  it('shows what was typed on a press and hides it on the next, on a phone', async () => {
    session = await openSteward(null, phone);
    const { page, server } = session;
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to Steward' }).waitFor();

    const password = page.getByLabel('Password', { exact: true });
    await password.fill('correct horse');
    expect(await password.getAttribute('type')).toBe('password');
    expect(await password.getAttribute('autocomplete')).toBe('current-password');

    const show = await showButtonOf(page, password);
    expect(await show.getAttribute('aria-pressed')).toBe('false');
    const box = await show.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(44);
    expect(box?.height).toBeGreaterThanOrEqual(44);

    await show.tap();
    expect(await show.getAttribute('aria-pressed')).toBe('true');
    expect(await password.getAttribute('type')).toBe('text');
    expect(await password.inputValue()).toBe('correct horse');
    expect(await seriousViolations(page)).toEqual([]);

    await show.tap();
    expect(await password.getAttribute('type')).toBe('password');
  });

  it('asks password managers for a new password where one is chosen', async () => {
    session = await openSteward(null, phone);
    const { page, server } = session;
    await page.goto(`${server.url}/reset-password?token=any`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    const chosen = page.getByLabel('New password', { exact: true });
    expect(await chosen.getAttribute('autocomplete')).toBe('new-password');
    expect(await (await showButtonOf(page, chosen)).getAttribute('aria-pressed')).toBe('false');
  });
});
