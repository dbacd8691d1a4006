// Migration 0018 on the invitations revenue's own outbox held: each becomes a delivery with the
// same id and history, its subject and paragraphs as message keys that read the same in
// English and Russian; one still to send carries its invitation (in UTC) for notify to send;
// revenue's table is gone.
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageSchema, renderMessage } from '../../i18n/index.ts';
import { useMigratingDatabase } from '../../../test/support/db.ts';

const database = await useMigratingDatabase();
const ids = { sent: '', pending: '', meeting: '' };

beforeAll(async () => {
  await database.migrateTo('0017_sign_in');
  const { rows } = await sql<{ sent: string; pending: string; meeting: string }>`
    with w as (insert into workspaces (name, slug) values ('Old', 'old') returning id),
    a as (insert into accounts (workspace_id, name, external_id, custom_fields)
      select id, 'Acme Logistics', 'acme', '{}' from w returning id, workspace_id),
    o as (insert into users (workspace_id, email, name, role, timezone)
      select id, 'jordan@steward.example', 'Jordan Taylor', 'csm', 'America/New_York' from w
      returning id, workspace_id),
    c as (insert into contacts (workspace_id, account_id, name, email)
      select workspace_id, id, 'Maria Garcia', 'maria@acme.example' from a
      returning id, workspace_id),
    m as (insert into meetings (workspace_id, account_id, kind, title, starts_at, ends_at,
        time_zone, location, agenda, sequence, organizer_id, created_by, created_at, updated_at)
      select a.workspace_id, a.id, 'qbr', 'Q4 review', '2026-11-06T15:00:00Z',
        '2026-11-06T16:00:00Z', 'America/New_York', 'Zoom', 'Usage, renewal', 1, o.id, o.id,
        now(), now()
      from a, o returning id, workspace_id),
    ma as (insert into meeting_attendees (workspace_id, meeting_id, contact_id)
      select m.workspace_id, m.id, c.id from m, c),
    sent as (insert into meeting_invites (workspace_id, meeting_id, email, name, locale,
        time_zone, method, sequence, status, attempts, created_at, sent_at)
      select workspace_id, id, 'maria@acme.example', 'Maria Garcia', 'ru', 'Europe/Madrid',
        'REQUEST', 0, 'sent', 1, now() - interval '1 day', now() - interval '1 day' from m
      returning id),
    pending as (insert into meeting_invites (workspace_id, meeting_id, email, name, locale,
        time_zone, method, sequence, status, attempts, last_error, created_at)
      select workspace_id, id, 'maria@acme.example', 'Maria Garcia', 'en', 'America/New_York',
        'REQUEST', 1, 'pending', 2, 'connection refused', now() from m
      returning id)
    select sent.id as sent, pending.id as pending, m.id as meeting from sent, pending, m
  `.execute(database.db);
  const made = rows[0];
  if (!made) throw new Error('nothing made');
  Object.assign(ids, made);
  await database.migrateTo('0018_one_outbox');
});

const delivery = (id: string) =>
  database.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('migration 0018: one outbox', () => {
  it('moves every invitation into deliveries with its id and history, and drops the old table', async () => {
    const sent = await delivery(ids.sent);
    expect(sent).toMatchObject({
      user_id: null,
      channel: 'email',
      status: 'sent',
      attempts: 1,
      email: 'maria@acme.example',
      recipient_name: 'Maria Garcia',
      locale: 'ru',
      time_zone: 'Europe/Madrid',
      about: `meeting:${ids.meeting}`,
      about_version: 0,
      attachment: null,
    });
    const pending = await delivery(ids.pending);
    expect(pending).toMatchObject({
      status: 'pending',
      attempts: 2,
      last_error: 'connection refused',
      about_version: 1,
    });
    const { rows } = await sql<{ table: string | null }>`
      select to_regclass('meeting_invites')::text as table`.execute(database.db);
    expect(rows[0]?.table).toBeNull();
  });

  it('writes their subject and paragraphs as message keys, read in the recipient’s language', async () => {
    const sent = await delivery(ids.sent);
    const subject = messageSchema.parse(sent.subject);
    expect(renderMessage(subject, 'ru')).toBe('Приглашение: Q4 review');
    const body = (sent.body ?? []).map((p) => messageSchema.parse(p));
    expect(body.map((p) => p.key)).toEqual([
      'revenue.invite.body',
      'revenue.invite.location',
      'revenue.invite.agendaText',
      'revenue.invite.calendar',
    ]);
    expect(renderMessage(body[0] ?? subject, 'en', 'Europe/Madrid')).toBe(
      'Jordan Taylor invites you to “Q4 review” with Acme Logistics, Nov 6, 2026, 4:00 PM (Europe/Madrid).',
    );
    const update = await delivery(ids.pending);
    expect(renderMessage(messageSchema.parse(update.subject), 'en')).toBe('Updated: Q4 review');
  });

  it('attaches to the one still to send an invitation a calendar reads, at its SEQUENCE', async () => {
    const pending = await delivery(ids.pending);
    expect(pending.attachment_type).toBe('text/calendar; method=REQUEST');
    expect(pending.attachment_name).toBe('invite.ics');
    const calendar = new ICAL.Component(ICAL.parse(pending.attachment ?? ''));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${ids.meeting}@steward`);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-06T15:00:00.000Z');
    expect(event.location).toBe('Zoom');
    expect(event.description).toBe('Usage, renewal');
    expect(event.organizer).toBe('mailto:jordan@steward.example');
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:maria@acme.example']);
  });
});
