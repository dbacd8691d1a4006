// SQL for "my work": a person's open tasks in buckets of their own days.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../../../lib/ids.ts';

/** The buckets the query sorts a person's open tasks into, in the order they are shown. */
export const buckets = ['overdue', 'today', 'thisWeek', 'later', 'noDueDate'] as const;
export type Bucket = (typeof buckets)[number];

/**
 * A person's open tasks with their "my work" bucket (days in their `timezone`), ranked within
 * the bucket, and the bucket's size; only the first `perBucket` of each. Positions first
 * (cheap, one index range); the caller reads the full tasks for what is shown.
 */
export function rankOpenTasksOf(
  db: Db,
  person: { workspaceId: WorkspaceId; userId: UserId },
  at: { now: Date; timezone: string },
  perBucket: number,
) {
  const local = sql`(${at.now}::timestamptz at time zone ${at.timezone})`;
  const todayStart = sql`(date_trunc('day', ${local}) at time zone ${at.timezone})`;
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
        .as('ranked'),
    )
    .selectAll()
    .where('rank', '<=', perBucket)
    .execute();
}
