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

/** What saving preferences writes: never the Slack link, which only a proven link writes. */
export type PreferenceColumns = Omit<
  Insertable<NotificationPreferencesTable>,
  'user_id' | 'workspace_id' | 'slack_member_id' | 'slack_team_id' | 'slack_linked_at'
>;

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
