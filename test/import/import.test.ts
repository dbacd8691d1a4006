import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { runTaskListOnce } from 'graphile-worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { enqueue, toTaskList } from '../../src/jobs/registry.ts';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { defineCustomField } from '../../src/modules/accounts/index.ts';
import {
  importCsv,
  importJobs,
  rejectionReason,
  type Rejection,
} from '../../src/modules/intake/import/index.ts';
import { origin, sessionCookieOf, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps, database } = await useTestDeps();
const { db } = deps;
const app = testApp(deps);

let workspaceId: WorkspaceId;
let ownerEmail: string;
let sessionCookie: string;
let russianCookie: string;

const signIn = (email: string) => sessionCookieOf(app, email, testPassword);

/** Rejected rows as an English reader reads them. */
const inEnglish = (rejections: Rejection[]) =>
  rejections.map(({ line, problems }) => ({ line, reason: rejectionReason(problems, 'en') }));

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  const admin = await makeUser(db, workspaceId, { role: 'admin' });
  ownerEmail = admin.email;
  const by = { workspaceId, userId: admin.id };
  await defineCustomField(db, by, {
    entity: 'account',
    key: 'region',
    label: 'Region',
    type: 'select',
    options: ['NA', 'EMEA'],
    required: false,
  });
  await defineCustomField(db, by, {
    entity: 'account',
    key: 'seats_sold',
    label: 'Seats sold',
    type: 'number',
    required: false,
  });
  sessionCookie = await signIn(admin.email);
  const russian = await makeUser(db, workspaceId, { role: 'manager', locale: 'ru' });
  russianCookie = await signIn(russian.email);
});

const importText = (
  csv: string,
  options: {
    entity?: 'accounts' | 'contacts';
    dryRun?: boolean;
    skipInvalid?: boolean;
    fileName?: string;
  } = {},
) =>
  importCsv(Readable.from([Buffer.from(csv)]), {
    db,
    by: { workspaceId, userId: null },
    entity: options.entity ?? 'accounts',
    dryRun: options.dryRun ?? false,
    skipInvalid: options.skipInvalid ?? false,
    importId: randomUUID(),
    fileName: options.fileName ?? 'test.csv',
  });

const accountsWith = (prefix: string) =>
  db
    .selectFrom('accounts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', 'like', `${prefix}%`)
    .orderBy('external_id')
    .execute();

/** A file with two bad rows (lines 3 and 5) among three good ones. */
const mixed = (p: string) =>
  [
    'External ID,Name,Tier,ARR,Renewal date,Owner,Region,Notes',
    `${p}-1,Acme,enterprise,120000,2027-03-31,${ownerEmail},EMEA,first`,
    `${p}-2,Globex,huge,5000,,,,`,
    `${p}-3,Initech,smb,"1,500.50",,,NA,`,
    `${p}-4,Umbrella,smb,10,2027-02-30,,,`,
    `${p}-5,Hooli,mid_market,0,,,,`,
  ].join('\n');

describe('importing accounts from CSV', () => {
  it('a dry run reports every bad row by line and reason and writes nothing', async () => {
    const outcome = await importText(mixed('dry'), { dryRun: true });
    expect(inEnglish(outcome.rejections)).toEqual([
      { line: 3, reason: 'tier: must be one of enterprise, mid_market, smb' },
      { line: 5, reason: 'renewalDate: must be a date as YYYY-MM-DD' },
    ]);
    expect(outcome.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 2 });
    expect(outcome.ignoredColumns).toEqual(['Notes']);
    expect(outcome.imported).toBe(false);
    expect(await accountsWith('dry')).toEqual([]);
  });

  it('imports nothing when a row is rejected and skipping was not asked for', async () => {
    const outcome = await importText(mixed('strict'));
    expect(outcome.counts).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 2 });
    expect(outcome.imported).toBe(false);
    expect(await accountsWith('strict')).toEqual([]);
  });

  it('imports the good rows when asked to skip the bad ones', async () => {
    const outcome = await importText(mixed('skip'), { skipInvalid: true });
    expect(outcome.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 2 });
    const rows = await accountsWith('skip');
    expect(
      rows.map((r) => [r.external_id, r.name, r.tier, r.arr_amount, r.currency, r.custom_fields]),
    ).toEqual([
      ['skip-1', 'Acme', 'enterprise', 12_000_000, 'USD', { region: 'EMEA' }],
      ['skip-3', 'Initech', 'smb', 150_050, 'USD', { region: 'NA' }],
      ['skip-5', 'Hooli', 'mid_market', 0, 'USD', {}],
    ]);
    expect(rows[0]?.owner_id).not.toBeNull();
    expect(rows[0]?.renewal_date).toBe('2027-03-31');
  });

  it('re-running the same file changes nothing and keeps updated_at', async () => {
    const csv = [
      'externalId,name,tier,arr,region,seats_sold',
      'rerun-1,Acme,enterprise,100,EMEA,12',
      'rerun-2,Globex,smb,200,,',
    ].join('\n');
    expect((await importText(csv)).counts).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const before = await accountsWith('rerun');
    expect((await importText(csv)).counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: 0,
    });
    const after = await accountsWith('rerun');
    expect(after.map((r) => r.updated_at)).toEqual(before.map((r) => r.updated_at));

    const changed = csv.replace('rerun-2,Globex,smb,200', 'rerun-2,Globex,smb,300');
    expect((await importText(changed)).counts).toMatchObject({ updated: 1, unchanged: 1 });
  });

  it('updates only the columns the file has, and an empty custom field cell clears it', async () => {
    await makeAccount(db, workspaceId, {
      external_id: 'partial-1',
      name: 'Old name',
      tier: 'enterprise',
      custom_fields: { region: 'NA', seats_sold: 5 },
    });
    const outcome = await importText('externalId,name,region\npartial-1,New name,\n');
    expect(outcome.counts).toMatchObject({ updated: 1 });
    const [row] = await accountsWith('partial');
    expect([row?.name, row?.tier, row?.custom_fields]).toEqual([
      'New name',
      'enterprise',
      { seats_sold: 5 },
    ]);
  });

  it('checks custom field values against their definitions', async () => {
    const outcome = await importText(
      'externalId,name,Region,Seats sold\ncf-1,Acme,APAC,many\ncf-2,Globex,NA,40\n',
      { dryRun: true },
    );
    expect(inEnglish(outcome.rejections)).toEqual([
      { line: 2, reason: 'cf.region: must be one of: NA, EMEA; cf.seats_sold: must be a number' },
    ]);
  });

  it('rejects a second row with the same external id', async () => {
    const outcome = await importText('externalId,name\ndup-1,A\ndup-1,B\n', { dryRun: true });
    expect(inEnglish(outcome.rejections)).toEqual([
      { line: 3, reason: 'externalId: dup-1 is on line 2 already' },
    ]);
  });

  it('records one audit entry per import', async () => {
    const outcome = await importText('externalId,name\naudit-1,A\naudit-2,B\n', {
      fileName: 'audited.csv',
    });
    expect(outcome.imported).toBe(true);
    const entries = await db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('workspace_id', '=', workspaceId)
      .where('action', '=', 'import.accounts')
      .execute();
    expect(entries.filter((e) => e.changes.fileName === 'audited.csv')).toEqual([
      {
        action: 'import.accounts',
        changes: { fileName: 'audited.csv', created: 2, updated: 0, unchanged: 0, rejected: 0 },
      },
    ]);
  });
});

describe('importing contacts', () => {
  it('attaches contacts to accounts by the account external id', async () => {
    const account = await makeAccount(db, workspaceId, { external_id: 'people-1' });
    const outcome = await importText(
      [
        'External ID,Account External ID,Name,Email,Role',
        'person-1,people-1,Ada Lovelace,ada@example.test,champion',
        'person-2,nobody-here,Bob,,user',
      ].join('\n'),
      { entity: 'contacts', skipInvalid: true },
    );
    expect(inEnglish(outcome.rejections)).toEqual([
      { line: 3, reason: 'accountExternalId: no account has the external id nobody-here' },
    ]);
    const contacts = await db
      .selectFrom('contacts')
      .select(['account_id', 'name', 'role'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(contacts).toEqual([{ account_id: account.id, name: 'Ada Lovelace', role: 'champion' }]);
  });
});

describe('importing through the API', () => {
  const upload = (
    query: string,
    csv: string,
    mapping?: Record<string, string>,
    cookie = sessionCookie,
  ) => {
    const form = new FormData();
    form.set('file', new File([csv], 'accounts.csv', { type: 'text/csv' }));
    if (mapping) form.set('mapping', JSON.stringify(mapping));
    return app.request(`${origin}/api/v1/imports?${query}`, {
      method: 'POST',
      headers: { cookie, origin },
      body: form,
    });
  };
  const get = (path: string, cookie = sessionCookie) =>
    app.request(`${origin}/api/v1${path}`, { headers: { cookie } });
  const runQueuedJobs = async () => {
    const client = await database.pool.connect();
    try {
      await runTaskListOnce({}, toTaskList(deps, importJobs), client).promise;
    } finally {
      client.release();
    }
  };

  it('lists the fields a column can map to, custom fields included', async () => {
    const response = await get('/imports/fields?entity=accounts');
    expect(response.status).toBe(200);
    const { fields } = (await response.json()) as { fields: { name: string }[] };
    expect(fields.map((f) => f.name)).toContain('cf.region');
    expect(fields.map((f) => f.name)).toContain('renewalDate');
  });

  it("labels Steward's own fields in the reader's language, a custom field as it was named", async () => {
    type Listed = { fields: { name: string; label: string }[] };
    const labels = async (cookie: string) =>
      Object.fromEntries(
        (
          (await (await get('/imports/fields?entity=accounts', cookie)).json()) as Listed
        ).fields.map((f) => [f.name, f.label]),
      );
    expect(await labels(sessionCookie)).toMatchObject({
      externalId: 'External ID',
      arr: 'ARR (major units, e.g. 120000.50)',
      owner: "Owner's e-mail",
      'cf.region': 'Region',
    });
    expect(await labels(russianCookie)).toMatchObject({
      externalId: 'Внешний идентификатор',
      arr: 'ARR (в основных единицах, например 120000.50)',
      owner: 'E-mail ответственного',
      'cf.region': 'Region',
    });
  });

  it('queues an upload, runs it in the worker and shows the import done with its counts', async () => {
    const csv = 'Company,Id,Tier\nWeb One,web-1,smb\nWeb Two,web-2,gigantic\nWeb Three,web-3,smb\n';
    const response = await upload('entity=accounts&skipInvalid=true', csv, {
      Company: 'name',
      Id: 'externalId',
    });
    expect(response.status).toBe(202);
    const queued = (await response.json()) as { id: string; status: string };
    expect(queued.status).toBe('queued');

    await runQueuedJobs();

    const done = await (await get(`/imports/${queued.id}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      fileName: 'accounts.csv',
      progress: { processedRows: 3, totalBytes: csv.length, processedBytes: csv.length },
      counts: { created: 2, updated: 0, unchanged: 0, rejected: 1 },
      rejections: [{ line: 3, reason: 'tier: must be one of enterprise, mid_market, smb' }],
    });
    expect((await accountsWith('web')).map((r) => r.name)).toEqual(['Web One', 'Web Three']);
    const list = (await (await get('/imports')).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(queued.id);
  });

  it('shows a Russian manager why each row was rejected in Russian, and an English reader the same report in English', async () => {
    const csv = [
      'externalId,name,tier,arr,currency,renewalDate,owner,Region',
      'ru-1,Acme,huge,12k,USD,2027-02-30,,EMEA',
      'ru-2,Globex,smb,5000.5,JPY,,nobody@example.test,APAC',
      'ru-3,Initech,smb,100,USD,,,NA,extra',
      'ru-4,Hooli,smb,100,USD,,,',
      'ru-4,Hooli again,smb,100,USD,,,',
      ',,smb,100,USD,,,',
    ].join('\n');
    const response = await upload('entity=accounts&dryRun=true', csv, undefined, russianCookie);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await runQueuedJobs();

    const russian = (await (await get(`/imports/${id}`, russianCookie)).json()) as {
      rejections: { line: number; reason: string }[];
    };
    expect(russian.rejections).toEqual([
      {
        line: 2,
        reason:
          'tier: допустимые значения: enterprise, mid_market, smb; ' +
          'arr: нужна сумма в основных единицах валюты, например 120000 или 120000.50; ' +
          'renewalDate: нужна дата в виде ГГГГ-ММ-ДД',
      },
      {
        line: 3,
        reason:
          'arr: у JPY не больше 0 знаков после точки; ' +
          'owner: в этом рабочем пространстве нет никого с адресом nobody@example.test; ' +
          'cf.region: должно быть одним из: NA, EMEA',
      },
      { line: 4, reason: 'в строке 9 колонок, а в заголовке 8' },
      { line: 6, reason: 'externalId: ru-4 уже есть в строке 5' },
      {
        line: 7,
        reason:
          'externalId: обязательное поле: по внешнему идентификатору строки сопоставляются с тем, что уже есть; ' +
          'name: обязательное поле',
      },
    ]);

    const english = (await (await get(`/imports/${id}`)).json()) as {
      rejections: { line: number; reason: string }[];
    };
    expect(english.rejections).toEqual([
      {
        line: 2,
        reason:
          'tier: must be one of enterprise, mid_market, smb; ' +
          'arr: must be an amount in major units such as 120000 or 120000.50; ' +
          'renewalDate: must be a date as YYYY-MM-DD',
      },
      {
        line: 3,
        reason:
          'arr: JPY has 0 decimal places at most; ' +
          'owner: no one with the e-mail nobody@example.test in this workspace; ' +
          'cf.region: must be one of: NA, EMEA',
      },
      { line: 4, reason: 'the row has 9 columns, the header has 8' },
      { line: 6, reason: 'externalId: ru-4 is on line 5 already' },
      {
        line: 7,
        reason:
          'externalId: is required: rows are matched to what exists by external id; name: is required',
      },
    ]);
  });

  it('tells each reader in their language why an import failed', async () => {
    // A mapping that fitted when the file was uploaded, but not when the job ran.
    const queued = await db
      .insertInto('imports')
      .values({
        workspace_id: workspaceId,
        created_by: null,
        entity: 'accounts',
        file_name: 'late.csv',
        file: Buffer.from('Company,Id\nAcme,late-1\n'),
        mapping: JSON.stringify({ Company: 'motto', Id: 'externalId' }),
        dry_run: false,
        total_bytes: 22,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueue(db, 'import__run', { importId: queued.id });
    await runQueuedJobs();

    const read = async (cookie: string) =>
      ((await (await get(`/imports/${queued.id}`, cookie)).json()) as { failure: string }).failure;
    expect(await read(sessionCookie)).toBe(
      'The column mapping does not fit this import. mapping.Company: unknown field "motto"; ' +
        'mapping: no column is mapped to "name", which is required',
    );
    expect(await read(russianCookie)).toBe(
      'Сопоставление столбцов не подходит для этого импорта. mapping.Company: неизвестное поле «motto»; ' +
        'mapping: ни одна колонка не сопоставлена с обязательным полем «name»',
    );
  });

  it('says where a file stops being CSV in each reader’s language, on upload or when the job reads it', async () => {
    // The header reads; a quote that is never closed, past the upload's first read of the file
    // (64 KiB), is found by the job.
    const rows = Array.from({ length: 4000 }, (_, i) => `Quote ${i},quote-${i}\n`).join('');
    const csv = `Company,Id\n${rows}"Quote Late,quote-late\nQuote After,quote-after\n`;
    const response = await upload('entity=accounts&dryRun=true', csv, {
      Company: 'name',
      Id: 'externalId',
    });
    expect(response.status).toBe(202);
    const queued = (await response.json()) as { id: string };
    await runQueuedJobs();
    const read = async (cookie: string) =>
      ((await (await get(`/imports/${queued.id}`, cookie)).json()) as { failure: string }).failure;
    expect(await read(sessionCookie)).toBe(
      'The file is not valid CSV: a quoted cell is still open where the file ends (line 4003). Close the quote, or double a quote inside a cell ("").',
    );
    expect(await read(russianCookie)).toBe(
      'Файл — не корректный CSV: ячейка в кавычках не закрыта до конца файла (строка 4003). Закройте кавычку или удвойте кавычку внутри ячейки ("").',
    );

    // A header csv-parse cannot read is refused at once, in the uploader's language.
    const header = 'Company,"Id"x\nAcme,acme-1\n';
    const details = await Promise.all(
      [sessionCookie, russianCookie].map(async (cookie) => {
        const refused = await upload('entity=accounts', header, undefined, cookie);
        expect(refused.status).toBe(400);
        return ((await refused.json()) as { detail: string }).detail;
      }),
    );
    expect(details).toEqual([
      'The file is not valid CSV at line 1: a quote closes a cell, but more follows it before the comma. Quote the whole cell, and double a quote inside it ("").',
      'Файл — не корректный CSV в строке 1: кавычка закрывает ячейку, но до запятой за ней идёт что-то ещё. Возьмите в кавычки всю ячейку, а кавычку внутри неё удвойте ("").',
    ]);
  });

  it('answers 422 naming the column of a mapping that does not fit', async () => {
    const response = await upload('entity=accounts', 'Company,Id\nA,a-1\n', {
      Company: 'title',
      Id: 'externalId',
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(['mapping.Company', 'mapping']);
  });

  it('answers 400 for an empty or binary file', async () => {
    expect((await upload('entity=accounts', '')).status).toBe(400);
    const binary = await upload('entity=accounts', '\u0000\u0001PNG');
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as { code: string }).code).toBe('import.invalid_file');
  });
});
