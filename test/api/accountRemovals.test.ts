import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csm: ApiClient;
let otherCsmId: string;
let manager: ApiClient;

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Jordan Taylor' });
  otherCsmId = (await makeUser(deps.db, workspaceId, { role: 'csm' })).id;
  const managerUser = await makeUser(deps.db, workspaceId, { role: 'manager', name: 'Sam Lee' });
  csm = await signedIn(app, csmUser.email, testPassword);
  manager = await signedIn(app, managerUser.email, testPassword);
});

/** An account the CSM adds themselves, as in the app, and then removes. */
async function addAndRemove(name: string, externalId?: string) {
  const { data: account } = await csm.POST('/api/v1/accounts', {
    body: { name, externalId: externalId ?? null },
  });
  if (!account) throw new Error(`could not add ${name}`);
  const removed = await csm.DELETE('/api/v1/accounts/{id}', {
    params: { path: { id: account.id } },
  });
  expect(removed.response.status).toBe(204);
  return account;
}

const restore = (client: ApiClient, id: string) =>
  client.POST('/api/v1/accounts/{id}/restore', { params: { path: { id } } });

const inPortfolio = async (client: ApiClient, id: string) =>
  ((await client.GET('/api/v1/accounts', { params: { query: { limit: 500 } } })).data?.items ?? [])
    .map((a) => a.id)
    .includes(id);

describe('removing and restoring an account', () => {
  it('lists what a CSM removed, with who and when, and brings it back as it was', async () => {
    const account = await addAndRemove('Northwind', 'nw-1');
    expect(await inPortfolio(csm, account.id)).toBe(false);

    const { data: removed } = await csm.GET('/api/v1/accounts/removed');
    expect(removed?.items[0]).toMatchObject({
      id: account.id,
      name: 'Northwind',
      removedAt: clock.now().toISOString(),
      removedBy: { name: 'Jordan Taylor' },
    });

    clock.advance(2 * 3_600_000);
    const restored = await restore(csm, account.id);
    expect(restored.response.status).toBe(200);
    expect(restored.data).toMatchObject({ id: account.id, name: 'Northwind', externalId: 'nw-1' });
    expect(await inPortfolio(csm, account.id)).toBe(true);
    expect((await csm.GET('/api/v1/accounts/removed')).data?.items.map((a) => a.id)).not.toContain(
      account.id,
    );

    // Its timeline says who removed it and who brought it back; health is told to score it again.
    const { data: timeline } = await csm.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id } },
    });
    expect(timeline?.items.slice(0, 2)).toMatchObject([
      { kind: 'system', title: 'Restored to every list', actor: { name: 'Jordan Taylor' } },
      { kind: 'system', title: 'Removed from every list', actor: { name: 'Jordan Taylor' } },
    ]);
    const changed = await deps.db
      .selectFrom('account_changes')
      .select('account_id')
      .where('account_id', '=', account.id)
      .execute();
    expect(changed).toHaveLength(1);
  });

  it('answers 409 for an account that is not removed, and changes nothing', async () => {
    const { data: account } = await csm.POST('/api/v1/accounts', { body: { name: 'Live one' } });
    const again = await restore(csm, account?.id ?? '');
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({
      code: 'account.not_removed',
      detail: 'This account is not removed: it is in the portfolio already.',
    });
    const audit = await deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', account?.id ?? '')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['account.created']);
  });

  it("keeps another CSM's removed accounts out of a CSM's reach; a manager sees and restores them", async () => {
    const theirs = await makeAccount(deps.db, workspaceId, {
      name: 'Not yours',
      owner_id: otherCsmId,
      deleted_at: clock.now(),
    });
    expect((await csm.GET('/api/v1/accounts/removed')).data?.items.map((a) => a.id)).not.toContain(
      theirs.id,
    );
    const refused = await restore(csm, theirs.id);
    expect(refused.response.status).toBe(404);
    expect(refused.error?.code).toBe('account.not_found');

    const listed = (await manager.GET('/api/v1/accounts/removed')).data?.items ?? [];
    expect(listed.find((a) => a.id === theirs.id)).toMatchObject({ removedBy: null });
    expect((await restore(manager, theirs.id)).response.status).toBe(200);
    expect(await inPortfolio(manager, theirs.id)).toBe(true);
  });

  it('tells someone adding an account with a removed one’s external id to restore it', async () => {
    await addAndRemove('Contoso', 'contoso-1');
    const { response, error } = await csm.POST('/api/v1/accounts', {
      body: { name: 'Contoso again', externalId: 'contoso-1' },
    });
    expect(response.status).toBe(409);
    expect(error?.detail).toBe(
      'A removed account has the external id contoso-1: restore it from Removed accounts instead.',
    );
  });

  it('pages the removed accounts, the latest removed first, and refuses a cursor it did not make', async () => {
    // A minute apart from each other and from the accounts removed before.
    clock.advance(60_000);
    const first = await addAndRemove('Paged one');
    clock.advance(60_000);
    const second = await addAndRemove('Paged two');
    const page1 = await manager.GET('/api/v1/accounts/removed', {
      params: { query: { limit: 1 } },
    });
    expect(page1.data?.items.map((a) => a.id)).toEqual([second.id]);
    const page2 = await manager.GET('/api/v1/accounts/removed', {
      params: { query: { limit: 1, cursor: page1.data?.nextCursor ?? '' } },
    });
    expect(page2.data?.items.map((a) => a.id)).toEqual([first.id]);

    const bad = await manager.GET('/api/v1/accounts/removed', {
      params: { query: { cursor: 'not-a-cursor' } },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('content-type')).toBe('application/problem+json');
  });
});
