// A meeting held: its notes kept and its action items turned into tasks on the account (by the
// work module), linked to the meeting so its page lists them. Marking it held and opening its
// items is one transaction: an item that cannot be made leaves the meeting as it was.
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, fieldProblem, invalid } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { recordAudit } from '../../auth/index.ts';
import { createTask } from '../../work/index.ts';
import * as store from '../store/meetings.ts';
import { unique, type Organizer } from './schedule.ts';
import { findMeetingOrFail, getMeeting } from './view.ts';

export type ActionItem = { title: string; assigneeId?: string | null; dueAt?: string | null };

async function checkAssignees(db: Db, workspaceId: WorkspaceId, items: ActionItem[]) {
  const ids = unique(items.flatMap((i) => (i.assigneeId ? [i.assigneeId] : [])));
  const known = await store.usersIn(db, workspaceId, ids);
  const errors = items.flatMap((item, i) =>
    item.assigneeId && !known.has(item.assigneeId)
      ? [fieldProblem(`actionItems.${i}.assigneeId`, 'errors.field.noPerson')]
      : [],
  );
  if (errors.length > 0) throw invalid(errors, { key: 'revenue.problem.actionItems' });
}

/** Each action item becomes a task on the account, linked to the meeting, in `db`'s transaction. */
async function openActionItems(
  db: Db,
  clock: Clock,
  by: Organizer,
  scope: AccountScope,
  meeting: store.MeetingRow,
  items: ActionItem[],
) {
  for (const item of items) {
    const task = await createTask(db, clock, by, scope, {
      title: item.title,
      accountId: meeting.account_id,
      assigneeId: item.assigneeId ?? by.userId,
      dueAt: item.dueAt ?? null,
      tags: ['meeting'],
    });
    await store.linkActionItem(db, by.workspaceId, meeting.id, task.id);
  }
}

export async function addActionItems(
  db: Db,
  clock: Clock,
  by: Organizer,
  scope: AccountScope,
  id: string,
  items: ActionItem[],
) {
  const meeting = await findMeetingOrFail(db, scope, id);
  await checkAssignees(db, by.workspaceId, items);
  await db.transaction().execute((trx) => openActionItems(trx, clock, by, scope, meeting, items));
  return getMeeting(db, scope, meeting.id);
}

/** Marks a meeting held (it must have started), keeps its notes, opens its action items. */
export async function completeMeeting(
  db: Db,
  clock: Clock,
  by: Organizer,
  scope: AccountScope,
  id: string,
  input: { notes?: string | null; actionItems: ActionItem[] },
) {
  const meeting = await findMeetingOrFail(db, scope, id);
  const now = clock.now();
  if (meeting.status === 'cancelled') {
    throw new AppError('meeting.not_allowed', { key: 'revenue.problem.cancelledNotHeld' });
  }
  if (meeting.starts_at.getTime() > now.getTime()) {
    throw new AppError('meeting.not_allowed', { key: 'revenue.problem.notStarted' });
  }
  await checkAssignees(db, by.workspaceId, input.actionItems);
  await db.transaction().execute(async (trx) => {
    await store.updateMeetingRow(trx, by.workspaceId, meeting.id, {
      status: 'held',
      heldAt: meeting.held_at ?? now,
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      at: now,
    });
    await recordAudit(trx, by, {
      action: 'meeting.held',
      entityType: 'meeting',
      entityId: meeting.id,
      changes: { actionItems: input.actionItems.length },
    });
    await openActionItems(trx, clock, by, scope, meeting, input.actionItems);
  });
  return getMeeting(db, scope, meeting.id);
}
