// Stripe webhooks through the HTTP app, on a real database with a clock the test moves.
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/http/problem.ts';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import { signedIn, testApp, type ApiClient } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import { storedTitle } from '../../support/titles.ts';
import { invoice, postStripe, stripeEvent, subscription, unix } from './support.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);
const secret = 'whsec_firstSecretForTests1234';
/** The live workspace secret once the rotation test has run. */
let secretInUse = secret;

let workspaceId: WorkspaceId;
let admin: ApiClient;

const now = () => unix(clock.now());
const send = (body: unknown, options: { secret?: string; timestamp?: number } = {}) =>
  postStripe(app, body, {
    secret: options.secret ?? secret,
    timestamp: options.timestamp ?? now(),
  });

async function addSecret(value: string, name = 'Stripe') {
  const { data, response } = await admin.POST('/api/v1/intake/stripe-secrets', {
    body: { name, secret: value },
  });
  if (response.status !== 201 || !data) throw new Error(`stripe secret: ${response.status}`);
  return data;
}

async function count(table: 'stripe_events' | 'contracts' | 'mrr_movements' | 'intake_review') {
  const row = await deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function movementsOf(accountId: string) {
  return deps.db
    .selectFrom('mrr_movements')
    .select(['kind', 'amount'])
    .where('account_id', '=', accountId)
    .orderBy('occurred_at')
    .execute();
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const person = await makeUser(deps.db, workspaceId, { role: 'admin' });
  admin = await signedIn(app, person.email, testPassword);
  await addSecret(secret);
});

describe('subscriptions', () => {
  it('records new, expansion, contraction, churn and reactivation with exact MRR movements', async () => {
    const account = await makeAccount(deps.db, workspaceId, { external_id: 'acme' });
    const customer = 'cus_acme';
    const metadata = { external_id: 'acme' };
    const monthly = (quantity: number) =>
      subscription({
        id: 'sub_acme',
        customer,
        metadata,
        items: [{ unitAmount: 10000, quantity }],
      });

    const created = await send(
      stripeEvent('customer.subscription.created', monthly(5), '2026-10-01T00:00:00Z'),
    );
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ received: true, outcome: 'applied' });
    await send(stripeEvent('customer.subscription.updated', monthly(8), '2026-10-02T00:00:00Z'));
    // 6,000.00 a year is 500.00 a month.
    const annual = subscription({
      id: 'sub_acme',
      customer,
      items: [{ unitAmount: 600000, interval: 'year' }],
    });
    await send(stripeEvent('customer.subscription.updated', annual, '2026-10-03T00:00:00Z'));
    const after = await deps.db
      .selectFrom('accounts')
      .select(['arr_amount', 'currency', 'renewal_date'])
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ arr_amount: 600000, currency: 'USD', renewal_date: '2027-01-01' });

    const canceled = subscription({
      id: 'sub_acme',
      customer,
      status: 'canceled',
      endedAt: '2026-10-04T00:00:00Z',
      items: [{ unitAmount: 600000, interval: 'year' }],
    });
    await send(stripeEvent('customer.subscription.deleted', canceled, '2026-10-04T00:00:00Z'));
    const back = subscription({ id: 'sub_acme_2', customer, items: [{ unitAmount: 20000 }] });
    await send(stripeEvent('customer.subscription.created', back, '2026-10-05T00:00:00Z'));

    expect(await movementsOf(account.id)).toEqual([
      { kind: 'new', amount: 50000 },
      { kind: 'expansion', amount: 30000 },
      { kind: 'contraction', amount: -30000 },
      { kind: 'churn', amount: -50000 },
      { kind: 'reactivation', amount: 20000 },
    ]);
    const { data } = await admin.GET('/api/v1/accounts/{id}/billing', {
      params: { path: { id: account.id } },
    });
    expect(data?.mrr).toEqual({ amount: 20000, currency: 'USD' });
    expect(data?.arr).toEqual({ amount: 240000, currency: 'USD' });
    expect(data?.contracts.map((c) => [c.externalId, c.status, c.mrr.amount])).toEqual(
      expect.arrayContaining([
        ['sub_acme', 'canceled', 50000],
        ['sub_acme_2', 'active', 20000],
      ]),
    );
    expect(data?.mrrMovements[0]).toMatchObject({
      kind: 'reactivation',
      deltaMrr: { amount: 20000 },
    });
    const titles = await deps.db
      .selectFrom('timeline_events')
      .select(['title', 'title_message'])
      .where('account_id', '=', account.id)
      .where('kind', '=', 'billing')
      .orderBy('occurred_at')
      .execute();
    expect(titles[1] && storedTitle(titles[1])).toBe('Expansion: MRR +$300 to $800 (Pro monthly)');
    expect(titles[1] && storedTitle(titles[1], 'ru')).toMatch(
      /^Расширение: MRR \+300\s\$, теперь 800\s\$ \(Pro monthly\)$/,
    );
  });

  it('changes nothing when an event is delivered again', async () => {
    const account = await makeAccount(deps.db, workspaceId);
    const event = stripeEvent(
      'customer.subscription.created',
      subscription({
        id: 'sub_replay',
        customer: 'cus_replay',
        metadata: { steward_account_id: account.id },
        items: [{ unitAmount: 5000 }],
      }),
      '2026-10-10T00:00:00Z',
    );
    expect(await (await send(event)).json()).toMatchObject({ outcome: 'applied' });
    const before = [await count('stripe_events'), await count('mrr_movements')];
    const replay = await send(event);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ outcome: 'replay' });
    expect([await count('stripe_events'), await count('mrr_movements')]).toEqual(before);
  });

  it('ignores a subscription state older than the one stored', async () => {
    const account = await makeAccount(deps.db, workspaceId);
    const sub = (quantity: number) =>
      subscription({
        id: 'sub_late',
        customer: 'cus_late',
        metadata: { steward_account_id: account.id },
        items: [{ unitAmount: 1000, quantity }],
      });
    await send(stripeEvent('customer.subscription.updated', sub(3), '2026-10-20T00:00:00Z'));
    const late = await send(
      stripeEvent('customer.subscription.updated', sub(9), '2026-10-19T00:00:00Z'),
    );
    expect(await late.json()).toMatchObject({ outcome: 'stale' });
    const contract = await deps.db
      .selectFrom('contracts')
      .select(['mrr_amount', 'seats'])
      .where('external_id', '=', 'sub_late')
      .executeTakeFirstOrThrow();
    expect(contract).toEqual({ mrr_amount: 3000, seats: 3 });
  });

  it('finds the account a customer belongs to by its e-mail domain, and remembers it', async () => {
    const account = await makeAccount(deps.db, workspaceId, { domain: 'globex.test' });
    const failed = invoice({
      id: 'in_globex_1',
      customer: 'cus_globex',
      customerEmail: 'billing@globex.test',
      amountDue: 120000,
      attemptCount: 2,
    });
    const response = await send(
      stripeEvent('invoice.payment_failed', failed, '2026-10-21T00:00:00Z'),
    );
    expect(await response.json()).toMatchObject({ outcome: 'applied' });
    // The next invoice has no e-mail: the customer is known by now.
    const paid = invoice({
      id: 'in_globex_1',
      customer: 'cus_globex',
      amountDue: 120000,
      amountPaid: 120000,
      attemptCount: 3,
      status: 'paid',
    });
    await send(stripeEvent('invoice.paid', paid, '2026-10-22T00:00:00Z'));
    const titles = await deps.db
      .selectFrom('timeline_events')
      .select(['title', 'title_message'])
      .where('account_id', '=', account.id)
      .orderBy('occurred_at')
      .execute();
    expect(titles.map((t) => storedTitle(t))).toEqual([
      'Payment failed: $1,200, attempt 2',
      'Invoice paid: $1,200',
    ]);
    expect(storedTitle(titles[0] ?? { title: '', title_message: null }, 'ru')).toMatch(
      /^Платёж не прошёл: 1\s200\s\$, попытка 2$/,
    );
    const { data } = await admin.GET('/api/v1/accounts/{id}/billing', {
      params: { path: { id: account.id } },
    });
    expect(data?.invoices).toEqual([
      expect.objectContaining({
        externalId: 'in_globex_1',
        status: 'paid',
        attemptCount: 3,
        paidValue: { amount: 120000, currency: 'USD' },
      }),
    ]);
  });
});

describe('signatures', () => {
  const event = () =>
    stripeEvent(
      'customer.subscription.created',
      subscription({ id: 'sub_sig', customer: 'cus_sig', items: [{ unitAmount: 100 }] }),
      '2026-10-25T00:00:00Z',
    );

  it('refuses a wrong signature with problem+json and records nothing', async () => {
    const before = await count('stripe_events');
    const response = await send(event(), { secret: 'whsec_notOurSecretAtAll99' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'webhook.invalid_signature' });
    const missing = await postStripe(app, event(), { secret, timestamp: now(), header: 'garbage' });
    expect(missing.status).toBe(400);
    expect(await count('stripe_events')).toBe(before);
  });

  it('refuses a signature older than five minutes', async () => {
    const response = await send(event(), { timestamp: now() - 301 });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).detail).toMatch(/300 seconds/);
    expect((await send(event(), { timestamp: now() - 299 })).status).toBe(200);
  });

  it('accepts the old and the new secret during a rotation, and only the new after', async () => {
    const next = 'whsec_secondSecretForTests5678';
    const added = await addSecret(next, 'Stripe (rotated)');
    expect((await send(event(), { secret })).status).toBe(200);
    expect((await send(event(), { secret: next })).status).toBe(200);
    const { data } = await admin.GET('/api/v1/intake/stripe-secrets');
    expect(JSON.stringify(data)).not.toContain(next);
    const old = data?.items.find((s) => s.id !== added.id);
    await admin.DELETE('/api/v1/intake/stripe-secrets/{id}', {
      params: { path: { id: old?.id ?? '' } },
    });
    expect((await send(event(), { secret })).status).toBe(400);
    expect((await send(event(), { secret: next })).status).toBe(200);
    secretInUse = next;
  });

  it('takes several v1 signatures in one header', async () => {
    const payload = JSON.stringify(event());
    const good = await postStripe(app, payload, { secret: secretInUse, timestamp: now() });
    expect(good.status).toBe(200);
    const valid = createHmac('sha256', secretInUse).update(`${now()}.${payload}`).digest('hex');
    const header = `t=${now()},v1=${'0'.repeat(64)},v1=${valid}`;
    const both = await postStripe(app, payload, { secret: secretInUse, timestamp: now(), header });
    expect(both.status).toBe(200);
  });

  it('accepts STRIPE_WEBHOOK_SECRET for the install workspace', async () => {
    const envSecret = 'whsec_installSecret0001';
    const installApp = testApp({
      ...deps,
      config: { ...deps.config, stripeWebhookSecrets: ['whsec_older0000001', envSecret] },
    });
    const body = event();
    const response = await postStripe(installApp, body, { secret: envSecret, timestamp: now() });
    expect(response.status).toBe(200);
    const row = await deps.db
      .selectFrom('stripe_events')
      .select('workspace_id')
      .where('event_id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.workspace_id).toBe(workspaceId);
  });
});

describe('unknown customers and bad payloads', () => {
  it('keeps an event for an unknown customer for review and answers 200', async () => {
    const body = stripeEvent(
      'customer.subscription.created',
      subscription({ id: 'sub_who', customer: 'cus_nobody', items: [{ unitAmount: 4200 }] }),
      '2026-10-26T00:00:00Z',
    );
    const contracts = await count('contracts');
    const response = await send(body, { secret: secretInUse });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'review' });
    expect(await count('contracts')).toBe(contracts);
    const { data } = await admin.GET('/api/v1/intake/review');
    const item = data?.items.find((i) => i.sourceId === body.id);
    expect(item).toMatchObject({ source: 'stripe' });
    expect(item?.reason).toContain('cus_nobody');
    expect(item?.payload).toEqual(body);
  });

  it('answers 400 naming the fields of a subscription it cannot read, writing nothing', async () => {
    const before = await count('stripe_events');
    const body = stripeEvent(
      'customer.subscription.updated',
      { id: 'sub_bad', object: 'subscription', customer: 'cus_x', status: 'active' },
      '2026-10-27T00:00:00Z',
    );
    const response = await send(body, { secret: secretInUse });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'data.object.items' })]);
    expect(await count('stripe_events')).toBe(before);
  });

  it("names a price's currency that is not three letters, in the sender's language", async () => {
    const body = stripeEvent(
      'customer.subscription.updated',
      subscription({
        id: 'sub_currency',
        customer: 'cus_currency',
        items: [{ unitAmount: 5000, currency: 'dollars' }],
      }),
      '2026-10-27T00:00:00Z',
    );
    const errors = await Promise.all(
      ['en-US,en;q=0.9', 'ru-RU,ru;q=0.9'].map(async (language) => {
        const response = await postStripe(app, body, {
          secret: secretInUse,
          timestamp: now(),
          language,
        });
        expect(response.status).toBe(400);
        return ((await response.json()) as Problem).errors;
      }),
    );
    const path = 'data.object.items.data.0.price.currency';
    expect(errors).toEqual([
      [{ path, message: 'must be a three-letter currency code' }],
      [{ path, message: 'должен быть трёхбуквенным кодом валюты' }],
    ]);
  });

  it('acknowledges event types it does not act on', async () => {
    const body = stripeEvent(
      'customer.created',
      { id: 'cus_new', object: 'customer' },
      '2026-10-28T00:00:00Z',
    );
    const response = await send(body, { secret: secretInUse });
    expect(await response.json()).toMatchObject({ outcome: 'ignored' });
  });

  it('keeps the review list to manage_integrations', async () => {
    const csm = await makeUser(deps.db, workspaceId, { role: 'csm' });
    const client = await signedIn(app, csm.email, testPassword);
    const { response } = await client.GET('/api/v1/intake/review');
    expect(response.status).toBe(403);
  });
});
