// The bulk upsert's accounts and contacts: each row read as the CSV import reads a line, then
// rows that carry the same fields written together by one upsert of those columns, so a field
// left out of a row is left as it is.
import type { Db } from '../../../db/connect.ts';
import { message } from '../../../i18n/index.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { majorUnitsText } from '../../../lib/moneyText.ts';
import {
  accountIdsByExternalId,
  contactsByExternalId,
  customFieldDefinitions,
  customFieldProblem,
  knownAccountExternalIds,
  type CustomFieldDefinition,
  type WriteCounts,
} from '../../accounts/index.ts';
import type { ChangeAuthor } from '../../auth/index.ts';
import { customFieldPrefix, type ImportEntity, type ImportPlan } from './fields.ts';
import { ownersByEmail } from './batches.ts';
import { fieldError, rowMessage, type RowProblem } from './problems.ts';
import { readAccountRow, readContactRow, type AccountRecord, type ContactRecord } from './rows.ts';
import type { BulkUpsertBody } from './upsertSchema.ts';
import { writeAccounts, writeContacts } from './write.ts';

export type Entity = 'accounts' | 'contacts' | 'contracts';

/** The cells of one row and the plan that reads them, as if it were a CSV file's line. */
export function asCsvRow(entity: ImportEntity, values: Record<string, string>) {
  const fields = Object.keys(values);
  const plan: ImportPlan = {
    entity,
    columnOf: new Map(fields.map((field, index) => [field, index])),
    mapping: {},
    ignoredColumns: [],
    headerLength: fields.length,
  };
  return { cells: fields.map((field) => values[field] ?? ''), plan };
}

/** A row's problems → field errors under the row's path, each with its message key. */
export function fieldErrors(
  problems: readonly RowProblem[],
  prefix: string,
  pathOf: (field: string) => string,
) {
  return problems.map(({ field, key, params }) =>
    fieldError(field ? `${prefix}.${pathOf(field)}` : prefix, params ? { key, params } : { key }),
  );
}

export const text = (value: string | number | null | undefined) =>
  value === undefined ? undefined : value === null ? '' : String(value);

/** Present fields only: a field the row leaves out is not a column of its group. */
function present(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

export type Reject = (
  entity: Entity,
  index: number,
  externalId: string,
  errors: FieldError[],
) => void;

/** Writes each group of rows that carry the same fields with one upsert of those columns. */
async function writeGroups<R>(
  groups: Map<string, { plan: ImportPlan; records: R[] }>,
  write: (plan: ImportPlan, records: R[]) => Promise<WriteCounts>,
): Promise<WriteCounts> {
  const total = { created: 0, updated: 0, unchanged: 0 };
  for (const { plan, records } of groups.values()) {
    const written = await write(plan, records);
    total.created += written.created;
    total.updated += written.updated;
    total.unchanged += written.unchanged;
  }
  return total;
}

function addToGroup<R>(
  groups: Map<string, { plan: ImportPlan; records: R[] }>,
  entity: ImportEntity,
  fields: string[],
  record: R,
) {
  const key = [...fields].sort().join('\n');
  const group = groups.get(key) ?? {
    plan: asCsvRow(entity, Object.fromEntries(fields.map((f) => [f, '']))).plan,
    records: [],
  };
  group.records.push(record);
  groups.set(key, group);
}

function customFieldErrors(
  values: Record<string, unknown>,
  definitions: ReadonlyMap<string, CustomFieldDefinition>,
  isNew: boolean,
  prefix: string,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(values)) {
    const definition = definitions.get(key);
    const path = `${prefix}.customFields.${key}`;
    if (!definition) errors.push(fieldError(path, message('imports.upsert.noCustomField')));
    else if (value === null) {
      if (definition.required) errors.push(fieldError(path, rowMessage('required')));
    } else {
      const problem = customFieldProblem(definition, value);
      if (problem) errors.push(fieldError(path, problem));
    }
  }
  if (isNew) {
    for (const definition of definitions.values()) {
      if (definition.required && !(definition.key in values)) {
        errors.push(
          fieldError(`${prefix}.customFields.${definition.key}`, rowMessage('requiredForNew')),
        );
      }
    }
  }
  return errors;
}

const accountPath = (field: string) =>
  field === 'currency'
    ? 'arr.currency'
    : field.startsWith(customFieldPrefix)
      ? `customFields.${field.slice(customFieldPrefix.length)}`
      : field;

export async function upsertAccounts(
  db: Db,
  by: ChangeAuthor,
  rows: BulkUpsertBody['accounts'],
  reject: Reject,
): Promise<WriteCounts> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const { workspaceId } = by;
  const definitions = new Map(
    (await customFieldDefinitions(db, workspaceId, 'account')).map((d) => [d.key, d]),
  );
  const owners = rows.some((r) => r.owner)
    ? await ownersByEmail(db, workspaceId)
    : new Map<string, string>();
  const known = await knownAccountExternalIds(
    db,
    workspaceId,
    rows.map((r) => r.externalId),
  );
  const groups = new Map<string, { plan: ImportPlan; records: AccountRecord[] }>();
  rows.forEach((row, index) => {
    const prefix = `accounts.${index}`;
    const isNew = !known.has(row.externalId);
    const values = present({
      externalId: row.externalId,
      name: row.name,
      domain: text(row.domain),
      tier: row.tier,
      plan: text(row.plan),
      arr: row.arr ? majorUnitsText(row.arr) : undefined,
      currency: row.arr?.currency,
      seats: text(row.seats),
      stage: row.stage,
      renewalDate: text(row.renewalDate),
      priority: row.priority,
      owner: text(row.owner),
    });
    const errors: FieldError[] = [];
    if (row.name === undefined && isNew) {
      errors.push(fieldError(`${prefix}.name`, rowMessage('requiredForNew')));
    }
    const customFields = row.customFields ?? {};
    errors.push(...customFieldErrors(customFields, definitions, isNew, prefix));
    // Read as the CSV import reads a line; an existing account's name, when left out, is
    // only what an insert would need — its column is not written (the group has no name).
    const { cells, plan } = asCsvRow('accounts', { name: row.externalId, ...values });
    const read = readAccountRow(cells, index, plan, { customFields: new Map(), owners });
    if ('problems' in read) errors.push(...fieldErrors(read.problems, prefix, accountPath));
    if (errors.length > 0 || !('record' in read)) {
      reject('accounts', index, row.externalId, errors);
      return;
    }
    const given = Object.fromEntries(Object.entries(customFields).filter(([, v]) => v !== null));
    const fields = [
      ...Object.keys(values),
      ...Object.keys(customFields).map((key) => `${customFieldPrefix}${key}`),
    ];
    addToGroup(groups, 'accounts', fields, { ...read.record, customFields: given });
  });
  return writeGroups(groups, (plan, records) => writeAccounts(db, workspaceId, plan, records));
}

export async function upsertContacts(
  db: Db,
  by: ChangeAuthor,
  rows: BulkUpsertBody['contacts'],
  reject: Reject,
): Promise<WriteCounts> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const { workspaceId } = by;
  const existing = await contactsByExternalId(
    db,
    workspaceId,
    rows.map((r) => r.externalId),
  );
  // Accounts written earlier in this request are found too: it is the same transaction.
  const accounts = await accountIdsByExternalId(
    db,
    workspaceId,
    rows.flatMap((r) => (r.accountExternalId === undefined ? [] : [r.accountExternalId.trim()])),
  );
  const groups = new Map<
    string,
    { plan: ImportPlan; records: (ContactRecord & { accountId: string })[] }
  >();
  rows.forEach((row, index) => {
    const prefix = `contacts.${index}`;
    const before = existing.get(row.externalId);
    const values = present({
      externalId: row.externalId,
      accountExternalId: row.accountExternalId,
      name: row.name,
      email: text(row.email),
      title: text(row.title),
      phone: text(row.phone),
      role: text(row.role),
    });
    const errors: FieldError[] = [];
    if (!before) {
      for (const field of ['accountExternalId', 'name'] as const) {
        if (row[field] === undefined) {
          errors.push(
            fieldError(`${prefix}.${field}`, message('imports.upsert.requiredForNewContact')),
          );
        }
      }
    }
    // What the row leaves out stays as the contact has it: its account and name fill the
    // insert only, and are not columns of the row's group.
    const { cells, plan } = asCsvRow('contacts', {
      accountExternalId: row.externalId,
      name: before?.name ?? row.externalId,
      ...values,
    });
    const read = readContactRow(cells, index, plan);
    if ('problems' in read) errors.push(...fieldErrors(read.problems, prefix, (field) => field));
    const accountId =
      row.accountExternalId === undefined
        ? before?.accountId
        : accounts.get(row.accountExternalId.trim());
    if (row.accountExternalId !== undefined && accountId === undefined && !('problems' in read)) {
      errors.push(
        fieldError(
          `${prefix}.accountExternalId`,
          rowMessage('noAccount', { externalId: row.accountExternalId }),
        ),
      );
    }
    if (errors.length > 0 || !('record' in read) || accountId === undefined) {
      reject('contacts', index, row.externalId, errors);
      return;
    }
    addToGroup(groups, 'contacts', Object.keys(values), { ...read.record, accountId });
  });
  return writeGroups(groups, (plan, records) => writeContacts(db, workspaceId, plan, records));
}
