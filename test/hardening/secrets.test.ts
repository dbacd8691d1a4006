// Secrets at rest and replays: signing secrets sealed with the install's key, plain ones
// sealed at start, and an e-mail retried after a crash recognisable as the same message.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { isSealed, secretBox, secretBoxFromKey } from '../../src/lib/secrets.ts';
import { sendDelivery } from '../../src/modules/notify/index.ts';
import { sealStoredSecrets } from '../../src/modules/intake/sealSecrets.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { postStripe, stripeEvent, subscription, unix } from '../intake/billing/support.ts';
import { startSmtpServer, type MailCatcher } from '../notify/support.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
deps.config = { ...deps.config, secretKey: randomBytes(32).toString('base64') };
const app = testApp(deps);

let workspaceId: WorkspaceId;
let admin: ApiClient;
let smtp: MailCatcher;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const person = await makeUser(deps.db, workspaceId, { role: 'admin' });
  admin = await signedIn(app, person.email, testPassword);
  smtp = await startSmtpServer();
  deps.config = { ...deps.config, smtpUrl: smtp.url };
});

afterAll(() => smtp.close());

const event = (id: string) =>
  stripeEvent(
    'customer.subscription.created',
    subscription({ id: `sub_${id}`, customer: `cus_${id}`, items: [{ unitAmount: 10_000 }] }),
    '2026-11-02T08:00:00Z',
    id,
  );

async function storedStripeSecrets() {
  return deps.db
    .selectFrom('stripe_webhook_secrets')
    .select(['id', 'secret'])
    .where('workspace_id', '=', workspaceId)
    .where('revoked_at', 'is', null)
    .execute();
}

describe('the secret box', () => {
  it('opens what it sealed, differently each time, and nothing sealed under another key', () => {
    const box = secretBoxFromKey(randomBytes(32));
    const one = box.seal('whsec_abc');
    const two = box.seal('whsec_abc');
    expect(one).not.toBe(two);
    expect(isSealed(one)).toBe(true);
    expect(box.open(one)).toBe('whsec_abc');
    expect(secretBoxFromKey(randomBytes(32)).open(one)).toBeUndefined();
    const altered = `${one.slice(0, -2)}${one.endsWith('A') ? 'B' : 'A'}`;
    expect(box.open(altered)).toBeUndefined();
  });

  it('refuses a STEWARD_SECRET_KEY that is not 32 bytes', () => {
    expect(() => secretBox({ secretKey: 'short', dataDir: '/nonexistent' })).toThrow(/32/);
  });
});

describe('Stripe signing secrets at rest', () => {
  it('keeps a pasted Stripe secret sealed, and still verifies the events it signs', async () => {
    const secret = `whsec_${randomBytes(12).toString('hex')}`;
    const added = await admin.POST('/api/v1/intake/stripe-secrets', {
      body: { name: 'Stripe live', secret },
    });
    expect(added.response.status).toBe(201);
    const rows = await storedStripeSecrets();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.secret).not.toContain(secret);
    expect(rows[0]?.secret).toMatch(/^sealed:v1:/);

    const answer = await postStripe(app, event('evt_sealed'), {
      secret,
      timestamp: unix(clock.now()),
    });
    expect(answer.status).toBe(200);
  });

  it('seals, at start, a secret stored in plain text before sealing began, and it keeps working', async () => {
    const secret = `whsec_${randomBytes(12).toString('hex')}`;
    await deps.db
      .insertInto('stripe_webhook_secrets')
      .values({
        workspace_id: workspaceId,
        name: 'Older',
        secret,
        secret_prefix: secret.slice(0, 12),
      })
      .execute();
    // Read as it is until sealed: nothing breaks in between.
    expect(
      (await postStripe(app, event('evt_plain'), { secret, timestamp: unix(clock.now()) })).status,
    ).toBe(200);

    expect(await sealStoredSecrets(deps)).toBe(1);
    const rows = await storedStripeSecrets();
    expect(rows.every((r) => isSealed(r.secret))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(await sealStoredSecrets(deps)).toBe(0);
    expect(
      (await postStripe(app, event('evt_after'), { secret, timestamp: unix(clock.now()) })).status,
    ).toBe(200);
  });
});

describe('e-mail retried after a crash', () => {
  it('sends the same Message-ID, made from the delivery, on every attempt', async () => {
    const person = await makeUser(deps.db, workspaceId, { role: 'csm' });
    const activity = await deps.db
      .insertInto('activity_events')
      .values({ workspace_id: workspaceId, kind: 'mentioned', occurred_at: clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notification = await deps.db
      .insertInto('notifications')
      .values({
        workspace_id: workspaceId,
        user_id: person.id,
        event_id: activity.id,
        kind: 'mentioned',
        urgency: 'now',
        message: JSON.stringify({ key: 'notify.text', params: { text: 'Look at Initech' } }),
        created_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const delivery = await deps.db
      .insertInto('deliveries')
      .values({
        workspace_id: workspaceId,
        user_id: person.id,
        channel: 'email',
        notification_id: notification.id,
        created_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await sendDelivery(deps, { deliveryId: delivery.id });
    // The SMTP server took it, then Steward died before marking it sent: it goes out again.
    await deps.db
      .updateTable('deliveries')
      .set({ status: 'pending', sent_at: null })
      .where('id', '=', delivery.id)
      .execute();
    await sendDelivery(deps, { deliveryId: delivery.id });

    const sent = smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes(person.email));
    expect(sent).toHaveLength(2);
    expect(sent[0]?.messageId).toBe(`<delivery.${delivery.id}@localhost>`);
    expect(sent[1]?.messageId).toBe(sent[0]?.messageId);
  });
});
