// Settings > Audit log in the browser, on a phone: an admin finds an entry by action and by
// person, reads its record by name — a task deleted since is said to be deleted — and what
// changed, field by field; a last day before the first is refused on its field, the other
// filters kept. A link with a filter in it opens the log so filtered, and keeps it on reload, each
// change under its field's label rather than its API name, a new owner by name and a tier in
// words rather than an id and a code. From any entry, the log narrows to its record's whole history.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsPage } from './pages/SettingsPage.ts';
import { apiAs, openSteward, phone, seriousViolations, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

describe('the audit log', () => {
  it('lets an admin on a phone find a change by action and person, records named, deleted ones said so', async () => {
    session = await openSteward('admin@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const tag = randomBytes(3).toString('hex');
    const me = await api.GET('/api/v1/me');
    const account = await api.POST('/api/v1/accounts', { body: { name: `Umbrella ${tag}` } });
    if (!account.data || !me.data) throw new Error('no account created');
    await api.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: account.data.id } },
      body: { name: `Umbrella Corp ${tag}` },
    });
    const task = await api.POST('/api/v1/tasks', {
      body: { title: `Kickoff ${tag}`, accountId: account.data.id },
    });
    if (!task.data) throw new Error('no task created');
    await api.DELETE('/api/v1/tasks/{id}', { params: { path: { id: task.data.id } } });

    await new SettingsPage(page).open(server.url, 'audit');
    const log = page.getByRole('region', { name: 'Audit log' });
    await log.getByRole('listitem').first().waitFor();
    const filters = log.getByRole('form', { name: 'Filter the audit log' });

    await filters.getByLabel('Action').selectOption({ label: 'Task deleted' });
    await log.getByText(`Task: Kickoff ${tag} (deleted)`).waitFor();
    expect(new URL(page.url()).searchParams.get('action')).toBe('task.deleted');

    await filters.getByLabel('Action').selectOption({ label: 'Account changed' });
    await filters.getByLabel('Person').selectOption({ label: me.data.name });
    const renamed = log.getByRole('listitem').filter({ hasText: `Account: Umbrella Corp ${tag}` });
    await renamed.waitFor();
    const changes = renamed.getByRole('definition');
    expect(await changes.first().textContent()).toBe(`Umbrella ${tag} → Umbrella Corp ${tag}`);
    expect(await seriousViolations(page)).toEqual([]);

    await filters.getByLabel('From').fill('2026-12-10');
    await filters.getByLabel('To').fill('2026-12-01');
    await filters
      .getByRole('alert')
      .filter({ hasText: 'must not be before the first day' })
      .waitFor();
    expect(await filters.getByLabel('Action').inputValue()).toBe('account.updated');
    expect(await filters.getByLabel('Person').inputValue()).toBe(me.data.id);

    // The whole log again: the task's creation, too, names it as deleted now.
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    const created = log
      .getByRole('listitem')
      .filter({ hasText: 'Task created' })
      .filter({ hasText: `Task: Kickoff ${tag} (deleted)` });
    await created.waitFor();

    // From any entry about it, the account's whole history: its creation and its rename only.
    await log
      .getByRole('listitem')
      .filter({ hasText: 'Account created' })
      .getByRole('button', { name: `Account: Umbrella Corp ${tag}` })
      .click();
    await filters.getByText(`History of Account: Umbrella Corp ${tag}`).waitFor();
    const url = new URL(page.url()).searchParams;
    expect([url.get('entityType'), url.get('entityId')]).toEqual(['account', account.data.id]);
    await expect
      .poll(async () =>
        (
          await log
            .getByRole('listitem')
            .getByText(/^Account (created|changed)$/)
            .allTextContents()
        ).join(),
      )
      .toBe('Account changed,Account created');
    expect(await log.getByRole('listitem').count()).toBe(2);
    expect(await log.getByRole('listitem').getByRole('button').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await filters.getByRole('button', { name: 'Every record' }).click();
    await created.waitFor();
    expect(new URL(page.url()).searchParams.has('entityId')).toBe(false);
  });

  it('opens a shared link filtered to one action, each change under its field’s label, and keeps it on reload', async () => {
    session = await openSteward('admin@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const tag = randomBytes(3).toString('hex');
    const people = await api.GET('/api/v1/users');
    const owner = people.data?.items.find((p) => p.role === 'csm' && !p.deactivated);
    const account = await api.POST('/api/v1/accounts', {
      body: { name: `Initech ${tag}`, tier: 'smb' },
    });
    if (!account.data || !owner) throw new Error('no account created');
    const changed = await api.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: account.data.id } },
      body: { renewalDate: '2027-03-31', seats: 40, tier: 'mid_market', ownerId: owner.id },
    });
    expect(changed.response.status).toBe(200);

    await new SettingsPage(page).open(server.url, 'audit', '?action=account.updated');
    const log = page.getByRole('region', { name: 'Audit log' });
    const filters = log.getByRole('form', { name: 'Filter the audit log' });
    const entry = log.getByRole('listitem').filter({ hasText: `Account: Initech ${tag}` });
    await entry.waitFor();
    expect(await filters.getByLabel('Action').inputValue()).toBe('account.updated');
    expect(await log.getByRole('listitem').filter({ hasNotText: 'Account changed' }).count()).toBe(
      0,
    );
    const fields = await entry.getByRole('term').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['Seats:', 'Renewal:', 'Tier:', 'Owner:']));
    expect(fields.join(' ')).not.toMatch(/renewalDate|seats/);
    const values = await entry.getByRole('definition').allTextContents();
    expect(values).toEqual(
      expect.arrayContaining([
        'SMB → Mid-market',
        'empty → Mar 31, 2027',
        expect.stringContaining(` → ${owner.name}`),
      ]),
    );
    expect(values.join(' ')).not.toMatch(new RegExp(`${owner.id}|mid_market`));
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await entry.waitFor();
    expect(await filters.getByLabel('Action').inputValue()).toBe('account.updated');
    expect(await log.getByRole('listitem').filter({ hasNotText: 'Account changed' }).count()).toBe(
      0,
    );
  });
});
