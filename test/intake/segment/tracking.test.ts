// The Segment-compatible Tracking API through the HTTP app, on a real database.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { enqueue, toTaskList } from '../../../src/jobs/registry.ts';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import {
  ensurePartitions,
  usageJobs,
  usagePartitions,
} from '../../../src/modules/intake/segment/index.ts';
import { signedIn, testApp, type ApiClient } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { runTasksOnce } from '../../support/jobs.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import { storedTitle } from '../../support/titles.ts';
import { basicAuth, countRows, eventsRolledUp, segmentPost, track } from './support.ts';

const { deps, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let admin: ApiClient;
let writeKey: string;

async function newWriteKey(name = 'Segment') {
  const { data, response } = await admin.POST('/api/v1/intake/write-keys', { body: { name } });
  if (response.status !== 201 || !data) throw new Error(`write key: ${response.status}`);
  return data;
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const person = await makeUser(deps.db, workspaceId, { role: 'admin' });
  admin = await signedIn(app, person.email, testPassword);
  writeKey = (await newWriteKey()).key;
});

describe('write keys', () => {
  it('shows a new key once and lists it by prefix only', async () => {
    const created = await newWriteKey('Production');
    expect(created.key).toMatch(/^swk_/);
    const { data } = await admin.GET('/api/v1/intake/write-keys');
    const listed = data?.items.find((k) => k.id === created.id);
    expect(listed).toMatchObject({ name: 'Production', prefix: created.key.slice(0, 10) });
    expect(JSON.stringify(data)).not.toContain(created.key);
  });

  it('keeps a rotated key working for 24 hours, and a revoked one not at all', async () => {
    const old = await newWriteKey('Rotating');
    const { data: fresh, response } = await admin.POST('/api/v1/intake/write-keys/{id}/rotate', {
      params: { path: { id: old.id } },
    });
    expect(response.status).toBe(201);
    const body = { type: 'identify', userId: `u-${randomUUID()}` };
    expect((await segmentPost(app, '/v1/identify', body, old.key)).status).toBe(200);
    clock.advance(24 * 3600_000 + 1);
    try {
      expect((await segmentPost(app, '/v1/identify', body, old.key)).status).toBe(401);
      expect((await segmentPost(app, '/v1/identify', body, fresh?.key)).status).toBe(200);
      const { response: revoked } = await admin.DELETE('/api/v1/intake/write-keys/{id}', {
        params: { path: { id: fresh?.id ?? '' } },
      });
      expect(revoked.status).toBe(204);
      expect((await segmentPost(app, '/v1/identify', body, fresh?.key)).status).toBe(401);
    } finally {
      clock.set('2026-11-02T09:00:00Z');
    }
  });

  it('is managed only with manage_integrations', async () => {
    const csm = await makeUser(deps.db, workspaceId, { role: 'csm' });
    const client = await signedIn(app, csm.email, testPassword);
    const { response } = await client.POST('/api/v1/intake/write-keys', { body: { name: 'x' } });
    expect(response.status).toBe(403);
  });
});

describe('identify and group', () => {
  it('links a user to the account named by groupId and makes their contact', async () => {
    const account = await makeAccount(deps.db, workspaceId, { external_id: 'crm-acme' });
    const userId = `u-${randomUUID()}`;
    const identify = await segmentPost(
      app,
      '/v1/identify',
      { userId, traits: { firstName: 'Ada', lastName: 'Lovelace', email: 'Ada@Acme.test' } },
      writeKey,
    );
    expect(identify.status).toBe(200);
    expect(await identify.json()).toEqual({ success: true });
    // Not yet linked to an account: no contact yet.
    const before = await deps.db
      .selectFrom('contacts')
      .select('id')
      .where('external_id', '=', userId)
      .execute();
    expect(before).toEqual([]);

    const group = await segmentPost(app, '/v1/group', { userId, groupId: 'crm-acme' }, writeKey);
    expect(group.status).toBe(200);
    const contact = await deps.db
      .selectFrom('contacts')
      .selectAll()
      .where('external_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({
      account_id: account.id,
      name: 'Ada Lovelace',
      email: 'ada@acme.test',
    });

    // A later identify updates the same contact.
    await segmentPost(app, '/v1/identify', { userId, traits: { title: 'CTO' } }, writeKey);
    const updated = await deps.db
      .selectFrom('contacts')
      .select(['title', 'name'])
      .where('external_id', '=', userId)
      .execute();
    expect(updated).toEqual([{ title: 'CTO', name: 'Ada Lovelace' }]);
  });

  it('matches an existing contact by e-mail when it has no external id yet', async () => {
    const account = await makeAccount(deps.db, workspaceId);
    await deps.db
      .insertInto('contacts')
      .values({
        workspace_id: workspaceId,
        account_id: account.id,
        name: 'Grace Hopper',
        email: 'grace@navy.test',
      })
      .execute();
    const userId = `u-${randomUUID()}`;
    await segmentPost(
      app,
      '/v1/identify',
      {
        userId,
        traits: { email: 'grace@navy.test', name: 'Grace B. Hopper' },
        context: { groupId: account.external_id },
      },
      writeKey,
    );
    const contacts = await deps.db
      .selectFrom('contacts')
      .select(['external_id', 'name'])
      .where('account_id', '=', account.id)
      .execute();
    expect(contacts).toEqual([{ external_id: userId, name: 'Grace B. Hopper' }]);
  });

  it('matches a group by the domain in its traits when the groupId is unknown', async () => {
    const account = await makeAccount(deps.db, workspaceId, { domain: 'initech.test' });
    const userId = `u-${randomUUID()}`;
    await segmentPost(
      app,
      '/v1/group',
      { userId, groupId: 'org_991', traits: { website: 'https://www.Initech.test/about' } },
      writeKey,
    );
    const link = await deps.db
      .selectFrom('usage_users')
      .select('account_id')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(link.account_id).toBe(account.id);
  });

  it('creates an unknown customer as an unassigned account with a note to review it', async () => {
    const accountsBefore = await countRows(deps.db, 'accounts', workspaceId);
    const body = {
      userId: `u-${randomUUID()}`,
      groupId: 'org_new_1',
      traits: { name: 'Globex', plan: 'Pro', seats: 25 },
    };
    expect((await segmentPost(app, '/v1/group', body, writeKey)).status).toBe(200);
    expect((await segmentPost(app, '/v1/group', body, writeKey)).status).toBe(200);
    expect(await countRows(deps.db, 'accounts', workspaceId)).toBe(accountsBefore + 1);
    const account = await deps.db
      .selectFrom('accounts')
      .selectAll()
      .where('external_id', '=', 'org_new_1')
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ name: 'Globex', owner_id: null, plan: 'Pro', seats: 25 });
    const notes = await deps.db
      .selectFrom('timeline_events')
      .select(['kind', 'title', 'title_message'])
      .where('account_id', '=', account.id)
      .execute();
    expect(notes.map((n) => [n.kind, storedTitle(n)])).toEqual([
      [
        'system',
        'Created from a Segment group call without an owner: no account matched its groupId or domain — review',
      ],
    ]);
  });
});

describe('track and page', () => {
  it('stores events and rolls them up per account, feature and day', async () => {
    const account = await makeAccount(deps.db, workspaceId, { external_id: 'crm-rollup' });
    await admin.POST('/api/v1/features', {
      body: { key: 'reports', label: 'Reports', events: ['Report *'] },
    });
    await segmentPost(app, '/v1/group', { userId: 'rollup-1', groupId: 'crm-rollup' }, writeKey);
    const response = await segmentPost(
      app,
      '/v1/batch',
      {
        batch: [
          track('rollup-1', 'Report Viewed', '2026-11-01T10:00:00Z'),
          track('rollup-1', 'Report Exported', '2026-11-01T11:00:00Z'),
          track('rollup-2', 'Signed In', '2026-11-01T12:00:00Z', {
            context: { groupId: 'crm-rollup' },
          }),
          {
            type: 'page',
            name: 'Pricing',
            userId: 'rollup-1',
            timestamp: '2026-10-31T09:00:00Z',
            messageId: randomUUID(),
          },
        ],
      },
      writeKey,
    );
    expect(response.status).toBe(200);
    const daily = await deps.db
      .selectFrom('usage_days')
      .select(['day', 'feature_key', 'events', 'logins'])
      .where('account_id', '=', account.id)
      .orderBy('day')
      .orderBy('feature_key')
      .execute();
    expect(daily).toEqual([
      { day: '2026-10-31', feature_key: 'Viewed Pricing Page', events: 1, logins: 0 },
      { day: '2026-11-01', feature_key: 'Signed In', events: 1, logins: 1 },
      { day: '2026-11-01', feature_key: 'reports', events: 2, logins: 0 },
    ]);
    const users = await deps.db
      .selectFrom('usage_day_users')
      .select(['day', 'user_id'])
      .distinct()
      .where('account_id', '=', account.id)
      .orderBy('day')
      .orderBy('user_id')
      .execute();
    expect(users).toEqual([
      { day: '2026-10-31', user_id: 'rollup-1' },
      { day: '2026-11-01', user_id: 'rollup-1' },
      { day: '2026-11-01', user_id: 'rollup-2' },
    ]);
  });

  it('counts the same batch sent twice once (dedup by messageId)', async () => {
    await makeAccount(deps.db, workspaceId, { external_id: 'crm-dedup' });
    const batch = {
      batch: Array.from({ length: 50 }, (_, i) =>
        track(`dedup-${i % 5}`, 'Dashboard Viewed', `2026-11-01T0${i % 10}:00:00Z`, {
          context: { groupId: 'crm-dedup' },
        }),
      ),
    };
    const eventsBefore = await countRows(deps.db, 'usage_events', workspaceId);
    const rolledBefore = await eventsRolledUp(deps.db, workspaceId);
    expect((await segmentPost(app, '/v1/batch', batch, writeKey)).status).toBe(200);
    expect((await segmentPost(app, '/v1/batch', batch, writeKey)).status).toBe(200);
    expect(await countRows(deps.db, 'usage_events', workspaceId)).toBe(eventsBefore + 50);
    expect(await eventsRolledUp(deps.db, workspaceId)).toBe(rolledBefore + 50);
  });

  it('gives a message without messageId one, so its retry is still one event', async () => {
    await makeAccount(deps.db, workspaceId, { external_id: 'crm-nomid' });
    const message = {
      type: 'track',
      userId: 'nomid',
      event: 'Exported',
      timestamp: '2026-11-01T08:00:00Z',
      context: { groupId: 'crm-nomid' },
    };
    const before = await countRows(deps.db, 'usage_events', workspaceId);
    await segmentPost(app, '/v1/track', { ...message, sentAt: '2026-11-01T08:00:01Z' }, writeKey);
    await segmentPost(app, '/v1/track', { ...message, sentAt: '2026-11-01T08:03:00Z' }, writeKey);
    expect(await countRows(deps.db, 'usage_events', workspaceId)).toBe(before + 1);
  });

  it("links events that came before their user's group call, and rolls them up then", async () => {
    const account = await makeAccount(deps.db, workspaceId, { external_id: 'crm-late' });
    const early = {
      batch: [1, 2, 3].map((h) => track('late-1', 'Early', `2026-11-01T0${h}:00:00Z`)),
    };
    expect((await segmentPost(app, '/v1/batch', early, writeKey)).status).toBe(200);
    await segmentPost(app, '/v1/group', { userId: 'late-1', groupId: 'crm-late' }, writeKey);
    const daily = await deps.db
      .selectFrom('usage_days')
      .select(['feature_key', 'events'])
      .where('account_id', '=', account.id)
      .execute();
    expect(daily).toEqual([{ feature_key: 'Early', events: 3 }]);
  });

  it('keeps an event of an unknown user raw, outside the rollups', async () => {
    const rolledBefore = await eventsRolledUp(deps.db, workspaceId);
    const eventsBefore = await countRows(deps.db, 'usage_events', workspaceId);
    const response = await segmentPost(
      app,
      '/v1/track',
      track('stranger', 'Clicked', '2026-11-01T08:00:00Z'),
      writeKey,
    );
    expect(response.status).toBe(200);
    expect(await countRows(deps.db, 'usage_events', workspaceId)).toBe(eventsBefore + 1);
    expect(await eventsRolledUp(deps.db, workspaceId)).toBe(rolledBefore);
  });

  it("finds each event's account by its groupId, as external id then Steward id, else by its user's group call", async () => {
    const byExternal = await makeAccount(deps.db, workspaceId, { external_id: 'crm-find' });
    const byId = await makeAccount(deps.db, workspaceId);
    const byUser = await makeAccount(deps.db, workspaceId, { external_id: 'crm-find-user' });
    const closed = await makeAccount(deps.db, workspaceId, { external_id: 'crm-find-closed' });
    await segmentPost(app, '/v1/group', { userId: 'find-1', groupId: 'crm-find-user' }, writeKey);
    await deps.db
      .updateTable('accounts')
      .set({ deleted_at: clock.now() })
      .where('id', '=', closed.id)
      .execute();
    const at = '2026-11-01T10:00:00Z';
    const batch = [
      track('find-1', 'Found By External Id', at, { context: { groupId: 'crm-find' } }),
      track('find-1', 'Found By Steward Id', at, { context: { groupId: byId.id.toUpperCase() } }),
      track('find-1', 'Found By User', at),
      track('find-1', 'Found By User Past A Closed Account', at, {
        context: { groupId: 'crm-find-closed' },
      }),
      track('find-2', 'Found Nowhere', at, { context: { groupId: 'crm-find-unknown' } }),
    ];
    expect((await segmentPost(app, '/v1/batch', { batch }, writeKey)).status).toBe(200);
    const stored = await deps.db
      .selectFrom('usage_events')
      .select(['event', 'account_id'])
      .where('workspace_id', '=', workspaceId)
      .where('event', 'like', 'Found %')
      .orderBy('event')
      .execute();
    expect(stored).toEqual([
      { event: 'Found By External Id', account_id: byExternal.id },
      { event: 'Found By Steward Id', account_id: byId.id },
      { event: 'Found By User', account_id: byUser.id },
      { event: 'Found By User Past A Closed Account', account_id: byUser.id },
      { event: 'Found Nowhere', account_id: null },
    ]);
  });
});

describe('bad requests write nothing', () => {
  const cases: [string, () => Promise<Response>, number][] = [
    ['no write key', () => segmentPost(app, '/v1/batch', { batch: [] }, undefined), 401],
    ['a wrong write key', () => segmentPost(app, '/v1/batch', { batch: [] }, 'swk_nope'), 401],
    ['malformed JSON', () => segmentPost(app, '/v1/track', '{"type": "track",', writeKey), 400],
    [
      'a batch whose only message has no userId or anonymousId',
      () =>
        segmentPost(
          app,
          '/v1/batch',
          { batch: [{ type: 'track', event: 'Orphan', messageId: 'x' }] },
          writeKey,
        ),
      400,
    ],
    [
      'a message over 32 KB',
      () =>
        segmentPost(
          app,
          '/v1/track',
          track('big', 'Big', '2026-11-01T08:00:00Z', { properties: { blob: 'x'.repeat(33_000) } }),
          writeKey,
        ),
      400,
    ],
    [
      'a batch over 500 KB',
      () =>
        segmentPost(
          app,
          '/v1/batch',
          {
            batch: Array.from({ length: 20 }, () =>
              track('big', 'Big', '2026-11-01T08:00:00Z', {
                properties: { blob: 'x'.repeat(30_000) },
              }),
            ),
          },
          writeKey,
        ),
      400,
    ],
  ];

  it.each(cases)('answers %s with a problem', async (_name, send, status) => {
    const before = await countRows(deps.db, 'usage_events', workspaceId);
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { detail: string };
    expect(problem.detail.length).toBeGreaterThan(10);
    expect(await countRows(deps.db, 'usage_events', workspaceId)).toBe(before);
  });

  it('names the message and field at fault', async () => {
    const response = await segmentPost(
      app,
      '/v1/batch',
      { batch: [track('a', 'A', '2026-11-01T08:00:00Z'), { type: 'track', userId: 'b' }] },
      writeKey,
    );
    expect(await response.json()).toMatchObject({
      code: 'intake.invalid_message',
      errors: [{ path: 'batch.1.event', message: 'is required' }],
    });
  });
});

describe('a request on a real socket', () => {
  /** POSTs to /v1/batch with its length declared, or chunked (no length): the answer's status. */
  function post(port: number, body: Buffer, chunked: boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/batch',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: basicAuth(writeKey),
            ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': body.length }),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      if (!chunked) return request.end(body);
      for (let at = 0; at < body.length; at += 64 * 1024) {
        request.write(body.subarray(at, at + 64 * 1024));
      }
      request.end();
    });
  }

  it('refuses a batch over 500 KB whole whether it declares its length or streams it', async () => {
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const batch = (blob: number) => ({
        batch: Array.from({ length: 20 }, () =>
          track('socket', 'Big', '2026-11-01T08:00:00Z', {
            properties: { blob: 'x'.repeat(blob) },
          }),
        ),
      });
      const tooLarge = Buffer.from(JSON.stringify(batch(30_000)));
      const before = await countRows(deps.db, 'usage_events', workspaceId);
      expect(await post(port, tooLarge, false)).toBe(400);
      expect(await post(port, tooLarge, true)).toBe(400);
      expect(await countRows(deps.db, 'usage_events', workspaceId)).toBe(before);
      // Under the limit, either way, every message is stored.
      expect(await post(port, Buffer.from(JSON.stringify(batch(10))), false)).toBe(200);
      expect(await post(port, Buffer.from(JSON.stringify(batch(10))), true)).toBe(200);
      expect(await countRows(deps.db, 'usage_events', workspaceId)).toBe(before + 40);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('retention', () => {
  it('acknowledges but does not keep events older than the retention window', async () => {
    const before = await countRows(deps.db, 'usage_events', workspaceId);
    const response = await segmentPost(
      app,
      '/v1/track',
      track('old', 'Ancient', '2025-10-31T23:59:59Z'),
      writeKey,
    );
    expect(response.status).toBe(200);
    expect(await countRows(deps.db, 'usage_events', workspaceId)).toBe(before);
  });

  it('drops month partitions past retention and makes next month ahead (real worker)', async () => {
    await ensurePartitions(deps.db, [new Date('2025-09-15T00:00:00Z')]);
    await enqueue(deps.db, 'usage__maintain_partitions', {});
    await runTasksOnce(database.pool, toTaskList(deps, usageJobs));
    const names = (await usagePartitions(deps.db)).map((p) => p.name);
    expect(names).not.toContain('usage_events_2025_09');
    expect(names).toContain('usage_events_2026_11');
    expect(names).toContain('usage_events_2026_12');
    // The partition job ran and is gone (tracked events queue accounts__changed of their own).
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker.jobs
      where task_identifier = 'usage__maintain_partitions'`.execute(deps.db);
    expect(rows[0]?.n).toBe(0);
  });
});
