// SQL for the account timeline: events added idempotently (by source and source id), one
// event, and a page of an account's events newest first. See ../timeline.ts.
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { TimelineEventsTable, TimelineKind } from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { TimeKeyset } from '../../../lib/pagination.ts';

/** Adds the events but those whose source id is there already; answers the new rows. */
function insertEvents(db: Db, events: readonly Insertable<TimelineEventsTable>[]) {
  return db
    .insertInto('timeline_events')
    .values(events)
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'source', 'source_id'])
        .where('source_id', 'is not', null)
        .doNothing(),
    )
    .returning(['id', 'workspace_id', 'account_id']);
}

/** Adds an event unless one with its source id is there already; answers the new row's id. */
export async function insertTimelineEvent(
  db: Db,
  event: Insertable<TimelineEventsTable>,
): Promise<string | undefined> {
  return (await insertEvents(db, [event]).executeTakeFirst())?.id;
}

/** Adds many events in one statement, as `insertTimelineEvent` each; answers the new rows. */
export function insertTimelineEvents(
  db: Db,
  events: readonly Insertable<TimelineEventsTable>[],
): Promise<{ id: string; workspace_id: string; account_id: string }[]> {
  return insertEvents(db, events).execute();
}

function selectTimeline(db: Db, workspaceId: WorkspaceId, accountId: string) {
  return db
    .selectFrom('timeline_events')
    .leftJoin('users', 'users.id', 'timeline_events.actor_id')
    .selectAll('timeline_events')
    .select('users.name as actor_name')
    .where('timeline_events.workspace_id', '=', workspaceId)
    .where('timeline_events.account_id', '=', accountId);
}

export type EventRow = Awaited<ReturnType<ReturnType<typeof selectTimeline>['execute']>>[number];

export function timelineEventRow(db: Db, workspaceId: WorkspaceId, accountId: string, id: string) {
  return selectTimeline(db, workspaceId, accountId)
    .where('timeline_events.id', '=', id)
    .executeTakeFirst();
}

/** A page of an account's events (of some kinds, or all), newest first: `limit + 1` rows. */
export function timelineRows(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  page: { kinds: TimelineKind[] | undefined; keyset: TimeKeyset; limit: number },
) {
  return selectTimeline(db, workspaceId, accountId)
    .$if(page.kinds !== undefined, (q) => q.where('timeline_events.kind', 'in', page.kinds ?? []))
    .where(page.keyset.where('timeline_events.occurred_at', 'timeline_events.id'))
    .orderBy('timeline_events.occurred_at', 'desc')
    .orderBy('timeline_events.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}
