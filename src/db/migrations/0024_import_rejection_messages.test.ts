// Migration 0024 on an import report the English-writing importer left: each stored reason reads
// back word for word in English from its keys, and in Russian for a Russian reader; a sentence
// no pattern knows asks the reader to check the file again, under its field.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  failureText,
  rejectionReason,
  storedProblem,
} from '../../modules/intake/import/problems.ts';
import { useMigratingDatabase } from '../../../test/support/db.ts';

const database = await useMigratingDatabase();
let importId: string;

const oldReasons = [
  'tier: must be one of enterprise, mid_market, smb; renewalDate: must be a date as YYYY-MM-DD',
  'the row has 3 columns, the header has 2',
  'externalId: is required: rows are matched to what exists by external id; name: is required',
  'arr: JPY has 0 decimal places at most; owner: no one with the e-mail kim@example.test in this workspace',
  'cf.region: must be one of: NA, EMEA; cf.seats_sold: must be a number; cf.go_live: is required for a new account',
  'externalId: dup-1 is on line 1204 already',
  'feature: Dashboard Viewed of crm-1 on 2026-04-01 is on line 2 already',
  'accountExternalId: no account has the external id nobody-here',
  'name: must be at most 300 characters',
  'logins: cannot be more than the events; activeUsers: at most 10000 users a row',
];

beforeAll(async () => {
  await database.migrateTo('0023_usage_rollup_account_keys');
  const rejections = [
    ...oldReasons.map((reason, i) => ({ line: i + 2, reason })),
    { line: 40, reason: 'accountExternalId: Too big: expected string to have <=200 characters' },
  ];
  const { rows } = await sql<{ id: string }>`
    with w as (insert into workspaces (name, slug) values ('Old', 'old') returning id)
    insert into imports (workspace_id, entity, file_name, file, mapping, dry_run, status,
      total_bytes, rejected_rows, rejections)
    select id, 'accounts', 'old.csv', '\\x'::bytea, '{}', true, 'done', 0, 11,
      ${JSON.stringify(rejections)}::jsonb from w
    returning id`.execute(database.db);
  importId = rows[0]?.id ?? '';
  await sql`
    insert into imports (workspace_id, entity, file_name, file, mapping, dry_run, status,
      total_bytes, failure)
    select workspace_id, 'contacts', old.name, '\\x'::bytea, '{}', false, 'failed', 0, old.failure
    from imports, (values
      ('stopped.csv', 'The import stopped unexpectedly; it will be retried.'),
      ('mapping.csv', 'The column mapping does not fit this import. mapping.Company: unknown field "title"')
    ) as old(name, failure)`.execute(database.db);
  await database.migrateTo('0024_import_rejection_messages');
});

async function report(locale: 'en' | 'ru') {
  const row = await database.db
    .selectFrom('imports')
    .select('rejections')
    .where('id', '=', importId)
    .executeTakeFirstOrThrow();
  return row.rejections.map(({ line, problems }) => ({
    line,
    reason: rejectionReason(problems.map(storedProblem), locale),
  }));
}

describe('migration 0024: import reports stored in English', () => {
  it('keeps why an import failed as a message: stopped, or failed before', async () => {
    const failed = await database.db
      .selectFrom('imports')
      .select(['file_name', 'failure'])
      .where('status', '=', 'failed')
      .orderBy('file_name')
      .execute();
    const read = (locale: 'en' | 'ru') =>
      failed.map((row) => [row.file_name, row.failure && failureText(row.failure, locale)]);
    expect(read('en')).toEqual([
      [
        'mapping.csv',
        'This import failed before its reason could be shown in your language: upload the file again to see why.',
      ],
      ['stopped.csv', 'The import stopped unexpectedly; it will be retried.'],
    ]);
    expect(read('ru')[1]).toEqual([
      'stopped.csv',
      'Импорт неожиданно остановился; он будет запущен снова.',
    ]);
  });

  it('reads every reason the importer wrote back word for word in English', async () => {
    const english = await report('en');
    expect(english.slice(0, oldReasons.length)).toEqual(
      oldReasons.map((reason, i) => ({ line: i + 2, reason })),
    );
  });

  it('shows the same report to a Russian reader in Russian', async () => {
    const russian = await report('ru');
    expect(russian[0]).toEqual({
      line: 2,
      reason:
        'tier: допустимые значения: enterprise, mid_market, smb; renewalDate: нужна дата в виде ГГГГ-ММ-ДД',
    });
    expect(russian[1]).toEqual({ line: 3, reason: 'в строке 3 колонки, а в заголовке 2' });
    expect(russian[5]).toEqual({ line: 7, reason: 'externalId: dup-1 уже есть в строке 1204' });
    // No English sentence is left: only field names and the file's own values.
    for (const { reason } of russian) {
      expect(reason).not.toMatch(/\b(must|is required|no one|already|columns)\b/);
    }
  });

  it('asks to check the file again where a sentence is not one it knows, keeping its field', async () => {
    const [en] = (await report('en')).slice(-1);
    expect(en).toEqual({
      line: 40,
      reason:
        'accountExternalId: rejected before this report could be shown in your language: check the file again for the reason',
    });
  });
});
