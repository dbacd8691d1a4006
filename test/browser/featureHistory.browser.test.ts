// An admin adds a feature in Settings → Data in after its events have been tracked for a
// while, and is told that the kept events it claims are being counted and moved to it.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../intake/segment/support.ts';
import { IntakeSettingsPage } from './pages/IntakeSettingsPage.ts';
import { apiAs, laptop, openSteward, type BrowserSession } from './support.ts';

const admin = 'admin@demo.steward.dev';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

describe('the feature catalog', () => {
  it('says the kept events a new feature claims are being counted and moved to it', async () => {
    session = await openSteward(admin, laptop);
    const { page, server } = session;
    const api = await apiAs(session);
    const writeKey = (await api.POST('/api/v1/intake/write-keys', { body: { name: 'History' } }))
      .data?.key;
    if (!writeKey) throw new Error('no write key');
    const account = (await api.GET('/api/v1/accounts', { params: { query: { limit: 1 } } })).data
      ?.items[0];
    const day = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const batch = ['Forecast Viewed', 'Forecast Viewed', 'Forecast Shared'].map((event) => ({
      type: 'track',
      userId: 'forecaster',
      event,
      timestamp: day,
      messageId: randomUUID(),
      context: { groupId: account?.externalId },
    }));
    const sent = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuth(writeKey) },
      body: JSON.stringify({ batch }),
    });
    expect(sent.status).toBe(200);

    const settings = new IntakeSettingsPage(page);
    await settings.open(server.url);
    const catalog = page.getByRole('region', { name: 'Feature catalog' });
    await catalog.getByLabel('Feature', { exact: true }).fill('Forecasts');
    await catalog.getByLabel('Key').fill('forecasts');
    await catalog.getByLabel('Event names, one per line (* matches anything)').fill('Forecast *');
    await catalog.getByRole('button', { name: 'Add feature' }).click();
    await expect
      .poll(() => catalog.getByRole('status').textContent(), { timeout: 10_000 })
      .toBe(
        'Kept events that match Forecasts are being counted and moved to it in the background.',
      );
  });
});
