// One CSV row → a checked record ready to upsert, or the reason it is rejected (naming each
// field). Pure: owners and custom field definitions are looked up once, before the rows.
import { z } from 'zod';
import { prioritySchema, stageSchema, tierSchema } from '../../../lib/vocabulary.ts';
import {
  accountFields,
  contactFields,
  contactRoleSchema,
  customFieldProblem,
  parseCustomFieldText,
  type AccountColumns,
  type ContactColumns,
  type CustomFieldDefinition,
} from '../../accounts/index.ts';
import { customFieldPrefix, type ImportPlan } from './fields.ts';

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

export type RowResult<T> = { record: T } | { reason: string };

export type Cell<T> = { value: T } | { problem: string };

const upsertNeedsIt = 'is required: rows are matched to what exists by external id';

export function checked<T>(schema: z.ZodType<T>, text: string): Cell<T> {
  const result = schema.safeParse(text);
  return result.success
    ? { value: result.data }
    : { problem: result.error.issues[0]?.message ?? 'is not valid' };
}

/** An empty cell of an optional field clears it. */
function optional<T>(schema: z.ZodType<T>) {
  return (text: string): Cell<T | null> =>
    text.trim() === '' ? { value: null } : checked(schema, text);
}

/** Spreadsheets write "Mid Market", "mid-market" or "MID_MARKET": all are `mid_market`. */
function oneOf<T extends string>(options: readonly T[]) {
  return (text: string): Cell<T> => {
    const wanted = text
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const option = options.find((o) => o.toLowerCase() === wanted);
    return option ? { value: option } : { problem: `must be one of ${options.join(', ')}` };
  };
}

const text = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

// Schemas are built once: making a zod schema costs more than using it.
const nameText = text(300);
const externalIdText = text(200);
const readName = (cell: string) => checked(nameText, cell);
const readExternalId = (cell: string): Cell<string> =>
  cell.trim() === '' ? { problem: upsertNeedsIt } : checked(externalIdText, cell);
// CRMs export a website ("https://www.acme.com/en/"): its host is the domain.
const readDomain = optional(
  z
    .string()
    .transform((d) =>
      d
        .trim()
        .replace(/^https?:\/\//i, '')
        .replace(/[/?#].*$/, ''),
    )
    .pipe(accountFields.shape.domain.unwrap()),
);
const readPlan = optional(text(100));
const readSeats = optional(
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number of seats')
    .transform(Number)
    .pipe(z.number().int().max(2_147_483_647, 'is too large')),
);
const readRenewalDate = optional(
  z.string().trim().pipe(z.iso.date('must be a date as YYYY-MM-DD')),
);
const readEmail = optional(
  z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')),
);
const readTitle = optional(text(200));
const readPhone = optional(text(50));

const currencies = new Set(Intl.supportedValuesOf('currency'));

function readCurrency(cell: string): Cell<string> {
  const code = cell.trim().toUpperCase();
  if (code === '') return { value: 'USD' };
  return currencies.has(code)
    ? { value: code }
    : { problem: 'must be a three-letter ISO 4217 code such as USD' };
}

/** Minor units per major unit of a currency: 2 for USD, 0 for JPY (ISO 4217). */
function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** "120000", "120,000.50" in major units → whole minor units, without floating point. */
export function readArr(cell: string, currency: string): Cell<number> {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(cell.trim());
  if (!match?.[1])
    return { problem: 'must be an amount in major units such as 120000 or 120000.50' };
  const digits = minorDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return { problem: `${currency} has ${digits} decimal places at most` };
  }
  const amount = Number(match[1].replaceAll(',', '') + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(amount) ? { value: amount } : { problem: 'is too large' };
}

/** Reads the mapped cells of one row, collecting a problem per field that does not fit. */
export function rowReader(cells: string[], plan: ImportPlan) {
  const problems: string[] = [];
  const cell = (field: string): string | undefined => {
    const index = plan.columnOf.get(field);
    return index === undefined ? undefined : (cells[index] ?? '');
  };
  const take = <T>(field: string, read: (text: string) => Cell<T>): T | undefined => {
    const text = cell(field);
    if (text === undefined) return undefined;
    const result = read(text);
    if ('problem' in result) {
      problems.push(`${field}: ${result.problem}`);
      return undefined;
    }
    return result.value;
  };
  return { problems, cell, take };
}

export function columnCountProblem(cells: string[], plan: ImportPlan): string | undefined {
  return cells.length === plan.headerLength
    ? undefined
    : `the row has ${cells.length} columns, the header has ${plan.headerLength}`;
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
  if (countProblem) return { reason: countProblem };
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
    if (!ownerId)
      row.problems.push(`owner: no one with the e-mail ${ownerEmail} in this workspace`);
  }
  const customFields: Record<string, unknown> = {};
  for (const [key, field] of context.customFields) {
    const cell = row.cell(`${customFieldPrefix}${key}`);
    if (cell === undefined) continue;
    if (cell.trim() === '') {
      if (field.required) row.problems.push(`${customFieldPrefix}${key}: is required`);
      continue;
    }
    const value = parseCustomFieldText(field, cell);
    const problem = customFieldProblem(field, value);
    if (problem) row.problems.push(`${customFieldPrefix}${key}: ${problem}`);
    else customFields[key] = value;
  }
  if (row.problems.length > 0 || externalId === undefined || name === undefined) {
    return { reason: row.problems.join('; ') };
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
  problems: string[],
): string | undefined {
  const joined = [first, last]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
  const read = readName(joined);
  if ('problem' in read) {
    problems.push(`${last === undefined ? 'firstName' : 'lastName'}: ${read.problem}`);
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
  if (countProblem) return { reason: countProblem };
  const row = rowReader(cells, plan);
  const externalId = row.take('externalId', readExternalId);
  const accountExternalId = row.take('accountExternalId', (cell) =>
    cell.trim() === ''
      ? { problem: 'is required: it names the account the contact belongs to' }
      : checked(contactFields.shape.externalId.unwrap(), cell),
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
    return { reason: row.problems.join('; ') };
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
