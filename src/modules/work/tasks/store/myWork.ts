// SQL for "my work": a person's open tasks in buckets of their own days.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../../../lib/ids.ts';

/** The buckets the query sorts a person's open tasks into, in the order they are shown. */
export const buckets = ['overdue', 'today', 'thisWeek', 'later', 'noDueDate'] as const;
export type Bucket = (typeof buckets)[number];

/**
 * Which of the open tasks: one account's, and those due from one day, up to one, or between
 * (both ends included, days in the person's time zone; either end open). A task with no due
 * date is in no range.
 */
export type TaskFilter = {
  accountId?: string;
  due?: { from?: string; to?: string };
};

/**
 * A person's open tasks (those `only` names, if given) with their "my work" bucket (days in
 * their `timezone`), ranked within the bucket, and the bucket's size; only the first
 * `perBucket` of each. Positions first (cheap, one index range); the caller reads the full
 * tasks for what is shown.
 */
export function rankOpenTasksOf(
  db: Db,
  person: { workspaceId: WorkspaceId; userId: UserId },
  at: { now: Date; timezone: string },
  perBucket: number,
  only: TaskFilter = {},
) {
  const local = sql`(${at.now}::timestamptz at time zone ${at.timezone})`;
  const todayStart = sql`(date_trunc('day', ${local}) at time zone ${at.timezone})`;
  const dayStart = (day: string, after = 0) =>
    sql`((${day}::date + ${after}::int)::timestamp at time zone ${at.timezone})`;
  const tomorrowStart = sql`((date_trunc('day', ${local}) + interval '1 day') at time zone ${at.timezone})`;
  const weekEnd = sql`((date_trunc('week', ${local}) + interval '7 days') at time zone ${at.timezone})`;
  const bucket = sql<Bucket>`case
      when t.due_at is null then 'noDueDate'
      when t.due_at < ${todayStart} then 'overdue'
      when t.due_at < ${tomorrowStart} then 'today'
      when t.due_at < ${weekEnd} then 'thisWeek'
      else 'later' end`;
  return db
    .selectFrom(
      db
        .selectFrom('tasks as t')
        .innerJoin('accounts as a', 'a.id', 't.account_id')
        .select([
          't.id',
          bucket.as('bucket'),
          sql<number>`row_number() over (partition by ${bucket} order by t.due_at nulls last, t.priority, t.id)`.as(
            'rank',
          ),
          sql<number>`count(*) over (partition by ${bucket})`.as('total'),
        ])
        .where('t.workspace_id', '=', person.workspaceId)
        .where('t.assignee_id', '=', person.userId)
        .where('t.status', '<>', 'done')
        .where('t.deleted_at', 'is', null)
        .where('a.deleted_at', 'is', null)
        .where((eb) => {
          const { accountId, due } = only;
          return eb.and([
            ...(accountId === undefined ? [] : [eb('t.account_id', '=', accountId)]),
            ...(due?.from === undefined ? [] : [sql<boolean>`t.due_at >= ${dayStart(due.from)}`]),
            ...(due?.to === undefined ? [] : [sql<boolean>`t.due_at < ${dayStart(due.to, 1)}`]),
          ]);
        })
        .as('ranked'),
    )
    .selectAll()
    .where('rank', '<=', perBucket)
    .execute();
}
