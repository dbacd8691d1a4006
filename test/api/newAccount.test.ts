// A new account lands in someone's book: a CSM who adds an account owns it (unless they name
// another owner), so they can open it, find it among "my clients" and start its onboarding;
// an admin may leave one unowned; an owner who cannot work it is refused, naming the field.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { enterpriseOnboarding } from '../../src/modules/work/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csm: ApiClient;
let csmId: string;
let colleagueId: string;
let admin: ApiClient;
let templateId: string;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm' });
  csmId = csmUser.id;
  colleagueId = (await makeUser(deps.db, workspaceId, { role: 'csm' })).id;
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin' });
  csm = await signedIn(app, csmUser.email, testPassword);
  admin = await signedIn(app, adminUser.email, testPassword);
  const { data } = await admin.POST('/api/v1/templates', {
    body: {
      name: enterpriseOnboarding.name,
      description: enterpriseOnboarding.description,
      kind: 'onboarding',
      definition: enterpriseOnboarding.definition,
    },
  });
  templateId = data?.id ?? '';
});

const accountCount = async () =>
  Number(
    (
      await deps.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a CSM adding an account', () => {
  it('owns it: opens it, finds it among my clients and starts its onboarding from a template', async () => {
    const created = await csm.POST('/api/v1/accounts', { body: { name: 'Northwind Trading' } });
    expect(created.response.status).toBe(201);
    expect(created.data?.ownerId).toBe(csmId);
    const id = created.data?.id ?? '';

    const opened = await csm.GET('/api/v1/accounts/{id}', { params: { path: { id } } });
    expect(opened.response.status).toBe(200);

    const mine = await csm.GET('/api/v1/accounts', { params: { query: { owner: 'me' } } });
    expect(mine.data?.items.map((a) => a.id)).toContain(id);

    const onboarding = await csm.POST('/api/v1/templates/{id}/instantiate', {
      params: { path: { id: templateId } },
      body: { accountId: id, startDate: '2026-11-02', assignees: {} },
    });
    expect(onboarding.response.status).toBe(201);
    expect(onboarding.data?.accountId).toBe(id);
  });

  it('gives it to the colleague the CSM names as owner', async () => {
    const { data } = await csm.POST('/api/v1/accounts', {
      body: { name: 'Contoso Freight', ownerId: colleagueId },
    });
    expect(data?.ownerId).toBe(colleagueId);
  });

  it('keeps it in the CSM’s own book even when the request sends no owner (null)', async () => {
    const { data } = await csm.POST('/api/v1/accounts', {
      body: { name: 'Fabrikam Labs', ownerId: null },
    });
    expect(data?.ownerId).toBe(csmId);
  });
});

describe('an admin adding an account', () => {
  it('may leave it unowned, for triage', async () => {
    const { data, response } = await admin.POST('/api/v1/accounts', {
      body: { name: 'Tailspin Toys' },
    });
    expect(response.status).toBe(201);
    expect(data?.ownerId).toBeNull();
  });
});

describe('an owner who cannot work the account', () => {
  it.each([
    [
      'someone from another workspace',
      async () => (await makeUser(deps.db, (await makeWorkspace(deps.db)).id)).id,
    ],
    ['nobody at all', async () => '00000000-0000-4000-8000-000000000000'],
    [
      'a deactivated colleague',
      async () => {
        const gone = await makeUser(deps.db, workspaceId);
        await deps.db
          .updateTable('users')
          .set({ deactivated_at: new Date('2026-10-01T00:00:00Z') })
          .where('id', '=', gone.id)
          .execute();
        return gone.id;
      },
    ],
  ])('is refused (422 naming ownerId) when it is %s, and nothing is written', async (_, owner) => {
    const ownerId = await owner();
    const before = await accountCount();
    const { response, error } = await csm.POST('/api/v1/accounts', {
      body: { name: 'Wide World Importers', ownerId },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['ownerId']);
    expect(await accountCount()).toBe(before);
  });
});
