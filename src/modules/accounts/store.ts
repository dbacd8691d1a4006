// SQL for accounts. Every query is confined to one workspace and, for a CSM, to their clients.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { AccountUpdate, NewAccount } from '../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';

/** Which accounts someone may see: the workspace's, or only those they own ("my clients"). */
export type AccountScope = { workspaceId: WorkspaceId; onlyOwner: UserId | null };

export function selectAccounts(db: Db, scope: AccountScope) {
  return db
    .selectFrom('accounts')
    .leftJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .selectAll('accounts')
    .select('owner.name as owner_name')
    .where('accounts.workspace_id', '=', scope.workspaceId)
    .where('accounts.deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('accounts.owner_id', '=', scope.onlyOwner));
}

export type AccountWithOwner = Awaited<
  ReturnType<ReturnType<typeof selectAccounts>['executeTakeFirstOrThrow']>
>;

export function findAccount(db: Db, scope: AccountScope, id: string) {
  return selectAccounts(db, scope).where('accounts.id', '=', id).executeTakeFirst();
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
    .select('id')
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
