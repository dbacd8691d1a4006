// CRM exports import without editing: Salesforce's and HubSpot's standard CSV exports, with
// the preset for the CRM that wrote them (Settings → Import, `--preset`).
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { importCsv, type ImportPresetName } from '../../src/modules/intake/import/index.ts';
import { signedIn, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps();
const { db } = deps;

let workspaceId: WorkspaceId;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
});

const load = (entity: 'accounts' | 'contacts', preset: ImportPresetName, csv: string) =>
  importCsv(Readable.from([Buffer.from(csv)]), {
    db,
    by: { workspaceId, userId: null },
    entity,
    preset,
    dryRun: false,
    skipInvalid: false,
    importId: crypto.randomUUID(),
    fileName: `${entity}.csv`,
  });

const contact = (externalId: string) =>
  db
    .selectFrom('contacts')
    .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
    .select(['contacts.name', 'contacts.email', 'contacts.title', 'accounts.external_id'])
    .where('contacts.workspace_id', '=', workspaceId)
    .where('contacts.external_id', '=', externalId)
    .executeTakeFirst();

describe('CRM exports in the CSV import', () => {
  it("imports Salesforce's Data Export files (Account.csv, Contact.csv) as they are", async () => {
    const accounts = await load(
      'accounts',
      'salesforce',
      [
        'Id,IsDeleted,Name,Type,Website,AnnualRevenue,NumberOfEmployees,OwnerId,CreatedDate',
        '001Dn000001,false,Acme Corp,Customer - Direct,https://acme.example,5000000,250,005Dn00000X,2024-01-05T10:00:00.000Z',
      ].join('\n'),
    );
    expect(accounts.rejections).toEqual([]);
    expect(accounts.counts.created).toBe(1);
    expect(accounts.mapping).toMatchObject({ Id: 'externalId', Name: 'name', Website: 'domain' });
    const contacts = await load(
      'contacts',
      'salesforce',
      [
        'Id,AccountId,LastName,FirstName,Salutation,Title,Phone,Email,OwnerId',
        '003Dn000001,001Dn000001,Lopez,Ana,Ms.,Head of Operations,+1 555 0100,ana@acme.example,005Dn00000X',
      ].join('\n'),
    );
    expect(contacts.rejections).toEqual([]);
    expect(await contact('003Dn000001')).toEqual({
      name: 'Ana Lopez',
      email: 'ana@acme.example',
      title: 'Head of Operations',
      external_id: '001Dn000001',
    });
  });

  it("imports HubSpot's companies and contacts exports as they are", async () => {
    const companies = await load(
      'accounts',
      'hubspot',
      [
        'Record ID,Company name,Company owner,Create Date,Phone Number,Company Domain Name,Annual Revenue,Lifecycle Stage',
        '9101,Globex,Kim Park,2024-03-01 10:00,+1 555 0199,globex.example,12000000,customer',
      ].join('\n'),
    );
    expect(companies.rejections).toEqual([]);
    const contacts = await load(
      'contacts',
      'hubspot',
      [
        'Record ID,First Name,Last Name,Email,Phone Number,Contact owner,Job Title,Associated Company ID',
        '501,Li,Wei,li@globex.example,+1 555 0142,Kim Park,CTO,9101',
      ].join('\n'),
    );
    expect(contacts.rejections).toEqual([]);
    expect(await contact('501')).toEqual({
      name: 'Li Wei',
      email: 'li@globex.example',
      title: 'CTO',
      external_id: '9101',
    });
  });

  it('lists the presets for the import screen', async () => {
    const admin = await makeUser(db, workspaceId, { role: 'admin' });
    const client = await signedIn(testApp(deps), admin.email, testPassword);
    const { data } = await client.GET('/api/v1/imports/presets');
    expect(data?.items.map((p) => p.name)).toEqual(['salesforce', 'hubspot']);
    expect(data?.items[1]?.contacts['Associated Company ID']).toBe('accountExternalId');
  });
});
