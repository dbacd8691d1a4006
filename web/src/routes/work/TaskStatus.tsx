// The two-tap status control (tap the chip, tap a status) and the task row shared by
// My work and the account's open work.
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskStatuses, useUpdateTask, type Task, type TaskStatus } from '../../api/work.ts';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../api/session.ts';
import { Badge } from '../../components/ui.tsx';
import { formatDate } from '../../components/format.ts';

export const statusTone = {
  todo: 'neutral',
  in_progress: 'accent',
  blocked: 'critical',
  waiting_on_customer: 'risk',
  done: 'healthy',
} as const satisfies Record<TaskStatus, 'neutral' | 'accent' | 'critical' | 'risk' | 'healthy'>;

const chipLook: Record<TaskStatus, string> = {
  todo: 'border-line text-ink',
  in_progress: 'border-accent text-accent',
  blocked: 'border-critical text-critical',
  waiting_on_customer: 'border-risk text-risk',
  done: 'border-healthy text-healthy',
};

/** Why the server refused a move: its detail and each reason it gave (e.g. what the task waits on). */
export function refusalText(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const reasons = (error.problem.errors ?? []).map((e) => e.message);
  return [error.problem.detail, ...reasons].join(' ');
}

/**
 * A task's status as a chip; tapping it opens the statuses, tapping one moves the task. For
 * someone who may not change tasks (a viewer) it is the status alone.
 */
export function StatusControl({
  task,
  menuAt = 'start',
}: {
  task: Task;
  /** Where the menu lines up with the chip: `end` where the chip ends a wide row. */
  menuAt?: 'start' | 'end';
}) {
  if (!useCan('manage_work')) return <StatusBadge status={task.status} />;
  return <StatusMenu task={task} menuAt={menuAt} />;
}

function StatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation('work');
  return (
    <span
      className={`inline-flex min-h-11 items-center self-start rounded-full border px-3 text-sm font-medium whitespace-nowrap ${chipLook[status]}`}
    >
      {t(`status.${status}`)}
    </span>
  );
}

function StatusMenu({ task, menuAt }: { task: Task; menuAt: 'start' | 'end' }) {
  const { t } = useTranslation('work');
  const update = useUpdateTask();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !box.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const move = (status: TaskStatus) => {
    setOpen(false);
    if (status !== task.status) update.mutate({ id: task.id, status });
  };
  const shown =
    update.isPending && update.variables?.status ? update.variables.status : task.status;
  const refusal = update.error ? refusalText(update.error, t('task.moveFailed')) : null;

  return (
    <div
      ref={box}
      className={`relative inline-flex flex-col items-start ${menuAt === 'end' ? 'sm:items-end' : ''}`}
    >
      <button
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('status.change', { title: task.title, status: t(`status.${shown}`) })}
        onClick={() => setOpen((was) => !was)}
        className={`inline-flex min-h-11 items-center gap-1 rounded-full border px-3 text-sm font-medium whitespace-nowrap ${chipLook[shown]}`}
      >
        {t(`status.${shown}`)}
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          id={menuId}
          aria-label={t('status.menu')}
          className={`absolute top-full left-0 z-30 mt-1 flex w-56 flex-col rounded-xl border border-line bg-surface p-1 shadow-lg ${menuAt === 'end' ? 'sm:right-0 sm:left-auto' : ''}`}
        >
          {taskStatuses.map((status) => (
            <li key={status}>
              <button
                type="button"
                aria-current={status === task.status ? 'true' : undefined}
                onClick={() => move(status)}
                className={`flex min-h-11 w-full items-center gap-2 rounded-lg px-3 text-left hover:bg-raised ${status === task.status ? 'font-semibold' : ''}`}
              >
                <span
                  aria-hidden="true"
                  className={`h-3 w-3 rounded-full border-2 ${chipLook[status]}`}
                />
                {t(`status.${status}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {refusal && !update.isPending && (
        <p role="alert" className="mt-1 max-w-72 text-sm text-critical">
          {refusal}
        </p>
      )}
    </div>
  );
}

export function PriorityBadge({ priority }: { priority: Task['priority'] }) {
  const { t } = useTranslation('work');
  const tone = priority === 'P0' ? 'critical' : priority === 'P1' ? 'risk' : 'neutral';
  return (
    <Badge tone={tone}>
      <span aria-label={t('task.priority', { priority })}>{priority}</span>
    </Badge>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  const { t } = useTranslation('work');
  if (tags.length === 0) return null;
  return (
    <ul aria-label={t('task.tags')} className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag}>
          {tag === 'urgent' ? (
            <span className="inline-flex items-center rounded-full bg-critical px-2 py-0.5 text-sm font-semibold text-surface">
              ⚑ {t('task.urgent')}
            </span>
          ) : (
            <Badge>#{tag}</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}

export function DueDate({ task }: { task: Task }) {
  const { t } = useTranslation('work');
  if (!task.dueAt) return <span className="text-sm text-muted">{t('task.noDue')}</span>;
  const late = task.status !== 'done' && new Date(task.dueAt).getTime() < Date.now();
  return (
    <span className={`text-sm ${late ? 'font-semibold text-critical' : 'text-muted'}`}>
      {t(late ? 'task.overdueOn' : 'task.due', { date: formatDate(task.dueAt) })}
    </span>
  );
}

/** A task a renewal-anchored template could not schedule on time (its plan began earlier). */
export function LateStart({ task }: { task: Task }) {
  const { t } = useTranslation('work');
  if (!task.lateStart || task.status === 'done') return null;
  return (
    <span title={t('task.lateStartHint')}>
      <Badge tone="risk">{t('task.lateStart')}</Badge>
    </span>
  );
}

/** One task in a list: title, where it belongs, when it is due, how urgent, its status. */
export function TaskRow({ task, showAccount = true }: { task: Task; showAccount?: boolean }) {
  const { t } = useTranslation('work');
  return (
    <li className="flex flex-col gap-2 border-b border-line py-3 last:border-b-0 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <p className={`font-medium ${task.status === 'done' ? 'text-muted line-through' : ''}`}>
          {task.title}
        </p>
        <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
          {showAccount && (
            <Link
              to="/accounts/$accountId"
              params={{ accountId: task.accountId }}
              className="inline-flex min-h-11 items-center text-accent underline sm:min-h-0"
            >
              {task.accountName}
            </Link>
          )}
          {task.projectId && task.projectName && (
            <Link
              to="/projects/$projectId"
              params={{ projectId: task.projectId }}
              className="inline-flex min-h-11 items-center underline sm:min-h-0"
            >
              {t('task.inProject', { project: task.projectName })}
            </Link>
          )}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <DueDate task={task} />
          <LateStart task={task} />
          <PriorityBadge priority={task.priority} />
          <TagList tags={task.tags} />
        </div>
      </div>
      <StatusControl task={task} menuAt="end" />
    </li>
  );
}
