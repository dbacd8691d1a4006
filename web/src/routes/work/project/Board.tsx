// A project's tasks two ways: a board by status (drag a card, or use its status chip) and a
// list by stage with each stage's progress.
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  taskStatuses,
  useUpdateTask,
  type Project,
  type Task,
  type TaskStatus,
} from '../../../api/work.ts';
import { formatDate } from '../../../components/format.ts';
import { ProgressBar } from '../OnboardingPage.tsx';
import {
  DueDate,
  LateStart,
  PriorityBadge,
  refusalText,
  StatusControl,
  TagList,
} from '../TaskStatus.tsx';

function TaskCard({
  task,
  onOpen,
  draggable = false,
}: {
  task: Task;
  onOpen: (id: string) => void;
  draggable?: boolean;
}) {
  const { t } = useTranslation('work');
  return (
    <li
      draggable={draggable}
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', task.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3"
    >
      <button
        type="button"
        onClick={() => onOpen(task.id)}
        className={`min-h-11 text-left font-medium underline-offset-2 hover:underline ${task.status === 'done' ? 'text-muted line-through' : ''}`}
      >
        {task.title}
      </button>
      <div className="flex flex-wrap items-center gap-2">
        <PriorityBadge priority={task.priority} />
        <DueDate task={task} />
        <LateStart task={task} />
        {task.isFirstValue && (
          <span className="text-sm text-healthy">★ {t('task.firstValue')}</span>
        )}
      </div>
      <TagList tags={task.tags} />
      {task.blockedBy.length > 0 && task.status !== 'done' && (
        <p className="text-sm text-risk">
          {t('task.waitsOn', { titles: task.blockedBy.map((b) => `“${b.title}”`).join(', ') })}
        </p>
      )}
      <p className="text-sm text-muted">{task.assigneeName ?? t('task.unassigned')}</p>
      <StatusControl task={task} />
    </li>
  );
}

export function Board({ project, onOpen }: { project: Project; onOpen: (id: string) => void }) {
  const { t } = useTranslation('work');
  const update = useUpdateTask();
  const [over, setOver] = useState<TaskStatus | null>(null);
  const drop = (status: TaskStatus) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData('text/plain');
    const task = project.tasks.find((candidate) => candidate.id === id);
    if (task && task.status !== status) update.mutate({ id, status });
  };
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-muted">{t('project.boardHint')}</p>
      {update.error && (
        <p role="alert" className="rounded-lg border border-critical p-3 text-critical">
          {refusalText(update.error, t('task.moveFailed'))}
        </p>
      )}
      <div
        tabIndex={0}
        role="region"
        aria-label={t('project.board')}
        className="-mx-4 flex snap-x snap-mandatory items-start gap-3 overflow-x-auto px-4 pb-2 lg:mx-0 lg:grid lg:grid-cols-5 lg:items-start lg:overflow-visible lg:px-0"
      >
        {taskStatuses.map((status) => {
          const tasks = project.tasks.filter((task) => task.status === status);
          return (
            <section
              key={status}
              aria-labelledby={`column-${status}`}
              onDragOver={(event) => {
                event.preventDefault();
                setOver(status);
              }}
              onDragLeave={() => setOver((was) => (was === status ? null : was))}
              onDrop={drop(status)}
              className={`flex w-[80vw] max-w-xs shrink-0 snap-start flex-col gap-2 rounded-xl border p-2 lg:w-auto lg:max-w-none ${
                over === status ? 'border-accent bg-raised' : 'border-line bg-canvas'
              }`}
            >
              <h2 id={`column-${status}`} className="px-1 font-semibold">
                {t(`status.${status}`)} <span className="text-muted">({tasks.length})</span>
              </h2>
              <ul className="flex min-h-24 flex-col gap-2">
                {tasks.map((task) => (
                  <TaskCard key={task.id} task={task} onOpen={onOpen} draggable />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}

export function StageList({ project, onOpen }: { project: Project; onOpen: (id: string) => void }) {
  const { t } = useTranslation('work');
  const unstaged = project.tasks.filter(
    (task) => !task.stageId || !project.stages.some((stage) => stage.id === task.stageId),
  );
  return (
    <div className="flex flex-col gap-4">
      {project.stages.map((stage) => (
        <section
          key={stage.id}
          aria-labelledby={`stage-${stage.id}`}
          className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4"
        >
          <h2 id={`stage-${stage.id}`} className="text-lg font-semibold">
            {stage.name}
          </h2>
          <p className="text-sm text-muted">
            {stage.completedAt
              ? t('stage.completed', { date: formatDate(stage.completedAt) })
              : stage.startedAt
                ? t('stage.started', { date: formatDate(stage.startedAt) })
                : t('stage.notStarted')}
            {stage.expectedDays !== null &&
              ` · ${t('stage.expected', { days: stage.expectedDays })}`}
          </p>
          <ProgressBar
            done={stage.progress.done}
            total={stage.progress.total}
            label={t('stage.progress', { stage: stage.name })}
          />
          {stage.successCriteria.length > 0 && (
            <details>
              <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">
                {t('stage.successCriteria')}
              </summary>
              <ul className="list-disc pl-5 text-sm">
                {stage.successCriteria.map((criterion) => (
                  <li key={criterion}>{criterion}</li>
                ))}
              </ul>
            </details>
          )}
          <ul className="flex flex-col gap-2">
            {project.tasks
              .filter((task) => task.stageId === stage.id)
              .map((task) => (
                <TaskCard key={task.id} task={task} onOpen={onOpen} />
              ))}
          </ul>
        </section>
      ))}
      {unstaged.length > 0 && (
        <section
          aria-labelledby="stage-none"
          className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4"
        >
          <h2 id="stage-none" className="text-lg font-semibold">
            {t('stage.none')}
          </h2>
          <ul className="flex flex-col gap-2">
            {unstaged.map((task) => (
              <TaskCard key={task.id} task={task} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The task's detail: a sheet from the bottom on a phone, a side panel on a wide screen. */
