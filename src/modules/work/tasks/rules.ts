// The rules of a task's status, as pure functions: which moves are allowed and why not.
import type { TaskStatus } from '../../../db/schema.ts';
import { message, type Message } from '../../../i18n/index.ts';

export type StatusCheck = {
  from: TaskStatus;
  to: TaskStatus;
  /** Dependencies not done yet. */
  waitingOn: { title: string }[];
  /** Sub-tasks not done yet. */
  openSubtasks: number;
};

/** Why the move is not allowed, or undefined when it is. */
export function statusProblem({
  from,
  to,
  waitingOn,
  openSubtasks,
}: StatusCheck): Message | undefined {
  if (from === to) return undefined;
  if (from === 'done' && (to === 'blocked' || to === 'waiting_on_customer')) {
    return message('work.field.reopenFirst');
  }
  if ((to === 'in_progress' || to === 'done') && waitingOn.length > 0) {
    return message('work.field.waitsOn', {
      tasks: waitingOn.map((t) => `"${t.title}"`).join(', '),
    });
  }
  if (to === 'done' && openSubtasks > 0) {
    return message('work.field.openSubtasks', { count: openSubtasks });
  }
  return undefined;
}

/** When a task started and finished, as its status moves. */
export function statusTimes(
  from: TaskStatus,
  to: TaskStatus,
  now: Date,
  times: { startedAt: Date | null; completedAt: Date | null },
): { startedAt: Date | null; completedAt: Date | null } {
  if (from === to) return times;
  return {
    startedAt: times.startedAt ?? (to === 'todo' ? null : now),
    completedAt: to === 'done' ? now : null,
  };
}
