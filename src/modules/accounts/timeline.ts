// The account timeline: one stream of notes, calls, e-mails, meetings, tickets, billing and
// system events. Other modules add events through `addTimelineEvent`.
import type { Db } from '../../db/connect.ts';
import type { TimelineKind } from '../../db/schema.ts';
import { message, type Message } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AccountId, UserId, WorkspaceId } from '../../lib/ids.ts';
import { timeKeyset } from '../../lib/pagination.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import { markAccountsChanged } from './changes.ts';
import type { LogEvent } from './schema.ts';
import * as store from './timeline/store.ts';
import type { EventRow } from './timeline/store.ts';

export type NewTimelineEvent = {
  workspaceId: WorkspaceId;
  accountId: AccountId | string;
  kind: TimelineKind;
  /**
   * What a person or a customer wrote (a note's title, typed text) as a string, or the
   * server's own sentence as a message, rendered in each reader's language.
   */
  title: string | Message;
  body?: string | null;
  actorId?: UserId | null;
  occurredAt: Date;
  /** With sourceId, makes the event idempotent: the same delivery twice is one event. */
  source?: string;
  sourceId?: string;
  data?: Record<string, unknown>;
  /**
   * Whether the event announces that the account changed (`markAccountsChanged`), so figures
   * derived from its data are recomputed: yes unless false. False for an event that only
   * narrates a result computed from changes already announced — a health move, a play opened.
   */
  announce?: boolean;
};

const timelineRow = (event: NewTimelineEvent) => ({
  workspace_id: event.workspaceId,
  account_id: event.accountId,
  kind: event.kind,
  title: typeof event.title === 'string' ? event.title : null,
  title_message: typeof event.title === 'string' ? null : JSON.stringify(event.title),
  body: event.body ?? null,
  actor_id: event.actorId ?? null,
  occurred_at: event.occurredAt,
  source: event.source ?? 'steward',
  source_id: event.sourceId ?? null,
  data: JSON.stringify(event.data ?? {}),
});

export async function addTimelineEvent(
  db: Db,
  event: NewTimelineEvent,
): Promise<string | undefined> {
  const id = await store.insertTimelineEvent(db, timelineRow(event));
  // Notes, meetings, tickets, payments, tasks: whatever reaches the timeline is news.
  if (id && event.announce !== false) {
    await markAccountsChanged(db, event.workspaceId, event.accountId);
  }
  return id;
}

/**
 * Many events, as `addTimelineEvent` adds each, in one statement for those that announce a
 * change and one for those that do not: a pass's health moves. Each event's fields are
 * parameters of the statement, so a call takes a few thousand at most (PostgreSQL's 65,535
 * parameters); health adds 500 at a time.
 */
export async function addTimelineEvents(
  db: Db,
  events: readonly NewTimelineEvent[],
): Promise<void> {
  const narrating = events.filter((e) => e.announce === false);
  const news = events.filter((e) => e.announce !== false);
  if (narrating.length > 0) await store.insertTimelineEvents(db, narrating.map(timelineRow));
  if (news.length === 0) return;
  const changed = Map.groupBy(
    await store.insertTimelineEvents(db, news.map(timelineRow)),
    (row) => row.workspace_id,
  );
  for (const [workspaceId, rows] of changed) {
    await markAccountsChanged(
      db,
      workspaceId,
      rows.map((row) => row.account_id),
    );
  }
}

/** A CSM logs a note, call, e-mail or meeting by hand. */
export async function logTimelineEvent(
  db: Db,
  clock: Clock,
  by: ChangeAuthor & { userId: UserId },
  accountId: string,
  input: LogEvent,
) {
  return db.transaction().execute(async (trx) => {
    const id = await addTimelineEvent(trx, {
      workspaceId: by.workspaceId,
      accountId,
      kind: input.kind,
      title: input.title ?? message(`accounts.timeline.kind.${input.kind}`),
      body: input.body,
      actorId: by.userId,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : clock.now(),
    });
    if (!id) throw new Error('a logged event has no source id, so it cannot collide');
    await recordAudit(trx, by, {
      action: `timeline.${input.kind}_logged`,
      entityType: 'account',
      entityId: accountId,
      changes: { eventId: id },
    });
    const row = await store.timelineEventRow(trx, by.workspaceId, accountId, id);
    if (!row) throw new Error('the event just written is gone');
    return describeEvent(row);
  });
}

export type TimelineEvent = ReturnType<typeof describeEvent>;

/** The event's title: the server's message when it wrote one, else the text a person wrote. */
function titleOf(row: EventRow): string | Message {
  return (row.title_message as Message | null) ?? row.title ?? '';
}

function describeEvent(row: EventRow) {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    title: titleOf(row),
    body: row.body,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    source: row.source,
    data: row.data,
  };
}

export async function timeline(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  page: { kind?: TimelineKind[]; limit: number; cursor?: string },
) {
  const keyset = timeKeyset('timeline', page.cursor);
  const rows = await store.timelineRows(db, workspaceId, accountId, {
    kinds: page.kind,
    keyset,
    limit: page.limit,
  });
  return keyset.page(rows, page.limit, describeEvent, (row) => row.occurred_at);
}
