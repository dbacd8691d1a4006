// SQL of the import: one upsert statement per batch, keyed by external id, that touches a
// row only when the file says something new about it (a re-run changes nothing).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { customFieldPrefix, type ImportPlan } from './fields.ts';
import type { AccountRecord, ContactRecord } from './rows.ts';

export type WriteCounts = { created: number; updated: number; unchanged: number };

/** The table columns each account field writes: only those the file has are touched. */
const accountColumnsOfField: Record<string, string[]> = {
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

const contactColumnsOfField: Record<string, string[]> = {
  accountExternalId: ['account_id'],
  name: ['name'],
  email: ['email'],
  title: ['title'],
  phone: ['phone'],
  role: ['role'],
};

function columnsOf(plan: ImportPlan, byField: Record<string, string[]>): string[] {
  return [...new Set([...plan.columnOf.keys()].flatMap((field) => byField[field] ?? []))];
}

function customFieldKeys(plan: ImportPlan): string[] {
  return [...plan.columnOf.keys()]
    .filter((field) => field.startsWith(customFieldPrefix))
    .map((field) => field.slice(customFieldPrefix.length));
}

/** `(t.a, t.b) is distinct from (excluded.a, excluded.b)`: true when the file changes the row. */
function differs(table: string, columns: string[]): RawBuilder<boolean> {
  const side = (prefix: string) => sql.join(columns.map((c) => sql.ref(`${prefix}.${c}`)));
  return sql<boolean>`row(${side(table)}) is distinct from row(${side('excluded')})`;
}

function counted(rows: { inserted: boolean }[], total: number): WriteCounts {
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created, unchanged: total - rows.length };
}

export async function upsertAccounts(
  db: Db,
  workspaceId: WorkspaceId,
  plan: ImportPlan,
  records: AccountRecord[],
): Promise<WriteCounts> {
  if (records.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const columns = columnsOf(plan, accountColumnsOfField);
  const keys = customFieldKeys(plan);
  // The file's custom fields replace those keys (an empty cell clears one); others stay.
  const mergedCustomFields = sql`(accounts.custom_fields - ${keys}::text[]) || excluded.custom_fields`;
  const set: Record<string, RawBuilder<unknown> | null> = Object.fromEntries(
    columns.map((c) => [c, sql.ref(`excluded.${c}`)]),
  );
  if (keys.length > 0) set.custom_fields = mergedCustomFields;
  const rows = await db
    .insertInto('accounts')
    .values(
      records.map((r) => ({
        workspace_id: workspaceId,
        external_id: r.externalId,
        ...r.columns,
        custom_fields: JSON.stringify(r.customFields),
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'external_id'])
        .where('external_id', 'is not', null)
        .doUpdateSet({ ...set, updated_at: sql`now()`, deleted_at: null })
        .where((eb) =>
          eb.or([
            differs('accounts', columns),
            // An account deleted in Steward that the file still lists comes back.
            eb('accounts.deleted_at', 'is not', null),
            ...(keys.length > 0
              ? [sql<boolean>`accounts.custom_fields is distinct from ${mergedCustomFields}`]
              : []),
          ]),
        ),
    )
    .returning(sql<boolean>`accounts.xmax = 0`.as('inserted'))
    .execute();
  return counted(rows, records.length);
}

export async function upsertContacts(
  db: Db,
  workspaceId: WorkspaceId,
  plan: ImportPlan,
  records: (ContactRecord & { accountId: string })[],
): Promise<WriteCounts> {
  if (records.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const columns = columnsOf(plan, contactColumnsOfField);
  const set = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
  const rows = await db
    .insertInto('contacts')
    .values(
      records.map((r) => ({
        workspace_id: workspaceId,
        external_id: r.externalId,
        account_id: r.accountId,
        ...r.columns,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'external_id'])
        .where('external_id', 'is not', null)
        .doUpdateSet({ ...set, updated_at: sql`now()` })
        .where(differs('contacts', columns)),
    )
    .returning(sql<boolean>`contacts.xmax = 0`.as('inserted'))
    .execute();
  return counted(rows, records.length);
}

/** Which of these external ids are accounts already (deleted ones too: they come back). */
export async function existingAccounts(
  db: Db,
  workspaceId: WorkspaceId,
  externalIds: string[],
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('accounts')
    .select('external_id')
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', sql<string>`any(${externalIds}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.external_id ?? ''));
}

/** Contacts attach to live accounts by the account's external id. */
export async function accountIdsByExternalId(
  db: Db,
  workspaceId: WorkspaceId,
  externalIds: string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'external_id'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where('external_id', '=', sql<string>`any(${[...new Set(externalIds)]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.external_id ?? '', r.id]));
}

/** Owners are named by e-mail in the file: everyone active in the workspace, read once. */
export async function ownersByEmail(
  db: Db,
  workspaceId: WorkspaceId,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where('deactivated_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}
