// Scheduling meetings with a customer: QBRs, check-ins, kickoffs, renewal calls. A meeting
// has the team's people and the account's contacts (this workspace only), an agenda and
// notes; scheduling, rescheduling and cancelling send invitations (SEQUENCE up on every
// change). Holding it and its action items are in actionItems.ts.
import type { Actor } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { MeetingKind } from '../../../db/schema.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, fieldProblem, invalid, type FieldError } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { addTimelineEvent, getAccount, type AccountScope } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import * as store from '../store/meetings.ts';
import { queueInvites } from './invites.ts';
import { findMeetingOrFail, getMeeting } from './view.ts';
import { isTimeZone } from './vtimezone.ts';

export type Organizer = ChangeAuthor &
  Pick<Actor, 'permissions' | 'locale' | 'timeZone'> & { userId: UserId };

export type Attendees = { userIds: string[]; contactIds: string[] };

export type NewMeeting = {
  accountId: string;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone?: string;
  location?: string | null;
  agenda?: string | null;
  attendees: Attendees;
};

export type MeetingChanges = Partial<
  Omit<NewMeeting, 'accountId' | 'attendees'> & { notes: string | null; attendees: Attendees }
>;

/** QBRs are the persona guide's own permission (`schedule_business_reviews`). */
function checkKind(by: Organizer, kind: MeetingKind) {
  if (kind === 'qbr' && !by.permissions.has('schedule_business_reviews')) {
    throw new AppError('auth.forbidden', { key: 'revenue.problem.qbrNeedsPermission' });
  }
}

function checkTimes(
  when: { startsAt: Date; endsAt: Date; timeZone: string },
  now: Date,
  options: { startChanged: boolean },
) {
  const errors: FieldError[] = [];
  if (Number.isNaN(when.startsAt.getTime()))
    errors.push(fieldProblem('startsAt', 'revenue.field.notATime'));
  else if (options.startChanged && when.startsAt.getTime() <= now.getTime()) {
    errors.push(fieldProblem('startsAt', 'revenue.field.inThePast'));
  }
  if (Number.isNaN(when.endsAt.getTime()))
    errors.push(fieldProblem('endsAt', 'revenue.field.notATime'));
  else if (when.endsAt.getTime() <= when.startsAt.getTime()) {
    errors.push(fieldProblem('endsAt', 'revenue.field.endAfterStart'));
  }
  if (!isTimeZone(when.timeZone)) {
    errors.push(fieldProblem('timeZone', 'revenue.field.timeZone'));
  }
  if (errors.length > 0) throw invalid(errors, { key: 'revenue.problem.meetingTime' });
}

/** Attendees are people of this workspace and contacts of this account, nobody else. */
async function checkAttendees(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  attendees: Attendees,
) {
  const [users, contacts] = await Promise.all([
    store.usersIn(db, workspaceId, attendees.userIds),
    store.contactsOfAccount(db, workspaceId, accountId, attendees.contactIds),
  ]);
  const errors = [
    ...attendees.userIds.flatMap((id, i) =>
      users.has(id) ? [] : [fieldProblem(`attendees.userIds.${i}`, 'errors.field.noPerson')],
    ),
    ...attendees.contactIds.flatMap((id, i) =>
      contacts.has(id)
        ? []
        : [fieldProblem(`attendees.contactIds.${i}`, 'revenue.field.notAContact')],
    ),
  ];
  if (errors.length > 0) throw invalid(errors, { key: 'revenue.problem.attendees' });
}

export const unique = (ids: string[]) => [...new Set(ids)];

export async function scheduleMeeting(
  db: Db,
  clock: Clock,
  by: Organizer,
  scope: AccountScope,
  input: NewMeeting,
  /** Steward's public address: the invitation links back to the account. */
  publicUrl?: string,
) {
  checkKind(by, input.kind);
  const account = await getAccount(db, scope, input.accountId);
  const now = clock.now();
  const when = {
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    timeZone: input.timeZone ?? by.timeZone,
  };
  checkTimes(when, now, { startChanged: true });
  const attendees = {
    // The organizer attends their own meeting; they get no invitation from themselves.
    userIds: unique(input.attendees.userIds.filter((id) => id !== by.userId)),
    contactIds: unique(input.attendees.contactIds),
  };
  await checkAttendees(db, by.workspaceId, account.id, attendees);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await store.insertMeeting(trx, {
      workspaceId: by.workspaceId,
      accountId: account.id,
      organizerId: by.userId,
      kind: input.kind,
      title: input.title,
      ...when,
      location: input.location ?? null,
      agenda: input.agenda ?? null,
      notes: null,
      at: now,
    });
    await store.addAttendees(trx, by.workspaceId, id, {
      userIds: [by.userId, ...attendees.userIds],
      contactIds: attendees.contactIds,
    });
    const invited = (await store.attendeesOf(trx, by.workspaceId, [id])).filter(
      (a) => a.userId !== by.userId,
    );
    await queueInvites(
      trx,
      by.workspaceId,
      { id, organizerLocale: by.locale, timeZone: when.timeZone },
      { method: 'REQUEST', sequence: 0, at: now },
      invited,
      publicUrl,
    );
    // The title is the organizer's own words; the timeline shows it as they wrote it.
    await addTimelineEvent(trx, {
      workspaceId: by.workspaceId,
      accountId: account.id,
      kind: 'meeting',
      title: input.title,
      occurredAt: when.startsAt,
      source: 'revenue',
      sourceId: `meeting:${id}`,
      actorId: by.userId,
      data: { meetingId: id, kind: input.kind, endsAt: when.endsAt.toISOString() },
    });
    await recordAudit(trx, by, {
      action: 'meeting.scheduled',
      entityType: 'meeting',
      entityId: id,
      changes: { accountId: account.id, kind: input.kind, startsAt: input.startsAt, attendees },
    });
    return id;
  });
  return getMeeting(db, scope, id);
}

/** The fields an invitation shows: changing one sends the attendees an update. */
const invitationFields = ['title', 'startsAt', 'endsAt', 'timeZone', 'location', 'agenda'] as const;

export async function changeMeeting(
  db: Db,
  clock: Clock,
  by: Organizer,
  scope: AccountScope,
  id: string,
  changes: MeetingChanges,
  publicUrl?: string,
) {
  const meeting = await findMeetingOrFail(db, scope, id);
  if (meeting.status === 'cancelled') {
    throw new AppError('meeting.not_allowed', { key: 'revenue.problem.meetingWasCancelled' });
  }
  if (changes.kind) checkKind(by, changes.kind);
  const now = clock.now();
  const when = {
    startsAt: changes.startsAt ? new Date(changes.startsAt) : meeting.starts_at,
    endsAt: changes.endsAt ? new Date(changes.endsAt) : meeting.ends_at,
    timeZone: changes.timeZone ?? meeting.time_zone,
  };
  const startChanged =
    changes.startsAt !== undefined && when.startsAt.getTime() !== meeting.starts_at.getTime();
  checkTimes(when, now, { startChanged });
  const before = await store.attendeesOf(db, scope.workspaceId, [meeting.id]);
  const next = changes.attendees
    ? {
        userIds: unique(changes.attendees.userIds),
        contactIds: unique(changes.attendees.contactIds),
      }
    : null;
  if (next) await checkAttendees(db, by.workspaceId, meeting.account_id, next);
  const had = {
    userIds: before.flatMap((a) => (a.userId ? [a.userId] : [])),
    contactIds: before.flatMap((a) => (a.contactId ? [a.contactId] : [])),
  };
  const organizerId = meeting.organizer_id;
  const added = next
    ? {
        userIds: next.userIds.filter((u) => !had.userIds.includes(u) && u !== organizerId),
        contactIds: next.contactIds.filter((c) => !had.contactIds.includes(c)),
      }
    : { userIds: [], contactIds: [] };
  const removed = next
    ? {
        userIds: had.userIds.filter((u) => !next.userIds.includes(u) && u !== organizerId),
        contactIds: had.contactIds.filter((c) => !next.contactIds.includes(c)),
      }
    : { userIds: [], contactIds: [] };
  const invitationChanged = invitationFields.some((field) => {
    const value = changes[field];
    if (value === undefined) return false;
    if (field === 'startsAt') return startChanged;
    if (field === 'endsAt') return when.endsAt.getTime() !== meeting.ends_at.getTime();
    const current = {
      title: meeting.title,
      timeZone: meeting.time_zone,
      location: meeting.location,
      agenda: meeting.agenda,
    }[field];
    return value !== current;
  });
  const peopleChanged =
    added.userIds.length +
      added.contactIds.length +
      removed.userIds.length +
      removed.contactIds.length >
    0;
  const sequence = invitationChanged || peopleChanged ? meeting.sequence + 1 : meeting.sequence;
  await db.transaction().execute(async (trx) => {
    await store.updateMeetingRow(trx, by.workspaceId, meeting.id, {
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.location !== undefined ? { location: changes.location } : {}),
      ...(changes.agenda !== undefined ? { agenda: changes.agenda } : {}),
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
      ...when,
      sequence,
      at: now,
    });
    await store.removeAttendees(trx, by.workspaceId, meeting.id, removed);
    await store.addAttendees(trx, by.workspaceId, meeting.id, added);
    const after = await store.attendeesOf(trx, by.workspaceId, [meeting.id]);
    const organizer = { id: meeting.id, organizerLocale: by.locale, timeZone: when.timeZone };
    if (sequence !== meeting.sequence) {
      // Everyone still invited gets the new version; those taken off get a cancellation.
      await queueInvites(
        trx,
        by.workspaceId,
        organizer,
        { method: 'REQUEST', sequence, at: now },
        after.filter((a) => a.userId !== organizerId),
        publicUrl,
      );
      await queueInvites(
        trx,
        by.workspaceId,
        organizer,
        { method: 'CANCEL', sequence, at: now },
        before.filter(
          (a) =>
            (a.userId !== null && removed.userIds.includes(a.userId)) ||
            (a.contactId !== null && removed.contactIds.includes(a.contactId)),
        ),
        publicUrl,
      );
    }
    await recordAudit(trx, by, {
      action: startChanged ? 'meeting.rescheduled' : 'meeting.updated',
      entityType: 'meeting',
      entityId: meeting.id,
      changes: { ...changes, sequence },
    });
  });
  return getMeeting(db, scope, meeting.id);
}

export async function cancelMeeting(
  db: Db,
  clock: Clock,
  by: Organizer,
  scope: AccountScope,
  id: string,
  publicUrl?: string,
) {
  const meeting = await findMeetingOrFail(db, scope, id);
  if (meeting.status !== 'scheduled') {
    throw new AppError('meeting.not_allowed', {
      key:
        meeting.status === 'held'
          ? 'revenue.problem.alreadyHeld'
          : 'revenue.problem.alreadyCancelled',
    });
  }
  const now = clock.now();
  const sequence = meeting.sequence + 1;
  await db.transaction().execute(async (trx) => {
    await store.updateMeetingRow(trx, by.workspaceId, meeting.id, {
      status: 'cancelled',
      cancelledAt: now,
      sequence,
      at: now,
    });
    const attendees = await store.attendeesOf(trx, by.workspaceId, [meeting.id]);
    await queueInvites(
      trx,
      by.workspaceId,
      { id: meeting.id, organizerLocale: by.locale, timeZone: meeting.time_zone },
      { method: 'CANCEL', sequence, at: now },
      attendees.filter((a) => a.userId !== meeting.organizer_id),
      publicUrl,
    );
    await recordAudit(trx, by, {
      action: 'meeting.cancelled',
      entityType: 'meeting',
      entityId: meeting.id,
      changes: { sequence },
    });
  });
  return getMeeting(db, scope, meeting.id);
}
