import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { enqueue } from '../../src/jobs/registry.ts';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { inEnglish } from './support.ts';
import {
  closeEmailTransports,
  composeDigestNow,
  newsFor,
  sendDelivery,
} from '../../src/modules/notify/index.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { commentOnTask, createTask, updateTask } from '../../src/modules/work/index.ts';
import {
  apiClient,
  sessionCookieOf,
  signedIn,
  testApp,
  type ApiClient,
} from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import {
  runJobs,
  startSlackStandIn,
  startSmtpServer,
  type MailCatcher,
  type SlackStandIn,
} from './support.ts';

// Monday 2 November 2026, 09:00 UTC.
const { deps, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
const smtp: MailCatcher = await startSmtpServer();
const slack: SlackStandIn = await startSlackStandIn();
deps.config = {
  ...deps.config,
  smtpUrl: smtp.url,
  allowInsecureWebhooks: true,
  slackWebhookHosts: ['127.0.0.1'],
};
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);

let workspaceId: WorkspaceId;
let managerId: UserId;
let csmId: UserId;
let csm: ApiClient;
let manager: ApiClient;
let csmEmail: string;
let accountId: string;
let p0AccountId: string;
const scope = () => ({ workspaceId, onlyOwner: null });
const as = (userId: UserId) => ({ workspaceId, userId });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  const mgr = await makeUser(deps.db, workspaceId, { role: 'manager', name: 'Morgan Lee' });
  const csmUser = await makeUser(deps.db, workspaceId, {
    name: 'Jordan Taylor',
    managerId: mgr.id,
    timezone: 'Europe/Berlin',
    email: `jordan.${workspaceId.slice(0, 8)}@example.test`,
  });
  managerId = mgr.id;
  csmId = csmUser.id;
  csmEmail = csmUser.email;
  accountId = (await makeAccount(deps.db, workspaceId, { name: 'Acme', owner_id: csmId })).id;
  p0AccountId = (
    await makeAccount(deps.db, workspaceId, { name: 'Zeta Bank', priority: 'P0', owner_id: csmId })
  ).id;
  csm = await signedIn(app, csmUser.email, testPassword);
  manager = await signedIn(app, mgr.email, testPassword);
});

afterAll(async () => {
  vi.useRealTimers();
  closeEmailTransports();
  await smtp.close();
  await slack.close();
});

const inbox = async (userId: string) =>
  (
    await deps.db
      .selectFrom('notifications')
      .select(['kind', 'urgency', 'message', 'deliver_at', 'digest_id', 'task_id'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute()
  ).map(({ message, ...n }) => ({ ...n, title: inEnglish(message) }));

describe('from events to notifications', () => {
  it("tells the assignee about a manager's new task in the digest, and never the actor", async () => {
    const task = await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'Prepare the QBR deck',
      accountId,
      assigneeId: csmId,
    });
    await run();
    const mine = (await inbox(csmId)).filter((n) => n.task_id === task.id);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'task_created',
        urgency: 'digest',
        title: 'Morgan Lee created “Prepare the QBR deck” (Acme)',
      }),
    ]);
    expect((await inbox(managerId)).filter((n) => n.task_id === task.id)).toEqual([]);
  });

  it('tells the CSM at once, by e-mail too, about a task tagged urgent', async () => {
    const task = await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'Outage follow-up',
      accountId,
      assigneeId: csmId,
      tags: ['urgent'],
    });
    await run();
    const mine = (await inbox(csmId)).filter((n) => n.task_id === task.id);
    expect(mine.map((n) => n.urgency)).toEqual(['now']);
    const mail = smtp.mails.find((m) => m.subject?.includes('Outage follow-up'));
    expect(mail?.to).toMatchObject({ text: csmEmail });
    expect(mail?.text).toContain('Morgan Lee created “Outage follow-up” (Acme)');
    expect(mail?.html).toContain('<strong>');
  });

  it('tells the CSM at once about any update on a P0 account, and a mention at once', async () => {
    const task = await createTask(deps.db, clock, as(csmId), scope(), {
      title: 'Renewal paperwork',
      accountId: p0AccountId,
      assigneeId: managerId,
    });
    await updateTask(deps.db, clock, as(managerId), scope(), task.id, { status: 'in_progress' });
    await commentOnTask(
      deps.db,
      clock,
      as(managerId),
      scope(),
      task.id,
      `@jordan.${workspaceId.slice(0, 8)} please check the figures`,
    );
    await run();
    const mine = (await inbox(csmId)).filter((n) => n.task_id === task.id);
    expect(mine.map((n) => [n.kind, n.urgency]).sort()).toEqual([
      ['mentioned', 'now'],
      ['task_updated', 'now'],
    ]);
  });

  it('tells nobody of an event over a week old by the time it is routed: history, not news', async () => {
    const before = clock.now();
    const lastWeek = fixedClock(new Date(before.getTime() - newsFor + 3_600_000));
    const older = fixedClock(new Date(before.getTime() - newsFor - 3_600_000));
    const news = await createTask(deps.db, lastWeek, as(managerId), scope(), {
      title: 'Six days and 23 hours ago',
      accountId,
      assigneeId: csmId,
    });
    const history = await createTask(deps.db, older, as(managerId), scope(), {
      title: 'Seven days and an hour ago',
      accountId,
      assigneeId: csmId,
    });
    await run();
    const told = (await inbox(csmId)).map((n) => n.task_id);
    expect(told).toContain(news.id);
    expect(told).not.toContain(history.id);
    // The event itself is kept, for the activity and the timeline.
    const events = await deps.db
      .selectFrom('activity_events')
      .select('kind')
      .where('task_id', '=', history.id)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['task_created']);
  });

  it('posts urgent notifications to Slack as Block Kit, and holds them during quiet hours', async () => {
    const { response } = await csm.PUT('/api/v1/me/notification-preferences', {
      body: { slackWebhookUrl: slack.url, quietHours: { start: '22:00', end: '07:00' } },
    });
    expect(response.status).toBe(200);
    await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'Exec sponsor left',
      accountId,
      assigneeId: csmId,
      tags: ['urgent'],
    });
    await run();
    const payload = slack.received.at(-1) as {
      text: string;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(payload.text).toBe('Morgan Lee created “Exec sponsor left” (Acme)');
    expect(payload.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Morgan Lee created “Exec sponsor left” (Acme)*' },
    });

    // 23:30 in Berlin: held until 07:00 local.
    clock.set('2026-11-02T22:30:00Z');
    const lateOnes = () =>
      slack.received.filter((r) => (r as { text: string }).text.includes('Late-night urgent'));
    const late = await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'Late-night urgent',
      accountId,
      assigneeId: csmId,
      tags: ['urgent'],
    });
    await run();
    expect(lateOnes()).toHaveLength(0);
    // Escalations come through quiet hours: the mention above went unanswered for 4 hours.
    // Like every SLA step, its Slack message waits the few minutes a group gathers steps.
    clock.set('2026-11-02T22:35:00Z');
    await run();
    expect(lateOnes()).toHaveLength(0);
    expect(slack.received.map((r) => (r as { text: string }).text)).toContain(
      'Escalation: a mention on “Renewal paperwork” (Zeta Bank) is still unanswered',
    );
    const held = (await inbox(csmId)).find((n) => n.task_id === late.id);
    expect(held?.deliver_at).toEqual(new Date('2026-11-03T06:00:00Z'));
    clock.set('2026-11-03T06:00:00Z');
    await run();
    expect(lateOnes()).toHaveLength(1);
    await csm.PUT('/api/v1/me/notification-preferences', {
      body: { slackWebhookUrl: null, quietHours: null },
    });
  });

  it('marks a delivery failed after its last attempt and lists it for admins', async () => {
    const admin = await makeUser(deps.db, workspaceId, { role: 'admin' });
    const adminClient = await signedIn(app, admin.email, testPassword);
    await csm.PUT('/api/v1/me/notification-preferences', {
      body: {
        slackWebhookUrl: slack.url,
        channels: { now: ['in_app', 'slack'], digest: ['in_app'] },
      },
    });
    slack.answer.status = 503;
    clock.set('2026-11-03T10:00:00Z');
    await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'Slack is down',
      accountId,
      assigneeId: csmId,
      tags: ['urgent'],
    });
    await run();
    const delivery = await deps.db
      .selectFrom('deliveries')
      .selectAll()
      .where('user_id', '=', csmId)
      .where('channel', '=', 'slack')
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(delivery.attempts).toBe(1);
    // graphile-worker would retry with backoff; the handler is what each retry runs.
    for (let i = 2; i <= 8; i++) {
      await sendDelivery(deps, { deliveryId: delivery.id }).catch(() => undefined);
    }
    const { data } = await adminClient.GET('/api/v1/deliveries', {
      params: { query: { status: 'failed' } },
    });
    expect(data?.items).toEqual([
      expect.objectContaining({
        id: delivery.id,
        attempts: 8,
        channel: 'slack',
        lastError: expect.stringContaining('503'),
      }),
    ]);
    expect((await csm.GET('/api/v1/deliveries', { params: { query: {} } })).response.status).toBe(
      403,
    );

    // A webhook Slack no longer knows (404) fails at once: retrying cannot help.
    slack.answer.status = 404;
    await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'Webhook revoked',
      accountId,
      assigneeId: csmId,
      tags: ['urgent'],
    });
    await run();
    const failed = await adminClient.GET('/api/v1/deliveries', { params: { query: {} } });
    expect(failed.data?.items.map((d) => d.attempts).sort()).toEqual([1, 8]);
    slack.answer.status = 200;
    await csm.PUT('/api/v1/me/notification-preferences', {
      body: {
        slackWebhookUrl: null,
        channels: { now: ['in_app', 'email', 'slack'], digest: ['in_app', 'email'] },
      },
    });
  });
});

describe('the inbox', () => {
  it('pages newest first with the unread count, and marks one or all read', async () => {
    const first = await csm.GET('/api/v1/notifications', { params: { query: { limit: 2 } } });
    expect(first.data?.items).toHaveLength(2);
    const total = first.data?.unreadCount ?? 0;
    expect(total).toBeGreaterThan(3);
    const second = await csm.GET('/api/v1/notifications', {
      params: { query: { limit: 2, cursor: first.data?.nextCursor ?? '' } },
    });
    expect(
      (second.data?.items[0]?.createdAt ?? '') <= (first.data?.items[1]?.createdAt ?? ''),
    ).toBe(true);
    const id = first.data?.items[0]?.id ?? '';
    const read = await csm.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } });
    expect(read.response.status).toBe(204);
    const after = await csm.GET('/api/v1/notifications', { params: { query: { limit: 1 } } });
    expect(after.data?.unreadCount).toBe(total - 1);
    expect(after.data?.items[0]?.readAt).not.toBeNull();
    // Someone else's notification is not found.
    const other = await manager.POST('/api/v1/notifications/{id}/read', {
      params: { path: { id } },
    });
    expect(other.response.status).toBe(404);
    const all = await csm.POST('/api/v1/notifications/read-all');
    expect(all.data?.marked).toBe(total - 1);
    const none = await csm.GET('/api/v1/notifications', { params: { query: { limit: 1 } } });
    expect(none.data?.unreadCount).toBe(0);
  });

  it('streams the unread count over server-sent events when a notification arrives', async () => {
    vi.useRealTimers();
    const cookie = await sessionCookieOf(app, csmEmail, testPassword);
    const controller = new AbortController();
    const response = await app.request('/api/v1/notifications/stream', {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const nextEvent = async () => {
      let text = '';
      while (!text.includes('\n\n')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return text;
    };
    expect(await nextEvent()).toContain('"unreadCount":0');
    vi.useFakeTimers({ toFake: ['Date'] });
    await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'Live update',
      accountId,
      assigneeId: csmId,
    });
    await run();
    vi.useRealTimers();
    expect(await nextEvent()).toContain('"unreadCount":1');
    controller.abort();
    await reader.cancel();
    vi.useFakeTimers({ toFake: ['Date'] });
  });
});

describe('preferences', () => {
  it('starts from the defaults of the interview', async () => {
    const { data } = await manager.GET('/api/v1/me/notification-preferences');
    expect(data).toMatchObject({
      rules: {},
      digestHour: 8,
      quietHours: null,
      quietAllow: ['sla_breach', 'escalation'],
      channels: { now: ['in_app', 'email', 'slack'], digest: ['in_app', 'email'] },
      slackWebhookUrl: null,
      mutedProjects: [],
      mutedAccounts: [],
    });
  });

  it('answers 422 naming the field for quiet hours that make no sense and insecure webhooks', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ quietHours: { start: '22:00', end: '22:00' } }, 'quietHours.end'],
      [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
      [{ quietHours: { start: '10pm', end: '07:00' } }, 'quietHours.start'],
      [{ digestHour: 24 }, 'digestHour'],
      [{ rules: { task_updated: 'sometimes' } }, 'rules.task_updated'],
    ];
    for (const [body, path] of cases) {
      const { response, error } = await manager.PUT('/api/v1/me/notification-preferences', {
        body: body as never,
      });
      expect(response.status, path).toBe(422);
      expect(error?.errors?.map((e) => e.path)).toContain(path);
    }
    const strictApp = testApp({
      ...deps,
      config: { ...deps.config, allowInsecureWebhooks: false },
    });
    const strict = apiClient(strictApp);
    await strict.POST('/api/v1/auth/login', {
      body: {
        email: (
          await deps.db
            .selectFrom('users')
            .select('email')
            .where('id', '=', managerId)
            .executeTakeFirstOrThrow()
        ).email,
        password: testPassword,
      },
    });
    const { response, error } = await strict.PUT('/api/v1/me/notification-preferences', {
      body: { slackWebhookUrl: 'http://hooks.example.test/x' },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['slackWebhookUrl']);
  });

  it('mutes a project or account, except for escalations', async () => {
    const muted = await makeAccount(deps.db, workspaceId, {
      name: 'Muted Co',
      owner_id: managerId,
    });
    await manager.PUT('/api/v1/me/notification-preferences', {
      body: { mutedAccounts: [muted.id] },
    });
    const task = await createTask(deps.db, clock, as(csmId), scope(), {
      title: 'Quiet work',
      accountId: muted.id,
      tags: ['urgent'],
    });
    await run();
    expect((await inbox(managerId)).filter((n) => n.task_id === task.id)).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('goes out at 08:00 local in Los Angeles, Berlin and Tokyo, once per local day, coalesced', async () => {
    const zones = {
      'America/Los_Angeles': '2026-11-04T16:00:00Z',
      'Europe/Berlin': '2026-11-04T07:00:00Z',
      'Asia/Tokyo': '2026-11-03T23:00:00Z',
    };
    const people = new Map<string, { id: string; email: string }>();
    // 22:30 UTC on 3 November: 14:30 in Los Angeles and 23:30 in Berlin, where today's digest
    // went out already; 07:30 on the 4th in Tokyo.
    clock.set('2026-11-03T22:30:00Z');
    for (const zone of Object.keys(zones)) {
      const person = await makeUser(deps.db, workspaceId, { name: `CSM ${zone}`, timezone: zone });
      people.set(zone, person);
      if (zone !== 'Asia/Tokyo') {
        await deps.db
          .insertInto('digests')
          .values({
            workspace_id: workspaceId,
            user_id: person.id,
            local_date: '2026-11-03',
            created_at: clock.now(),
            item_count: 1,
          })
          .execute();
      }
      const account = await makeAccount(deps.db, workspaceId, {
        name: `Client of ${zone}`,
        owner_id: person.id,
      });
      const task = await createTask(deps.db, clock, as(managerId), scope(), {
        title: 'Configure SSO',
        accountId: account.id,
        assigneeId: person.id,
      });
      for (let i = 0; i < 10; i++) {
        await commentOnTask(deps.db, clock, as(managerId), scope(), task.id, `Note ${i}`);
      }
    }
    await run();
    const digested = async () =>
      (
        await deps.db
          .selectFrom('digests')
          .innerJoin('users', 'users.id', 'digests.user_id')
          .select(['users.timezone', 'digests.local_date', 'digests.item_count'])
          .where('digests.workspace_id', '=', workspaceId)
          .where(
            'users.id',
            'in',
            [...people.values()].map((p) => p.id),
          )
          .where('digests.local_date', '>', '2026-11-03')
          .execute()
      ).map((d) => `${d.timezone} ${d.local_date} ${d.item_count}`);
    const buildAt = async (at: string) => {
      clock.set(at);
      const { buildDueDigests } = await import('../../src/modules/notify/index.ts');
      await buildDueDigests(deps, {});
      await run();
    };
    // 07:55 local in Tokyo: not yet.
    await buildAt('2026-11-03T22:55:00Z');
    expect(await digested()).toEqual([]);
    await buildAt('2026-11-03T23:00:00Z');
    expect(await digested()).toEqual(['Asia/Tokyo 2026-11-04 11']);
    await buildAt('2026-11-04T07:00:00Z');
    await buildAt('2026-11-04T07:05:00Z');
    expect((await digested()).sort()).toEqual([
      'Asia/Tokyo 2026-11-04 11',
      'Europe/Berlin 2026-11-04 11',
    ]);
    await buildAt('2026-11-04T15:55:00Z');
    expect(await digested()).toHaveLength(2);
    await buildAt('2026-11-04T16:00:00Z');
    expect((await digested()).sort()).toEqual([
      'America/Los_Angeles 2026-11-04 11',
      'Asia/Tokyo 2026-11-04 11',
      'Europe/Berlin 2026-11-04 11',
    ]);

    const tokyo = people.get('Asia/Tokyo');
    const mail = smtp.mails.find((m) => m.to && 'text' in m.to && m.to.text === tokyo?.email);
    expect(mail?.subject).toBe('Your Steward digest for Nov 4, 2026: 11 updates');
    expect(mail?.text).toContain('Client of Asia/Tokyo');
    expect(mail?.text).toContain('10 comments on “Configure SSO”');
    expect(mail?.html).toContain('<li>10 comments on “Configure SSO”</li>');
  });

  it('keeps to 08:00 local across the end of DST in New York (1 November 2026)', async () => {
    clock.set('2026-10-31T20:00:00Z');
    const person = await makeUser(deps.db, workspaceId, { timezone: 'America/New_York' });
    const account = await makeAccount(deps.db, workspaceId, { owner_id: person.id });
    await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'Weekend item',
      accountId: account.id,
      assigneeId: person.id,
    });
    await run();
    const { buildDueDigests } = await import('../../src/modules/notify/index.ts');
    const digests = () =>
      deps.db
        .selectFrom('digests')
        .select(['local_date', 'created_at'])
        .where('user_id', '=', person.id)
        .execute();
    // 07:30 EST on Sunday (12:30 UTC — it would be 08:30 under EDT).
    clock.set('2026-11-01T12:30:00Z');
    await buildDueDigests(deps, {});
    expect(await digests()).toEqual([]);
    // This time through the real worker, as the cron job would queue it.
    clock.set('2026-11-01T13:00:00Z');
    await enqueue(deps.db, 'notification__build_digests', {}, { runAt: clock.now() });
    await run();
    expect(await digests()).toEqual([
      { local_date: '2026-11-01', created_at: new Date('2026-11-01T13:00:00Z') },
    ]);
  });

  it('sends a person their digest at once from the command line', async () => {
    clock.set('2026-11-05T15:00:00Z');
    const person = await makeUser(deps.db, workspaceId, { timezone: 'UTC' });
    const account = await makeAccount(deps.db, workspaceId, { owner_id: person.id });
    await createTask(deps.db, clock, as(managerId), scope(), {
      title: 'CLI item',
      accountId: account.id,
      assigneeId: person.id,
    });
    await run();
    const sent = smtp.mails.length;
    const result = await composeDigestNow(deps, person.email);
    expect(result?.deliveryIds).toHaveLength(1);
    await sendDelivery(deps, { deliveryId: result?.deliveryIds[0] ?? '' });
    expect(smtp.mails.length).toBe(sent + 1);
    expect(smtp.mails.at(-1)?.text).toContain('Morgan Lee created “CLI item”');
  });

  it('leaves out what its reader already read in the inbox, and sends nothing when they read it all', async () => {
    clock.set('2026-11-06T15:00:00Z');
    const reader = await makeUser(deps.db, workspaceId, { timezone: 'UTC' });
    const skimmer = await makeUser(deps.db, workspaceId, { timezone: 'UTC' });
    for (const [person, titles] of [
      [reader, ['Renewal call notes', 'Update the success plan']],
      [skimmer, ['Security review']],
    ] as const) {
      const account = await makeAccount(deps.db, workspaceId, { owner_id: person.id });
      for (const title of titles) {
        await createTask(deps.db, clock, as(managerId), scope(), {
          title,
          accountId: account.id,
          assigneeId: person.id,
        });
      }
    }
    await run();
    const readerApi = await signedIn(app, reader.email, testPassword);
    const { data: readerInbox } = await readerApi.GET('/api/v1/notifications', {
      params: { query: {} },
    });
    const seen = readerInbox?.items.find((n) => n.title.includes('Renewal call notes'));
    expect(seen).toBeDefined();
    await readerApi.POST('/api/v1/notifications/{id}/read', {
      params: { path: { id: seen?.id ?? '' } },
    });
    const skimmerApi = await signedIn(app, skimmer.email, testPassword);
    expect((await skimmerApi.POST('/api/v1/notifications/read-all')).response.status).toBe(200);

    clock.set('2026-11-07T08:00:00Z');
    const { buildDueDigests } = await import('../../src/modules/notify/index.ts');
    await buildDueDigests(deps, {});
    await run();
    const digests = await deps.db
      .selectFrom('digests')
      .select(['user_id', 'item_count'])
      .where('user_id', 'in', [reader.id, skimmer.id])
      .execute();
    expect(digests).toEqual([{ user_id: reader.id, item_count: 1 }]);
    const mail = smtp.mails.find((m) => m.to && 'text' in m.to && m.to.text === reader.email);
    expect(mail?.text).toContain('Morgan Lee created “Update the success plan”');
    expect(mail?.text).not.toContain('Renewal call notes');
    expect(smtp.mails.some((m) => m.to && 'text' in m.to && m.to.text === skimmer.email)).toBe(
      false,
    );
  });
});
