// SQL for plays and their runs: the plays a workspace set up, the run claimed by its unique
// (play, account, occasion) row before anything is opened, and the accounts a play may target.
// Every query is confined to one workspace.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { PlayTrigger, PlaysTable } from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';

const selectPlays = (db: Db, workspaceId: string) =>
  db.selectFrom('plays').selectAll().where('workspace_id', '=', workspaceId);

export type PlayRow = Awaited<
  ReturnType<ReturnType<typeof selectPlays>['executeTakeFirstOrThrow']>
>;

export function playRows(db: Db, workspaceId: string) {
  return selectPlays(db, workspaceId).orderBy('created_at').orderBy('name').execute();
}

export function findPlayRow(db: Db, workspaceId: string, id: string) {
  return selectPlays(db, workspaceId).where('id', '=', id).executeTakeFirst();
}

export function enabledPlayRows(db: Db, workspaceId: string, triggers: PlayTrigger[]) {
  return selectPlays(db, workspaceId)
    .where('enabled', '=', true)
    .where('trigger', 'in', triggers)
    .execute();
}

/** Whether the workspace has any play for this trigger, enabled or not. */
export async function hasPlayFor(
  db: Db,
  workspaceId: string,
  trigger: PlayTrigger,
): Promise<boolean> {
  const row = await selectPlays(db, workspaceId).where('trigger', '=', trigger).executeTakeFirst();
  return row !== undefined;
}

export async function liveTemplateExists(
  db: Db,
  workspaceId: string,
  templateId: string,
): Promise<boolean> {
  const template = await db
    .selectFrom('templates')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', templateId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return template !== undefined;
}

export type PlayColumns = Omit<
  Insertable<PlaysTable>,
  'id' | 'workspace_id' | 'created_at' | 'updated_at'
>;

export function insertPlay(db: Db, workspaceId: WorkspaceId, play: PlayColumns, at: Date) {
  return db
    .insertInto('plays')
    .values({ ...play, workspace_id: workspaceId, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updatePlayRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  play: Updateable<PlaysTable>,
) {
  return db
    .updateTable('plays')
    .set(play)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deletePlayRow(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .deleteFrom('plays')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** The runs of plays on an account (or the workspace), newest first. */
/** Recent runs, of one account or of all; with `onlyOwner`, of that person's accounts only. */
export function playRunRows(
  db: Db,
  scope: { workspaceId: string; onlyOwner: string | null },
  accountId: string | undefined,
  limit: number,
) {
  const { workspaceId, onlyOwner } = scope;
  return db
    .selectFrom('play_runs')
    .innerJoin('plays', 'plays.id', 'play_runs.play_id')
    .select([
      'play_runs.id',
      'play_runs.play_id',
      'plays.name as play_name',
      'plays.trigger',
      'play_runs.account_id',
      'play_runs.occasion',
      'play_runs.task_id',
      'play_runs.project_id',
      'play_runs.ran_at',
    ])
    .where('play_runs.workspace_id', '=', workspaceId)
    .$if(accountId !== undefined, (q) => q.where('play_runs.account_id', '=', accountId ?? ''))
    .$if(onlyOwner !== null, (q) =>
      q
        .innerJoin('accounts', 'accounts.id', 'play_runs.account_id')
        .where('accounts.workspace_id', '=', workspaceId)
        .where('accounts.owner_id', '=', onlyOwner ?? ''),
    )
    .orderBy('play_runs.ran_at', 'desc')
    .limit(limit)
    .execute();
}

/** Claims the play's run for this account and occasion; undefined when it ran already. */
export function claimRun(
  db: Db,
  run: { workspaceId: WorkspaceId; playId: string; accountId: string; occasion: string; at: Date },
) {
  return db
    .insertInto('play_runs')
    .values({
      workspace_id: run.workspaceId,
      play_id: run.playId,
      account_id: run.accountId,
      occasion: run.occasion,
      ran_at: run.at,
    })
    .onConflict((oc) => oc.columns(['play_id', 'account_id', 'occasion']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** What the run opened: a task, or a project. */
export function recordRunOpened(
  db: Db,
  workspaceId: WorkspaceId,
  runId: string,
  opened: { taskId: string | null; projectId: string | null },
) {
  return db
    .updateTable('play_runs')
    .set({ task_id: opened.taskId, project_id: opened.projectId })
    .where('id', '=', runId)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Frees an occasion whose run opened nothing, so a retry runs the play. */
export function releaseRun(db: Db, workspaceId: WorkspaceId, runId: string) {
  return db
    .deleteFrom('play_runs')
    .where('id', '=', runId)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export function managerOf(db: Db, workspaceId: WorkspaceId, userId: string) {
  return db
    .selectFrom('users')
    .select('manager_id')
    .where('id', '=', userId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/** Live accounts among `ids` a play may act on (churned ones are left alone). */
export function targetRows(db: Db, workspaceId: string, ids: string[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'name', 'owner_id', 'renewal_date'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .where('stage', '<>', 'churned')
    .execute();
}

export type Target = Awaited<ReturnType<typeof targetRows>>[number];

/**
 * Live accounts renewing between `today` and `horizon` (or only these) that this play has not
 * run for at their current renewal date.
 */
export function renewingWithoutRun(
  db: Db,
  workspaceId: string,
  window: { playId: string; today: string; horizon: string },
  accountIds?: readonly string[],
) {
  return db
    .selectFrom('accounts')
    .select(['id', 'name', 'owner_id', 'renewal_date'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where('stage', '<>', 'churned')
    .where('renewal_date', '>=', window.today)
    .where('renewal_date', '<=', window.horizon)
    .$if(accountIds !== undefined, (q) => q.where('id', 'in', accountIds ?? []))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('play_runs')
            .select('play_runs.id')
            .where('play_runs.play_id', '=', window.playId)
            .whereRef('play_runs.account_id', '=', 'accounts.id')
            .where(sql<boolean>`play_runs.occasion = 'renewal:' || accounts.renewal_date::text`),
        ),
      ),
    )
    .execute();
}
