// Invitations: the ICS of a meeting as it stands, and its e-mail to each attendee through the
// invitation outbox. A change queues one row per attendee and version (SEQUENCE) in the
// writer's transaction, with its `meeting__send_invite` job; the job re-reads the row, sends
// once, and retries with backoff on failure. Team members read the e-mail in their language
// and time zone; a customer's contact in the organizer's language and the meeting's zone.
import type { Deps } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import { enqueue, type JobHandler } from '../../../jobs/registry.ts';
import { renderMessage, type Message } from '../../../i18n/index.ts';
import type { Config } from '../../../config.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { sendEmail } from '../../notify/index.ts';
import * as outbox from '../store/invites.ts';
import * as store from '../store/meetings.ts';
import { meetingIcs, type IcsMethod } from './ics.ts';
import { findMeetingOrFail } from './view.ts';

export const maxInviteAttempts = 5;

/** Not worth retrying: nothing will change until someone configures something. */
class PermanentInviteError extends Error {}

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
 * Queues the invitation of this version for the attendees given (all of them by default), in
 * the caller's transaction, each with its send job.
 */
export async function queueInvites(
  db: Db,
  workspaceId: WorkspaceId,
  meeting: { id: string; organizerLocale: 'en' | 'ru'; timeZone: string },
  invite: { method: IcsMethod; sequence: number; at: Date },
  attendees: store.AttendeeRow[],
) {
  const recipients = attendees.flatMap((a) =>
    a.email
      ? [
          {
            email: a.email,
            name: a.name,
            locale: a.locale ?? meeting.organizerLocale,
            timeZone: a.timeZone ?? meeting.timeZone,
          },
        ]
      : [],
  );
  const queued = await outbox.queueInvites(db, workspaceId, meeting.id, invite, recipients);
  for (const row of queued) {
    // Due at the clock's now, not the database's: jobs follow Steward's Clock like the rest.
    await enqueue(
      db,
      'meeting__send_invite',
      { inviteId: row.id },
      { runAt: invite.at, maxAttempts: maxInviteAttempts },
    );
  }
  return queued.length;
}

function letter(
  invite: { method: IcsMethod; sequence: number; locale: 'en' | 'ru'; time_zone: string },
  meeting: store.MeetingRow,
) {
  const render = (m: Message) => renderMessage(m, invite.locale, invite.time_zone);
  const params = {
    title: meeting.title,
    account: meeting.account_name,
    organizer: meeting.organizer_name ?? 'Steward',
    when: { dateTime: meeting.starts_at.toISOString() },
    zone: invite.time_zone,
  };
  const [subject, body] =
    invite.method === 'CANCEL'
      ? (['revenue.invite.cancelledSubject', 'revenue.invite.cancelledBody'] as const)
      : invite.sequence > 0
        ? (['revenue.invite.updatedSubject', 'revenue.invite.updatedBody'] as const)
        : (['revenue.invite.subject', 'revenue.invite.body'] as const);
  const lines = [
    render({ key: body, params }),
    ...(meeting.location
      ? [render({ key: 'revenue.invite.location', params: { location: meeting.location } })]
      : []),
    ...(meeting.agenda && invite.method === 'REQUEST'
      ? [`${render({ key: 'revenue.invite.agenda' })}:\n${meeting.agenda}`]
      : []),
    render({ key: 'revenue.invite.calendar' }),
  ];
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
  return {
    subject: render({ key: subject, params: { title: meeting.title } }),
    text: lines.join('\n\n'),
    html: lines.map((l) => `<p>${escape(l)}</p>`).join(''),
  };
}

export const sendInvite: JobHandler<'meeting__send_invite'> = async (deps: Deps, payload) => {
  const { db, clock, config } = deps;
  const invite = await outbox.findInvite(db, payload.inviteId);
  if (!invite || invite.status !== 'pending') return;
  const scope = { workspaceId: invite.workspace_id as WorkspaceId, onlyOwner: null };
  const meeting = await store.findMeeting(db, scope, invite.meeting_id);
  const attempts = invite.attempts + 1;
  try {
    if (!meeting) throw new PermanentInviteError('the meeting no longer exists');
    if (!config.smtpUrl) throw new PermanentInviteError('SMTP_URL is not configured');
    const attendees = (await store.attendeesOf(db, scope.workspaceId, [meeting.id])).filter(
      (a) => a.userId !== meeting.organizer_id,
    );
    const content = icsFor(meeting, attendees, {
      method: invite.method,
      sequence: invite.sequence,
      now: clock.now(),
      publicUrl: config.publicUrl,
    });
    await sendEmail(config.smtpUrl, config.mailFrom, {
      to: invite.name ? `"${invite.name.replace(/"/g, '')}" <${invite.email}>` : invite.email,
      ...letter(invite, meeting),
      icalEvent: { method: invite.method, content, filename: 'invite.ics' },
      messageId: { kind: 'invite', id: invite.id },
    });
  } catch (error) {
    const failed = error instanceof PermanentInviteError || attempts >= maxInviteAttempts;
    await outbox.markInvite(db, invite.id, {
      status: failed ? 'failed' : 'pending',
      attempts,
      lastError: error instanceof Error ? error.message : String(error),
    });
    // Thrown, graphile-worker retries later; once failed for good there is nothing to retry.
    if (!failed) throw error;
    return;
  }
  await outbox.markInvite(db, invite.id, { status: 'sent', attempts, sentAt: clock.now() });
};
