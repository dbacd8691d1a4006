// Meeting invitations go out through notify's one outbox: a mail server that turns one
// attendee away for a while delays only that invitation — everyone else's, and the next
// meeting's, go out at once — and the invitation reaches them on a later attempt, once, with
// the same Message-ID, in their language and time zone.
import ICAL from 'ical.js';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEmailTransports } from '../../src/modules/notify/index.ts';
import { signedIn, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, testPassword } from '../support/factories.ts';
import { runJobs, startSmtpServer, type MailCatcher } from '../notify/support.ts';
import { makeTeam, type Team } from './support.ts';

const { deps, clock, database } = await useTestDeps('2026-10-20T13:00:00Z');
const smtp: MailCatcher = await startSmtpServer();
deps.config = { ...deps.config, smtpUrl: smtp.url, publicUrl: 'http://steward.test' };
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);

afterAll(async () => {
  closeEmailTransports();
  await smtp.close();
});

const mailTo = (email: string) =>
  smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes(email));

function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no calendar in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(vevent) };
}

let team: Team;
let accountId: string;
let contactId: string;
let russian: { id: string; email: string };

beforeAll(async () => {
  team = await makeTeam(deps.db, app);
  russian = await makeUser(deps.db, team.workspaceId, {
    name: 'Ольга Смирнова',
    locale: 'ru',
    timezone: 'Europe/Moscow',
  });
  accountId = (
    await makeAccount(deps.db, team.workspaceId, {
      name: 'Globex',
      owner_id: team.csm.id,
      tier: 'enterprise',
    })
  ).id;
  contactId = (
    await deps.db
      .insertInto('contacts')
      .values({
        workspace_id: team.workspaceId,
        account_id: accountId,
        name: 'Hank Scorpio',
        email: 'hank@globex.example',
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

describe('an invitation the mail server turns away', () => {
  let meetingId: string;

  it('waits for its retry while the other attendees and the next meeting get theirs', async () => {
    smtp.busy.add('hank@globex.example');
    const scheduled = await team.as.csm.POST('/api/v1/meetings', {
      body: {
        accountId,
        kind: 'qbr',
        title: 'Globex QBR',
        startsAt: '2026-10-27T15:00:00Z',
        endsAt: '2026-10-27T16:00:00Z',
        timeZone: 'America/New_York',
        attendees: { userIds: [russian.id], contactIds: [contactId] },
      },
    });
    expect(scheduled.response.status).toBe(201);
    meetingId = scheduled.data?.id ?? '';
    await run();

    // Olga's arrived, in Russian and in Moscow time (18:00 there is 11:00 in New York).
    const olga = mailTo(russian.email);
    expect(olga).toHaveLength(1);
    expect(olga[0]?.subject).toBe('Приглашение: Globex QBR');
    expect(olga[0]?.text).toContain('18:00');
    expect(olga[0]?.text).toContain('Europe/Moscow');
    expect(calendarOf(olga[0] as ParsedMail).method).toBe('REQUEST');
    expect(mailTo('hank@globex.example')).toHaveLength(0);

    const meeting = await team.as.csm.GET('/api/v1/meetings/{id}', {
      params: { path: { id: meetingId } },
    });
    const hank = meeting.data?.invites.find((i) => i.email === 'hank@globex.example');
    expect(hank).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(hank?.lastError).toMatch(/451|busy/i);
    expect(meeting.data?.invites.find((i) => i.email === russian.email)?.status).toBe('sent');

    // Another meeting's invitation is not held up behind Hank's.
    const next = await team.as.csm.POST('/api/v1/meetings', {
      body: {
        accountId,
        kind: 'check_in',
        title: 'Globex check-in',
        startsAt: '2026-10-28T15:00:00Z',
        endsAt: '2026-10-28T15:30:00Z',
        attendees: { userIds: [team.manager.id], contactIds: [] },
      },
    });
    expect(next.response.status).toBe(201);
    await run();
    expect(mailTo(team.manager.email).map((m) => m.subject)).toEqual([
      'Invitation: Globex check-in',
    ]);
    expect(mailTo('hank@globex.example')).toHaveLength(0);
  });

  it('reaches the attendee on a later attempt once the server takes mail again, sent once', async () => {
    // graphile-worker keeps the send job, its attempt counted, due again after its backoff.
    const { rows } = await sql<{ run_at: Date; attempts: number; last_error: string | null }>`
      select j.run_at, j.attempts, j.last_error from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'delivery__send'`.execute(deps.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/451|busy/i) });
    smtp.busy.clear();
    clock.set(new Date((rows[0]?.run_at.getTime() ?? 0) + 1000));
    await run();
    const hank = mailTo('hank@globex.example');
    expect(hank).toHaveLength(1);
    expect(hank[0]?.subject).toBe('Invitation: Globex QBR');
    const { method, event } = calendarOf(hank[0] as ParsedMail);
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe(`${meetingId}@steward`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-27T15:00:00.000Z');
    // One Message-ID per outbox row, whatever the attempt: Olga's and Hank's differ.
    expect(hank[0]?.messageId).toMatch(/^<delivery\.[0-9a-f-]+@/);
    expect(hank[0]?.messageId).not.toBe(mailTo(russian.email)[0]?.messageId);

    // The retry came weeks later on the worker's clock: the CSM signs in again to look.
    const csm = await signedIn(app, team.csm.email, testPassword);
    const meeting = await csm.GET('/api/v1/meetings/{id}', {
      params: { path: { id: meetingId } },
    });
    expect(meeting.data?.invites.find((i) => i.email === 'hank@globex.example')).toMatchObject({
      status: 'sent',
      attempts: 2,
      method: 'REQUEST',
      sequence: 0,
    });

    // Nothing left to send: another run sends nobody anything twice.
    const before = smtp.mails.length;
    clock.advance(3_600_000);
    await run();
    expect(smtp.mails).toHaveLength(before);
    expect(mailTo(russian.email)).toHaveLength(1);
  });
});
