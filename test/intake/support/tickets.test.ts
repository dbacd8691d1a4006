// The support webhook (Zendesk-shaped and generic tickets) and the tickets API.
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/http/problem.ts';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import { signBody } from '../../../src/modules/intake/support/index.ts';
import { signedIn, testApp, type ApiClient } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import { storedTitle } from '../../support/titles.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let admin: ApiClient;
let secret: string;

function post(body: unknown, options: { secret?: string; signature?: string } = {}) {
  const raw = JSON.stringify(body);
  return app.request('http://steward.test/webhooks/support', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-steward-signature':
        options.signature ?? signBody(options.secret ?? secret, raw, deps.clock.now()),
    },
    body: raw,
  });
}

function zendesk(overrides: Record<string, unknown> = {}) {
  return {
    ticket: {
      id: 35436,
      subject: 'SSO login fails',
      status: 'open',
      priority: 'high',
      requester: { id: 20978392, name: 'Ada', email: 'ada@initech.test' },
      organization: { id: 57542, name: 'Initech', external_id: 'crm-initech' },
      created_at: '2026-10-30T10:00:00Z',
      updated_at: '2026-10-30T10:00:00Z',
      satisfaction_rating: null,
      tags: ['sso'],
      ...overrides,
    },
  };
}

async function ticketTitles(accountId: string, locale: 'en' | 'ru' = 'en') {
  const rows = await deps.db
    .selectFrom('timeline_events')
    .select(['title', 'title_message'])
    .where('account_id', '=', accountId)
    .where('kind', '=', 'ticket')
    .orderBy('occurred_at')
    .execute();
  return rows.map((r) => storedTitle(r, locale));
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const person = await makeUser(deps.db, workspaceId, { role: 'admin' });
  admin = await signedIn(app, person.email, testPassword);
  const { data } = await admin.POST('/api/v1/intake/support-secrets', {
    body: { name: 'Zendesk' },
  });
  secret = data?.secret ?? '';
});

describe('support secrets', () => {
  it('shows a secret once and lists it by prefix only', async () => {
    const { data } = await admin.GET('/api/v1/intake/support-secrets');
    expect(data?.items).toHaveLength(1);
    expect(secret.startsWith(data?.items[0]?.prefix ?? 'x')).toBe(true);
    expect(JSON.stringify(data)).not.toContain(secret);
  });

  it('is managed only with manage_integrations', async () => {
    const csm = await makeUser(deps.db, workspaceId, { role: 'csm' });
    const client = await signedIn(app, csm.email, testPassword);
    const { response } = await client.POST('/api/v1/intake/support-secrets', {
      body: { name: 'x' },
    });
    expect(response.status).toBe(403);
  });
});

describe('Zendesk tickets', () => {
  it('tells the timeline once that a ticket opened and once that it was solved', async () => {
    const account = await makeAccount(deps.db, workspaceId, { external_id: 'crm-initech' });
    const opened = await post(zendesk());
    expect(opened.status).toBe(200);
    expect(await opened.json()).toEqual({ received: true, outcome: 'applied' });
    expect(await (await post(zendesk())).json()).toMatchObject({ outcome: 'unchanged' });
    const solved = zendesk({
      status: 'solved',
      updated_at: '2026-10-31T15:00:00Z',
      satisfaction_rating: { score: 'good', comment: 'Thanks!' },
    });
    expect(await (await post(solved)).json()).toMatchObject({ outcome: 'applied' });
    expect(await (await post(solved)).json()).toMatchObject({ outcome: 'unchanged' });
    // An older update arriving late is ignored.
    const late = zendesk({ status: 'pending', updated_at: '2026-10-31T09:00:00Z' });
    expect(await (await post(late)).json()).toMatchObject({ outcome: 'unchanged' });

    expect(await ticketTitles(account.id)).toEqual([
      'Ticket opened: SSO login fails (high)',
      'Ticket solved: SSO login fails',
    ]);
    expect(await ticketTitles(account.id, 'ru')).toEqual([
      'Новое обращение: SSO login fails (приоритет: высокий)',
      'Обращение решено: SSO login fails',
    ]);
    const { data } = await admin.GET('/api/v1/accounts/{id}/tickets', {
      params: { path: { id: account.id } },
    });
    expect(data?.items).toEqual([
      expect.objectContaining({
        externalId: '35436',
        source: 'zendesk',
        status: 'solved',
        priority: 'high',
        csat: 5,
        requesterEmail: 'ada@initech.test',
        openedAt: '2026-10-30T10:00:00.000Z',
        solvedAt: '2026-10-31T15:00:00.000Z',
      }),
    ]);
  });

  it('falls back to the requester e-mail domain when the organization is unknown', async () => {
    const account = await makeAccount(deps.db, workspaceId, { domain: 'hooli.test' });
    const body = zendesk({
      id: 777,
      priority: null,
      requester: { email: 'gavin@hooli.test' },
      organization: null,
    });
    expect(await (await post(body)).json()).toMatchObject({ outcome: 'applied' });
    expect(await ticketTitles(account.id)).toEqual(['Ticket opened: SSO login fails (normal)']);
  });
});

describe('generic tickets', () => {
  const generic = (overrides: Record<string, unknown> = {}) => ({
    id: 'T-100',
    accountExternalId: 'crm-generic',
    subject: 'Export is slow',
    status: 'open',
    priority: 'urgent',
    requesterEmail: 'ops@generic.test',
    openedAt: '2026-10-29T08:00:00Z',
    solvedAt: null,
    csat: null,
    updatedAt: '2026-10-29T08:00:00Z',
    ...overrides,
  });

  it('stores the ticket and its CSAT when solved', async () => {
    const account = await makeAccount(deps.db, workspaceId, { external_id: 'crm-generic' });
    await post(generic());
    await post(
      generic({
        status: 'closed',
        csat: 4,
        solvedAt: '2026-10-30T12:00:00Z',
        firstResponseAt: '2026-10-29T08:30:00Z',
        updatedAt: '2026-10-30T12:05:00Z',
      }),
    );
    const { data } = await admin.GET('/api/v1/accounts/{id}/tickets', {
      params: { path: { id: account.id } },
    });
    expect(data?.items[0]).toMatchObject({
      status: 'closed',
      csat: 4,
      firstResponseAt: '2026-10-29T08:30:00.000Z',
      solvedAt: '2026-10-30T12:00:00.000Z',
    });
    expect(await ticketTitles(account.id)).toEqual([
      'Ticket opened: Export is slow (urgent)',
      'Ticket solved: Export is slow',
    ]);
  });

  it('keeps a ticket for an unknown account for review', async () => {
    const body = generic({ id: 'T-404', accountExternalId: null, accountDomain: 'nowhere.test' });
    const response = await post(body);
    expect(await response.json()).toMatchObject({ outcome: 'review' });
    const { data } = await admin.GET('/api/v1/intake/review');
    const item = data?.items.find((i) => i.sourceId.startsWith('generic:T-404:'));
    expect(item?.reason).toContain('nowhere.test');
    expect(item?.payload).toEqual(body);
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const before = await deps.db
      .selectFrom('support_tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await post(generic({ id: 'T-bad', status: 'waiting', csat: 9 }));
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.map((e) => e.path)).toEqual(['status', 'csat']);
    const after = await deps.db
      .selectFrom('support_tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('refuses a body not signed with a live secret', async () => {
    const wrong = await post(generic({ id: 'T-sig' }), { secret: 'not-the-secret' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'webhook.invalid_signature' });
    const missing = await post(generic({ id: 'T-sig' }), { signature: '' });
    expect(missing.status).toBe(400);
    const rows = await deps.db
      .selectFrom('support_tickets')
      .select('id')
      .where('external_id', '=', 'T-sig')
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses a signed ticket replayed more than five minutes later, or signed the old way', async () => {
    const raw = JSON.stringify(generic({ id: 'T-replay' }));
    const signedAt = new Date(deps.clock.now().getTime() - 6 * 60_000);
    const replayed = await post(generic({ id: 'T-replay' }), {
      signature: signBody(secret, raw, signedAt),
    });
    expect(replayed.status).toBe(400);
    expect(((await replayed.json()) as Problem).detail).toMatch(/timestamp/);
    const bodyOnly = createHmac('sha256', secret).update(raw).digest('hex');
    const oldWay = await post(generic({ id: 'T-replay' }), { signature: `sha256=${bodyOnly}` });
    expect(oldWay.status).toBe(400);
    const fresh = await post(generic({ id: 'T-replay' }), {
      signature: signBody(secret, raw, new Date(deps.clock.now().getTime() - 4 * 60_000)),
    });
    expect(fresh.status).toBe(200);
  });

  it('keeps the secret sealed in the database, not as the help desk was given it', async () => {
    const stored = await deps.db
      .selectFrom('support_webhook_secrets')
      .select('secret')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      expect(row.secret).toMatch(/^sealed:v1:/);
      expect(row.secret).not.toContain(secret);
    }
  });

  it('stops accepting a revoked secret', async () => {
    const { data: fresh } = await admin.POST('/api/v1/intake/support-secrets', {
      body: { name: 'Rotated' },
    });
    const { data } = await admin.GET('/api/v1/intake/support-secrets');
    const old = data?.items.find((s) => s.id !== fresh?.id);
    await admin.DELETE('/api/v1/intake/support-secrets/{id}', {
      params: { path: { id: old?.id ?? '' } },
    });
    expect((await post(generic({ id: 'T-rot' }))).status).toBe(400);
    expect((await post(generic({ id: 'T-rot' }), { secret: fresh?.secret })).status).toBe(200);
  });
});
