// Webhooks as an admin sees them, on a phone in dark mode: subscribe a receiver to new tasks,
// keep the secret shown once, and find the delivery with its attempt after a task is created.
import { runTaskListOnce } from 'graphile-worker';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { toTaskList } from '../../src/jobs/registry.ts';
import { webhookJobs } from '../../src/modules/webhooks/index.ts';
import type { TestServer } from '../support/server.ts';
import { startReceiver, verifiedBy, type Receiver } from '../webhooks/support.ts';
import { apiAs, openSteward, phone, seriousViolations, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
let hook: Receiver | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  await hook?.close();
  session = undefined;
  hook = undefined;
});

/** Runs the webhook jobs queued so far, as the worker would (the test server has none). */
async function runWebhookJobs(server: TestServer) {
  const pool = new pg.Pool({ connectionString: server.deps.config.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    await runTaskListOnce({}, toTaskList(server.deps, webhookJobs), client).promise;
  } finally {
    client.release();
    await pool.end();
  }
}

describe('Settings → Webhooks', () => {
  it('lets an admin on a phone subscribe a receiver and read its deliveries', async () => {
    session = await openSteward('admin@demo.steward.dev', phone, { colorScheme: 'dark' });
    const { page, server } = session;
    // The receiver is on loopback: this install's operator allows it.
    server.deps.config.outboundAllowHosts.push('127.0.0.1');
    hook = await startReceiver();

    await page.goto(`${server.url}/settings/webhooks`);
    const form = page.getByRole('region', { name: 'Subscribe a URL' });
    await form.getByLabel('URL').fill(hook.url);
    await form.getByLabel(/^Task created/).check();
    await form.getByRole('button', { name: 'Subscribe' }).click();
    const shown = form.getByRole('status');
    await expect.poll(() => shown.textContent()).toContain('answered the ping with 200');
    const secret = (await shown.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousViolations(page)).toEqual([]);

    const api = await apiAs(session);
    const { data: accounts } = await api.GET('/api/v1/accounts', {
      params: { query: { limit: 1 } },
    });
    await api.POST('/api/v1/tasks', {
      body: { accountId: accounts?.items[0]?.id ?? '', title: 'Book the renewal call' },
    });
    await runWebhookJobs(server);
    const arrived = hook.received.at(-1);
    expect(JSON.parse(arrived?.body ?? '{}')).toMatchObject({ type: 'task.created' });
    expect(
      await verifiedBy(
        secret,
        arrived?.headers.signature,
        arrived?.body ?? '',
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);

    const list = page.getByRole('region', { name: 'Subscriptions' });
    await list.getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = list.getByRole('region', { name: `Deliveries to ${hook.url}` });
    await expect.poll(() => deliveries.textContent()).toContain('Delivered');
    await deliveries.getByRole('button', { name: 'Details' }).click();
    await expect.poll(() => deliveries.textContent()).toContain('HTTP 200');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
