// SQL of the activity log: one row per thing that happened (`activity_events`), written only
// here; the modules that react read it by the id the announcement carries.
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { ActivityEventsTable } from '../../../db/schema.ts';

export async function insertActivityEvent(
  db: Db,
  event: Insertable<ActivityEventsTable>,
): Promise<string> {
  const { id } = await db
    .insertInto('activity_events')
    .values(event)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
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
