// The review list resolved by a person: a Stripe event and a help desk ticket that named no
// known account are assigned to the right one (and then count as if they had matched), or
// dismissed; either way they leave the list.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountId, WorkspaceId } from '../../../src/lib/ids.ts';
import { signBody } from '../../../src/modules/intake/support/index.ts';
import { signedIn, testApp, type ApiClient } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import { invoice, postStripe, stripeEvent, subscription, unix } from './support.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);
const stripeSecret = 'whsec_reviewSecretForTests1234';

let workspaceId: WorkspaceId;
let admin: ApiClient;
/** An admin who reads Steward in Russian. */
let russianAdmin: ApiClient;
let csm: ApiClient;
let initech: AccountId;
let supportSecret: string;

const sendStripe = (body: unknown) =>
  postStripe(app, body, { secret: stripeSecret, timestamp: unix(clock.now()) });

function sendTicket(id: string, organization: string) {
  const raw = JSON.stringify({
    ticket: {
      id,
      subject: 'Exports time out',
      status: 'open',
      priority: 'high',
      requester: { email: 'ada@unknown.test' },
      organization: { external_id: organization },
      created_at: '2026-11-01T10:00:00Z',
      updated_at: '2026-11-01T10:00:00Z',
    },
  });
  return app.request('http://steward.test/webhooks/support', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-steward-signature': signBody(supportSecret, raw, clock.now()),
    },
    body: raw,
  });
}

async function waiting() {
  const { data } = await admin.GET('/api/v1/intake/review', { params: { query: {} } });
  return data?.items ?? [];
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin' });
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm' });
  admin = await signedIn(app, adminUser.email, testPassword);
  const anna = await makeUser(deps.db, workspaceId, { role: 'admin', locale: 'ru' });
  russianAdmin = await signedIn(app, anna.email, testPassword);
  csm = await signedIn(app, csmUser.email, testPassword);
  initech = (await makeAccount(deps.db, workspaceId, { name: 'Initech', owner_id: csmUser.id })).id;
  await admin.POST('/api/v1/intake/stripe-secrets', {
    body: { name: 'Stripe', secret: stripeSecret },
  });
  supportSecret =
    (await admin.POST('/api/v1/intake/support-secrets', { body: { name: 'Zendesk' } })).data
      ?.secret ?? '';
});

describe('assigning a delivery kept for review', () => {
  it('applies a Stripe subscription to the chosen account and remembers the customer for its next invoice', async () => {
    const created = stripeEvent(
      'customer.subscription.created',
      subscription({ id: 'sub_orphan', customer: 'cus_orphan', items: [{ unitAmount: 50_000 }] }),
      '2026-11-01T00:00:00Z',
    );
    expect(await (await sendStripe(created)).json()).toMatchObject({ outcome: 'review' });
    const [item] = await waiting();
    expect(item).toMatchObject({ source: 'stripe', sourceId: created.id });

    const { data, response } = await admin.POST('/api/v1/intake/review/{id}/assign', {
      params: { path: { id: item?.id ?? '' } },
      body: { accountId: initech },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ accountId: initech, outcome: 'applied' });
    expect(await waiting()).toEqual([]);
    const billing = await csm.GET('/api/v1/accounts/{id}/billing', {
      params: { path: { id: initech } },
    });
    expect(billing.data?.mrr).toEqual({ amount: 50_000, currency: 'USD' });
    expect(billing.data?.mrrMovements.map((m) => m.kind)).toEqual(['new']);

    // The customer's next invoice carries no hint, and still finds Initech.
    const paid = stripeEvent(
      'invoice.paid',
      invoice({
        id: 'in_orphan',
        customer: 'cus_orphan',
        amountDue: 50_000,
        amountPaid: 50_000,
        status: 'paid',
      }),
      '2026-11-02T00:00:00Z',
    );
    expect(await (await sendStripe(paid)).json()).toMatchObject({ outcome: 'applied' });
    expect(await waiting()).toEqual([]);
  });

  it('puts a help desk ticket on the chosen account', async () => {
    expect(await (await sendTicket('901', 'crm-nobody')).json()).toMatchObject({
      outcome: 'review',
    });
    const [item] = await waiting();
    const { data, error } = await admin.POST('/api/v1/intake/review/{id}/assign', {
      params: { path: { id: item?.id ?? '' } },
      body: { accountId: initech },
    });
    expect(error).toBeUndefined();
    expect(data?.outcome).toBe('applied');
    const tickets = await csm.GET('/api/v1/accounts/{id}/tickets', {
      params: { path: { id: initech }, query: {} },
    });
    expect(tickets.data?.items.map((t) => [t.externalId, t.subject])).toEqual([
      ['901', 'Exports time out'],
    ]);
  });

  it('refuses an account that does not exist, and a person who does not manage integrations', async () => {
    await sendTicket('902', 'crm-nobody');
    const [item] = await waiting();
    const path = { id: item?.id ?? '' };
    const unknown = await admin.POST('/api/v1/intake/review/{id}/assign', {
      params: { path },
      body: { accountId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.response.status).toBe(404);
    const malformed = await admin.POST('/api/v1/intake/review/{id}/assign', {
      params: { path },
      body: { accountId: 'initech' },
    });
    expect(malformed.response.status).toBe(422);
    expect(malformed.error?.errors?.map((e) => e.path)).toEqual(['accountId']);
    const refused = await csm.POST('/api/v1/intake/review/{id}/dismiss', { params: { path } });
    expect(refused.response.status).toBe(403);
    expect(await waiting()).toHaveLength(1);
  });
});

describe('dismissing a delivery kept for review', () => {
  it('takes it off the list once; a second dismissal finds nothing', async () => {
    const [item] = await waiting();
    const path = { id: item?.id ?? '' };
    const first = await admin.POST('/api/v1/intake/review/{id}/dismiss', { params: { path } });
    expect(first.response.status).toBe(204);
    expect(await waiting()).toEqual([]);
    const again = await admin.POST('/api/v1/intake/review/{id}/dismiss', { params: { path } });
    expect(again.response.status).toBe(404);
    const audit = await deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', workspaceId)
      .where('entity_type', '=', 'intake_review')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'intake_review.assigned',
      'intake_review.assigned',
      'intake_review.dismissed',
    ]);
  });
});

describe('the review list in the reader’s language', () => {
  it('tells why a Stripe customer and a help desk ticket matched no account, in English as before and in Russian', async () => {
    const subscribed = stripeEvent(
      'customer.subscription.created',
      subscription({ id: 'sub_stray', customer: 'cus_stray', items: [{ unitAmount: 9_900 }] }),
      '2026-11-01T00:00:00Z',
    );
    const billed = stripeEvent(
      'invoice.payment_failed',
      invoice({
        id: 'in_stray',
        customer: 'cus_billed',
        amountDue: 9_900,
        customerEmail: 'billing@globex.test',
      }),
      '2026-11-01T00:00:00Z',
    );
    for (const body of [subscribed, billed]) {
      expect(await (await sendStripe(body)).json()).toMatchObject({ outcome: 'review' });
    }
    expect(await (await sendTicket('903', 'crm-stray')).json()).toMatchObject({
      outcome: 'review',
    });

    const reasons = async (as: ApiClient) => {
      const { data } = await as.GET('/api/v1/intake/review', { params: { query: {} } });
      const bySource = new Map((data?.items ?? []).map((i) => [i.sourceId, i.reason]));
      const ticket = [...bySource.keys()].find((id) => id.startsWith('zendesk:903:')) ?? '';
      return [bySource.get(subscribed.id), bySource.get(billed.id), bySource.get(ticket)];
    };
    expect(await reasons(admin)).toEqual([
      'No account matches Stripe customer cus_stray: set metadata.steward_account_id or metadata.external_id on the customer or subscription.',
      'No account matches Stripe customer cus_billed: set metadata.steward_account_id or metadata.external_id on the customer or subscription, or give exactly one account the domain globex.test.',
      'No account matches ticket 903 (external id crm-stray) (domain unknown.test).',
    ]);
    expect(await reasons(russianAdmin)).toEqual([
      'Ни один аккаунт не соответствует клиенту Stripe cus_stray: укажите metadata.steward_account_id или metadata.external_id у клиента или подписки.',
      'Ни один аккаунт не соответствует клиенту Stripe cus_billed: укажите metadata.steward_account_id или metadata.external_id у клиента или подписки либо задайте домен globex.test ровно одному аккаунту.',
      'Ни один аккаунт не соответствует тикету 903 (внешний идентификатор crm-stray, домен unknown.test).',
    ]);
  });
});
