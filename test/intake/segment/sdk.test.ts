// Proof with Segment's own Node SDK (@segment/analytics-node) against Steward on a real
// socket: every event lands exactly once, also when a batch's first delivery fails.
import { randomUUID } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import { createWriteKey } from '../../../src/modules/intake/segment/index.ts';
import { testApp } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeWorkspace } from '../../support/factories.ts';

// The SDK stamps events with the real time, so Steward's clock is the real time too.
const { deps } = await useTestDeps(new Date().toISOString());
const app = testApp(deps);

type Fetch = (request: Request) => Response | Promise<Response>;

async function listen(fetch: Fetch): Promise<{ url: string; server: ServerType }> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server };
}

const servers: ServerType[] = [];
afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
});

let workspaceId: WorkspaceId;
let writeKey: string;
beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  writeKey = (await createWriteKey(deps.db, { workspaceId, userId: null }, { name: 'SDK' })).key;
});

/** Identify, group and `tracks` track calls for one new account, through the SDK. */
async function sendThroughSdk(url: string, tracks: number) {
  const groupId = `sdk-${randomUUID()}`;
  const account = await makeAccount(deps.db, workspaceId, { external_id: groupId });
  const analytics = new Analytics({ writeKey, host: url, flushAt: 20, maxRetries: 5 });
  /** The first messageId of each request's batch: a retried batch shows up twice. */
  const requests: string[] = [];
  const failures: unknown[] = [];
  analytics.on('http_request', (r) => {
    const body = JSON.parse(r.body) as { batch: { messageId: string }[] };
    requests.push(body.batch[0]?.messageId ?? '');
  });
  analytics.on('error', (error) => failures.push(error));
  const userId = `user-${randomUUID()}`;
  analytics.identify({ userId, traits: { name: 'Sam Sender', email: 'sam@sdk.test' } });
  analytics.group({ userId, groupId, traits: { name: 'SDK Co' } });
  for (let i = 0; i < tracks; i++) {
    analytics.track({ userId, event: `Feature ${i % 7} Used`, properties: { i } });
  }
  await analytics.closeAndFlush({ timeout: 20_000 });
  return { account, userId, requests, failures };
}

async function storedEvents(accountId: string) {
  return deps.db
    .selectFrom('usage_events')
    .select(['message_id', 'properties'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .execute();
}

describe('the Segment Node SDK', () => {
  it('delivers identify, group and batches of track calls, each event once', async () => {
    const { url, server } = await listen(app.fetch);
    servers.push(server);
    const sent = await sendThroughSdk(url, 95);
    expect(sent.failures).toEqual([]);
    expect(sent.requests.length).toBeGreaterThanOrEqual(5);
    const events = await storedEvents(sent.account.id);
    expect(events).toHaveLength(95);
    expect(new Set(events.map((e) => e.message_id)).size).toBe(95);
    expect(new Set(events.map((e) => e.properties['i'])).size).toBe(95);
    const contact = await deps.db
      .selectFrom('contacts')
      .select(['account_id', 'name', 'email'])
      .where('external_id', '=', sent.userId)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({
      account_id: sent.account.id,
      name: 'Sam Sender',
      email: 'sam@sdk.test',
    });
    const rolled = await deps.db
      .selectFrom('usage_days')
      .select((eb) => eb.fn.sum<number>('events').as('n'))
      .where('account_id', '=', sent.account.id)
      .executeTakeFirstOrThrow();
    expect(Number(rolled.n)).toBe(95);
  });

  it('retries a batch whose first answer was lost, and still stores each event once', async () => {
    // The first batch is committed, then answered 500 as if the connection broke: the SDK
    // sends it again and dedup by messageId keeps one copy.
    let failed = false;
    const flaky: Fetch = async (request) => {
      const response = await app.fetch(request);
      if (!failed && new URL(request.url).pathname === '/v1/batch') {
        failed = true;
        return new Response('{"success":false}', { status: 500 });
      }
      return response;
    };
    const { url, server } = await listen(flaky);
    servers.push(server);
    const sent = await sendThroughSdk(url, 60);
    expect(failed).toBe(true);
    expect(sent.failures).toEqual([]);
    expect(sent.requests.length).toBe(new Set(sent.requests).size + 1);
    const events = await storedEvents(sent.account.id);
    expect(events).toHaveLength(60);
    expect(new Set(events.map((e) => e.message_id)).size).toBe(60);
  });
});
