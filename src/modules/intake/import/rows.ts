// One CSV row → a checked record ready to upsert, or why it is rejected (each field's problem as
// a message, problems.ts). Pure: owners and custom field definitions are looked up once, before
// the rows.
import { z } from 'zod';
import type { Message } from '../../../i18n/index.ts';
import { calendarDay } from '../../../lib/days.ts';
import { minorDigitsOf } from '../../../lib/money.ts';
import { minorUnitsFromText } from '../../../lib/moneyText.ts';
import { prioritySchema, stageSchema, tierSchema } from '../../../lib/vocabulary.ts';
import {
  accountFields,
  contactRoleSchema,
  customFieldProblem,
  parseCustomFieldText,
  type AccountColumns,
  type ContactColumns,
  type CustomFieldDefinition,
} from '../../accounts/index.ts';
import { customFieldPrefix, type ImportPlan } from './fields.ts';
import { about, rowMessage, type RowProblem } from './problems.ts';

/** What the rows are checked against: read once per import. */
export type RowContext = {
  customFields: ReadonlyMap<string, CustomFieldDefinition>;
  /** Lower-cased e-mail → user id, people of this workspace. */
  owners: ReadonlyMap<string, string>;
};

export type AccountRecord = {
  line: number;
  externalId: string;
  columns: AccountColumns & { name: string };
  /** Values of the mapped custom fields that are given (an empty cell clears the value). */
  customFields: Record<string, unknown>;
};

export type ContactRecord = {
  line: number;
  externalId: string;
  accountExternalId: string;
  columns: ContactColumns & { name: string };
};

export type RowResult<T> = { record: T } | { problems: RowProblem[] };

export type Cell<T> = { value: T } | { problem: Message };

/** The cell read by `schema`, or `problem` when it does not fit. */
export function checked<T>(schema: z.ZodType<T>, text: string, problem: Message): Cell<T> {
  const result = schema.safeParse(text);
  return result.success ? { value: result.data } : { problem };
}

/** An empty cell of an optional field clears it. */
function optional<T>(read: (text: string) => Cell<T>) {
  return (text: string): Cell<T | null> => (text.trim() === '' ? { value: null } : read(text));
}

/** Spreadsheets write "Mid Market", "mid-market" or "MID_MARKET": all are `mid_market`. */
function oneOf<T extends string>(options: readonly T[]) {
  return (text: string): Cell<T> => {
    const wanted = text
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const option = options.find((o) => o.toLowerCase() === wanted);
    return option
      ? { value: option }
      : { problem: rowMessage('oneOf', { options: options.join(', ') }) };
  };
}

/** Text of at most `max` characters, trimmed; an empty cell is missing. */
export function readText(max: number) {
  return (cell: string): Cell<string> => {
    const text = cell.trim();
    if (text === '') return { problem: rowMessage('required') };
    return text.length <= max
      ? { value: text }
      : { problem: rowMessage('tooLong', { count: max }) };
  };
}

const readName = readText(300);
const readExternalIdText = readText(200);
const readExternalId = (cell: string): Cell<string> =>
  cell.trim() === '' ? { problem: rowMessage('externalIdRequired') } : readExternalIdText(cell);
// Schemas are built once: making a zod schema costs more than using it.
// CRMs export a website ("https://www.acme.com/en/"): its host is the domain.
const domainText = z
  .string()
  .transform((d) =>
    d
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/[/?#].*$/, ''),
  )
  .pipe(accountFields.shape.domain.unwrap());
const readDomain = optional((cell) => checked(domainText, cell, rowMessage('domain')));
const readPlan = optional(readText(100));
const maxSeats = 2_147_483_647;
const readSeats = optional((cell): Cell<number> => {
  const text = cell.trim();
  if (!/^\d+$/.test(text)) return { problem: rowMessage('seats') };
  const seats = Number(text);
  return seats <= maxSeats ? { value: seats } : { problem: rowMessage('tooLarge') };
});
const dayText = z.string().trim().pipe(calendarDay());
const readRenewalDate = optional((cell) => checked(dayText, cell, rowMessage('date')));
const emailText = z.string().trim().toLowerCase().pipe(z.email());
const readEmail = optional((cell) => checked(emailText, cell, rowMessage('email')));
const readTitle = optional(readText(200));
const readPhone = optional(readText(50));

const currencies = new Set(Intl.supportedValuesOf('currency'));

function readCurrency(cell: string): Cell<string> {
  const code = cell.trim().toUpperCase();
  if (code === '') return { value: 'USD' };
  return currencies.has(code) ? { value: code } : { problem: rowMessage('currency') };
}

/** "120000", "120,000.50" in major units → whole minor units, without floating point. */
export function readArr(cell: string, currency: string): Cell<number> {
  const read = minorUnitsFromText(cell, currency);
  if ('amount' in read) return { value: read.amount };
  if (read.problem === 'decimals') {
    return { problem: rowMessage('decimals', { currency, count: minorDigitsOf(currency) }) };
  }
  return { problem: rowMessage(read.problem) };
}

/** Reads the mapped cells of one row, collecting a problem per field that does not fit. */
export function rowReader(cells: string[], plan: ImportPlan) {
  const problems: RowProblem[] = [];
  const cell = (field: string): string | undefined => {
    const index = plan.columnOf.get(field);
    return index === undefined ? undefined : (cells[index] ?? '');
  };
  const take = <T>(field: string, read: (text: string) => Cell<T>): T | undefined => {
    const text = cell(field);
    if (text === undefined) return undefined;
    const result = read(text);
    if ('problem' in result) {
      problems.push(about(field, result.problem));
      return undefined;
    }
    return result.value;
  };
  return { problems, cell, take };
}

export function columnCountProblem(cells: string[], plan: ImportPlan): RowProblem | undefined {
  return cells.length === plan.headerLength
    ? undefined
    : rowMessage('columns', { count: cells.length, header: plan.headerLength });
}

/** Sets only what the file has a column for: what it does not mention stays as it is. */
function defined<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as T;
}

export function readAccountRow(
  cells: string[],
  line: number,
  plan: ImportPlan,
  context: RowContext,
): RowResult<AccountRecord> {
  const countProblem = columnCountProblem(cells, plan);
  if (countProblem) return { problems: [countProblem] };
  const row = rowReader(cells, plan);
  const externalId = row.take('externalId', readExternalId);
  const name = row.take('name', readName);
  const domain = row.take('domain', readDomain);
  const tier = row.take('tier', oneOf(tierSchema.options));
  const planName = row.take('plan', readPlan);
  // ARR is written with its currency; without a currency column it is in US dollars.
  const currency = row.take('currency', readCurrency) ?? 'USD';
  const arr = row.take('arr', (cell) => readArr(cell, currency));
  const seats = row.take('seats', readSeats);
  const stage = row.take('stage', oneOf(stageSchema.options));
  const renewalDate = row.take('renewalDate', readRenewalDate);
  const priority = row.take('priority', oneOf(prioritySchema.options));
  const ownerEmail = row.take('owner', readEmail);
  let ownerId: string | null | undefined = ownerEmail === null ? null : undefined;
  if (ownerEmail) {
    ownerId = context.owners.get(ownerEmail);
    if (!ownerId) row.problems.push(about('owner', rowMessage('noOwner', { email: ownerEmail })));
  }
  const customFields: Record<string, unknown> = {};
  for (const [key, field] of context.customFields) {
    const column = `${customFieldPrefix}${key}`;
    const cell = row.cell(column);
    if (cell === undefined) continue;
    if (cell.trim() === '') {
      if (field.required) row.problems.push(about(column, rowMessage('required')));
      continue;
    }
    const value = parseCustomFieldText(field, cell);
    const problem = customFieldProblem(field, value);
    if (problem) row.problems.push(about(column, problem));
    else customFields[key] = value;
  }
  if (row.problems.length > 0 || externalId === undefined || name === undefined) {
    return { problems: row.problems };
  }
  return {
    record: {
      line,
      externalId,
      columns: defined({
        name,
        domain,
        tier,
        plan: planName,
        arr_amount: arr,
        currency: arr === undefined && !plan.columnOf.has('currency') ? undefined : currency,
        seats,
        stage,
        renewal_date: renewalDate,
        owner_id: ownerId,
        priority,
      }),
      customFields,
    },
  };
}

/** "Ana" and "Lopez" → "Ana Lopez": a contact's name from a CRM's two columns. */
function fullName(
  first: string | undefined,
  last: string | undefined,
  problems: RowProblem[],
): string | undefined {
  const joined = [first, last]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
  const read = readName(joined);
  if ('problem' in read) {
    problems.push(about(last === undefined ? 'firstName' : 'lastName', read.problem));
    return undefined;
  }
  return read.value;
}

export function readContactRow(
  cells: string[],
  line: number,
  plan: ImportPlan,
): RowResult<ContactRecord> {
  const countProblem = columnCountProblem(cells, plan);
  if (countProblem) return { problems: [countProblem] };
  const row = rowReader(cells, plan);
  const externalId = row.take('externalId', readExternalId);
  const accountExternalId = row.take('accountExternalId', (cell) =>
    cell.trim() === '' ? { problem: rowMessage('accountRequired') } : readExternalIdText(cell),
  );
  const name = plan.columnOf.has('name')
    ? row.take('name', readName)
    : fullName(row.cell('firstName'), row.cell('lastName'), row.problems);
  const email = row.take('email', readEmail);
  const title = row.take('title', readTitle);
  const phone = row.take('phone', readPhone);
  const role = row.take('role', oneOf(contactRoleSchema.options));
  if (
    row.problems.length > 0 ||
    externalId === undefined ||
    accountExternalId === undefined ||
    name === undefined
  ) {
    return { problems: row.problems };
  }
  return {
    record: {
      line,
      externalId,
      accountExternalId,
      columns: defined({ name, email, title, phone, role }),
    },
  };
}
