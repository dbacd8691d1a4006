// SQL for the set of changed accounts (`account_changes`, one row per account): add to it while
// holding what is already there, take from it what nobody holds. See ../changes.ts.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';

/**
 * Adds the accounts not in the set and holds (`for key share`, until the caller's transaction
 * ends) the ones that are, so no drain takes them before this change commits. Holders do not
 * wait for each other; an insert waits only for another insert of the same account.
 * `missed`: accounts another transaction added after this statement's snapshot — the next
 * statement sees and holds them.
 */
export async function addOrHold(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
): Promise<{ added: number; missed: string[] }> {
  const { rows } = await sql<{ added: number; missed: string[] }>`
    with wanted as (
      select distinct id from unnest(${accountIds}::uuid[]) as id
    ),
    held as (
      select c.account_id from account_changes c
      where c.workspace_id = ${workspaceId} and c.account_id in (select id from wanted)
      for key share
    ),
    added as (
      -- In id order, so two concurrent statements adding the same accounts never deadlock.
      insert into account_changes (workspace_id, account_id)
      select ${workspaceId}, w.id from wanted w
      where w.id not in (select account_id from held)
      order by w.id
      on conflict do nothing
      returning account_id
    )
    select (select count(*) from added)::int as added,
      array(select id from wanted except select account_id from held
        except select account_id from added) as missed`.execute(db);
  return rows[0] ?? { added: 0, missed: [] };
}

/**
 * Adds the accounts not in the set, for a change that has committed already: nothing is left to
 * hold, since whichever pass takes an account reads the change. Answers how many were added.
 */
export async function addCommitted(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
): Promise<number> {
  const { rows } = await sql<{ account_id: string }>`
    insert into account_changes (workspace_id, account_id)
    select ${workspaceId}, id from unnest(${accountIds}::uuid[]) as id
    order by id
    on conflict do nothing
    returning account_id`.execute(db);
  return rows.length;
}

/** Removes and answers up to `limit` accounts of the set, skipping the ones being held. */
export async function takeChanges(db: Db, workspaceId: string, limit: number): Promise<string[]> {
  const { rows } = await sql<{ account_id: string }>`
    delete from account_changes c
    where c.workspace_id = ${workspaceId} and c.account_id in (
      select account_id from account_changes
      where workspace_id = ${workspaceId}
      limit ${limit}
      for update skip locked)
    returning c.account_id`.execute(db);
  return rows.map((r) => r.account_id);
}

export async function anyChanges(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('account_changes')
    .select('account_id')
    .where('workspace_id', '=', workspaceId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
