// Backfilling contracts from CSV through POST /api/v1/contracts/import.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/http/problem.ts';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import { sessionCookieOf, testApp } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let cookie: string;
/** An admin who reads Steward in Russian. */
let russianCookie: string;

async function upload(csv: string, query = '', as = cookie) {
  const response = await app.request(`http://steward.test/api/v1/contracts/import${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', origin: 'http://steward.test', cookie: as },
    body: csv,
  });
  // A summary, or a problem when the file is refused.
  return { status: response.status, body: (await response.json()) as Problem };
}

const signIn = (email: string) => sessionCookieOf(app, email, testPassword);

async function contractCount() {
  const row = await deps.db
    .selectFrom('contracts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const person = await makeUser(deps.db, workspaceId, { role: 'admin' });
  cookie = await signIn(person.email);
  const anna = await makeUser(deps.db, workspaceId, { role: 'admin', locale: 'ru' });
  russianCookie = await signIn(anna.email);
  await makeAccount(deps.db, workspaceId, { external_id: 'crm-1' });
  await makeAccount(deps.db, workspaceId, { external_id: 'crm-2' });
});

const good = [
  'Contract ID,Account External ID,Plan,MRR,ARR,Currency,Seats,Start Date,End Date,Status',
  'c-1,crm-1,Pro,"1,000.00",,USD,20,2026-01-01,2027-01-01,active',
  'c-2,crm-2,Team,,24000,usd,,2026-03-01,2027-03-01,Active',
].join('\n');

/** A dry run of the good rows and these, as an English and a Russian admin read its answer. */
async function dryRunInBothLanguages(rows: string[]) {
  const csv = [good, ...rows].join('\n');
  const [inEnglish, inRussian] = await Promise.all([
    upload(csv, '?dryRun=true'),
    upload(csv, '?dryRun=true', russianCookie),
  ]);
  return { en: inEnglish.body, ru: inRussian.body };
}

describe('contract backfill', () => {
  it('reports every bad row with its line and reason, and writes nothing', async () => {
    const csv = [
      good,
      'c-3,crm-404,Pro,100,,USD,,,,active',
      'c-4,crm-1,Pro,abc,,US,x,2026-13-01,,paused-ish',
      'c-1,crm-2,Pro,100,,USD,,,,active',
    ].join('\n');
    const { status, body } = await upload(csv);
    expect(status).toBe(422);
    expect(body.code).toBe('contract_import.invalid_rows');
    expect(body.errors).toEqual([
      { path: 'line 4', message: 'account_external_id: no account has the external id crm-404' },
      {
        path: 'line 5',
        message:
          'currency must be a three-letter code such as USD; seats must be a whole number; start_date must be a date as YYYY-MM-DD; status must be one of active, trialing, past_due, unpaid, canceled, incomplete, incomplete_expired, paused',
      },
      { path: 'line 6', message: 'contract_id c-1 repeats line 2' },
    ]);
    expect(await contractCount()).toBe(0);
  });

  it('tells a Russian reader why each row is refused, in Russian', async () => {
    const csv = [
      good,
      'c-3,crm-404,Pro,100,,USD,,,,active',
      'c-4,crm-1,Pro,abc,,US,x,2026-13-01,,paused-ish',
      'c-1,crm-2,Pro,100,,USD,,,,active',
      ',crm-1,Pro,1.005,,USD,,,31/12/2027,',
    ].join('\n');
    const { status, body } = await upload(csv, '', russianCookie);
    expect(status).toBe(422);
    expect(body.detail).toBe(
      '4 строки заполнены неверно; ничего не импортировано. Исправьте их или импортируйте остальные с skipInvalid=true.',
    );
    expect(body.errors).toEqual([
      {
        path: 'line 4',
        message:
          'строка договора не подходит: account_external_id: нет аккаунта с внешним идентификатором crm-404',
      },
      {
        path: 'line 5',
        message:
          'строка договора не подходит: currency: нужен трёхбуквенный код валюты, например USD; seats: нужно целое число; start_date: нужна дата в виде ГГГГ-ММ-ДД; status: допустимые значения: active, trialing, past_due, unpaid, canceled, incomplete, incomplete_expired, paused',
      },
      {
        path: 'line 6',
        message: 'строка договора не подходит: contract_id c-1 уже есть в строке 2',
      },
      {
        path: 'line 7',
        message:
          'строка договора не подходит: contract_id: обязательное поле; mrr: знаков после точки больше, чем у USD; end_date: нужна дата в виде ГГГГ-ММ-ДД',
      },
    ]);
    expect(await contractCount()).toBe(0);
  });

  it("names each rejected row's reasons in the reader's language on a dry run", async () => {
    const { en, ru } = await dryRunInBothLanguages([
      'c-5,crm-1,Pro,100,1200,USD,,,,active',
      'c-6,,Pro,,,EUR,,2026-2-1,,active',
    ]);
    expect(en).toEqual({
      dryRun: true,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: [
        { line: 4, reason: 'give mrr or arr, not both' },
        {
          line: 5,
          reason:
            'account_external_id is required; mrr or arr is required; start_date must be a date as YYYY-MM-DD',
        },
      ],
    });
    expect(ru).toMatchObject({
      rejected: [
        { line: 4, reason: 'укажите mrr или arr, но не оба' },
        {
          line: 5,
          reason:
            'account_external_id: обязательное поле; нужен mrr или arr; start_date: нужна дата в виде ГГГГ-ММ-ДД',
        },
      ],
    });
    expect(await contractCount()).toBe(0);
  });

  it('refuses a day the calendar does not have, such as 30 February, and takes 29 February of a leap year', async () => {
    const { en, ru } = await dryRunInBothLanguages([
      'c-11,crm-1,Pro,100,,USD,,2027-02-30,2027-04-31,active',
      'c-12,crm-2,Pro,100,,USD,,2027-02-29,2028-02-29,active',
      'c-13,crm-2,Pro,100,,USD,,2028-02-29,2029-02-28,active',
    ]);
    expect(en).toEqual({
      dryRun: true,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: [
        {
          line: 4,
          reason:
            'start_date 2027-02-30 is not a day of the calendar; end_date 2027-04-31 is not a day of the calendar',
        },
        { line: 5, reason: 'start_date 2027-02-29 is not a day of the calendar' },
      ],
    });
    expect(ru).toMatchObject({
      rejected: [
        {
          line: 4,
          reason:
            'start_date: дня 2027-02-30 нет в календаре; end_date: дня 2027-04-31 нет в календаре',
        },
        { line: 5, reason: 'start_date: дня 2027-02-29 нет в календаре' },
      ],
    });
    expect(await contractCount()).toBe(0);
  });

  it('counts what would change on a dry run without writing', async () => {
    const { status, body } = await upload(good, '?dryRun=true');
    expect(status).toBe(200);
    expect(body).toEqual({ dryRun: true, created: 2, updated: 0, unchanged: 0, rejected: [] });
    expect(await contractCount()).toBe(0);
  });

  it('imports contracts, sets ARR and renewal, and changes nothing when run again', async () => {
    expect((await upload(good)).body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const account = await deps.db
      .selectFrom('accounts')
      .select(['arr_amount', 'renewal_date'])
      .where('external_id', '=', 'crm-2')
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ arr_amount: 2400000, renewal_date: '2027-03-01' });
    const movement = await deps.db
      .selectFrom('mrr_movements')
      .select(['kind', 'amount', 'occurred_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('amount')
      .execute();
    expect(movement).toEqual([
      { kind: 'new', amount: 100000, occurred_at: new Date('2026-01-01T00:00:00Z') },
      { kind: 'new', amount: 200000, occurred_at: new Date('2026-03-01T00:00:00Z') },
    ]);
    expect((await upload(good)).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await contractCount()).toBe(2);
  });

  it('imports the valid rows when asked to skip the invalid ones', async () => {
    const csv = [good, 'c-9,crm-1,Pro,,,USD,,,,active'].join('\n');
    const { body } = await upload(csv, '?skipInvalid=true');
    expect(body).toMatchObject({
      unchanged: 2,
      rejected: [{ line: 4, reason: 'mrr or arr is required' }],
    });
  });

  it('says in our words, with its line, where a file stops being CSV', async () => {
    const cases = [
      {
        // A quote that closes a cell, with more of the cell after it.
        csv: `${good}\nc-7,crm-1,"Pro"plus,100,,USD,,,,active`,
        en: 'The file is not valid CSV at line 4: a quote closes a cell, but more follows it before the comma. Quote the whole cell, and double a quote inside it ("").',
        ru: 'Файл — не корректный CSV в строке 4: кавычка закрывает ячейку, но до запятой за ней идёт что-то ещё. Возьмите в кавычки всю ячейку, а кавычку внутри неё удвойте ("").',
      },
      {
        // A quote opened and never closed: the reader stops at the file's last line.
        csv: `${good}\nc-8,crm-1,"Pro,100,,USD,,,,active\nc-9,crm-2`,
        en: 'The file is not valid CSV: a quoted cell is still open where the file ends (line 5). Close the quote, or double a quote inside a cell ("").',
        ru: 'Файл — не корректный CSV: ячейка в кавычках не закрыта до конца файла (строка 5). Закройте кавычку или удвойте кавычку внутри ячейки ("").',
      },
      {
        // A quote inside a cell that does not start with one.
        csv: `${good}\nc-10,crm-1,Pro "X",100,,USD,,,,active`,
        en: 'The file is not valid CSV at line 4: a quote is inside a cell that does not start with one. Quote the whole cell, and double the quote inside it ("").',
        ru: 'Файл — не корректный CSV в строке 4: кавычка стоит внутри ячейки, которая не начинается с кавычки. Возьмите в кавычки всю ячейку, а кавычку внутри неё удвойте ("").',
      },
    ];
    const before = await contractCount();
    for (const { csv, en, ru } of cases) {
      const [inEnglish, inRussian] = await Promise.all([
        upload(csv),
        upload(csv, '', russianCookie),
      ]);
      expect([inEnglish.status, inEnglish.body.code]).toEqual([400, 'import.invalid_file']);
      expect({ en: inEnglish.body.detail, ru: inRussian.body.detail }).toEqual({ en, ru });
    }
    expect(await contractCount()).toBe(before);
  });

  it('refuses a file without the columns it needs', async () => {
    const { status, body } = await upload('name,plan\nAcme,Pro');
    expect(status).toBe(400);
    expect(body.detail).toMatch(/contract_id, account_external_id, currency, mrr or arr/);
  });

  it('names the columns a file lacks in the reader’s words', async () => {
    const answers = await Promise.all(
      [
        'name,plan\nAcme,Pro',
        'contract_id,account,currency\nc-1,crm-1,USD',
        'contract_id,account,mrr\nc-1,crm-1,100',
        'contract_id,mrr\nc-1,100',
      ].flatMap((csv) =>
        [cookie, russianCookie].map(async (as) => (await upload(csv, '', as)).body.detail),
      ),
    );
    expect(answers).toEqual([
      'The header has no contract_id, account_external_id, currency, mrr or arr column: the first line must name the columns.',
      'В заголовке нет столбцов contract_id, account_external_id, currency, а также mrr или arr: первая строка должна называть столбцы.',
      'The header has no mrr or arr column: the first line must name the columns.',
      'В заголовке нет столбца mrr или arr: первая строка должна называть столбцы.',
      'The header has no currency column: the first line must name the columns.',
      'В заголовке нет столбца currency: первая строка должна называть столбцы.',
      'The header has no account_external_id, currency columns: the first line must name the columns.',
      'В заголовке нет столбцов account_external_id, currency: первая строка должна называть столбцы.',
    ]);
  });
});
