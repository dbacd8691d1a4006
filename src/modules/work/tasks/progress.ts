// What a task's move completes beyond the task itself — its stage, its project — each step
// written on the account's timeline.
import type { Db } from '../../../db/connect.ts';
import { message } from '../../../i18n/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { addTimelineEvent } from '../../accounts/index.ts';
import * as projectStore from '../store.ts';
import * as store from './store/tasks.ts';
import type { TaskWithContext } from './view.ts';

/** Who moved the task: the timeline names them. */
type Mover = { workspaceId: WorkspaceId; userId: UserId | null };

/**
 * After a task moves, or an open one is removed: its stage completes when all its tasks are
 * done (and the stage now first not completed starts), and the project completes when every
 * task is; reopening undoes both.
 */
export async function settleProgress(db: Db, clock: Clock, by: Mover, task: TaskWithContext) {
  const now = clock.now();
  if (task.status === 'done') {
    await addTimelineEvent(db, {
      workspaceId: by.workspaceId,
      accountId: task.account_id,
      kind: 'system',
      title: message('accounts.timeline.taskCompleted', { task: task.title }),
      actorId: by.userId,
      occurredAt: now,
      data: { taskId: task.id, projectId: task.project_id, firstValue: task.is_first_value },
    });
  }
  if (task.stage_id) await settleStage(db, by, task, task.stage_id, now);
  if (task.project_id) await settleProject(db, by, task, task.project_id, now);
}

/**
 * After a task changes stage: the stage it left may have nothing open left (and completes), the
 * one it joined may be reopened by it.
 */
export async function settleStageChange(
  db: Db,
  clock: Clock,
  by: Mover,
  task: TaskWithContext,
  leftStageId: string | null,
) {
  const now = clock.now();
  if (leftStageId) await settleStage(db, by, task, leftStageId, now);
  if (task.stage_id) await settleStage(db, by, task, task.stage_id, now);
}

/**
 * The stage completes with its last open task, or reopens; either may change which stage is
 * current, and so which one runs (the rule is `startCurrentStage`'s). A stage left with no
 * task at all was emptied, not finished: it closes so the onboarding moves on to the next stage,
 * but the timeline does not say it was completed.
 */
async function settleStage(db: Db, by: Mover, task: TaskWithContext, stageId: string, now: Date) {
  const { total, open } = await store.countTasksInStage(db, by.workspaceId, stageId);
  if (open > 0) {
    const reopened = await projectStore.reopenStage(db, by.workspaceId, stageId);
    if (reopened)
      await projectStore.startCurrentStage(db, by.workspaceId, reopened.project_id, now);
    return;
  }
  const stage = await projectStore.completeStage(db, by.workspaceId, stageId, now);
  if (!stage) return;
  await projectStore.startCurrentStage(db, by.workspaceId, stage.project_id, now);
  if (total === 0) return;
  await addTimelineEvent(db, {
    workspaceId: by.workspaceId,
    accountId: task.account_id,
    kind: 'system',
    title: message('accounts.timeline.stageCompleted', { stage: stage.name }),
    actorId: by.userId,
    occurredAt: now,
    data: { projectId: stage.project_id, stageId },
  });
}

/**
 * The project completes with its last open task, or becomes active again. A project left with
 * no task at all keeps its status: nothing in it was finished, it was emptied.
 */
async function settleProject(
  db: Db,
  by: Mover,
  task: TaskWithContext,
  projectId: string,
  now: Date,
) {
  const { total, open } = await store.countTasksInProject(db, by.workspaceId, projectId);
  if (total === 0) return;
  const project = await projectStore.settleProjectStatus(
    db,
    by.workspaceId,
    projectId,
    open === 0,
    now,
  );
  if (project?.status === 'completed') {
    await addTimelineEvent(db, {
      workspaceId: by.workspaceId,
      accountId: task.account_id,
      kind: 'system',
      title: message('accounts.timeline.projectCompleted', { project: project.name }),
      actorId: by.userId,
      occurredAt: now,
      data: { projectId },
    });
  }
}
