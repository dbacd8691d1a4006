// One e-mail outbox. Meeting invitations had their own (`meeting_invites`, sent by revenue's
// `meeting__send_invite` job): a second sender, retry policy and Message-ID scheme beside
// notify's `deliveries`. Now an invitation is a delivery like any other. A delivery may go to
// someone who is no Steward user (a customer's contact): `user_id` becomes optional, and the
// row then carries the address, language and time zone it is written for. A letter a module
// composes carries its subject and paragraphs as message keys with their parameters (rendered
// at send time in the recipient's language and zone, never stored as sentences) and may carry
// one attachment (an invitation's .ics, `text/calendar; method=REQUEST|CANCEL`). `about` names
// what the message is about in its owner's words (`meeting:<id>`, at `about_version`, the
// invitation's SEQUENCE), and `dedupe_key` keeps a retried writer from queueing it twice.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table deliveries
      alter column user_id drop not null,
      drop constraint deliveries_check,
      add column email text,
      add column recipient_name text,
      add column locale text check (locale in ('en', 'ru')),
      add column time_zone text,
      add column subject jsonb,
      add column body jsonb,
      add column attachment_name text,
      add column attachment_type text,
      add column attachment text,
      add column about text,
      add column about_version integer,
      add column dedupe_key text,
      -- What it sends: a notification, a digest, or a letter composed by its module.
      add constraint deliveries_source_check
        check (num_nonnulls(notification_id, digest_id, subject) = 1),
      add constraint deliveries_letter_check
        check ((subject is null) = (body is null) and (subject is null or channel = 'email')),
      -- Someone who is no user is written to at their address, in their language and zone.
      add constraint deliveries_recipient_check
        check (user_id is not null or (email is not null and locale is not null and time_zone is not null)),
      add constraint deliveries_attachment_check
        check ((attachment is null) = (attachment_type is null)
          and (attachment is null) = (attachment_name is null));
    create unique index deliveries_dedupe_key on deliveries (workspace_id, dedupe_key)
      where dedupe_key is not null;
    -- A meeting's invitations, in the order they were queued (revenue's meeting page).
    create index deliveries_about_idx on deliveries (workspace_id, about, created_at)
      where about is not null;
  `.execute(db);

  // The invitations queued or sent so far, as deliveries with the same ids: subject and
  // paragraphs as revenue composes them (meetings/invites.ts), their history kept.
  await sql`
    insert into deliveries (id, workspace_id, user_id, channel, status, attempts, last_error,
      created_at, sent_at, email, recipient_name, locale, time_zone, subject, body, about,
      about_version, dedupe_key)
    select i.id, i.workspace_id, null, 'email', i.status, i.attempts, i.last_error,
      i.created_at, i.sent_at, i.email, i.name, i.locale, i.time_zone,
      jsonb_build_object('key', 'revenue.invite.' || k.subject,
        'params', jsonb_build_object('title', m.title)),
      jsonb_build_array(jsonb_build_object('key', 'revenue.invite.' || k.body,
        'params', jsonb_build_object('title', m.title, 'account', a.name,
          'organizer', coalesce(o.name, 'Steward'),
          'when', jsonb_build_object('dateTime',
            to_char(m.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
          'zone', i.time_zone)))
        || case when m.location is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object(
          'key', 'revenue.invite.location', 'params', jsonb_build_object('location', m.location)))
          end
        || case when m.agenda is null or i.method <> 'REQUEST' then '[]'::jsonb
          else jsonb_build_array(jsonb_build_object('key', 'revenue.invite.agendaText',
            'params', jsonb_build_object('agenda', m.agenda))) end
        || jsonb_build_array(jsonb_build_object('key', 'revenue.invite.calendar')),
      'meeting:' || i.meeting_id, i.sequence,
      'invite:' || i.meeting_id || ':' || i.sequence || ':' || i.method || ':' || i.email
    from meeting_invites i
    join meetings m on m.id = i.meeting_id
    join accounts a on a.id = m.account_id
    left join users o on o.id = m.organizer_id
    cross join lateral (select
      case when i.method = 'CANCEL' then 'cancelledSubject'
        when i.sequence > 0 then 'updatedSubject' else 'subject' end as subject,
      case when i.method = 'CANCEL' then 'cancelledBody'
        when i.sequence > 0 then 'updatedBody' else 'body' end as body) k
  `.execute(db);

  // Those still to send need their invitation (the old job built it when it sent).
  const pending = await sql<PendingInvite>`
    select i.id, i.method, i.sequence, i.created_at, m.id as meeting_id, m.title, m.starts_at,
      m.ends_at, m.location, m.agenda, o.name as organizer_name, o.email as organizer_email,
      coalesce((select json_agg(json_build_object('name', coalesce(u.name, c.name),
          'email', coalesce(u.email, c.email)) order by coalesce(u.name, c.name))
        from meeting_attendees ma
        left join users u on u.id = ma.user_id
        left join contacts c on c.id = ma.contact_id
        where ma.meeting_id = m.id and ma.user_id is distinct from m.organizer_id
          and coalesce(u.email, c.email) is not null), '[]') as attendees
    from meeting_invites i
    join meetings m on m.id = i.meeting_id
    left join users o on o.id = m.organizer_id
    where i.status = 'pending'`.execute(db);
  for (const invite of pending.rows) {
    await sql`update deliveries set attachment = ${frozenIcs(invite)},
        attachment_type = ${`text/calendar; method=${invite.method}`},
        attachment_name = 'invite.ics'
      where id = ${invite.id}`.execute(db);
  }

  // Their send jobs become notify's; the old task has no handler now.
  await sql`
    do $$
    begin
      if to_regclass('graphile_worker._private_jobs') is null then
        return;
      end if;
      delete from graphile_worker._private_jobs j
      using graphile_worker._private_tasks t
      where t.id = j.task_id and t.identifier = 'meeting__send_invite';
      perform graphile_worker.add_job('delivery__send', json_build_object('deliveryId', d.id),
        max_attempts => 8)
      from deliveries d
      where d.about like 'meeting:%' and d.status = 'pending';
    end
    $$;
    drop table meeting_invites;
  `.execute(db);
}

type PendingInvite = {
  id: string;
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  created_at: Date;
  meeting_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  agenda: string | null;
  organizer_name: string | null;
  organizer_email: string | null;
  attendees: { name: string | null; email: string }[];
};

/**
 * The invitation of a meeting queued before this migration, as revenue's ics.ts wrote it
 * then, but with times in UTC (no VTIMEZONE: a migration cannot reach the module's zone
 * code, and UTC times are exact in every calendar). Frozen here, as migrations are.
 */
function frozenIcs(invite: PendingInvite): string {
  const text = (t: string) =>
    t.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
  const stamp = (at: Date) => `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  const who = (role: 'ORGANIZER' | 'ATTENDEE', p: { name: string | null; email: string }) =>
    `${role}${p.name ? `;CN="${p.name.replace(/["\r\n]/g, '')}"` : ''}${
      role === 'ATTENDEE'
        ? `;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION${invite.method === 'REQUEST' ? ';RSVP=TRUE' : ''}`
        : ''
    }:mailto:${p.email}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Steward//Meetings//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${invite.method}`,
    'BEGIN:VEVENT',
    `UID:${invite.meeting_id}@steward`,
    `DTSTAMP:${stamp(invite.created_at)}`,
    `SEQUENCE:${invite.sequence}`,
    `DTSTART:${stamp(invite.starts_at)}`,
    `DTEND:${stamp(invite.ends_at)}`,
    `SUMMARY:${text(invite.title)}`,
    ...(invite.agenda ? [`DESCRIPTION:${text(invite.agenda)}`] : []),
    ...(invite.location ? [`LOCATION:${text(invite.location)}`] : []),
    ...(invite.organizer_email
      ? [who('ORGANIZER', { name: invite.organizer_name, email: invite.organizer_email })]
      : []),
    ...invite.attendees.map((a) => who('ATTENDEE', a)),
    `STATUS:${invite.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  // Lines longer than 75 octets fold onto continuation lines starting with a space.
  const fold = (line: string) => {
    const parts: string[] = [];
    let current = '';
    for (const char of line) {
      const limit = parts.length === 0 ? 75 : 74;
      if (Buffer.byteLength(current + char, 'utf8') > limit) {
        parts.push(current);
        current = '';
      }
      current += char;
    }
    parts.push(current);
    return parts.join('\r\n ');
  };
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
