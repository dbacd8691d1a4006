// Invitations: the ICS of a meeting as it stands, and its e-mail to each attendee through
// notify's outbox. A change queues one letter per attendee and version (SEQUENCE) in the
// writer's transaction, with the invitation of that version attached; notify sends it once,
// retrying with backoff like any other e-mail. Team members read it in their language and
// time zone; a customer's contact in the organizer's language and the meeting's zone.
import type { Db } from '../../../db/connect.ts';
import type { Locale, Message } from '../../../i18n/index.ts';
import type { Config } from '../../../config.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { queueLetters } from '../../notify/index.ts';
import * as store from '../store/meetings.ts';
import { meetingIcs, type IcsMethod } from './ics.ts';
import { aboutMeeting, findMeetingOrFail } from './view.ts';

function appUrl(publicUrl: string | undefined, meeting: { account_id: string }) {
  return publicUrl ? `${publicUrl.replace(/\/$/, '')}/accounts/${meeting.account_id}` : null;
}

/** The meeting as an ICS for its attendees, at the version (SEQUENCE) given. */
export function icsFor(
  meeting: store.MeetingRow,
  attendees: store.AttendeeRow[],
  options: { method: IcsMethod; sequence: number; now: Date; publicUrl: string | undefined },
) {
  return meetingIcs(
    {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.starts_at,
      endsAt: meeting.ends_at,
      timeZone: meeting.time_zone,
      location: meeting.location,
      description: meeting.agenda,
      sequence: options.sequence,
      organizer:
        meeting.organizer_email !== null
          ? { name: meeting.organizer_name, email: meeting.organizer_email }
          : null,
      attendees: attendees.flatMap((a) => (a.email ? [{ name: a.name, email: a.email }] : [])),
      url: appUrl(options.publicUrl, meeting),
    },
    options.method,
    options.now,
  );
}

/** The meeting's invitation as it stands: REQUEST, or CANCEL once it is cancelled. */
export async function meetingInvite(
  db: Db,
  clock: Clock,
  config: Pick<Config, 'publicUrl'>,
  scope: AccountScope,
  id: string,
) {
  const meeting = await findMeetingOrFail(db, scope, id);
  const attendees = await store.attendeesOf(db, scope.workspaceId, [meeting.id]);
  const method: IcsMethod = meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const ics = icsFor(
    meeting,
    attendees.filter((a) => a.userId !== meeting.organizer_id),
    { method, sequence: meeting.sequence, now: clock.now(), publicUrl: config.publicUrl },
  );
  return { id: meeting.id, method, ics };
}

/**
 * Queues the invitation of this version for the attendees given, in the caller's transaction:
 * one letter each in notify's outbox, with this version's ICS attached (the meeting as it now
 * stands, every other attendee listed). A version already queued for someone is not queued
 * twice.
 */
export async function queueInvites(
  db: Db,
  workspaceId: WorkspaceId,
  meeting: { id: string; organizerLocale: Locale; timeZone: string },
  invite: { method: IcsMethod; sequence: number; at: Date },
  attendees: store.AttendeeRow[],
  publicUrl?: string,
) {
  const recipients = attendees.flatMap((a) => (a.email ? [{ ...a, email: a.email }] : []));
  if (recipients.length === 0) return 0;
  const row = await store.findMeeting(db, { workspaceId, onlyOwner: null }, meeting.id);
  if (!row) return 0;
  const everyone = (await store.attendeesOf(db, workspaceId, [row.id])).filter(
    (a) => a.userId !== row.organizer_id,
  );
  const ics = icsFor(row, everyone, {
    method: invite.method,
    sequence: invite.sequence,
    now: invite.at,
    publicUrl,
  });
  return queueLetters(
    db,
    workspaceId,
    recipients.map((a) => {
      const timeZone = a.timeZone ?? meeting.timeZone;
      return {
        userId: a.userId,
        email: a.email,
        name: a.name,
        locale: a.locale ?? meeting.organizerLocale,
        timeZone,
        ...letter(invite, row, timeZone),
        attachment: {
          name: 'invite.ics',
          type: `text/calendar; method=${invite.method}`,
          content: ics,
        },
        about: aboutMeeting(row.id),
        aboutVersion: invite.sequence,
        dedupeKey: `invite:${row.id}:${invite.sequence}:${invite.method}:${a.email}`,
      };
    }),
    invite.at,
  );
}

/** The subject and paragraphs of an invitation, as message keys for notify to render. */
function letter(
  invite: { method: IcsMethod; sequence: number },
  meeting: store.MeetingRow,
  timeZone: string,
): { subject: Message; paragraphs: Message[] } {
  const params = {
    title: meeting.title,
    account: meeting.account_name,
    organizer: meeting.organizer_name ?? 'Steward',
    when: { dateTime: meeting.starts_at.toISOString() },
    zone: timeZone,
  };
  const [subject, body] =
    invite.method === 'CANCEL'
      ? (['revenue.invite.cancelledSubject', 'revenue.invite.cancelledBody'] as const)
      : invite.sequence > 0
        ? (['revenue.invite.updatedSubject', 'revenue.invite.updatedBody'] as const)
        : (['revenue.invite.subject', 'revenue.invite.body'] as const);
  return {
    subject: { key: subject, params: { title: meeting.title } },
    paragraphs: [
      { key: body, params },
      ...(meeting.location
        ? [{ key: 'revenue.invite.location' as const, params: { location: meeting.location } }]
        : []),
      ...(meeting.agenda && invite.method === 'REQUEST'
        ? [{ key: 'revenue.invite.agendaText' as const, params: { agenda: meeting.agenda } }]
        : []),
      { key: 'revenue.invite.calendar' },
    ],
  };
}
