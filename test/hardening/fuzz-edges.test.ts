// The bad inputs the hardening review found answering 500, each answered as a 4xx naming the
// field: NUL in a search, a note or a Segment event; a seat count past PostgreSQL's integer;
// cursors that pass the pattern but not the database's cast; days no calendar has. A Segment
// batch with one bad message keeps the good ones and names the bad one.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/lib/pagination.ts';
import { origin, signedIn, testApp, type ApiClient } from '../support/client.ts';
import { testDeps, useTestDatabase } from '../support/db.ts';
import { segmentPost, track } from '../intake/segment/support.ts';

const database = await useTestDatabase('demo');
const deps = testDeps(database);
const app = testApp(deps);
let admin: ApiClient;
let accountId: string;
let writeKey: string;

beforeAll(async () => {
  admin = await signedIn(app, 'admin@demo.steward.dev', 'steward-demo');
  const { data } = await admin.GET('/api/v1/accounts', { params: { query: { limit: 1 } } });
  accountId = data?.items[0]?.id ?? '';
  const key = await admin.POST('/api/v1/intake/write-keys', { body: { name: 'Edges' } });
  writeKey = key.data?.key ?? '';
});

type Problem = { status: number; code: string; errors?: { path: string; message: string }[] };

describe('bad input is refused at the edge, naming the field', () => {
  it('refuses a NUL character in a portfolio search', async () => {
    const { response, error } = await admin.GET('/api/v1/accounts', {
      params: { query: { q: 'acme\u0000' } },
    });
    expect(response.status).toBe(422);
    expect((error as Problem).errors).toEqual([
      expect.objectContaining({ path: 'query.q', message: expect.stringMatching(/NUL/) }),
    ]);
  });

  it('refuses a NUL character in a timeline note', async () => {
    const { response, error } = await admin.POST('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: accountId } },
      body: { kind: 'note', body: 'called the\u0000 customer' },
    });
    expect(response.status).toBe(422);
    expect((error as Problem).errors?.map((e) => e.path)).toEqual(['body']);
  });

  it('refuses a seat count past what the database holds', async () => {
    const { response, error } = await admin.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: accountId } },
      body: { seats: 2_147_483_648 },
    });
    expect(response.status).toBe(422);
    expect((error as Problem).errors?.map((e) => e.path)).toEqual(['seats']);
    const ok = await admin.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: accountId } },
      body: { seats: 2_147_483_647 },
    });
    expect(ok.response.status).toBe(200);
  });

  it('refuses cursors that look right but name no real position', async () => {
    const cursors = [
      encodeCursor({ value: '2026-02-30T00:00:00Z', id: randomUUID() }),
      encodeCursor({ value: '2026-11-02T09:00:00Z', id: '99999999999999999999' }),
      encodeCursor({ value: 'a\u0000b', id: randomUUID(), sort: 'name' }),
      '00000000-0000-0000-0000-00000000000g',
    ];
    for (const cursor of cursors) {
      for (const path of [
        '/api/v1/notifications',
        '/api/v1/accounts',
        '/api/v1/audit-log',
        '/api/v1/renewals',
        '/api/v1/feedback',
      ]) {
        const response = await app.request(
          `${origin}${path}?cursor=${encodeURIComponent(cursor)}`,
          { headers: { cookie: await sessionCookie() } },
        );
        expect([400, 422], `${path} ${cursor}`).toContain(response.status);
      }
    }
  });

  it('refuses days no calendar has, in a query, a body and a trial, and keeps the renewal date', async () => {
    // Year 0000 passes an ISO date check but not PostgreSQL's; 30 February passes a pattern.
    const renewals = await admin.GET('/api/v1/renewals', {
      params: { query: { from: '0000-01-01' } },
    });
    expect(renewals.response.status).toBe(422);
    expect((renewals.error as Problem).errors?.map((e) => e.path)).toEqual(['query.from']);

    const before = await admin.GET('/api/v1/accounts/{id}', {
      params: { path: { id: accountId } },
    });
    const renewal = await admin.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: accountId } },
      body: { renewalDate: '0000-01-01' },
    });
    expect(renewal.response.status).toBe(422);
    expect((renewal.error as Problem).errors?.map((e) => e.path)).toEqual(['renewalDate']);
    const after = await admin.GET('/api/v1/accounts/{id}', { params: { path: { id: accountId } } });
    expect(after.data?.renewalDate).toBe(before.data?.renewalDate);

    const trial = await admin.POST('/api/v1/health/backtest', {
      body: { from: '2026-02-30' },
    });
    expect(trial.response.status).toBe(422);
    expect((trial.error as Problem).errors).toEqual([
      expect.objectContaining({ path: 'from', message: 'must be YYYY-MM-DD' }),
    ]);
  });
});

describe('a Segment batch with one bad message', () => {
  it('keeps the good messages and names the bad one by index and field', async () => {
    const good = [
      track('edge-a', 'Opened report', '2026-11-01T08:00:00Z'),
      track('edge-b', 'Opened report', '2026-11-01T08:01:00Z'),
    ];
    const bad = track('edge-c', 'Opened\u0000report', '2026-11-01T08:02:00Z');
    const response = await segmentPost(
      app,
      '/v1/batch',
      { batch: [good[0], bad, good[1]] },
      writeKey,
    );
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.code).toBe('intake.invalid_message');
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'batch.1.event', message: expect.stringMatching(/NUL/) }),
    ]);
    const { rows } = await sql<{ message_id: string }>`
      select message_id from usage_events where message_id = any(${[
        ...good.map((m) => m.messageId),
        bad.messageId,
      ]})`.execute(deps.db);
    expect(rows.map((r) => r.message_id).sort()).toEqual(good.map((m) => m.messageId).sort());
  });

  it('refuses a single message with a NUL in its properties', async () => {
    const response = await segmentPost(
      app,
      '/v1/track',
      track('edge-d', 'Clicked', '2026-11-01T08:00:00Z', { properties: { plan: 'pro\u0000' } }),
      writeKey,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).errors?.[0]?.path).toBe('properties.plan');
  });
});

let cookie: string | undefined;
async function sessionCookie(): Promise<string> {
  if (cookie) return cookie;
  const login = await app.request(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: 'admin@demo.steward.dev', password: 'steward-demo' }),
  });
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return cookie;
}
