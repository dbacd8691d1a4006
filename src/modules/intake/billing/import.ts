// Backfilling contracts from a CSV file: one row per contract, upserted by its external id,
// so running the same file again changes nothing. Every bad row is reported with its line
// and reasons (message keys, `intake.contractRow.*`, rendered for whoever reads the answer);
// the valid rows are imported only when asked to (skipInvalid).
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { z } from 'zod';
import type { Db } from '../../../db/connect.ts';
import {
  message,
  renderMessage,
  type ListedMessage,
  type Locale,
  type MessageKey,
} from '../../../i18n/index.ts';
import { startOfDay } from '../../../lib/calendar.ts';
import type { Clock } from '../../../lib/clock.ts';
import { unguardFormula } from '../../../lib/csvFormula.ts';
import { notCsv } from '../../../lib/csvProblem.ts';
import { AppError, fieldProblem } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { applyContractState } from './contracts.ts';
import { minorUnitsPer } from './money.ts';
import { liveAccountsByExternalIds } from './store.ts';

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

function problem(
  column: Column | undefined,
  sentence: ContractSentence,
  params?: Record<string, string | number>,
): ContractProblem {
  const said = message(`intake.contractRow.${sentence}`, params) as ListedMessage;
  return column ? { ...said, column } : said;
}

/** A row's reasons as `locale`'s reader reads them: "why; why". */
export function contractReason(problems: readonly ContractProblem[], locale: Locale): string {
  return problems.map((p) => renderMessage(p, locale)).join('; ');
}

/** The backfill's answer as `locale`'s reader reads it: each rejected row's reasons rendered. */
export function importAnswer<T extends { rejected: Rejection[] }>(result: T, locale: Locale) {
  return {
    ...result,
    rejected: result.rejected.map(({ line, problems }) => ({
      line,
      reason: contractReason(problems, locale),
    })),
  };
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
  const plain = text.trim().replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(plain);
  if (!match) return problem(column, 'amount', { column });
  const per = minorUnitsPer(currency);
  if ((match[2]?.length ?? 0) > Math.log10(per)) {
    return problem(column, 'decimals', { column, currency });
  }
  const amount = Math.round(Number(plain) * per);
  return Number.isSafeInteger(amount) ? amount : problem(column, 'tooLarge', { column });
}

// A day as the CSV import reads one (import/rows.ts): zod's ISO date, which knows each month's
// length and leap years, where `Date.parse` rolls 2027-02-30 over to March.
const calendarDay = z.iso.date();

const readDate = (
  text: string,
  column: 'start_date' | 'end_date',
): Date | null | ContractProblem => {
  const t = text.trim();
  if (!t) return null;
  // Month 13 or day 32 is no date at all; 30 February is one, of a day the calendar lacks.
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(t)) {
    return problem(column, 'date', { column });
  }
  if (!calendarDay.safeParse(t).success) return problem(column, 'noSuchDay', { column, day: t });
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
  if (!externalId) problems.push(problem('contract_id', 'contractIdRequired'));
  if (externalId.length > maxExternalId) {
    problems.push(problem('contract_id', 'contractIdTooLong', { count: maxExternalId }));
  }
  const accountExternalId = cell('account_external_id');
  if (!accountExternalId) problems.push(problem('account_external_id', 'accountRequired'));
  const currency = cell('currency').toUpperCase();
  const currencyOk = /^[A-Z]{3}$/.test(currency);
  if (!currencyOk) problems.push(problem('currency', 'currency'));

  let mrrAmount = 0;
  const mrr = cell('mrr');
  const arr = cell('arr');
  if (mrr && arr) problems.push(problem('mrr', 'mrrAndArr'));
  else if (!mrr && !arr) problems.push(problem('mrr', 'mrrOrArr'));
  else if (currencyOk) {
    const amount = readAmount(mrr || arr, currency, mrr ? 'mrr' : 'arr');
    if (typeof amount !== 'number') problems.push(amount);
    else mrrAmount = mrr ? amount : Math.round(amount / 12);
  }

  let seats: number | null = null;
  const seatsText = cell('seats');
  if (seatsText) {
    if (/^\d{1,9}$/.test(seatsText)) seats = Number(seatsText);
    else problems.push(problem('seats', 'seats'));
  }
  const startedAt = readDate(cell('start_date'), 'start_date');
  if (isProblem(startedAt)) problems.push(startedAt);
  const endsAt = readDate(cell('end_date'), 'end_date');
  if (isProblem(endsAt)) problems.push(endsAt);

  const statusText = normalizeHeader(cell('status') || 'active');
  const status = statusAliases[statusText] ?? statusText;
  if (!statuses.includes(status)) {
    problems.push(problem('status', 'status', { statuses: statuses.join(', ') }));
  }

  const plan = cell('plan') || null;
  if (plan && plan.length > maxPlan)
    problems.push(problem('plan', 'planTooLong', { count: maxPlan }));

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

type ParsedRow = { record: string[]; info: { lines: number } };

export function readContractsCsv(text: string): {
  records: ContractRecord[];
  rejected: Rejection[];
} {
  let rows: ParsedRow[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as ParsedRow[];
  } catch (error) {
    if (error instanceof CsvError) throw notCsv(error);
    throw error;
  }
  const [header, ...body] = rows;
  if (!header) throw new AppError('import.invalid_file', { key: 'intake.problem.emptyFile' });
  const columns = readHeader(header.record);
  const records: ContractRecord[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    // csv-parse reports the line a record ends on; a contract row is one line.
    const line = row.info.lines;
    // A cell Steward's export guarded against spreadsheet formulas ("'=x") is its text again.
    const result = readContractRow(row.record.map(unguardFormula), columns, line);
    if ('problems' in result) {
      rejected.push({ line, problems: result.problems });
      continue;
    }
    const first = seen.get(result.record.externalId);
    if (first !== undefined) {
      rejected.push({
        line,
        problems: [
          problem('contract_id', 'repeated', {
            externalId: result.record.externalId,
            line: String(first),
          }),
        ],
      });
      continue;
    }
    seen.set(result.record.externalId, line);
    records.push(result.record);
  }
  return { records, rejected };
}

/**
 * Writes checked contracts (the CSV backfill's and the bulk upsert's) in the caller's
 * transaction. Row by row: a backfill is rare and small next to live billing, and each
 * contract moves its account's MRR, which must be read before and after.
 */
export async function upsertContractRecords(
  db: Db,
  workspaceId: WorkspaceId,
  records: readonly (ContractRecord & { accountId: string })[],
  now: Date,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const record of records) {
    const outcome = await applyContractState(db, {
      workspaceId,
      accountId: record.accountId,
      source: 'csv',
      externalId: record.externalId,
      plan: record.plan,
      seats: record.seats,
      mrrAmount: record.mrrAmount,
      currency: record.currency,
      status: record.status,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      currentPeriodEnd: record.currentPeriodEnd,
      stateAt: now,
      sourceEventId: `csv:${now.toISOString()}`,
      occurredAt: now,
      datedFromStart: true,
    });
    counts[outcome.result === 'stale' ? 'unchanged' : outcome.result] += 1;
  }
  return counts;
}

class DryRun extends Error {}

export type ImportOptions = { dryRun: boolean; skipInvalid: boolean };

export async function importContracts(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  csv: string,
  options: ImportOptions,
) {
  const { records, rejected } = readContractsCsv(csv);
  const externalIds = [...new Set(records.map((r) => r.accountExternalId))];
  const accounts = externalIds.length
    ? await liveAccountsByExternalIds(db, by.workspaceId, externalIds)
    : [];
  const accountOf = new Map(accounts.map((a) => [a.external_id, a.id]));
  const valid: (ContractRecord & { accountId: string })[] = [];
  for (const record of records) {
    const accountId = accountOf.get(record.accountExternalId);
    if (accountId) valid.push({ ...record, accountId });
    else {
      rejected.push({
        line: record.line,
        problems: [
          problem('account_external_id', 'noAccount', { externalId: record.accountExternalId }),
        ],
      });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  if (rejected.length > 0 && !options.skipInvalid && !options.dryRun) {
    throw new AppError(
      'contract_import.invalid_rows',
      { key: 'intake.problem.contractRows', params: { count: rejected.length } },
      {
        errors: rejected.map((r) =>
          fieldProblem(`line ${r.line}`, 'intake.field.contractRow', {
            reason: {
              list: r.problems.map(({ key, params }) => (params ? { key, params } : { key })),
            },
          }),
        ),
      },
    );
  }

  const now = clock.now();
  let counts = { created: 0, updated: 0, unchanged: 0 };
  try {
    await db.transaction().execute(async (trx) => {
      counts = await upsertContractRecords(trx, by.workspaceId, valid, now);
      if (options.dryRun) throw new DryRun();
      if (counts.created + counts.updated > 0) {
        await recordAudit(trx, by, {
          action: 'contracts.imported',
          entityType: 'contract_import',
          entityId: now.toISOString(),
          changes: { ...counts, rejected: rejected.length },
        });
      }
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { dryRun: options.dryRun, ...counts, rejected };
}
