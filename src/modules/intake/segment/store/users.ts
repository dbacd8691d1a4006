// SQL for product users (usage_users): the account each belongs to and their traits.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';

export function knownUser(db: Db, workspaceId: WorkspaceId, userId: string) {
  return db
    .selectFrom('usage_users')
    .select(['account_id', 'traits'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A user's account (or none yet) and traits (as JSON), replacing what was known. */
export function saveIdentifiedUser(
  db: Db,
  workspaceId: WorkspaceId,
  user: { userId: string; accountId: string | null; traits: string },
) {
  return db
    .insertInto('usage_users')
    .values({
      workspace_id: workspaceId,
      user_id: user.userId,
      account_id: user.accountId,
      traits: user.traits,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'user_id']).doUpdateSet((eb) => ({
        account_id: eb.ref('excluded.account_id'),
        traits: eb.ref('excluded.traits'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

/** A user belongs to this account now (their traits stay). */
export function saveGroupedUser(
  db: Db,
  workspaceId: WorkspaceId,
  user: { userId: string; accountId: string },
) {
  return db
    .insertInto('usage_users')
    .values({ workspace_id: workspaceId, user_id: user.userId, account_id: user.accountId })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'user_id'])
        .doUpdateSet({ account_id: user.accountId, updated_at: sql`now()` }),
    )
    .execute();
}
