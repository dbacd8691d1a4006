// SQL for the QBR prep page: the account's support in the last quarter, its meetings, and the
// read-only links that share the page.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';

export type SupportSummary = {
  open: number;
  urgentOpen: number;
  opened: number;
  solved: number;
  csat: number | null;
  recentOpen: { subject: string; priority: string; openedAt: Date }[];
};

/** Tickets now open, and opened and solved since `since`, with the average CSAT then. */
export async function supportSummary(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  since: Date,
): Promise<SupportSummary> {
  const { rows } = await sql<SupportSummary>`
    select
      (count(*) filter (where status in ('open', 'pending')))::int as open,
      (count(*) filter (where status in ('open', 'pending') and priority in ('high', 'urgent')))::int
        as "urgentOpen",
      (count(*) filter (where opened_at >= ${since}))::int as opened,
      (count(*) filter (where solved_at >= ${since}))::int as solved,
      (avg(csat) filter (where solved_at >= ${since} and csat is not null))::float as csat,
      coalesce(
        (select json_agg(json_build_object('subject', r.subject, 'priority', r.priority,
            'openedAt', r.opened_at) order by r.opened_at desc)
          from (select subject, priority, opened_at from support_tickets
            where workspace_id = ${workspaceId} and account_id = ${accountId}
              and status in ('open', 'pending')
            order by opened_at desc limit 5) r),
        '[]') as "recentOpen"
    from support_tickets
    where workspace_id = ${workspaceId} and account_id = ${accountId}`.execute(db);
  const row = rows[0];
  return {
    open: row?.open ?? 0,
    urgentOpen: row?.urgentOpen ?? 0,
    opened: row?.opened ?? 0,
    solved: row?.solved ?? 0,
    csat: row?.csat ?? null,
    recentOpen: (row?.recentOpen ?? []).map((t) => ({ ...t, openedAt: new Date(t.openedAt) })),
  };
}

export type MeetingSummary = {
  lastQbrAt: Date | null;
  next: { id: string; kind: string; title: string; startsAt: Date } | null;
  openActionItems: {
    taskId: string;
    title: string;
    dueAt: Date | null;
    assigneeName: string | null;
  }[];
};

export async function meetingSummary(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  now: Date,
): Promise<MeetingSummary> {
  const [last, next, items] = await Promise.all([
    db
      .selectFrom('meetings')
      .select((eb) => eb.fn.max('starts_at').as('at'))
      .where('workspace_id', '=', workspaceId)
      .where('account_id', '=', accountId)
      .where('kind', '=', 'qbr')
      .where('status', '<>', 'cancelled')
      .where('starts_at', '<=', now)
      .executeTakeFirst(),
    db
      .selectFrom('meetings')
      .select(['id', 'kind', 'title', 'starts_at'])
      .where('workspace_id', '=', workspaceId)
      .where('account_id', '=', accountId)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', now)
      .orderBy('starts_at')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('meeting_action_items as mi')
      .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
      .innerJoin('tasks as t', 't.id', 'mi.task_id')
      .leftJoin('users as u', 'u.id', 't.assignee_id')
      .select(['t.id', 't.title', 't.due_at', 'u.name as assignee_name'])
      .where('mi.workspace_id', '=', workspaceId)
      .where('m.account_id', '=', accountId)
      .where('t.status', '<>', 'done')
      .where('t.deleted_at', 'is', null)
      .orderBy('t.due_at')
      .limit(20)
      .execute(),
  ]);
  return {
    lastQbrAt: last?.at ?? null,
    next: next
      ? { id: next.id, kind: next.kind, title: next.title, startsAt: next.starts_at }
      : null,
    openActionItems: items.map((t) => ({
      taskId: t.id,
      title: t.title,
      dueAt: t.due_at,
      assigneeName: t.assignee_name,
    })),
  };
}

export function insertShareLink(
  db: Db,
  row: {
    workspaceId: WorkspaceId;
    accountId: string;
    tokenHash: string;
    locale: 'en' | 'ru';
    createdBy: UserId;
    at: Date;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('qbr_share_links')
    .values({
      workspace_id: row.workspaceId,
      account_id: row.accountId,
      token_hash: row.tokenHash,
      locale: row.locale,
      created_by: row.createdBy,
      created_at: row.at,
      expires_at: row.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A link that is neither expired nor revoked. */
export function liveShareLink(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('qbr_share_links')
    .select(['id', 'workspace_id', 'account_id', 'locale', 'created_by', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export function shareLinksOf(db: Db, workspaceId: WorkspaceId, accountId: string) {
  return db
    .selectFrom('qbr_share_links as l')
    .leftJoin('users as u', 'u.id', 'l.created_by')
    .select([
      'l.id',
      'l.locale',
      'l.created_at',
      'l.expires_at',
      'l.revoked_at',
      'u.name as created_by_name',
    ])
    .where('l.workspace_id', '=', workspaceId)
    .where('l.account_id', '=', accountId)
    .orderBy('l.created_at', 'desc')
    .execute();
}

export function shareLinkAccount(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .selectFrom('qbr_share_links')
    .select('account_id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function revokeShareLink(db: Db, workspaceId: WorkspaceId, id: string, at: Date) {
  return db
    .updateTable('qbr_share_links')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'account_id'])
    .executeTakeFirst();
}
