// SQL for notification preferences: each person's saved row, or nothing (the defaults).
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { NotificationPreferencesTable } from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';

/** People of the workspace with their zone and saved preferences (null columns: none saved). */
export function preferenceRows(db: Db, workspaceId: string, userIds: string[]) {
  return db
    .selectFrom('users')
    .leftJoin('notification_preferences as p', 'p.user_id', 'users.id')
    .select([
      'users.id',
      'users.timezone',
      'p.rules',
      'p.digest_hour',
      'p.quiet_start',
      'p.quiet_end',
      'p.quiet_allow',
      'p.channels',
      'p.slack_webhook_url',
      'p.slack_member_id',
      'p.muted_projects',
      'p.muted_accounts',
    ])
    .where('users.workspace_id', '=', workspaceId)
    .where('users.id', 'in', userIds)
    .execute();
}

export type PreferenceColumns = Omit<
  Insertable<NotificationPreferencesTable>,
  'user_id' | 'workspace_id'
>;

/** The other person of the workspace who linked this Slack member id, if anyone did. */
export function slackMemberHolder(
  db: Db,
  person: { workspaceId: WorkspaceId; userId: UserId },
  memberId: string,
) {
  return db
    .selectFrom('notification_preferences')
    .select('user_id')
    .where('workspace_id', '=', person.workspaceId)
    .where('slack_member_id', '=', memberId)
    .where('user_id', '<>', person.userId)
    .executeTakeFirst();
}

/** Whether a write failed on the one-person-per-member-id key (two saves at once). */
export function isSlackMemberClash(error: unknown): boolean {
  const pgError = error as { code?: unknown; constraint?: unknown } | null;
  return (
    pgError?.code === '23505' && pgError.constraint === 'notification_preferences_slack_member_idx'
  );
}

/** Saves a person's preferences, replacing what they saved before. */
export function upsertPreferences(
  db: Db,
  person: { workspaceId: WorkspaceId; userId: UserId },
  row: PreferenceColumns,
) {
  return db
    .insertInto('notification_preferences')
    .values({ user_id: person.userId, workspace_id: person.workspaceId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
}
