// A Stripe subscription event announces its account as changed (accounts' changed set, which
// health drains to rescore) when it creates or changes the account's contract, whether or not
// MRR moves; a replay, an older state or the same state again announces nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import { signedIn, testApp } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import { postStripe, stripeEvent, subscription, unix } from './support.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const { db } = deps;
const app = testApp(deps);
const secret = 'whsec_changesSecretForTests1234';

let workspaceId: WorkspaceId;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  const person = await makeUser(db, workspaceId, { role: 'admin' });
  const admin = await signedIn(app, person.email, testPassword);
  const { response } = await admin.POST('/api/v1/intake/stripe-secrets', {
    body: { name: 'Stripe', secret },
  });
  expect(response.status).toBe(201);
});

async function deliver(event: unknown) {
  const response = await postStripe(app, event, { secret, timestamp: unix(clock.now()) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { outcome: string }).outcome;
}

async function changedSet(): Promise<string[]> {
  const rows = await db
    .selectFrom('account_changes')
    .select('account_id')
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => r.account_id);
}

const emptyChangedSet = () => db.deleteFrom('account_changes').execute();

describe('Stripe subscriptions announce their account', () => {
  it('announces a new contract and a renewal that moves no MRR, and nothing for the same state again', async () => {
    const account = await makeAccount(db, workspaceId, { external_id: 'globex' });
    const monthly = (periodEnd: string) =>
      subscription({
        id: 'sub_globex',
        customer: 'cus_globex',
        metadata: { steward_account_id: account.id },
        items: [{ unitAmount: 5000, quantity: 4 }],
        periodEnd,
      });

    const created = stripeEvent(
      'customer.subscription.created',
      monthly('2026-11-01T00:00:00Z'),
      '2026-10-01T00:00:00Z',
    );
    expect(await deliver(created)).toBe('applied');
    expect(await changedSet()).toEqual([account.id]);
    await emptyChangedSet();

    // The same delivery again, and the same state in a later event: nothing changed.
    expect(await deliver(created)).toBe('replay');
    const same = stripeEvent(
      'customer.subscription.updated',
      monthly('2026-11-01T00:00:00Z'),
      '2026-10-02T00:00:00Z',
    );
    expect(await deliver(same)).toBe('applied');
    expect(await changedSet()).toEqual([]);

    // The month renews at the same price: the renewal date moves, MRR does not.
    const renewed = stripeEvent(
      'customer.subscription.updated',
      monthly('2026-12-01T00:00:00Z'),
      '2026-11-01T00:00:00Z',
    );
    expect(await deliver(renewed)).toBe('applied');
    expect(await changedSet()).toEqual([account.id]);
    await emptyChangedSet();

    // An older state arriving late is stale.
    const late = stripeEvent(
      'customer.subscription.updated',
      monthly('2026-11-15T00:00:00Z'),
      '2026-10-15T00:00:00Z',
    );
    expect(await deliver(late)).toBe('stale');
    expect(await changedSet()).toEqual([]);
  });
});
