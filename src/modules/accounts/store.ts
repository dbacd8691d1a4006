// SQL for accounts and what hangs off them (contacts, custom field definitions, saved
// segments). Every query is confined to one workspace and, for a CSM, to their clients.
import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type {
  AccountUpdate,
  ContactsTable,
  CustomFieldDefinitionsTable,
  NewAccount,
  SegmentsTable,
} from '../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';

/** Which accounts someone may see: the workspace's, or only those they own ("my clients"). */
export type AccountScope = { workspaceId: WorkspaceId; onlyOwner: UserId | null };

/**
 * The columns a listed account is shown with (view.ts `describeListedAccount`): not its
 * workspace or deleted_at, which every row of a page would otherwise carry, nor what only the
 * account's own page shows (`ownPageColumns`).
 */
export const listedColumns = [
  'accounts.id',
  'accounts.external_id',
  'accounts.name',
  'accounts.domain',
  'accounts.tier',
  'accounts.arr_amount',
  'accounts.currency',
  'accounts.stage',
  'accounts.renewal_date',
  'accounts.priority',
  'accounts.owner_id',
  'accounts.custom_fields',
  // As PostgreSQL writes a UTC timestamp (view.ts makes it the API's instant): turning text
  // into a Date and back was the costliest part of reading a page's rows.
  sql<string>`(accounts.updated_at at time zone 'UTC')::text`.as('updated_at'),
  'owner.name as owner_name',
  'account_health.score as health_score',
  'account_health.category as health_category',
  'account_health.risk_level as churn_risk_level',
] as const;

/** What only an account's own page shows beside its listed columns: the contract, and when it was added. */
const ownPageColumns = [
  'accounts.plan',
  'accounts.seats',
  sql<string>`(accounts.created_at at time zone 'UTC')::text`.as('created_at'),
] as const;

/** Accounts joined to their owner's name and their health, with the columns they are shown with. */
function accountsShown(db: Db) {
  return (
    db
      .selectFrom('accounts')
      .leftJoin('users as owner', 'owner.id', 'accounts.owner_id')
      // Joined by workspace too, so only this workspace's scores are read (an index range).
      .leftJoin('account_health', (join) =>
        join
          .onRef('account_health.account_id', '=', 'accounts.id')
          .onRef('account_health.workspace_id', '=', 'accounts.workspace_id'),
      )
      .select([...listedColumns, ...ownPageColumns])
  );
}

// Kysely's builders are immutable: the joins and columns, parsed once per database handle (or
// transaction), are shared by every query that narrows them. On the portfolio's hot path,
// parsing them again was half of building and compiling its statement (~160 µs → ~70 µs).
const shown = new WeakMap<Db, ReturnType<typeof accountsShown>>();

/**
 * Live accounts with their owner's name and their health: health's own view of its current
 * scores (`account_health`, migration 0014), null for an account not scored yet.
 */
export function selectAccounts(db: Db, scope: AccountScope) {
  let base = shown.get(db);
  if (!base) {
    base = accountsShown(db);
    shown.set(db, base);
  }
  return base
    .where('accounts.workspace_id', '=', scope.workspaceId)
    .where('accounts.deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('accounts.owner_id', '=', scope.onlyOwner));
}

export type AccountWithOwner = Awaited<
  ReturnType<ReturnType<typeof selectAccounts>['executeTakeFirstOrThrow']>
>;

/** An account read with its listed columns only (`listedColumns`), as the portfolio reads it. */
export type ListedAccountRow = Omit<AccountWithOwner, 'plan' | 'seats' | 'created_at'>;

export function findAccount(db: Db, scope: AccountScope, id: string) {
  return selectAccounts(db, scope).where('accounts.id', '=', id).executeTakeFirst();
}

/** Removed accounts in scope, the latest removed first: the list a restore is made from. */
export function removedAccountRows(
  db: Db,
  scope: AccountScope,
  page: { where: (at: string, id: string) => RawBuilder<boolean>; limit: number },
) {
  return db
    .selectFrom('accounts')
    .leftJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .leftJoin('users as remover', 'remover.id', 'accounts.deleted_by')
    .select([
      'accounts.id',
      'accounts.name',
      'accounts.tier',
      'accounts.arr_amount',
      'accounts.currency',
      'accounts.owner_id',
      'owner.name as owner_name',
      'accounts.deleted_by',
      'remover.name as remover_name',
    ])
    .select((eb) => eb.ref('accounts.deleted_at').$notNull().as('deleted_at'))
    .where('accounts.workspace_id', '=', scope.workspaceId)
    .where('accounts.deleted_at', 'is not', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('accounts.owner_id', '=', scope.onlyOwner))
    .where(page.where('accounts.deleted_at', 'accounts.id'))
    .orderBy('accounts.deleted_at', 'desc')
    .orderBy('accounts.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** An account in scope, removed or not: whether it is removed, for a restore. */
export function findAnyAccount(db: Db, scope: AccountScope, id: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'deleted_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .$if(scope.onlyOwner !== null, (q) => q.where('owner_id', '=', scope.onlyOwner))
    .forUpdate()
    .executeTakeFirst();
}

export function insertAccount(db: Db, account: NewAccount) {
  return db.insertInto('accounts').values(account).returning('id').executeTakeFirstOrThrow();
}

export function updateAccountRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  changes: AccountUpdate,
) {
  return db
    .updateTable('accounts')
    .set({ ...changes, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export function externalIdTaken(
  db: Db,
  workspaceId: WorkspaceId,
  externalId: string,
  exceptId?: string,
) {
  return db
    .selectFrom('accounts')
    .select(['id', 'deleted_at'])
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId ?? ''))
    .executeTakeFirst();
}

export function activeUserInWorkspace(db: Db, workspaceId: WorkspaceId, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
}

/** The account owner as the Customer 360 shows them. */
export function ownerSummary(db: Db, workspaceId: WorkspaceId, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', '=', userId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/** An account's contacts: champions and sponsors first (the people a CSM calls), then by name. */
export function contactRows(db: Db, workspaceId: WorkspaceId, accountId: string) {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy(sql`array_position(array['champion','executive_sponsor','admin','user'], role)`)
    .orderBy('name')
    .execute();
}

export function findContactRow(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertContact(db: Db, contact: Insertable<ContactsTable>) {
  return db.insertInto('contacts').values(contact).returningAll().executeTakeFirstOrThrow();
}

/** Changes a contact's own columns, stamping `updated_at`; answers the row as it is now. */
export function updateContactRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  changes: Omit<Updateable<ContactsTable>, 'updated_at'>,
) {
  return db
    .updateTable('contacts')
    .set({ ...changes, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteContactRow(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .deleteFrom('contacts')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export function customFieldRows(db: Db, workspaceId: WorkspaceId, entity: 'account' | 'task') {
  return db
    .selectFrom('custom_field_definitions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('entity', '=', entity)
    .orderBy('created_at')
    .execute();
}

/** Defines a custom field; undefined when its key is taken for that entity already. */
export function insertCustomField(db: Db, field: Insertable<CustomFieldDefinitionsTable>) {
  return db
    .insertInto('custom_field_definitions')
    .values(field)
    .onConflict((oc) => oc.columns(['workspace_id', 'entity', 'key']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** A segment a person may use: their own, or a shared one. */
export function findSegmentRow(db: Db, workspaceId: WorkspaceId, viewer: UserId, id: string) {
  return db
    .selectFrom('segments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('owner_id', '=', viewer), eb('shared', '=', true)]))
    .executeTakeFirst();
}

/** The segments a person may use (their own and the shared ones), by name. */
export function segmentRows(db: Db, workspaceId: WorkspaceId, viewer: UserId) {
  return db
    .selectFrom('segments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('owner_id', '=', viewer), eb('shared', '=', true)]))
    .orderBy('name')
    .execute();
}

export function insertSegment(db: Db, segment: Insertable<SegmentsTable>) {
  return db.insertInto('segments').values(segment).returningAll().executeTakeFirstOrThrow();
}

/** Deletes one of a person's own segments; undefined when they have no such segment. */
export function deleteOwnSegment(
  db: Db,
  owner: { workspaceId: WorkspaceId; userId: UserId },
  id: string,
) {
  return db
    .deleteFrom('segments')
    .where('workspace_id', '=', owner.workspaceId)
    .where('owner_id', '=', owner.userId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}
