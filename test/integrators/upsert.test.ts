// CRM in: the bulk upsert an integration calls to keep accounts, contacts and contracts in
// step with a CRM — by external id, idempotent, partial, with a report of rejected rows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { defineCustomField } from '../../src/modules/accounts/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps();
const { db } = deps;
const app = testApp(deps);

let workspaceId: WorkspaceId;
let admin: ApiClient;
let viewer: ApiClient;
let russian: ApiClient;
let ownerEmail: string;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  const person = await makeUser(db, workspaceId, { role: 'admin' });
  ownerEmail = person.email;
  const reader = await makeUser(db, workspaceId, { role: 'viewer' });
  await defineCustomField(
    db,
    { workspaceId, userId: person.id },
    {
      entity: 'account',
      key: 'region',
      label: 'Region',
      type: 'select',
      options: ['NA', 'EMEA'],
      required: false,
    },
  );
  admin = await signedIn(app, person.email, testPassword);
  viewer = await signedIn(app, reader.email, testPassword);
  const manager = await makeUser(db, workspaceId, { role: 'manager', locale: 'ru' });
  russian = await signedIn(app, manager.email, testPassword);
});

const upsert = (body: Record<string, unknown>, client = admin) =>
  client.POST('/api/v1/bulk-upsert', { body: body as never });

async function accountByExternalId(externalId: string) {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

const count = async (table: 'accounts' | 'contacts' | 'contracts') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the CRM bulk upsert', () => {
  const sync = {
    accounts: [
      {
        externalId: 'SF-001',
        name: 'Acme Corp',
        tier: 'enterprise',
        arr: { amount: 12000000, currency: 'USD' },
        renewalDate: '2027-03-31',
        customFields: { region: 'EMEA' },
      },
      { externalId: 'SF-002', name: 'Globex', domain: 'globex.example' },
    ],
    contacts: [
      {
        externalId: 'SF-C1',
        accountExternalId: 'SF-001',
        name: 'Ana Lopez',
        email: 'Ana@Acme.example',
        role: 'champion',
      },
    ],
    contracts: [
      {
        externalId: 'SF-K1',
        accountExternalId: 'SF-001',
        plan: 'Scale',
        arr: { amount: 12000000, currency: 'USD' },
        seats: 250,
        startDate: '2026-04-01',
        endDate: '2027-03-31',
      },
    ],
  };

  it('creates accounts, contacts and contracts by external id; the same request again changes nothing', async () => {
    const first = await upsert(sync);
    expect(first.response.status).toBe(200);
    expect(first.data?.rejected).toEqual([]);
    expect(first.data?.accounts).toMatchObject({ created: 2, updated: 0, rejected: 0 });
    expect(first.data?.contacts).toMatchObject({ created: 1, rejected: 0 });
    expect(first.data?.contracts).toMatchObject({ created: 1, rejected: 0 });

    const acme = await accountByExternalId('SF-001');
    expect(acme?.name).toBe('Acme Corp');
    expect(acme?.tier).toBe('enterprise');
    expect(acme?.renewal_date).toBe('2027-03-31');
    expect(acme?.custom_fields).toEqual({ region: 'EMEA' });
    const contact = await db
      .selectFrom('contacts')
      .selectAll()
      .where('external_id', '=', 'SF-C1')
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ account_id: acme?.id, email: 'ana@acme.example' });

    const again = await upsert(sync);
    expect(again.data?.accounts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.data?.contacts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(again.data?.contracts).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('changes only the fields a row carries', async () => {
    const { data } = await upsert({
      accounts: [
        { externalId: 'SF-001', tier: 'mid_market' },
        { externalId: 'SF-002', arr: { amount: 1500, currency: 'JPY' } },
      ],
      contacts: [{ externalId: 'SF-C1', title: 'VP Operations' }],
    });
    expect(data?.rejected).toEqual([]);
    expect(data?.accounts).toMatchObject({ updated: 2 });
    expect(await accountByExternalId('SF-002')).toMatchObject({
      name: 'Globex',
      domain: 'globex.example',
      arr_amount: 1500,
      currency: 'JPY',
    });
    const acme = await accountByExternalId('SF-001');
    expect(acme).toMatchObject({
      name: 'Acme Corp',
      tier: 'mid_market',
      renewal_date: '2027-03-31',
    });
    expect(acme?.custom_fields).toEqual({ region: 'EMEA' });
    const contact = await db
      .selectFrom('contacts')
      .selectAll()
      .where('external_id', '=', 'SF-C1')
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ name: 'Ana Lopez', title: 'VP Operations', role: 'champion' });
  });

  it('reports each rejected row with the field and why, and writes the others', async () => {
    const { response, data } = await upsert({
      accounts: [
        { externalId: 'SF-003', name: 'Initech', owner: ownerEmail },
        { externalId: 'SF-004' },
        { externalId: 'SF-005', name: 'Umbrella', owner: 'nobody@example.test' },
        { externalId: 'SF-006', name: 'Hooli', customFields: { region: 'APAC' } },
      ],
      contacts: [{ externalId: 'SF-C9', accountExternalId: 'SF-404', name: 'Lost Person' }],
    });
    expect(response.status).toBe(200);
    expect(data?.accounts).toMatchObject({ created: 1, rejected: 3 });
    expect(data?.rejected.map((r) => [r.entity, r.index, r.errors.map((e) => e.path)])).toEqual([
      ['accounts', 1, ['accounts.1.name']],
      ['accounts', 2, ['accounts.2.owner']],
      ['accounts', 3, ['accounts.3.customFields.region']],
      ['contacts', 0, ['contacts.0.accountExternalId']],
    ]);
    expect(data?.rejected[1]?.errors[0]?.message).toContain('nobody@example.test');
    expect((await accountByExternalId('SF-003'))?.owner_id).not.toBeNull();
    expect(await accountByExternalId('SF-005')).toBeUndefined();
  });

  it("says why each row was rejected in the asker's language", async () => {
    const body = {
      dryRun: true,
      accounts: [
        { externalId: 'RU-1' },
        { externalId: 'RU-2', name: 'Umbrella', owner: 'nobody@example.test' },
        { externalId: 'RU-3', name: 'Hooli', customFields: { region: 'APAC', size: 1 } },
      ],
      contacts: [{ externalId: 'RU-C1', accountExternalId: 'RU-404', name: 'Lost Person' }],
    };
    const messages = (data: Awaited<ReturnType<typeof upsert>>['data']) =>
      data?.rejected.flatMap((r) => r.errors.map((e) => `${e.path}: ${e.message}`));
    expect(messages((await upsert(body)).data)).toEqual([
      'accounts.0.name: is required for a new account',
      'accounts.1.owner: no one with the e-mail nobody@example.test in this workspace',
      'accounts.2.customFields.region: must be one of: NA, EMEA',
      'accounts.2.customFields.size: no custom field has this key',
      'contacts.0.accountExternalId: no account has the external id RU-404',
    ]);
    expect(messages((await upsert(body, russian)).data)).toEqual([
      'accounts.0.name: обязательно для нового аккаунта',
      'accounts.1.owner: в этом рабочем пространстве нет никого с адресом nobody@example.test',
      'accounts.2.customFields.region: должно быть одним из: NA, EMEA',
      'accounts.2.customFields.size: нет пользовательского поля с таким ключом',
      'contacts.0.accountExternalId: нет аккаунта с внешним идентификатором RU-404',
    ]);
  });

  it("says why each contract was rejected in the asker's language, under the field it came from", async () => {
    const body = {
      dryRun: true,
      accounts: [{ externalId: 'RU-A1', name: 'Rowan' }],
      contracts: [
        {
          externalId: 'RU-K1',
          accountExternalId: 'RU-A1',
          mrr: { amount: 10000, currency: 'USD' },
          arr: { amount: 120000, currency: 'USD' },
          status: 'paused-ish',
        },
        { externalId: 'RU-K2', accountExternalId: 'RU-A1', seats: 3 },
      ],
    };
    const messages = (data: Awaited<ReturnType<typeof upsert>>['data']) =>
      data?.rejected.flatMap((r) => r.errors.map((e) => `${e.path}: ${e.message}`));
    expect(messages((await upsert(body)).data)).toEqual([
      'contracts.0.mrr: give mrr or arr, not both',
      'contracts.0.status: status must be one of active, trialing, past_due, unpaid, canceled, incomplete, incomplete_expired, paused',
      'contracts.1.mrr: currency must be a three-letter code such as USD',
      'contracts.1.mrr: mrr or arr is required',
    ]);
    expect(messages((await upsert(body, russian)).data)).toEqual([
      'contracts.0.mrr: укажите mrr или arr, но не оба',
      'contracts.0.status: status: допустимые значения: active, trialing, past_due, unpaid, canceled, incomplete, incomplete_expired, paused',
      'contracts.1.mrr: currency: нужен трёхбуквенный код валюты, например USD',
      'contracts.1.mrr: нужен mrr или arr',
    ]);
  });

  it('refuses an external id twice in one list with 422 naming both rows, and writes nothing', async () => {
    const before = await count('accounts');
    const { response, error } = await upsert({
      accounts: [
        { externalId: 'SF-100', name: 'First' },
        { externalId: 'SF-101', name: 'Second' },
        { externalId: 'SF-100', name: 'Again' },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors).toEqual([
      { path: 'accounts.2.externalId', message: '"SF-100" is also accounts.0.externalId' },
    ]);
    expect(await count('accounts')).toBe(before);
  });

  it('with allOrNothing, one bad row refuses the whole request', async () => {
    const before = await count('accounts');
    const { response, error } = await upsert({
      allOrNothing: true,
      accounts: [
        { externalId: 'SF-200', name: 'Fine' },
        { externalId: 'SF-201', name: 'Bad owner', owner: 'ghost@example.test' },
      ],
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['accounts.1.owner']);
    expect(await count('accounts')).toBe(before);
  });

  it('names a malformed field with 422 (a tier that does not exist, an unknown field)', async () => {
    const { response, error } = await upsert({
      accounts: [{ externalId: 'SF-300', name: 'Odd', tier: 'galactic', colour: 'red' }],
    });
    expect(response.status).toBe(422);
    const paths = error?.errors?.map((e) => e.path) ?? [];
    expect(paths).toContain('accounts.0.tier');
    expect(paths.some((p) => p.startsWith('accounts.0'))).toBe(true);
  });

  it('a dry run counts what would change and writes nothing', async () => {
    const before = await count('accounts');
    const { data } = await upsert({
      dryRun: true,
      accounts: [{ externalId: 'SF-400', name: 'Rehearsal' }],
    });
    expect(data).toMatchObject({ dryRun: true, accounts: { created: 1 } });
    expect(await count('accounts')).toBe(before);
  });

  it('is not open to a viewer', async () => {
    const { response } = await upsert({ accounts: [{ externalId: 'SF-500', name: 'X' }] }, viewer);
    expect(response.status).toBe(403);
  });
});
