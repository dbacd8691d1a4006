// Writes one checked batch of a CSV import through accounts' exported upserts: which table
// columns the file's fields set (only those it has a column for are touched, so a re-run
// changes nothing), and the custom field keys it gives.
import {
  upsertAccountsByExternalId,
  upsertContactsByExternalId,
  type AccountColumns,
  type ContactColumns,
  type WriteCounts,
} from '../../accounts/index.ts';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { customFieldPrefix, type ImportPlan } from './fields.ts';
import type { AccountRecord, ContactRecord } from './rows.ts';

export type { WriteCounts };

const accountColumnsOfField: Record<string, (keyof AccountColumns)[]> = {
  name: ['name'],
  domain: ['domain'],
  tier: ['tier'],
  plan: ['plan'],
  arr: ['arr_amount', 'currency'],
  currency: ['currency'],
  seats: ['seats'],
  stage: ['stage'],
  renewalDate: ['renewal_date'],
  owner: ['owner_id'],
  priority: ['priority'],
};

const contactColumnsOfField: Record<string, (keyof ContactColumns | 'account_id')[]> = {
  accountExternalId: ['account_id'],
  name: ['name'],
  email: ['email'],
  title: ['title'],
  phone: ['phone'],
  role: ['role'],
};

function columnsOf<C extends string>(plan: ImportPlan, byField: Record<string, C[]>): C[] {
  return [...new Set([...plan.columnOf.keys()].flatMap((field) => byField[field] ?? []))];
}

function customFieldKeys(plan: ImportPlan): string[] {
  return [...plan.columnOf.keys()]
    .filter((field) => field.startsWith(customFieldPrefix))
    .map((field) => field.slice(customFieldPrefix.length));
}

export function writeAccounts(
  db: Db,
  workspaceId: WorkspaceId,
  plan: ImportPlan,
  records: AccountRecord[],
): Promise<WriteCounts> {
  return upsertAccountsByExternalId(db, workspaceId, {
    columns: columnsOf(plan, accountColumnsOfField),
    customFieldKeys: customFieldKeys(plan),
    rows: records,
  });
}

export function writeContacts(
  db: Db,
  workspaceId: WorkspaceId,
  plan: ImportPlan,
  records: (ContactRecord & { accountId: string })[],
): Promise<WriteCounts> {
  return upsertContactsByExternalId(db, workspaceId, {
    columns: columnsOf(plan, contactColumnsOfField),
    rows: records,
  });
}
