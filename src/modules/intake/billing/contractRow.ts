// One row of a contracts spreadsheet (the CSV backfill's, and the bulk upsert's contract
// fields): which column is which, and what a row says — a contract, or every reason it is
// refused, as message keys (`intake.contractRow.*`) naming the column they are about.
import { message, type ListedMessage, type MessageKey } from '../../../i18n/index.ts';
import { startOfDay } from '../../../lib/calendar.ts';
import { calendarDay } from '../../../lib/days.ts';
import { AppError } from '../../../lib/errors.ts';
import { minorUnitsFromText } from '../../../lib/moneyText.ts';

const columnNames = {
  contract_id: ['contract_id', 'external_id', 'subscription_id', 'id'],
  account_external_id: ['account_external_id', 'account', 'account_id'],
  plan: ['plan'],
  mrr: ['mrr'],
  arr: ['arr'],
  currency: ['currency'],
  seats: ['seats', 'quantity'],
  start_date: ['start_date', 'start', 'started_at'],
  end_date: ['end_date', 'renewal_date', 'end', 'renewal'],
  status: ['status'],
} as const;

type Column = keyof typeof columnNames;
type Columns = Partial<Record<Column, number>>;

export type ContractRecord = {
  line: number;
  externalId: string;
  accountExternalId: string;
  plan: string | null;
  seats: number | null;
  mrrAmount: number;
  currency: string;
  status: string;
  startedAt: Date | null;
  endedAt: Date | null;
  currentPeriodEnd: Date | null;
};

/**
 * One reason a contract row is rejected, and the column it is about (a bulk upsert names the
 * field it came from by it). Its sentence names the column itself: "seats must be …".
 */
export type ContractProblem = ListedMessage & { column?: Column };

/** A rejected row: its line and every reason, in the order of the columns. */
export type Rejection = { line: number; problems: ContractProblem[] };

type ContractSentence = After<MessageKey, 'intake.contractRow.'>;
type After<Key, Prefix extends string> = Key extends `${Prefix}${infer Rest}` ? Rest : never;

export function contractProblem(
  column: Column | undefined,
  sentence: ContractSentence,
  params?: Record<string, string | number>,
): ContractProblem {
  const said = message(`intake.contractRow.${sentence}`, params) as ListedMessage;
  return column ? { ...said, column } : said;
}

const statuses = [
  'active',
  'trialing',
  'past_due',
  'unpaid',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'paused',
];
// Spreadsheet words for a contract that ended.
const statusAliases: Record<string, string> = {
  cancelled: 'canceled',
  ended: 'canceled',
  churned: 'canceled',
  trial: 'trialing',
};

const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readHeader(header: string[]): Columns {
  const names = header.map(normalizeHeader);
  const columns: Columns = {};
  for (const [column, aliases] of Object.entries(columnNames) as [Column, readonly string[]][]) {
    const at = names.findIndex((n) => aliases.includes(n));
    if (at >= 0) columns[column] = at;
  }
  const missing = (['contract_id', 'account_external_id', 'currency'] as const).filter(
    (c) => columns[c] === undefined,
  );
  const noAmount = columns.mrr === undefined && columns.arr === undefined;
  if (missing.length > 0 || noAmount) {
    // "mrr or arr" is said in the reader's words, the columns' names as the file writes them.
    // `count` picks the Russian form: "нет столбца currency", "нет столбцов currency, seats".
    const names = { columns: missing.join(', '), count: missing.length };
    throw new AppError(
      'import.invalid_file',
      !noAmount
        ? message('intake.problem.missingColumns', names)
        : missing.length > 0
          ? message('intake.problem.missingColumnsAndAmount', names)
          : message('intake.problem.missingAmountColumn'),
    );
  }
  return columns;
}

/** `1,200.50` in major units → minor units, refusing more decimals than the currency has. */
function readAmount(
  text: string,
  currency: string,
  column: 'mrr' | 'arr',
): number | ContractProblem {
  const read = minorUnitsFromText(text, currency);
  if ('amount' in read) return read.amount;
  return read.problem === 'decimals'
    ? contractProblem(column, 'decimals', { column, currency })
    : contractProblem(column, read.problem, { column });
}

// A day as the CSV import reads one (import/rows.ts): zod's ISO date, which knows each month's
// length and leap years, where `Date.parse` rolls 2027-02-30 over to March.
const calendarDayText = calendarDay();

const readDate = (
  text: string,
  column: 'start_date' | 'end_date',
): Date | null | ContractProblem => {
  const t = text.trim();
  if (!t) return null;
  // Month 13 or day 32 is no date at all; 30 February is one, of a day the calendar lacks.
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(t)) {
    return contractProblem(column, 'date', { column });
  }
  if (!calendarDayText.safeParse(t).success)
    return contractProblem(column, 'noSuchDay', { column, day: t });
  return startOfDay(t);
};

const maxExternalId = 200;
const maxPlan = 100;

/** One row → a contract, or every problem with it named by column. */
export function readContractRow(
  cells: string[],
  columns: Columns,
  line: number,
): { record: ContractRecord } | { problems: ContractProblem[] } {
  const cell = (c: Column) => (columns[c] === undefined ? '' : (cells[columns[c]] ?? '').trim());
  const problems: ContractProblem[] = [];
  const externalId = cell('contract_id');
  if (!externalId) problems.push(contractProblem('contract_id', 'contractIdRequired'));
  if (externalId.length > maxExternalId) {
    problems.push(contractProblem('contract_id', 'contractIdTooLong', { count: maxExternalId }));
  }
  const accountExternalId = cell('account_external_id');
  if (!accountExternalId) problems.push(contractProblem('account_external_id', 'accountRequired'));
  const currency = cell('currency').toUpperCase();
  const currencyOk = /^[A-Z]{3}$/.test(currency);
  if (!currencyOk) problems.push(contractProblem('currency', 'currency'));

  let mrrAmount = 0;
  const mrr = cell('mrr');
  const arr = cell('arr');
  if (mrr && arr) problems.push(contractProblem('mrr', 'mrrAndArr'));
  else if (!mrr && !arr) problems.push(contractProblem('mrr', 'mrrOrArr'));
  else if (currencyOk) {
    const amount = readAmount(mrr || arr, currency, mrr ? 'mrr' : 'arr');
    if (typeof amount !== 'number') problems.push(amount);
    else mrrAmount = mrr ? amount : Math.round(amount / 12);
  }

  let seats: number | null = null;
  const seatsText = cell('seats');
  if (seatsText) {
    if (/^\d{1,9}$/.test(seatsText)) seats = Number(seatsText);
    else problems.push(contractProblem('seats', 'seats'));
  }
  const startedAt = readDate(cell('start_date'), 'start_date');
  if (isProblem(startedAt)) problems.push(startedAt);
  const endsAt = readDate(cell('end_date'), 'end_date');
  if (isProblem(endsAt)) problems.push(endsAt);

  const statusText = normalizeHeader(cell('status') || 'active');
  const status = statusAliases[statusText] ?? statusText;
  if (!statuses.includes(status)) {
    problems.push(contractProblem('status', 'status', { statuses: statuses.join(', ') }));
  }

  const plan = cell('plan') || null;
  if (plan && plan.length > maxPlan)
    problems.push(contractProblem('plan', 'planTooLong', { count: maxPlan }));

  if (problems.length) return { problems };
  const start = isProblem(startedAt) ? null : startedAt;
  const end = isProblem(endsAt) ? null : endsAt;
  return {
    record: {
      line,
      externalId,
      accountExternalId,
      plan,
      seats,
      mrrAmount,
      currency,
      status,
      startedAt: start,
      endedAt: status === 'canceled' ? end : null,
      currentPeriodEnd: end,
    },
  };
}

function isProblem(value: Date | null | ContractProblem): value is ContractProblem {
  return value !== null && !(value instanceof Date);
}
