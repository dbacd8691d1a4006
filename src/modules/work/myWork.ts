// "My work": a person's open tasks across accounts — overdue, today, this week, later — with
// days counted in their own time zone.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { describeTask, selectTasks, type TaskView, type TaskWithContext } from './tasks/view.ts';

export const buckets = ['overdue', 'today', 'thisWeek', 'later', 'noDueDate'] as const;
export type Bucket = (typeof buckets)[number];

/** Items shown per bucket; the count says how many there are in all. */
const shownPerBucket = 100;

export async function myWork(
  db: Db,
  clock: Clock,
  person: { workspaceId: WorkspaceId; userId: UserId },
) {
  const user = await db
    .selectFrom('users')
    .select('timezone')
    .where('id', '=', person.userId)
    .executeTakeFirstOrThrow();
  const now = clock.now();
  const local = sql`(${now}::timestamptz at time zone ${user.timezone})`;
  const todayStart = sql`(date_trunc('day', ${local}) at time zone ${user.timezone})`;
  const tomorrowStart = sql`((date_trunc('day', ${local}) + interval '1 day') at time zone ${user.timezone})`;
  const weekEnd = sql`((date_trunc('week', ${local}) + interval '7 days') at time zone ${user.timezone})`;
  const bucket = sql<Bucket>`case
      when t.due_at is null then 'noDueDate'
      when t.due_at < ${todayStart} then 'overdue'
      when t.due_at < ${tomorrowStart} then 'today'
      when t.due_at < ${weekEnd} then 'thisWeek'
      else 'later' end`;

  // First the positions (cheap, one index range), then the full tasks for what is shown.
  const ranked = await db
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
    .where('rank', '<=', shownPerBucket)
    .execute();

  const ids = ranked.map((r) => r.id);
  const rows = ids.length
    ? ((await selectTasks(db, person.workspaceId)
        .where('tasks.id', 'in', ids)
        .execute()) as TaskWithContext[])
    : [];
  const byId = new Map(rows.map((row) => [row.id, describeTask(row)]));
  const result = Object.fromEntries(
    buckets.map((b) => [b, { count: 0, items: [] as TaskView[] }]),
  ) as Record<Bucket, { count: number; items: TaskView[] }>;
  for (const entry of ranked.sort((x, y) => Number(x.rank) - Number(y.rank))) {
    const group = result[entry.bucket];
    group.count = Number(entry.total);
    const task = byId.get(entry.id);
    if (task) group.items.push(task);
  }
  return { timezone: user.timezone, ...result };
}
