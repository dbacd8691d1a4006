// A CSV import's rejected rows keep why as data — each problem's field, message key and
// parameters — rendered in the reader's language when the report is read (intake/import/
// problems.ts), where each row stored one English sentence.
//
// Rows stored before are converted: each "field: why" part of an old reason is read back into
// its key and parameters by the English sentences the importer wrote until now (frozen below,
// so this migration means the same whatever later catalogs say). A part no pattern knows (a
// sentence older still) becomes "rejected before this report could be shown in your language:
// check the file again for the reason" under its field: the file is kept with its import, and a
// dry run of it reports every row anew.
//
// Why a whole import failed (`failure`) is kept the same way: its detail and each field's problem
// as messages. An old failure was one English sentence assembled from several; "the import
// stopped unexpectedly" is converted, any other (a file or mapping that did not fit, read by
// whoever uploaded it then) becomes "this import failed before its reason could be shown in your
// language: upload the file again to see why" — uploading it answers at once.
import { sql, type Kysely } from 'kysely';

type Params = Record<string, string | number>;
type Problem = { field?: string; key: string; params?: Params };
type Pattern = [RegExp, string, (groups: string[]) => Params | undefined];

const none = () => undefined;
const exactly = (text: string, name: string): Pattern => [
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  name,
  none,
];

// The sentences after "field: ", as the importer wrote them before 0024.
const patterns: Pattern[] = [
  exactly('is required', 'required'),
  exactly('is required: rows are matched to what exists by external id', 'externalIdRequired'),
  exactly('is required: it names the account the contact belongs to', 'accountRequired'),
  exactly('is required for a new account', 'requiredForNew'),
  [/^must be at most (\d+) characters$/, 'tooLong', ([max]) => ({ count: Number(max) })],
  exactly('is too large', 'tooLarge'),
  [
    /^must be one of: (.*)$/,
    'accounts.field.value.select',
    ([options]) => ({ options: options ?? '' }),
  ],
  [/^must be one of (.*)$/, 'oneOf', ([options]) => ({ options: options ?? '' })],
  exactly('must be a domain such as example.com', 'domain'),
  exactly('must be a whole number of seats', 'seats'),
  exactly('must be a date as YYYY-MM-DD', 'date'),
  exactly('must be an e-mail address', 'email'),
  exactly('must be a three-letter ISO 4217 code such as USD', 'currency'),
  exactly('must be an amount in major units such as 120000 or 120000.50', 'amount'),
  [
    /^([A-Z]{3}) has (\d+) decimal places at most$/,
    'decimals',
    ([currency, digits]) => ({ currency: currency ?? '', count: Number(digits) }),
  ],
  [
    /^no one with the e-mail (.*) in this workspace$/,
    'noOwner',
    ([email]) => ({ email: email ?? '' }),
  ],
  [
    /^(.*) of (.*) on (\d{4}-\d{2}-\d{2}) is on line (\d+) already$/,
    'repeatedDay',
    ([feature, account, day, line]) => ({
      feature: feature ?? '',
      account: account ?? '',
      day: day ?? '',
      line: line ?? '',
    }),
  ],
  [
    /^(.*) is on line (\d+) already$/,
    'repeated',
    ([externalId, line]) => ({ externalId: externalId ?? '', line: line ?? '' }),
  ],
  [
    /^no account has the external id (.*)$/,
    'noAccount',
    ([externalId]) => ({ externalId: externalId ?? '' }),
  ],
  exactly('must be a whole number, 0 or more', 'count'),
  exactly('a user id is over 200 characters', 'userIdTooLong'),
  [/^at most (\d+) users a row$/, 'tooManyUsers', ([max]) => ({ max: max ?? '' })],
  exactly('cannot be more than the events', 'loginsOverEvents'),
  exactly('must be text (at most 2000 characters)', 'accounts.field.value.text'),
  exactly('must be a number', 'accounts.field.value.number'),
  exactly(
    'must be money: { "amount": whole minor units, "currency": "USD" }',
    'accounts.field.value.currency',
  ),
  exactly('must be true or false', 'accounts.field.value.boolean'),
  [
    /^must be a list of distinct values from: (.*)$/,
    'accounts.field.value.multiSelect',
    ([options]) => ({ options: options ?? '' }),
  ],
];

function problemOf(text: string, field?: string): Problem | undefined {
  for (const [pattern, name, params] of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    // Only usage rows named a feature's day twice; an external id is on its line otherwise.
    if (name === 'repeatedDay' && field !== 'feature') continue;
    const values = params(match.slice(1));
    return {
      ...(field === undefined ? {} : { field }),
      // A custom field's value is worded by accounts' catalog; the rest by the import's own.
      key: name.startsWith('accounts.') ? name : `imports.row.${name}`,
      ...(values ? { params: values } : {}),
    };
  }
  return undefined;
}

/** One old English reason → its problems, in order. */
export function problemsOf(reason: string): Problem[] {
  return reason
    .split('; ')
    .filter((part) => part !== '')
    .map((part) => {
      const columns = /^the row has (\d+) columns, the header has (\d+)$/.exec(part);
      if (columns) {
        return {
          key: 'imports.row.columns',
          params: { count: Number(columns[1]), header: Number(columns[2]) },
        };
      }
      const fielded = /^([A-Za-z][\w.]*): (.*)$/s.exec(part);
      const field = fielded?.[1];
      const known = fielded ? problemOf(fielded[2] ?? '', field) : undefined;
      return known ?? { ...(field === undefined ? {} : { field }), key: 'imports.row.checkAgain' };
    });
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table imports alter column failure type jsonb using case
      when failure is null then null
      when failure = 'The import stopped unexpectedly; it will be retried.'
        then '{"detail": {"key": "imports.failure.stopped"}}'::jsonb
      else '{"detail": {"key": "imports.failure.before"}}'::jsonb
    end
  `.execute(db);
  const { rows } = await sql<{ id: string; rejections: { line: number; reason?: string }[] }>`
    select id, rejections from imports where rejections <> '[]'::jsonb
  `.execute(db);
  for (const row of rows) {
    const rejections = row.rejections.map(({ line, reason }) => {
      const problems = problemsOf(reason ?? '');
      return {
        line,
        problems: problems.length > 0 ? problems : [{ key: 'imports.row.checkAgain' }],
      };
    });
    await sql`
      update imports set rejections = ${JSON.stringify(rejections)}::jsonb where id = ${row.id}
    `.execute(db);
  }
}
