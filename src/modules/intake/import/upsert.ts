// The CRM's bulk upsert: accounts, contacts and contracts by external id, in one transaction.
// Each row is checked by the CSV import's own row readers (rows.ts, billing's contract rows)
// and written by the same set-based upserts (write.ts → accounts' sync store; billing's
// contracts), so a row means the same whether it came in a file or over the API.
//
// A field left out of a row is left as it is: rows are grouped by the fields they carry and
// each group is one upsert touching only those columns. A rejected row is reported with each
// field and why, and the others are written — or, with `allOrNothing`, nothing is (422). An
// external id twice in one list is a mistake in the request: 422 naming both, nothing written.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { invalid, type FieldError } from '../../../lib/errors.ts';
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
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import {
  contractColumns,
  readContractRow,
  upsertContractRecords,
  type ContractRecord,
} from '../billing/index.ts';
import { customFieldPrefix, type ImportEntity, type ImportPlan } from './fields.ts';
import { ownersByEmail } from './importer.ts';
import { readAccountRow, readContactRow, type AccountRecord, type ContactRecord } from './rows.ts';
import type { BulkUpsertBody, BulkUpsertResult } from './upsertSchema.ts';
import { writeAccounts, writeContacts } from './write.ts';

type Entity = 'accounts' | 'contacts' | 'contracts';
type Rejected = BulkUpsertResult['rejected'][number];

/** Each external id once per list; a repeat names the row it repeats. */
function refuseDuplicates(body: BulkUpsertBody) {
  const errors: FieldError[] = [];
  for (const entity of ['accounts', 'contacts', 'contracts'] as const) {
    const first = new Map<string, number>();
    body[entity].forEach((row, index) => {
      const at = first.get(row.externalId);
      if (at === undefined) first.set(row.externalId, index);
      else {
        errors.push({
          path: `${entity}.${index}.externalId`,
          message: `"${row.externalId}" is also ${entity}.${at}.externalId`,
        });
      }
    });
  }
  if (errors.length > 0) {
    throw invalid(errors, 'An external id appears twice in one list; nothing was written.');
  }
}

/** The cells of one row and the plan that reads them, as if it were a CSV file's line. */
function asCsvRow(entity: ImportEntity, values: Record<string, string>) {
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

/** "owner: no one…; arr: must be…" → field errors under the row's path. */
function fieldErrors(reason: string, prefix: string, pathOf: (field: string) => string) {
  return reason
    .split('; ')
    .filter(Boolean)
    .map((part): FieldError => {
      const at = part.indexOf(': ');
      return at > 0
        ? { path: `${prefix}.${pathOf(part.slice(0, at))}`, message: part.slice(at + 2) }
        : { path: prefix, message: part };
    });
}

const text = (value: string | number | null | undefined) =>
  value === undefined ? undefined : value === null ? '' : String(value);

/** Present fields only: a field the row leaves out is not a column of its group. */
function present(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

class Rehearsed extends Error {
  readonly result: BulkUpsertResult;
  constructor(result: BulkUpsertResult) {
    super('rehearsed');
    this.result = result;
  }
}

export async function bulkUpsert(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  body: BulkUpsertBody,
): Promise<BulkUpsertResult> {
  refuseDuplicates(body);
  try {
    return await db.transaction().execute(async (trx) => {
      const rejected: Rejected[] = [];
      const reject = (entity: Entity, index: number, externalId: string, errors: FieldError[]) =>
        rejected.push({ entity, index, externalId, errors });
      const accounts = await upsertAccounts(trx, by, body.accounts, reject);
      const contacts = await upsertContacts(trx, by, body.contacts, reject);
      const contracts = await upsertContracts(trx, clock, by, body.contracts, reject);
      const count = (entity: Entity, written: WriteCounts) => ({
        ...written,
        rejected: rejected.filter((r) => r.entity === entity).length,
      });
      const result: BulkUpsertResult = {
        dryRun: body.dryRun,
        accounts: count('accounts', accounts),
        contacts: count('contacts', contacts),
        contracts: count('contracts', contracts),
        rejected,
      };
      if (body.allOrNothing && rejected.length > 0) {
        throw invalid(
          rejected.flatMap((r) => r.errors),
          `${rejected.length} row(s) are not valid; nothing was written.`,
        );
      }
      if (body.dryRun) throw new Rehearsed(result);
      const changed = [result.accounts, result.contacts, result.contracts].some(
        (c) => c.created + c.updated > 0,
      );
      if (changed) {
        await recordAudit(trx, by, {
          action: 'import.upsert',
          entityType: 'import',
          entityId: randomUUID(),
          changes: {
            accounts: result.accounts,
            contacts: result.contacts,
            contracts: result.contracts,
          },
        });
      }
      return result;
    });
  } catch (error) {
    if (error instanceof Rehearsed) return error.result;
    throw error;
  }
}

type Reject = (entity: Entity, index: number, externalId: string, errors: FieldError[]) => void;

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
    if (!definition) errors.push({ path, message: 'no custom field has this key' });
    else if (value === null) {
      if (definition.required) errors.push({ path, message: 'is required' });
    } else {
      const problem = customFieldProblem(definition, value);
      if (problem) errors.push({ path, message: problem });
    }
  }
  if (isNew) {
    for (const definition of definitions.values()) {
      if (definition.required && !(definition.key in values)) {
        errors.push({
          path: `${prefix}.customFields.${definition.key}`,
          message: 'is required for a new account',
        });
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

async function upsertAccounts(
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
      errors.push({ path: `${prefix}.name`, message: 'is required for a new account' });
    }
    const customFields = row.customFields ?? {};
    errors.push(...customFieldErrors(customFields, definitions, isNew, prefix));
    // Read as the CSV import reads a line; an existing account's name, when left out, is
    // only what an insert would need — its column is not written (the group has no name).
    const { cells, plan } = asCsvRow('accounts', { name: row.externalId, ...values });
    const read = readAccountRow(cells, index, plan, { customFields: new Map(), owners });
    if ('reason' in read) errors.push(...fieldErrors(read.reason, prefix, accountPath));
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

async function upsertContacts(
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
          errors.push({ path: `${prefix}.${field}`, message: 'is required for a new contact' });
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
    if ('reason' in read) errors.push(...fieldErrors(read.reason, prefix, (field) => field));
    const accountId =
      row.accountExternalId === undefined
        ? before?.accountId
        : accounts.get(row.accountExternalId.trim());
    if (row.accountExternalId !== undefined && accountId === undefined && !('reason' in read)) {
      errors.push({
        path: `${prefix}.accountExternalId`,
        message: `no account has the external id ${row.accountExternalId}`,
      });
    }
    if (errors.length > 0 || !('record' in read) || accountId === undefined) {
      reject('contacts', index, row.externalId, errors);
      return;
    }
    addToGroup(groups, 'contacts', Object.keys(values), { ...read.record, accountId });
  });
  return writeGroups(groups, (plan, records) => writeContacts(db, workspaceId, plan, records));
}

const contractPaths: Record<string, string> = {
  contract_id: 'externalId',
  account_external_id: 'accountExternalId',
  start_date: 'startDate',
  end_date: 'endDate',
  currency: 'mrr',
  mrr: 'mrr',
  arr: 'arr',
  seats: 'seats',
  status: 'status',
  plan: 'plan',
  give: 'mrr',
};

async function upsertContracts(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  rows: BulkUpsertBody['contracts'],
  reject: Reject,
): Promise<WriteCounts> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const { workspaceId } = by;
  const accounts = await accountIdsByExternalId(
    db,
    workspaceId,
    rows.map((r) => r.accountExternalId.trim()),
  );
  const header = [
    'contract_id',
    'account_external_id',
    'plan',
    'mrr',
    'arr',
    'currency',
    'seats',
    'start_date',
    'end_date',
    'status',
  ];
  const columns = contractColumns(header);
  const ready: (ContractRecord & { accountId: string })[] = [];
  rows.forEach((row, index) => {
    const prefix = `contracts.${index}`;
    const money = row.mrr ?? row.arr;
    const cells = [
      row.externalId,
      row.accountExternalId,
      row.plan ?? '',
      row.mrr ? majorUnitsText(row.mrr) : '',
      row.arr ? majorUnitsText(row.arr) : '',
      money?.currency ?? '',
      text(row.seats) ?? '',
      row.startDate ?? '',
      row.endDate ?? '',
      row.status ?? '',
    ];
    const errors: FieldError[] = [];
    if (row.mrr && row.arr && row.mrr.currency !== row.arr.currency) {
      errors.push({ path: `${prefix}.arr.currency`, message: 'differs from mrr.currency' });
    }
    const read = readContractRow(cells, columns, index);
    if ('reason' in read) {
      // Billing's reader says "end_date must be…": its column first, then why.
      for (const part of read.reason.split('; ')) {
        const column = part.split(' ')[0] ?? '';
        const field = contractPaths[column] ?? '';
        errors.push({ path: field ? `${prefix}.${field}` : prefix, message: part });
      }
    }
    const accountId = accounts.get(row.accountExternalId.trim());
    if (accountId === undefined) {
      errors.push({
        path: `${prefix}.accountExternalId`,
        message: `no account has the external id ${row.accountExternalId}`,
      });
    }
    if (errors.length > 0 || !('record' in read) || accountId === undefined) {
      reject('contracts', index, row.externalId, errors);
      return;
    }
    ready.push({ ...read.record, accountId });
  });
  return upsertContractRecords(db, workspaceId, ready, clock.now());
}
