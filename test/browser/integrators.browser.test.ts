// Browser: an admin brings a CRM's export in as it is and takes the workspace's data out —
// HubSpot's companies export imported from a phone with the HubSpot preset, then the whole
// workspace downloaded from Settings → Export, the imported company in it.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsPage } from './pages/SettingsPage.ts';
import {
  openSteward,
  phone,
  runQueuedJobs,
  seriousViolations,
  type BrowserSession,
} from './support.ts';

const admin = 'admin@demo.steward.dev';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

describe('a CRM in, the data out', () => {
  it("imports HubSpot's companies export unedited from a phone, and downloads the workspace", async () => {
    session = await openSteward(admin, phone);
    const { page, server } = session;
    const settings = new SettingsPage(page);
    await settings.open(server.url, 'import');

    await page.getByLabel('Exported from').selectOption('hubspot');
    const csv = [
      'Record ID,Company name,Company owner,Create Date,Company Domain Name,Annual Revenue,Lifecycle Stage',
      '77001,Larchmont Freight,Kim Park,2024-03-01 10:00,larchmont.example,12000000,customer',
    ].join('\n');
    await settings.chooseCsv('accounts', 'hubspot-companies.csv', csv);
    expect(await page.getByLabel('Record ID', { exact: true }).inputValue()).toBe('externalId');
    expect(await page.getByLabel('Company name', { exact: true }).inputValue()).toBe('name');
    expect(await page.getByLabel('Company owner', { exact: true }).inputValue()).toBe('');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const status = settings.importStatus();
    await status.getByText('Import · Waiting to start…').waitFor();
    await runQueuedJobs(server);
    await status.getByText('Imported.').waitFor();

    await page.goto(`${server.url}/settings/export`);
    await page.getByRole('heading', { name: 'Export your data' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download everything (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const document = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      entities: { accounts: { externalId: string | null; name: string }[] };
      counts: { accounts: number };
    };
    expect(document.entities.accounts).toContainEqual(
      expect.objectContaining({ externalId: '77001', name: 'Larchmont Freight' }),
    );
    expect(document.counts.accounts).toBe(document.entities.accounts.length);
  });
});
