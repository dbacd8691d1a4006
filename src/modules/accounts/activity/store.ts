// SQL of the activity log: one row per thing that happened (`activity_events`), written only
// here; the modules that react read it by the id the announcement carries.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { ActivityEventsTable } from '../../../db/schema.ts';

/**
 * Events in one statement however many (their fields as arrays, not a parameter each): each
 * one's id and time, in no particular order.
 */
export async function insertActivityEvents(
  db: Db,
  events: readonly (Omit<Selectable<ActivityEventsTable>, 'id' | 'data'> & { data: string })[],
): Promise<{ id: string; occurred_at: Date }[]> {
  const { rows } = await sql<{ id: string; occurred_at: Date }>`
    insert into activity_events (workspace_id, kind, actor_id, account_id, project_id, task_id,
      data, occurred_at)
    select * from unnest(
      ${events.map((e) => e.workspace_id)}::uuid[], ${events.map((e) => e.kind)}::text[],
      ${events.map((e) => e.actor_id)}::uuid[], ${events.map((e) => e.account_id)}::uuid[],
      ${events.map((e) => e.project_id)}::uuid[], ${events.map((e) => e.task_id)}::uuid[],
      ${events.map((e) => e.data)}::jsonb[],
      ${events.map((e) => e.occurred_at.toISOString())}::timestamptz[]
    )
    returning id, occurred_at`.execute(db);
  return rows;
}

/** One event by its id (an announcement's payload), whose row names its workspace. */
export function activityEventById(db: Db, eventId: string) {
  return db
    .selectFrom('activity_events')
    .select([
      'id',
      'workspace_id',
      'kind',
      'actor_id',
      'account_id',
      'project_id',
      'task_id',
      'data',
      'occurred_at',
    ])
    .where('id', '=', eventId)
    .executeTakeFirst();
}
