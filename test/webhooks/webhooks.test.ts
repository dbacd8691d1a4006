// Outbound webhooks end to end: an admin subscribes a receiver, something happens in Steward
// through the API, the real worker runs, and the receiver gets a body it can verify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/context.ts';
import { disableAfterFailures } from '../../src/modules/webhooks/deliver.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { runJobs } from '../notify/support.ts';
import { startReceiver, verifiedBy, type Receiver } from './support.ts';

const { deps: base, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
// The receiver listens on loopback: the test's operator allows that host, as
// STEWARD_OUTBOUND_ALLOW_HOSTS=127.0.0.1 would.
const deps: Deps = { ...base, config: { ...base.config, outboundAllowHosts: ['127.0.0.1'] } };
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

let admin: ApiClient;
let csm: ApiClient;
let accountId: string;
let adminId: string;
let workspaceId: string;
const receivers: Receiver[] = [];

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  const adminUser = await makeUser(deps.db, workspace.id, { role: 'admin' });
  adminId = adminUser.id;
  const csmUser = await makeUser(deps.db, workspace.id, { role: 'csm' });
  accountId = (await makeAccount(deps.db, workspace.id, { owner_id: csmUser.id })).id;
  admin = await signedIn(app, adminUser.email, testPassword);
  csm = await signedIn(app, csmUser.email, testPassword);
});

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

async function subscribe(url: string, events: ('task.created' | 'task.completed')[]) {
  const { data, response } = await admin.POST('/api/v1/webhook-subscriptions', {
    body: { url, events },
  });
  expect(response.status).toBe(201);
  if (!data) throw new Error('no subscription');
  return data;
}

async function createTask(title: string) {
  const { data } = await csm.POST('/api/v1/tasks', { body: { accountId, title } });
  if (!data) throw new Error('no task');
  return data;
}

async function deliveries(subscriptionId: string) {
  const { data } = await admin.GET('/api/v1/webhook-subscriptions/{id}/deliveries', {
    params: { path: { id: subscriptionId }, query: {} },
  });
  return data?.items ?? [];
}

describe('outbound webhooks', () => {
  it('tells a subscribed receiver that a task was completed, signed so it can verify the body', async () => {
    const hook = await receiver();
    const { subscription, secret, ping } = await subscribe(hook.url, ['task.completed']);
    expect(ping).toEqual({ status: 200, error: null });
    expect(hook.received).toHaveLength(1);
    expect(JSON.parse(hook.received[0]?.body ?? '{}')).toMatchObject({ type: 'ping' });

    const task = await createTask('Send the renewal quote');
    await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: task.id } },
      body: { status: 'done' },
    });
    await run();

    const told = hook.received.slice(1);
    expect(told.map((r) => r.headers.event)).toEqual(['task.completed']);
    const [arrived] = told;
    if (!arrived) throw new Error('nothing arrived');
    expect(await verifiedBy(secret, arrived.headers.signature, arrived.body, nowSeconds())).toBe(
      true,
    );
    expect(
      await verifiedBy('whsec_another', arrived.headers.signature, arrived.body, nowSeconds()),
    ).toBe(false);
    expect(JSON.parse(arrived.body)).toMatchObject({
      type: 'task.completed',
      workspaceId,
      data: { taskId: task.id, accountId },
    });
    const [delivery] = await deliveries(subscription.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, event: 'task.completed' });
    expect(arrived.headers.delivery).toBe(delivery?.id);
  });

  it('tries again after the receiver answers 500, and shows each attempt with its answer', async () => {
    const hook = await receiver();
    const { subscription } = await subscribe(hook.url, ['task.created']);
    hook.answer.status = 500;
    await createTask('Prepare the QBR deck');
    await run();
    const [waiting] = await deliveries(subscription.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());

    // Nothing is retried before its time.
    await run();
    expect(hook.received).toHaveLength(2);

    hook.answer.status = 200;
    clock.advance(61_000);
    await run();
    expect(hook.received).toHaveLength(3);
    expect(hook.received[2]?.body).toBe(hook.received[1]?.body);
    const { data } = await admin.GET('/api/v1/webhook-deliveries/{id}', {
      params: { path: { id: waiting?.id ?? '' } },
    });
    expect(data?.status).toBe('succeeded');
    expect(data?.attemptList.map((a) => [a.statusCode, a.responseBody])).toEqual([
      [500, 'no: 500'],
      [200, 'thanks'],
    ]);
  });

  it('replays a delivery an admin picks: the same body, signed anew, as a new delivery', async () => {
    const hook = await receiver();
    const { subscription, secret } = await subscribe(hook.url, ['task.created']);
    await createTask('Call the champion');
    await run();
    const [first] = await deliveries(subscription.id);
    clock.advance(3_600_000);
    const { data: replay, response } = await admin.POST('/api/v1/webhook-deliveries/{id}/replay', {
      params: { path: { id: first?.id ?? '' } },
    });
    expect(response.status).toBe(202);
    expect(replay).toMatchObject({ replayOf: first?.id, status: 'pending' });
    await run();
    const [, original, again] = hook.received;
    expect(again?.body).toBe(original?.body);
    expect(again?.headers.signature).not.toBe(original?.headers.signature);
    expect(
      await verifiedBy(secret, again?.headers.signature, again?.body ?? '', nowSeconds()),
    ).toBe(true);
    expect((await deliveries(subscription.id)).map((d) => d.status)).toEqual([
      'succeeded',
      'succeeded',
    ]);
  });

  it('counts a redirect from the receiver as a failed attempt, never following it', async () => {
    const hook = await receiver();
    const { subscription } = await subscribe(hook.url, ['task.created']);
    Object.assign(hook.answer, { status: 307, location: 'http://169.254.169.254/latest' });
    await createTask('Moved receiver');
    await run();
    const [delivery] = await deliveries(subscription.id);
    const { data } = await admin.GET('/api/v1/webhook-deliveries/{id}', {
      params: { path: { id: delivery?.id ?? '' } },
    });
    expect(data?.status).toBe('pending');
    expect(data?.attemptList).toMatchObject([
      { statusCode: 307, error: 'Redirects are not followed (to http://169.254.169.254/latest).' },
    ]);
    expect(hook.received).toHaveLength(2);
    // Off again, so the tests after this one do not fail against it.
    await admin.PATCH('/api/v1/webhook-subscriptions/{id}', {
      params: { path: { id: subscription.id } },
      body: { enabled: false },
    });
  });

  it('does not hand a new subscription what happened before it existed', async () => {
    await createTask('Before anyone listened');
    clock.advance(1_000);
    const hook = await receiver();
    const { subscription } = await subscribe(hook.url, ['task.created']);
    await run();
    expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['ping']);
    expect(await deliveries(subscription.id)).toEqual([]);
  });

  it('sends nothing to a subscription an admin switched off, and refuses to replay it', async () => {
    const hook = await receiver();
    const { subscription } = await subscribe(hook.url, ['task.created']);
    await createTask('Before the switch');
    await run();
    const { data: off } = await admin.PATCH('/api/v1/webhook-subscriptions/{id}', {
      params: { path: { id: subscription.id } },
      body: { enabled: false },
    });
    expect(off).toMatchObject({ enabled: false, disabledReason: 'admin' });
    await createTask('After the switch');
    await run();
    expect(hook.received.map((r) => JSON.parse(r.body).type)).toEqual(['ping', 'task.created']);
    const [sent] = await deliveries(subscription.id);
    const { response } = await admin.POST('/api/v1/webhook-deliveries/{id}/replay', {
      params: { path: { id: sent?.id ?? '' } },
    });
    expect(response.status).toBe(409);
  });

  it('switches a failing subscription off after repeated failures and tells the admins', async () => {
    const hook = await receiver();
    const { subscription } = await subscribe(hook.url, ['task.created']);
    hook.answer.status = 503;
    for (let i = 0; i < disableAfterFailures; i += 1) await createTask(`Failing ${i}`);
    await run();
    const { data } = await admin.GET('/api/v1/webhook-subscriptions/{id}', {
      params: { path: { id: subscription.id } },
    });
    expect(data).toMatchObject({
      enabled: false,
      disabledReason: 'failures',
      consecutiveFailures: disableAfterFailures,
    });
    // What waited to be retried is cancelled: moving time on sends nothing more.
    const sentBefore = hook.received.length;
    clock.advance(86_400_000);
    await createTask('After it was switched off');
    await run();
    expect(hook.received).toHaveLength(sentBefore);
    expect(new Set((await deliveries(subscription.id)).map((d) => d.status))).toEqual(
      new Set(['cancelled']),
    );
    const notices = await deps.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'webhook_disabled')
      .execute();
    expect(notices).toEqual([{ user_id: adminId, kind: 'webhook_disabled' }]);

    // Switched on again, the failures are forgotten.
    hook.answer.status = 200;
    const { data: on } = await admin.PATCH('/api/v1/webhook-subscriptions/{id}', {
      params: { path: { id: subscription.id } },
      body: { enabled: true },
    });
    expect(on).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
  });
});

describe('subscriptions that cannot be saved', () => {
  const count = async () =>
    (
      await deps.db
        .selectFrom('webhook_subscriptions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  /** Posts as the admin (the typed client would refuse an unknown event name at compile time). */
  async function refused(body: { url: string; events: string[] }) {
    const before = Number(await count());
    const answer = await admin.POST('/api/v1/webhook-subscriptions', {
      body: body as { url: string; events: ['task.created'] },
    });
    expect(Number(await count())).toBe(before);
    return answer;
  }

  it.each([
    ['not http(s)', 'ftp://hooks.example.com/steward'],
    ['not a URL at all', 'hooks dot example'],
    ['a private address', 'http://10.0.0.5/steward'],
    ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data'],
    ['an IPv6 loopback', 'http://[::1]:8080/steward'],
    ['credentials in the URL', 'https://user:pass@8.8.8.8/steward'],
  ])('refuses a URL that is %s, naming the field', async (_why, url) => {
    const { response, error } = await refused({ url, events: ['task.created'] });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error).toMatchObject({ errors: [{ path: 'url' }] });
  });

  it('refuses a URL that redirects to a private address, writing nothing', async () => {
    const hook = await receiver();
    Object.assign(hook.answer, {
      status: 302,
      location: 'http://169.254.169.254/latest/meta-data',
    });
    const { response, error } = await refused({ url: hook.url, events: ['task.created'] });
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ errors: [{ path: 'url' }] });
    expect(JSON.stringify(error)).toContain('redirects to an address Steward may not call');
  });

  it('refuses an event name it does not know, naming it', async () => {
    const hook = await receiver();
    const { response, error } = await refused({
      url: hook.url,
      events: ['task.created', 'task.exploded'],
    });
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ errors: [{ path: 'events.1' }] });
    expect(hook.received).toHaveLength(0);
  });

  it('keeps a subscription as it was when a change points it at a private address', async () => {
    const hook = await receiver();
    const { subscription } = await subscribe(hook.url, ['task.created']);
    const { response, error } = await admin.PATCH('/api/v1/webhook-subscriptions/{id}', {
      params: { path: { id: subscription.id } },
      body: { url: 'http://192.168.1.20/hook', events: ['task.completed'] },
    });
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ errors: [{ path: 'url' }] });
    const { data } = await admin.GET('/api/v1/webhook-subscriptions/{id}', {
      params: { path: { id: subscription.id } },
    });
    expect(data).toMatchObject({ url: hook.url, events: ['task.created'] });
  });

  it('is for admins only', async () => {
    const hook = await receiver();
    const { response } = await csm.POST('/api/v1/webhook-subscriptions', {
      body: { url: hook.url, events: ['task.created'] },
    });
    expect(response.status).toBe(403);
    expect(hook.received).toHaveLength(0);
  });
});
