// SQL for the invitation outbox: one row per recipient and version of a meeting.
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';

export type InviteRow = {
  email: string;
  name: string | null;
  locale: 'en' | 'ru';
  timeZone: string;
};

/** One outbox row per recipient for this version; an existing one (a retry) is kept. */
export async function queueInvites(
  db: Db,
  workspaceId: WorkspaceId,
  meetingId: string,
  invite: { method: 'REQUEST' | 'CANCEL'; sequence: number; at: Date },
  recipients: readonly InviteRow[],
) {
  if (recipients.length === 0) return [];
  return db
    .insertInto('meeting_invites')
    .values(
      recipients.map((r) => ({
        workspace_id: workspaceId,
        meeting_id: meetingId,
        email: r.email,
        name: r.name,
        locale: r.locale,
        time_zone: r.timeZone,
        method: invite.method,
        sequence: invite.sequence,
        created_at: invite.at,
      })),
    )
    .onConflict((oc) => oc.columns(['meeting_id', 'email', 'sequence', 'method']).doNothing())
    .returning('id')
    .execute();
}

export function findInvite(db: Db, id: string) {
  return db.selectFrom('meeting_invites').selectAll().where('id', '=', id).executeTakeFirst();
}

export function markInvite(
  db: Db,
  id: string,
  values: {
    status: 'pending' | 'sent' | 'failed';
    attempts: number;
    lastError?: string | null;
    sentAt?: Date;
  },
) {
  return db
    .updateTable('meeting_invites')
    .set({
      status: values.status,
      attempts: values.attempts,
      ...(values.lastError !== undefined ? { last_error: values.lastError } : {}),
      ...(values.sentAt ? { sent_at: values.sentAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export function invitesOf(db: Db, workspaceId: WorkspaceId, meetingId: string) {
  return db
    .selectFrom('meeting_invites')
    .select(['id', 'email', 'method', 'sequence', 'status', 'attempts', 'last_error', 'sent_at'])
    .where('workspace_id', '=', workspaceId)
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('email')
    .execute();
}
