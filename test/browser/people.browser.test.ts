// Settings > People as an administrator sees it: a person with a long e-mail keeps the row in
// line on a laptop and on a phone, and a person locked out gets a new password from the admin
// (no SMTP needed), which the audit log then shows; the person signs in with it and sees
// neither the button nor the audit log.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsPage } from './pages/SettingsPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { apiAs, openSteward, phone, seriousViolations, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

const newcomer = {
  name: 'Alexandra Konstantinopolskaya',
  email: 'alexandra.konstantinopolskaya-vandermeer@enterprise-customer-holdings.example.com',
};

/**
 * Where each person's row puts its parts: the e-mail must stay clear of the role and manager
 * selects, the selects inside the row, and the page must not scroll sideways.
 */
async function peopleRows(page: Page) {
  const role = /^Role: /;
  const rows = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('combobox', { name: role }) });
  const boxes = await Promise.all(
    (await rows.all()).map(async (row) => {
      const [li, roleBox, managerBox, email] = await Promise.all([
        row.boundingBox(),
        row.getByRole('combobox', { name: role }).boundingBox(),
        row.getByRole('combobox', { name: /^Manager: / }).boundingBox(),
        row.locator('[title*="@"]').boundingBox(),
      ]);
      if (!li || !roleBox || !managerBox || !email) throw new Error('a row is not drawn whole');
      const right = (box: { x: number; width: number }) => box.x + box.width;
      return {
        selectsInside: [roleBox, managerBox].every((s) => s.x >= li.x && right(s) <= right(li)),
        roleLeft: Math.round(roleBox.x),
        managerLeft: Math.round(managerBox.x),
        emailClear: right(email) <= roleBox.x || email.y + email.height <= roleBox.y,
        emailInside: right(email) <= right(li),
      };
    }),
  );
  const sideways = Number(
    await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    ),
  );
  return { sideways, rows: boxes };
}

function expectRowsInLine(layout: Awaited<ReturnType<typeof peopleRows>>) {
  expect(layout.sideways).toBe(0);
  expect(layout.rows.length).toBeGreaterThan(3);
  for (const row of layout.rows) {
    expect(row).toMatchObject({ selectsInside: true, emailClear: true, emailInside: true });
  }
  expect(new Set(layout.rows.map((r) => r.roleLeft)).size).toBe(1);
  expect(new Set(layout.rows.map((r) => r.managerLeft)).size).toBe(1);
}

describe('people in settings', () => {
  it('keeps a long e-mail in line, and an admin gives a locked-out person a new password, seen in the audit log', async () => {
    session = await openSteward('admin@demo.steward.dev', { width: 1366, height: 768 });
    const { page, server, context } = session;
    const api = await apiAs(session);
    const created = await api.POST('/api/v1/users', {
      body: { ...newcomer, role: 'csm', password: 'nobody remembers this', timezone: 'UTC' },
    });
    expect(created.response.status).toBe(201);
    // The audit log shows moments in the reader's zone, not the browser's (UTC here).
    const zone = await api.PATCH('/api/v1/me', { body: { timezone: 'Asia/Tokyo' } });
    expect(zone.response.status).toBe(200);

    await new SettingsPage(page).open(server.url, 'people');
    await page.getByText(newcomer.email).waitFor();
    expectRowsInLine(await peopleRows(page));
    // Her own password the admin changes on her profile, knowing the current one.
    expect(await page.getByRole('button', { name: 'Set password: Avery Admin' }).count()).toBe(0);

    await page.getByRole('button', { name: `Set password: ${newcomer.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `New password for ${newcomer.name}` });
    await dialog.getByText(/will be signed out everywhere/).waitFor();
    await dialog.getByLabel('New password').fill('too short');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await dialog.getByText('must be at least 10 characters').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await dialog.getByLabel('New password').fill('given by the admin');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await page
      .getByRole('status')
      .getByText(`${newcomer.name} has a new password and was signed out everywhere.`)
      .waitFor();
    expect(await dialog.count()).toBe(0);

    await page.getByRole('link', { name: 'Audit log' }).click();
    const entries = page.getByRole('region', { name: 'Audit log' }).getByRole('listitem');
    await entries.first().waitFor();
    const [latest, before] = [entries.nth(0), entries.nth(1)];
    expect(await latest.getByText('Password set by someone else').count()).toBe(1);
    expect(await latest.textContent()).toContain(`Avery Admin · Person: ${newcomer.name} · `);
    expect(await before.getByText('Person added').count()).toBe(1);
    const at = (await latest.locator('time').getAttribute('datetime')) ?? '';
    const inTokyo = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Tokyo',
    }).format(new Date(at));
    const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
    expect(spaced(await latest.locator('time').textContent())).toBe(spaced(inTokyo));
    expect(await seriousViolations(page)).toEqual([]);

    await new SettingsPage(page).open(server.url, 'people');

    await page.setViewportSize(phone);
    await page.getByText(newcomer.email).waitFor();
    expectRowsInLine(await peopleRows(page));

    await context.clearCookies();
    const signIn = new SignInPage(page);
    await signIn.open(server.url);
    await signIn.signIn(newcomer.email, 'nobody remembers this');
    expect(await signIn.refusal()).toBe('The e-mail or the password is not right.');
    await signIn.signIn(newcomer.email, 'given by the admin');
    await page.waitForURL(/\/accounts/);

    await new SettingsPage(page).open(server.url, 'people');
    await page.getByText('Only an admin can change this.').waitFor();
    expect(await page.getByRole('button', { name: /Set password/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.goto(`${server.url}/settings/audit`);
    await page.getByText('Only people who may see the audit log can open it.').waitFor();
  });
});
