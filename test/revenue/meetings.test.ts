// Meetings end to end: scheduling a QBR invites the attendees by e-mail with an iCalendar
// invitation a real calendar library reads; rescheduling across the change from summer time
// keeps the local time and raises SEQUENCE; cancelling sends a CANCEL; a held meeting's action
// items, and those added to any meeting, become tasks; overdue QBRs follow each tier's cadence;
// bad input names its field.
import ICAL from 'ical.js';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEmailTransports } from '../../src/modules/notify/index.ts';
import { testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace } from '../support/factories.ts';
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

function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no calendar in "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(vevent) };
}

const mailTo = (email: string) =>
  smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes(email));

let team: Team;
let accountId: string;
const contacts: { id: string; email: string }[] = [];

beforeAll(async () => {
  team = await makeTeam(deps.db, app);
  accountId = (
    await makeAccount(deps.db, team.workspaceId, {
      name: 'Acme Logistics',
      owner_id: team.csm.id,
      tier: 'enterprise',
    })
  ).id;
  for (const [name, email] of [
    ['Maria Garcia', 'maria@acme.example'],
    ['Igor Petrov', 'igor@acme.example'],
  ] as const) {
    const row = await deps.db
      .insertInto('contacts')
      .values({
        workspace_id: team.workspaceId,
        account_id: accountId,
        name,
        email,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    contacts.push({ id: row.id, email });
  }
});

describe('scheduling a QBR', () => {
  let meetingId: string;

  it('invites the team and the customer’s contacts with an invitation their calendar reads', async () => {
    const { data, response } = await team.as.csm.POST('/api/v1/meetings', {
      body: {
        accountId,
        kind: 'qbr',
        title: 'Q4 business review',
        // 10:00 in New York, summer time still on.
        startsAt: '2026-10-30T14:00:00Z',
        endsAt: '2026-10-30T15:00:00Z',
        timeZone: 'America/New_York',
        location: 'Zoom',
        agenda: 'Health and usage\nRenewal plan',
        attendees: {
          userIds: [team.manager.id],
          contactIds: contacts.map((c) => c.id),
        },
      },
    });
    expect(response.status).toBe(201);
    meetingId = data?.id ?? '';
    expect(data?.attendees.map((a) => a.name).sort()).toEqual(
      ['Igor Petrov', 'Jordan Taylor', 'Maria Garcia', 'Morgan Manager'].sort(),
    );
    expect(data?.invites.map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);
    await run();
    const maria = mailTo('maria@acme.example');
    expect(maria).toHaveLength(1);
    expect(maria[0]?.subject).toBe('Invitation: Q4 business review');
    expect(maria[0]?.text).toContain(
      'Jordan Taylor invites you to “Q4 business review” with Acme Logistics',
    );
    const { method, event } = calendarOf(maria[0] as ParsedMail);
    expect(method).toBe('REQUEST');
    expect(event.sequence).toBe(0);
    expect(event.startDate.toString()).toBe('2026-10-30T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-30T14:00:00.000Z');
    expect(event.organizer).toBe(`mailto:${team.csm.email}`);
    // The organizer sends the invitation; they do not receive one.
    expect(mailTo(team.csm.email)).toHaveLength(0);
    const after = await team.as.csm.GET('/api/v1/meetings/{id}', {
      params: { path: { id: meetingId } },
    });
    expect(after.data?.invites.every((i) => i.status === 'sent')).toBe(true);
  });

  it('serves the invitation as an .ics that parses', async () => {
    const response = await app.request(`/api/v1/meetings/${meetingId}/invite.ics`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar;.*method=REQUEST/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('summary')).toBe(
      'Q4 business review',
    );
  });

  it('moves the meeting past the change from summer time: still 10:00 there, SEQUENCE 1', async () => {
    smtp.mails.length = 0;
    const { data, response } = await team.as.csm.PATCH('/api/v1/meetings/{id}', {
      params: { path: { id: meetingId } },
      // 10:00 in New York on 6 November is 15:00 UTC: the clocks went back on the 1st.
      body: { startsAt: '2026-11-06T15:00:00Z', endsAt: '2026-11-06T16:00:00Z' },
    });
    expect(response.status).toBe(200);
    expect(data?.sequence).toBe(1);
    await run();
    const update = mailTo('igor@acme.example');
    expect(update[0]?.subject).toBe('Updated: Q4 business review');
    const { method, event } = calendarOf(update[0] as ParsedMail);
    expect(method).toBe('REQUEST');
    expect(event.sequence).toBe(1);
    expect(event.startDate.toString()).toBe('2026-11-06T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-06T15:00:00.000Z');
  });

  it('sends a cancellation to someone taken off the meeting', async () => {
    smtp.mails.length = 0;
    const { data } = await team.as.csm.PATCH('/api/v1/meetings/{id}', {
      params: { path: { id: meetingId } },
      body: { attendees: { userIds: [team.manager.id], contactIds: [contacts[0]?.id ?? ''] } },
    });
    expect(data?.sequence).toBe(2);
    await run();
    expect(calendarOf(mailTo('igor@acme.example')[0] as ParsedMail).method).toBe('CANCEL');
    expect(calendarOf(mailTo('maria@acme.example')[0] as ParsedMail).method).toBe('REQUEST');
  });

  it('keeps notes without sending anything', async () => {
    smtp.mails.length = 0;
    const { data } = await team.as.csm.PATCH('/api/v1/meetings/{id}', {
      params: { path: { id: meetingId } },
      body: { notes: 'Prep: pull the usage chart' },
    });
    expect(data?.sequence).toBe(2);
    await run();
    expect(smtp.mails).toHaveLength(0);
  });

  it('cancels with METHOD:CANCEL to every attendee', async () => {
    smtp.mails.length = 0;
    const { data } = await team.as.csm.POST('/api/v1/meetings/{id}/cancel', {
      params: { path: { id: meetingId } },
    });
    expect(data).toMatchObject({ status: 'cancelled', sequence: 3 });
    await run();
    expect(smtp.mails).toHaveLength(2);
    for (const mail of smtp.mails) {
      expect(mail.subject).toBe('Cancelled: Q4 business review');
      const { method, event } = calendarOf(mail);
      expect(method).toBe('CANCEL');
      expect(event.sequence).toBe(3);
      expect(event.uid).toBe(`${meetingId}@steward`);
    }
    const again = await team.as.csm.POST('/api/v1/meetings/{id}/cancel', {
      params: { path: { id: meetingId } },
    });
    expect(again.response.status).toBe(409);
  });
});

async function token() {
  const { data } = await team.as.csm.POST('/api/v1/api-tokens', {
    body: { name: 'ics', scopes: ['view_accounts'] },
  });
  return data?.token ?? '';
}

describe('holding a meeting', () => {
  it('marks it held and turns its action items into tasks on the account', async () => {
    const scheduled = await team.as.csm.POST('/api/v1/meetings', {
      body: {
        accountId,
        kind: 'check_in',
        title: 'Weekly check-in',
        startsAt: '2026-10-21T15:00:00Z',
        endsAt: '2026-10-21T15:30:00Z',
      },
    });
    const id = scheduled.data?.id ?? '';
    const early = await team.as.csm.POST('/api/v1/meetings/{id}/complete', {
      params: { path: { id } },
      body: { actionItems: [] },
    });
    expect(early.response.status).toBe(409);
    clock.set('2026-10-21T16:00:00Z');
    const { data } = await team.as.csm.POST('/api/v1/meetings/{id}/complete', {
      params: { path: { id } },
      body: {
        notes: 'Agreed the rollout plan',
        actionItems: [
          { title: 'Send the rollout plan', dueAt: '2026-10-23T17:00:00Z' },
          { title: 'Book the admin training', assigneeId: team.manager.id },
        ],
      },
    });
    expect(data).toMatchObject({ status: 'held', notes: 'Agreed the rollout plan' });
    expect(data?.actionItems.map((a) => [a.title, a.assigneeName])).toEqual([
      ['Send the rollout plan', 'Jordan Taylor'],
      ['Book the admin training', 'Morgan Manager'],
    ]);
    const tasks = await team.as.csm.GET('/api/v1/tasks', { params: { query: { accountId } } });
    expect(tasks.data?.items.filter((t) => t.tags.includes('meeting')).map((t) => t.title)).toEqual(
      expect.arrayContaining(['Send the rollout plan', 'Book the admin training']),
    );
    clock.set('2026-10-20T13:00:00Z');
  });
});

describe('holding a meeting whose action items cannot all be made', () => {
  const heldAfter = async (title: string) => {
    const scheduled = await team.as.csm.POST('/api/v1/meetings', {
      body: {
        accountId,
        kind: 'check_in',
        title,
        startsAt: '2026-10-21T15:00:00Z',
        endsAt: '2026-10-21T15:30:00Z',
      },
    });
    clock.set('2026-10-21T16:00:00Z');
    return scheduled.data?.id ?? '';
  };
  const tasksTitled = (titles: string[]) =>
    deps.db.selectFrom('tasks').select('title').where('title', 'in', titles).execute();
  const meetingNow = async (id: string) =>
    (await team.as.csm.GET('/api/v1/meetings/{id}', { params: { path: { id } } })).data;

  it('names an assignee from elsewhere and leaves the meeting unheld, with no task made', async () => {
    const id = await heldAfter('Check-in with a stranger');
    const stranger = await makeUser(deps.db, (await makeWorkspace(deps.db)).id);
    const { response, error } = await team.as.csm.POST('/api/v1/meetings/{id}/complete', {
      params: { path: { id } },
      body: {
        notes: 'Kept only if held',
        actionItems: [
          { title: 'Send the pricing sheet' },
          { title: 'Call their new sponsor', assigneeId: stranger.id },
        ],
      },
    });
    clock.set('2026-10-20T13:00:00Z');
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors?.map((e) => e.path)).toEqual(['actionItems.1.assigneeId']);
    expect(await meetingNow(id)).toMatchObject({ status: 'scheduled', notes: null });
    expect(await tasksTitled(['Send the pricing sheet', 'Call their new sponsor'])).toEqual([]);
  });

  it('writes nothing when an item fails after the ones before it were made', async () => {
    const id = await heldAfter('Check-in that fails halfway');
    // The database refuses the second task, after the meeting row and the first task are
    // written in the same transaction.
    await sql`
      create function refuse_task() returns trigger language plpgsql as $$
      begin raise exception 'task refused'; end $$;
      create trigger refuse_task before insert on tasks
        for each row when (new.title = 'Refused by the database') execute function refuse_task();
    `.execute(deps.db);
    const failed = await team.as.csm.POST('/api/v1/meetings/{id}/complete', {
      params: { path: { id } },
      body: {
        notes: 'Kept only if held',
        actionItems: [{ title: 'Made first' }, { title: 'Refused by the database' }],
      },
    });
    await sql`drop trigger refuse_task on tasks; drop function refuse_task();`.execute(deps.db);
    clock.set('2026-10-20T13:00:00Z');
    expect(failed.response.status).toBe(500);
    expect(await meetingNow(id)).toMatchObject({ status: 'scheduled', notes: null, heldAt: null });
    expect(await tasksTitled(['Made first', 'Refused by the database'])).toEqual([]);
    const links = await deps.db
      .selectFrom('meeting_action_items')
      .select('task_id')
      .where('meeting_id', '=', id)
      .execute();
    expect(links).toEqual([]);
  });
});

describe('action items added to a meeting', () => {
  it('turns each into a task on the account, and names the bad row while writing none', async () => {
    const scheduled = await team.as.csm.POST('/api/v1/meetings', {
      body: {
        accountId,
        kind: 'qbr',
        title: 'Q4 business review',
        startsAt: '2026-11-03T15:00:00Z',
        endsAt: '2026-11-03T16:00:00Z',
      },
    });
    const id = scheduled.data?.id ?? '';
    const stranger = await makeUser(deps.db, (await makeWorkspace(deps.db)).id);
    const tasksNamed = async (title: string) => {
      const { data } = await team.as.csm.GET('/api/v1/tasks', { params: { query: { accountId } } });
      return data?.items.filter((t) => t.title === title) ?? [];
    };

    const blank = await team.as.csm.POST('/api/v1/meetings/{id}/action-items', {
      params: { path: { id } },
      body: { actionItems: [{ title: 'Share the usage report' }, { title: '   ' }] },
    });
    expect(blank.response.status).toBe(422);
    expect(blank.error?.errors).toEqual([
      { path: 'actionItems.1.title', message: 'write something' },
    ]);
    const nobody = await team.as.csm.POST('/api/v1/meetings/{id}/action-items', {
      params: { path: { id } },
      body: {
        actionItems: [
          { title: 'Share the usage report' },
          { title: 'Map the new sponsor', assigneeId: stranger.id },
        ],
      },
    });
    expect(nobody.response.status).toBe(422);
    expect(nobody.error?.errors?.map((e) => e.path)).toEqual(['actionItems.1.assigneeId']);
    expect(await tasksNamed('Share the usage report')).toEqual([]);

    // Before the meeting is held: preparing it is work too.
    const { data, response } = await team.as.csm.POST('/api/v1/meetings/{id}/action-items', {
      params: { path: { id } },
      body: {
        actionItems: [
          { title: 'Share the usage report', dueAt: '2026-10-30T17:00:00Z' },
          { title: 'Map the new sponsor', assigneeId: team.manager.id },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(data?.status).toBe('scheduled');
    expect(data?.actionItems.map((a) => [a.title, a.assigneeName])).toEqual([
      ['Share the usage report', 'Jordan Taylor'],
      ['Map the new sponsor', 'Morgan Manager'],
    ]);
    // Each item is a task nobody has started yet, and shows that task's own status.
    const [task] = await tasksNamed('Share the usage report');
    expect(task).toMatchObject({
      id: data?.actionItems[0]?.taskId,
      tags: ['meeting'],
      startedAt: null,
      status: data?.actionItems[0]?.status,
    });

    const theirs = await team.as.otherCsm.POST('/api/v1/meetings/{id}/action-items', {
      params: { path: { id } },
      body: { actionItems: [{ title: 'Not mine to add' }] },
    });
    expect(theirs.response.status).toBe(404);
    const viewer = await team.as.viewer.POST('/api/v1/meetings/{id}/action-items', {
      params: { path: { id } },
      body: { actionItems: [{ title: 'Viewers only read' }] },
    });
    expect(viewer.response.status).toBe(403);
  });
});

describe('bad meetings', () => {
  const valid = () => ({
    accountId,
    kind: 'check_in' as const,
    title: 'Check-in',
    startsAt: '2026-11-10T15:00:00Z',
    endsAt: '2026-11-10T15:30:00Z',
  });

  it('refuses a meeting in the past or of no length, naming the field', async () => {
    const past = await team.as.csm.POST('/api/v1/meetings', {
      body: { ...valid(), startsAt: '2026-10-19T15:00:00Z', endsAt: '2026-10-19T16:00:00Z' },
    });
    expect(past.response.status).toBe(422);
    expect(past.error?.errors?.map((e) => e.path)).toEqual(['startsAt']);
    const empty = await team.as.csm.POST('/api/v1/meetings', {
      body: { ...valid(), endsAt: valid().startsAt },
    });
    expect(empty.error?.errors?.map((e) => e.path)).toEqual(['endsAt']);
    const zone = await team.as.csm.POST('/api/v1/meetings', {
      body: { ...valid(), timeZone: 'Mars/Olympus_Mons' },
    });
    expect(zone.error?.errors?.map((e) => e.path)).toEqual(['timeZone']);
  });

  it('refuses attendees from another workspace or another account', async () => {
    const elsewhere = await makeWorkspace(deps.db);
    const stranger = await makeUser(deps.db, elsewhere.id);
    const otherAccount = await makeAccount(deps.db, team.workspaceId, { owner_id: team.csm.id });
    const otherContact = await deps.db
      .insertInto('contacts')
      .values({
        workspace_id: team.workspaceId,
        account_id: otherAccount.id,
        name: 'Not Theirs',
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { response, error } = await team.as.csm.POST('/api/v1/meetings', {
      body: {
        ...valid(),
        attendees: { userIds: [stranger.id], contactIds: [otherContact.id] },
      },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual([
      'attendees.userIds.0',
      'attendees.contactIds.0',
    ]);
  });

  it('keeps another CSM’s meetings out of reach, and viewers from scheduling', async () => {
    const theirs = await team.as.otherCsm.POST('/api/v1/meetings', {
      body: valid(),
    });
    expect(theirs.response.status).toBe(404);
    const viewer = await team.as.viewer.POST('/api/v1/meetings', { body: valid() });
    expect(viewer.response.status).toBe(403);
  });
});

describe('overdue QBRs', () => {
  it('lists accounts past their tier’s cadence, most overdue first, and the quarter’s completion', async () => {
    const ws = team.workspaceId;
    const since = new Date('2025-01-01T00:00:00Z');
    const account = async (name: string, tier: 'enterprise' | 'mid_market') =>
      (
        await makeAccount(deps.db, ws, {
          name,
          tier,
          owner_id: team.otherCsm.id,
          created_at: since,
        })
      ).id;
    const qbr = async (id: string, at: string, status: 'held' | 'scheduled' | 'cancelled') =>
      deps.db
        .insertInto('meetings')
        .values({
          workspace_id: ws,
          account_id: id,
          kind: 'qbr',
          title: 'QBR',
          starts_at: new Date(at),
          ends_at: new Date(Date.parse(at) + 3600_000),
          time_zone: 'UTC',
          status,
          created_at: since,
          updated_at: since,
        })
        .execute();
    const stale = await account('Stale Review', 'enterprise');
    await qbr(stale, '2026-05-05T15:00:00Z', 'held');
    await account('Never Reviewed', 'enterprise');
    const booked = await account('Booked Review', 'enterprise');
    await qbr(booked, '2026-06-01T15:00:00Z', 'held');
    await qbr(booked, '2026-11-03T15:00:00Z', 'scheduled');
    const fresh = await account('Fresh Review', 'enterprise');
    await qbr(fresh, '2026-10-01T15:00:00Z', 'held');
    const cancelled = await account('Cancelled Review', 'enterprise');
    await qbr(cancelled, '2026-10-05T15:00:00Z', 'cancelled');
    await qbr(cancelled, '2026-08-25T15:00:00Z', 'held');
    await account('Mid Market', 'mid_market');

    const ask = async () => {
      const { data } = await team.as.manager.GET('/api/v1/meetings/overdue-qbrs', {
        params: { query: { owner: team.otherCsm.id } },
      });
      return data;
    };
    const first = await ask();
    expect(first?.items.map((i) => [i.name, i.dueBy, i.daysOverdue])).toEqual([
      // A customer since January 2025 never reviewed: due three months in.
      ['Never Reviewed', '2025-04-01', 567],
      ['Stale Review', '2026-08-05', 76],
      ['Booked Review', '2026-09-01', 49],
    ]);
    expect(first?.items.find((i) => i.name === 'Booked Review')?.nextQbr?.startsAt).toBe(
      '2026-11-03T15:00:00.000Z',
    );
    // 2026-Q4 so far: of the five enterprise customers, Fresh Review had one (1 October).
    expect(first?.quarter).toEqual({ label: '2026-Q4', due: 5, held: 1, rate: 0.2 });

    const set = await team.as.admin.PUT('/api/v1/meetings/cadences', {
      body: { cadences: [{ tier: 'mid_market', everyMonths: 6 }] },
    });
    expect(set.data?.items.find((c) => c.tier === 'mid_market')).toMatchObject({
      everyMonths: 6,
      source: 'set',
    });
    const second = await ask();
    expect(second?.items.map((i) => i.name)).toContain('Mid Market');
    const refused = await team.as.manager.PUT('/api/v1/meetings/cadences', {
      body: { cadences: [{ tier: 'smb', everyMonths: 1 }] },
    });
    expect(refused.response.status).toBe(403);

    // A cadence out of range is named on its tier in Steward's words, with the bound; nothing
    // of the request is kept.
    const tooLong = await team.as.admin.PUT('/api/v1/meetings/cadences', {
      body: {
        cadences: [
          { tier: 'smb', everyMonths: 12 },
          { tier: 'enterprise', everyMonths: 30 },
        ],
      },
    });
    expect(tooLong.response.status).toBe(422);
    expect(tooLong.error?.errors).toEqual([
      { path: 'cadences.1.everyMonths', message: 'at most 24 months between reviews' },
    ]);
    const tooShort = await team.as.admin.PUT('/api/v1/meetings/cadences', {
      body: { cadences: [{ tier: 'smb', everyMonths: 0 }] },
    });
    expect(tooShort.error?.errors?.map((e) => e.message)).toEqual([
      'at least 1 month between reviews',
    ]);
    const halfMonths = await team.as.admin.PUT('/api/v1/meetings/cadences', {
      body: { cadences: [{ tier: 'smb', everyMonths: 1.5 }] },
    });
    expect(halfMonths.response.status).toBe(422);
    expect(halfMonths.response.headers.get('content-type')).toContain('application/problem+json');
    expect(halfMonths.error?.errors).toEqual([
      { path: 'cadences.0.everyMonths', message: 'a whole number of months between reviews' },
    ]);
    await deps.db
      .updateTable('users')
      .set({ locale: 'ru' })
      .where('id', '=', team.admin.id)
      .execute();
    const inRussian = await team.as.admin.PUT('/api/v1/meetings/cadences', {
      body: {
        cadences: [
          { tier: 'smb', everyMonths: 30 },
          { tier: 'enterprise', everyMonths: 2.5 },
        ],
      },
    });
    await deps.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', team.admin.id)
      .execute();
    expect(inRussian.error?.errors?.map((e) => e.message)).toEqual([
      'не больше 24 месяцев между встречами',
      'целое число месяцев между встречами',
    ]);
    const { data: kept } = await team.as.admin.GET('/api/v1/meetings/cadences');
    expect(kept?.items.map((c) => [c.tier, c.everyMonths, c.source])).toEqual([
      ['enterprise', 3, 'default'],
      ['mid_market', 6, 'set'],
      ['smb', null, 'default'],
    ]);
  });
});
