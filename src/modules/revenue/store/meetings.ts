// SQL for meetings: the meeting with its attendees and action items, the calendar, and each
// account's last and next QBR. Invitations go out through notify's outbox.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { MeetingKind, MeetingStatus, Tier } from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

export function selectMeetings(db: Db, scope: AccountScope) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .leftJoin('users as o', 'o.id', 'm.organizer_id')
    .selectAll('m')
    .select([
      'a.name as account_name',
      'a.tier',
      'o.name as organizer_name',
      'o.email as organizer_email',
    ])
    .where('m.workspace_id', '=', scope.workspaceId)
    .where('a.deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('a.owner_id', '=', scope.onlyOwner),
          eb.exists(
            eb
              .selectFrom('meeting_attendees as ma')
              .select('ma.id')
              .whereRef('ma.meeting_id', '=', 'm.id')
              .where('ma.user_id', '=', scope.onlyOwner),
          ),
        ]),
      ),
    );
}

export type MeetingRow = Awaited<
  ReturnType<ReturnType<typeof selectMeetings>['executeTakeFirstOrThrow']>
>;

export function findMeeting(db: Db, scope: AccountScope, id: string) {
  return selectMeetings(db, scope).where('m.id', '=', id).executeTakeFirst();
}

export function listMeetings(
  db: Db,
  scope: AccountScope,
  filter: {
    accountId?: string;
    from: Date;
    to: Date;
    status?: MeetingStatus[];
    attendee?: UserId;
    after?: { at: string; id: string };
    limit: number;
  },
) {
  return selectMeetings(db, scope)
    .where('m.starts_at', '>=', filter.from)
    .where('m.starts_at', '<', filter.to)
    .$if(filter.accountId !== undefined, (q) =>
      q.where('m.account_id', '=', filter.accountId ?? ''),
    )
    .$if(filter.status !== undefined, (q) => q.where('m.status', 'in', filter.status ?? []))
    .$if(filter.attendee !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('m.organizer_id', '=', filter.attendee ?? ''),
          eb.exists(
            eb
              .selectFrom('meeting_attendees as ma')
              .select('ma.id')
              .whereRef('ma.meeting_id', '=', 'm.id')
              .where('ma.user_id', '=', filter.attendee ?? ''),
          ),
        ]),
      ),
    )
    .$if(filter.after !== undefined, (q) =>
      q.where(
        sql<boolean>`(m.starts_at, m.id) > (${filter.after?.at ?? ''}::timestamptz, ${filter.after?.id ?? ''}::uuid)`,
      ),
    )
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .limit(filter.limit + 1)
    .execute();
}

export type AttendeeRow = {
  meetingId: string;
  userId: string | null;
  contactId: string | null;
  name: string;
  email: string | null;
  locale: 'en' | 'ru' | null;
  timeZone: string | null;
};

export async function attendeesOf(
  db: Db,
  workspaceId: WorkspaceId,
  meetingIds: readonly string[],
): Promise<AttendeeRow[]> {
  if (meetingIds.length === 0) return [];
  const { rows } = await sql<AttendeeRow>`
    select ma.meeting_id as "meetingId", ma.user_id as "userId", ma.contact_id as "contactId",
      coalesce(u.name, c.name) as name, coalesce(u.email, c.email) as email,
      u.locale, u.timezone as "timeZone"
    from meeting_attendees ma
    left join users u on u.id = ma.user_id
    left join contacts c on c.id = ma.contact_id
    where ma.workspace_id = ${workspaceId} and ma.meeting_id = any(${[...meetingIds]}::uuid[])
    order by ma.contact_id is null, coalesce(u.name, c.name)`.execute(db);
  return rows;
}

export async function actionItemsOf(db: Db, workspaceId: WorkspaceId, meetingId: string) {
  return db
    .selectFrom('meeting_action_items as mi')
    .innerJoin('tasks as t', 't.id', 'mi.task_id')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .select(['t.id', 't.title', 't.status', 't.due_at', 't.assignee_id', 'u.name as assignee_name'])
    .where('mi.workspace_id', '=', workspaceId)
    .where('mi.meeting_id', '=', meetingId)
    .where('t.deleted_at', 'is', null)
    .orderBy('t.created_at')
    .execute();
}

/** Which of the given users are people of the workspace. */
export async function usersIn(db: Db, workspaceId: WorkspaceId, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .where('deactivated_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of the given contacts belong to the account (in the workspace). */
export async function contactsOfAccount(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  ids: readonly string[],
) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export type MeetingValues = {
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  agenda: string | null;
  notes: string | null;
};

export function insertMeeting(
  db: Db,
  row: MeetingValues & {
    workspaceId: WorkspaceId;
    accountId: string;
    organizerId: UserId | null;
    at: Date;
  },
) {
  return db
    .insertInto('meetings')
    .values({
      workspace_id: row.workspaceId,
      account_id: row.accountId,
      kind: row.kind,
      title: row.title,
      starts_at: row.startsAt,
      ends_at: row.endsAt,
      time_zone: row.timeZone,
      location: row.location,
      agenda: row.agenda,
      notes: row.notes,
      organizer_id: row.organizerId,
      created_by: row.organizerId,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateMeetingRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  values: Partial<MeetingValues> & {
    status?: MeetingStatus;
    sequence?: number;
    heldAt?: Date | null;
    cancelledAt?: Date | null;
    at: Date;
  },
) {
  return db
    .updateTable('meetings')
    .set({
      ...(values.kind !== undefined ? { kind: values.kind } : {}),
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.startsAt !== undefined ? { starts_at: values.startsAt } : {}),
      ...(values.endsAt !== undefined ? { ends_at: values.endsAt } : {}),
      ...(values.timeZone !== undefined ? { time_zone: values.timeZone } : {}),
      ...(values.location !== undefined ? { location: values.location } : {}),
      ...(values.agenda !== undefined ? { agenda: values.agenda } : {}),
      ...(values.notes !== undefined ? { notes: values.notes } : {}),
      ...(values.status !== undefined ? { status: values.status } : {}),
      ...(values.sequence !== undefined ? { sequence: values.sequence } : {}),
      ...(values.heldAt !== undefined ? { held_at: values.heldAt } : {}),
      ...(values.cancelledAt !== undefined ? { cancelled_at: values.cancelledAt } : {}),
      updated_at: values.at,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function addAttendees(
  db: Db,
  workspaceId: WorkspaceId,
  meetingId: string,
  people: { userIds: readonly string[]; contactIds: readonly string[] },
) {
  const rows = [
    ...people.userIds.map((userId) => ({
      workspace_id: workspaceId,
      meeting_id: meetingId,
      user_id: userId,
      contact_id: null,
    })),
    ...people.contactIds.map((contactId) => ({
      workspace_id: workspaceId,
      meeting_id: meetingId,
      user_id: null,
      contact_id: contactId,
    })),
  ];
  if (rows.length === 0) return;
  await db.insertInto('meeting_attendees').values(rows).execute();
}

export async function removeAttendees(
  db: Db,
  workspaceId: WorkspaceId,
  meetingId: string,
  people: { userIds: readonly string[]; contactIds: readonly string[] },
) {
  if (people.userIds.length > 0) {
    await db
      .deleteFrom('meeting_attendees')
      .where('workspace_id', '=', workspaceId)
      .where('meeting_id', '=', meetingId)
      .where('user_id', 'in', [...people.userIds])
      .execute();
  }
  if (people.contactIds.length > 0) {
    await db
      .deleteFrom('meeting_attendees')
      .where('workspace_id', '=', workspaceId)
      .where('meeting_id', '=', meetingId)
      .where('contact_id', 'in', [...people.contactIds])
      .execute();
  }
}

export function linkActionItem(
  db: Db,
  workspaceId: WorkspaceId,
  meetingId: string,
  taskId: string,
) {
  return db
    .insertInto('meeting_action_items')
    .values({ workspace_id: workspaceId, meeting_id: meetingId, task_id: taskId })
    .onConflict((oc) => oc.columns(['meeting_id', 'task_id']).doNothing())
    .execute();
}

export type QbrStatusRow = {
  accountId: string;
  name: string;
  tier: Tier;
  ownerId: string | null;
  ownerName: string | null;
  customerSince: Date;
  lastQbrAt: Date | null;
  nextQbrAt: Date | null;
  nextQbrId: string | null;
};

/** Live accounts in the tiers given, with their last QBR that took place and the next one. */
export async function qbrStatus(
  db: Db,
  scope: AccountScope,
  query: { tiers: Tier[]; owner: UserId | null; now: Date },
): Promise<QbrStatusRow[]> {
  if (query.tiers.length === 0) return [];
  const ws = scope.workspaceId;
  const owner = scope.onlyOwner ?? query.owner;
  const { rows } = await sql<QbrStatusRow>`
    select a.id as "accountId", a.name, a.tier, a.owner_id as "ownerId", u.name as "ownerName",
      a.created_at as "customerSince",
      (select max(m.starts_at) from meetings m
        where m.workspace_id = ${ws} and m.account_id = a.id and m.kind = 'qbr'
          and m.status <> 'cancelled' and m.starts_at <= ${query.now}) as "lastQbrAt",
      nxt.starts_at as "nextQbrAt", nxt.id as "nextQbrId"
    from accounts a
    left join users u on u.id = a.owner_id
    left join lateral (
      select m.id, m.starts_at from meetings m
      where m.workspace_id = ${ws} and m.account_id = a.id and m.kind = 'qbr'
        and m.status = 'scheduled' and m.starts_at > ${query.now}
      order by m.starts_at limit 1
    ) nxt on true
    where a.workspace_id = ${ws} and a.deleted_at is null and a.stage <> 'churned'
      and a.tier = any(${query.tiers}::text[])
      and (${owner}::uuid is null or a.owner_id = ${owner}::uuid)`.execute(db);
  return rows;
}
