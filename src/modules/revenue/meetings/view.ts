// Meetings as the API shows them: the meeting with its people, its action items and the
// invitations sent (notify's outbox holds them); the calendar of meetings in a range.
import type { Db } from '../../../db/connect.ts';
import type { MeetingStatus } from '../../../db/schema.ts';
import { AppError } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { timeKeyset } from '../../../lib/pagination.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { lettersAbout } from '../../notify/index.ts';
import * as store from '../store/meetings.ts';

function describeAttendee(a: store.AttendeeRow) {
  return {
    kind: a.userId ? ('team' as const) : ('contact' as const),
    userId: a.userId,
    contactId: a.contactId,
    name: a.name,
    email: a.email,
  };
}

export function describeMeeting(row: store.MeetingRow, attendees: store.AttendeeRow[]) {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    kind: row.kind,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    location: row.location,
    agenda: row.agenda,
    notes: row.notes,
    status: row.status,
    sequence: row.sequence,
    organizer: row.organizer_id
      ? { id: row.organizer_id, name: row.organizer_name, email: row.organizer_email }
      : null,
    attendees: attendees.filter((a) => a.meetingId === row.id).map(describeAttendee),
    heldAt: row.held_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export type Meeting = ReturnType<typeof describeMeeting>;

export async function findMeetingOrFail(db: Db, scope: AccountScope, id: string) {
  const row = await store.findMeeting(db, scope, id);
  if (!row) throw new AppError('meeting.not_found', { key: 'revenue.problem.noMeeting' });
  return row;
}

/** What notify's outbox says a meeting's invitations are `about`. */
export const aboutMeeting = (meetingId: string) => `meeting:${meetingId}`;

/** A meeting's invitations as the outbox holds them, oldest first. */
export async function invitesOf(db: Db, workspaceId: WorkspaceId, meetingId: string) {
  const letters = await lettersAbout(db, workspaceId, aboutMeeting(meetingId));
  return letters.map((l) => ({
    id: l.id,
    email: l.email,
    method: /method=CANCEL/i.test(l.attachmentType ?? '')
      ? ('CANCEL' as const)
      : ('REQUEST' as const),
    sequence: l.version ?? 0,
    status: l.status,
    attempts: l.attempts,
    lastError: l.lastError,
    sentAt: l.sentAt,
  }));
}

export async function getMeeting(db: Db, scope: AccountScope, id: string) {
  const row = await findMeetingOrFail(db, scope, id);
  const [attendees, actionItems, invites] = await Promise.all([
    store.attendeesOf(db, scope.workspaceId, [row.id]),
    store.actionItemsOf(db, scope.workspaceId, row.id),
    invitesOf(db, scope.workspaceId, row.id),
  ]);
  return {
    ...describeMeeting(row, attendees),
    actionItems: actionItems.map((t) => ({
      taskId: t.id,
      title: t.title,
      status: t.status,
      dueAt: t.due_at?.toISOString() ?? null,
      assigneeId: t.assignee_id,
      assigneeName: t.assignee_name,
    })),
    invites: invites.map((i) => ({
      id: i.id,
      email: i.email,
      method: i.method,
      sequence: i.sequence,
      status: i.status,
      attempts: i.attempts,
      lastError: i.lastError,
      sentAt: i.sentAt?.toISOString() ?? null,
    })),
  };
}

export type MeetingsQuery = {
  accountId?: string;
  from: Date;
  to: Date;
  status?: MeetingStatus[];
  attendee?: UserId;
  limit: number;
  cursor?: string;
};

export async function listMeetings(db: Db, scope: AccountScope, query: MeetingsQuery) {
  const keyset = timeKeyset('meetings', query.cursor, 'asc');
  const rows = await store.listMeetings(db, scope, {
    ...query,
    ...(keyset.after ? { after: keyset.after } : {}),
  });
  const attendees = await store.attendeesOf(
    db,
    scope.workspaceId,
    rows.slice(0, query.limit).map((r) => r.id),
  );
  return keyset.page(
    rows,
    query.limit,
    (row) => describeMeeting(row, attendees),
    (row) => row.starts_at,
  );
}
