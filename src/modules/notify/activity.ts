// Notify's subscription to `activity__recorded` (src/jobs/announce.ts), as its
// `notification__route` job: when a person touched a task, its SLA timers move; a mention's
// escalation is scheduled; then the people it concerns are told (notifyPeople.ts).
//
// Why here, after the change commits, and not in the recorder's transaction as before: the
// recorders (work, health) sit below notify and may not call it. Nothing is lost by the wait.
// The timer jobs re-read the task (sla/check.ts): one that fires before this job has moved it
// finds its epoch stale, or the task paused, and raises nothing; the timer armed here is due
// at a step computed from the touch itself, so arming it late never moves a step later (an
// overdue one fires at once). A mention's escalation is due from the comment's own time.
// Every step is idempotent (timers and escalations by job key, notifications by unique
// row), so a retry of this job repeats nothing people see.
import type { JobHandler } from '../../jobs/registry.ts';
import { findActivityEvent } from '../accounts/index.ts';
import { taskTouchKinds } from './kinds.ts';
import { notifyAboutEvent } from './notifyPeople.ts';
import { scheduleMentionEscalations } from './sla/mentions.ts';
import { rescheduleSlaTimers } from './sla/timers.ts';

export const onActivityRecorded: JobHandler<'notification__route'> = async (deps, payload) => {
  const event = await findActivityEvent(deps.db, payload.eventId);
  if (!event?.kind) return;
  if (event.taskId && taskTouchKinds.has(event.kind)) {
    await rescheduleSlaTimers(deps.db, event.taskId);
  }
  const commentId = event.data.commentId;
  if (event.kind === 'mentioned' && typeof commentId === 'string') {
    await scheduleMentionEscalations(deps.db, event.workspaceId, commentId, event.at);
  }
  await notifyAboutEvent(deps, payload);
};
