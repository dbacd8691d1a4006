// Data out: a workspace's whole export, from the web app's API and the CLI, and the proof that
// nothing is locked in — its CSV files import into an empty workspace with the same counts.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export.ts';
import { addDays } from '../../src/lib/calendar.ts';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { defineCustomField } from '../../src/modules/accounts/index.ts';
import { importContracts } from '../../src/modules/intake/billing/index.ts';
import { importCsv } from '../../src/modules/intake/import/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { addUsageDays } from '../support/usage.ts';

const { deps, clock } = await useTestDeps();
const { db } = deps;
const app = testApp(deps);

let source: WorkspaceId;
let sourceSlug = '';
let admin: ApiClient;
let manager: ApiClient;
let adminEmail: string;

beforeAll(async () => {
  const workspace = await makeWorkspace(db);
  source = workspace.id;
  sourceSlug = workspace.slug;
  const person = await makeUser(db, source, { role: 'admin' });
  adminEmail = person.email;
  const lead = await makeUser(db, source, { role: 'manager' });
  await defineCustomField(
    db,
    { workspaceId: source, userId: person.id },
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
  manager = await signedIn(app, lead.email, testPassword);
  const synced = await admin.POST('/api/v1/bulk-upsert', {
    body: {
      accounts: [
        {
          externalId: 'HS-1',
          name: 'Acme, "the" Corp',
          tier: 'enterprise',
          arr: { amount: 12000050, currency: 'USD' },
          owner: person.email,
          customFields: { region: 'EMEA' },
        },
        { externalId: 'HS-2', name: 'Globex', domain: 'globex.example', seats: 40 },
        { externalId: 'HS-3', name: 'Tokyo Trading', arr: { amount: 1500000, currency: 'JPY' } },
      ],
      contacts: [
        { externalId: 'HS-C1', accountExternalId: 'HS-1', name: 'Ana Lopez', role: 'champion' },
        {
          externalId: 'HS-C2',
          accountExternalId: 'HS-2',
          name: 'Li Wei',
          email: 'li@globex.example',
        },
      ],
      contracts: [
        {
          externalId: 'HS-K1',
          accountExternalId: 'HS-2',
          plan: 'Team',
          mrr: { amount: 99900, currency: 'USD' },
          seats: 40,
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        },
      ],
    },
  });
  expect(synced.data?.rejected).toEqual([]);
  // An account added in the app has no external id: the export keys it by its Steward id.
  const added = await admin.POST('/api/v1/accounts', { body: { name: 'Made In Steward' } });
  expect(added.response.status).toBe(201);
  await admin.POST('/api/v1/accounts/{id}/contacts', {
    params: { path: { id: added.data?.id ?? '' } },
    body: { name: 'Sam Doe' },
  });
});

const count = async (table: 'accounts' | 'contacts' | 'contracts', workspaceId: WorkspaceId) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

type Entity = 'accounts' | 'contacts' | 'contracts';

/** A download: its status, headers and text (or the problem it answered). */
const read = ({
  data,
  error,
  response,
}: {
  data?: unknown;
  error?: unknown;
  response: Response;
}) => ({
  status: response.status,
  headers: response.headers,
  text: typeof data === 'string' ? data : '',
  problem: error as { errors?: { path: string }[] } | undefined,
});
const document = async (client = admin) =>
  read(await client.GET('/api/v1/export', { parseAs: 'text' }));
const csvFile = async (entity: Entity, client = admin) =>
  read(
    await client.GET('/api/v1/export/{entity}', { params: { path: { entity } }, parseAs: 'text' }),
  );

describe("a workspace's export", () => {
  it('gives every entity in one JSON document with their counts, and no secrets', async () => {
    const response = await document();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.json"/);
    const { text } = response;
    const exported = JSON.parse(text) as {
      format: string;
      entities: Record<string, Record<string, unknown>[]>;
      counts: Record<string, number>;
    };
    expect(exported.format).toBe('steward-export');
    expect(exported.counts.accounts).toBe(await count('accounts', source));
    expect(exported.counts.contacts).toBe(await count('contacts', source));
    expect(exported.counts.contracts).toBe(await count('contracts', source));
    expect(exported.entities.accounts?.length).toBe(exported.counts.accounts);
    expect(exported.entities.people?.map((p) => p.email)).toContain(adminEmail);
    expect(text).not.toMatch(/passwordHash|password_hash|workspaceId/);
  });

  it('gives usage as day rows by month, account, feature and day, each once, across pages', async () => {
    const accountIds = await db
      .selectFrom('accounts')
      .select(['id', 'external_id'])
      .where('workspace_id', '=', source)
      .where('external_id', 'in', ['HS-1', 'HS-2'])
      .execute();
    const idOf = (externalId: string) => accountIds.find((a) => a.external_id === externalId)?.id;
    const acme = idOf('HS-1') ?? '';
    const globex = idOf('HS-2') ?? '';
    // Globex uses reports every day for more than a page of rows, and exports on three days of
    // two months; Acme on days of months Globex uses too, one month's days out of order in
    // its row as intake's appends leave them.
    await addUsageDays(
      db,
      sql`select ${source}::uuid, ${globex}::uuid, date '2026-11-30' - d, 'reports', d + 1, d % 2
        from generate_series(0, 2099) d`,
    );
    await addUsageDays(
      db,
      sql`select ${source}::uuid, ${globex}::uuid, day::date, 'exports', 3, 0
        from unnest(array['2026-11-20', '2026-11-02', '2026-10-31']) day`,
    );
    await addUsageDays(
      db,
      sql`select ${source}::uuid, ${acme}::uuid, day::date, 'reports', 5, 1
        from unnest(array['2021-03-02', '2023-06-15', '2026-11-30']) day`,
    );
    await sql`insert into usage_months (workspace_id, month, account_id, feature_key, days, events, logins)
      values (${source}, '2023-06-01', ${acme}, 'exports', '{30,1,14}', '{7,8,9}', '{0,0,1}')`.execute(
      db,
    );
    const usageDay = (
      accountId: string,
      on: string,
      featureKey: string,
      events: number,
      logins: number,
    ) => ({ accountId, day: on, featureKey, events, logins });
    const expected = [
      ...Array.from({ length: 2100 }, (_, d) =>
        usageDay(globex, addDays('2026-11-30', -d), 'reports', d + 1, d % 2),
      ),
      ...['2026-11-20', '2026-11-02', '2026-10-31'].map((on) =>
        usageDay(globex, on, 'exports', 3, 0),
      ),
      ...['2021-03-02', '2023-06-15', '2026-11-30'].map((on) =>
        usageDay(acme, on, 'reports', 5, 1),
      ),
      usageDay(acme, '2023-06-30', 'exports', 7, 0),
      usageDay(acme, '2023-06-01', 'exports', 8, 0),
      usageDay(acme, '2023-06-14', 'exports', 9, 1),
    ];
    const monthRow = (row: (typeof expected)[number]) =>
      [row.day.slice(0, 7), row.accountId, row.featureKey].join(' ');
    const order = (row: (typeof expected)[number]) => `${monthRow(row)} ${row.day}`;
    expected.sort((a, b) => (order(a) < order(b) ? -1 : 1));

    const exported = JSON.parse((await document()).text) as {
      entities: { usage: Record<string, unknown>[] };
      counts: Record<string, number>;
    };
    const usage = exported.entities.usage;
    expect(exported.counts.usage).toBe(2109);
    expect(usage).toEqual(expected);
    // The first page (2,000 rows) ends inside a month row: the next starts at its following day.
    const [lastOfPage, firstOfNext] = expected.slice(1999, 2001).map(monthRow);
    expect(firstOfNext).toBe(lastOfPage);
  });

  it('re-imports into an empty workspace with the same counts (accounts, contacts, contracts)', async () => {
    const csv = async (entity: Entity) => (await csvFile(entity)).text;
    const [accounts = '', contacts = '', contracts = ''] = await Promise.all(
      (['accounts', 'contacts', 'contracts'] as const).map(csv),
    );
    expect(accounts.split('\r\n')[0]).toBe(
      'externalId,name,domain,tier,plan,arr,currency,seats,stage,renewalDate,priority,ownerEmail,id,cf.region',
    );
    expect(accounts).toContain('"Acme, ""the"" Corp"');
    expect(accounts).toContain('120000.50,USD');

    const target = (await makeWorkspace(db)).id;
    const by = { workspaceId: target, userId: null };
    const load = (entity: 'accounts' | 'contacts', text: string) =>
      importCsv(Readable.from([Buffer.from(text)]), {
        db,
        by,
        entity,
        dryRun: false,
        skipInvalid: false,
        importId: crypto.randomUUID(),
        fileName: `${entity}.csv`,
      });
    const accountsIn = await load('accounts', accounts);
    expect(accountsIn.rejections).toEqual([]);
    const contactsIn = await load('contacts', contacts);
    expect(contactsIn.rejections).toEqual([]);
    const contractsIn = await importContracts(db, clock, by, contracts, {
      dryRun: false,
      skipInvalid: false,
    });
    expect(contractsIn.rejected).toEqual([]);

    for (const table of ['accounts', 'contacts', 'contracts'] as const) {
      expect(await count(table, target), table).toBe(await count(table, source));
    }
    const tokyo = await db
      .selectFrom('accounts')
      .select(['arr_amount', 'currency'])
      .where('workspace_id', '=', target)
      .where('external_id', '=', 'HS-3')
      .executeTakeFirstOrThrow();
    expect(tokyo).toEqual({ arr_amount: 1500000, currency: 'JPY' });
  });

  it('names a CSV entity it does not know with 422, and is for admins only', async () => {
    const unknown = await csvFile('passwords' as Entity);
    expect(unknown.status).toBe(422);
    expect(unknown.problem).toMatchObject({ errors: [{ path: 'param.entity' }] });
    expect((await document(manager)).status).toBe(403);
  });

  it('is written by `steward export` as the JSON document and one CSV file per entity', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'steward-export-')), 'out');
    const said: string[] = [];
    await exportCommand(
      { deps, applied: [] },
      { out, workspace: sourceSlug },
      { stdout: { write: (text: string) => said.push(text) } as never },
    );
    const files = (await readdir(out)).sort();
    expect(files.filter((f) => f.endsWith('.csv'))).toHaveLength(15);
    const json = files.find((f) => f.endsWith('.json')) ?? '';
    const document = JSON.parse(await readFile(path.join(out, json), 'utf8')) as {
      counts: Record<string, number>;
    };
    expect(document.counts.accounts).toBe(await count('accounts', source));
    expect(said.join('')).toContain(out);
  });
});
