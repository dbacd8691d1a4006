// A project: a board by status (drag, or the status chip), a list by stage, a task's detail,
// saving it as a template and bringing it up to its template's newest version.
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  taskStatuses,
  useAddComment,
  useApplyUpgrade,
  useComments,
  usePeople,
  useProject,
  useSaveAsTemplate,
  useUpdateTask,
  useUpgradePreview,
  type Project,
  type Task,
  type TaskStatus,
} from '../../api/work.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Button, ErrorNote, Field, Input, Loading, TextArea } from '../../components/ui.tsx';
import { ProgressBar } from './OnboardingPage.tsx';
import { DueDate, PriorityBadge, refusalText, StatusControl, TagList } from './TaskStatus.tsx';

type View = 'board' | 'list';

export function ProjectPage({ projectId }: { projectId: string }) {
  const { t } = useTranslation('work');
  const project = useProject(projectId);
  const [view, setView] = useState<View>('board');
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  if (project.isPending) return <Loading />;
  if (project.error) return <ErrorNote error={project.error} />;
  const data = project.data;
  const openTask = data.tasks.find((task) => task.id === openTaskId) ?? null;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <ProjectHeader project={data} />
      <div role="group" aria-label={t('project.view')} className="flex gap-2">
        {(['board', 'list'] as const).map((option) => (
          <Button
            key={option}
            variant={view === option ? 'primary' : 'secondary'}
            aria-pressed={view === option}
            onClick={() => setView(option)}
          >
            {t(`project.${option}`)}
          </Button>
        ))}
      </div>
      {view === 'board' ? (
        <Board project={data} onOpen={setOpenTaskId} />
      ) : (
        <StageList project={data} onOpen={setOpenTaskId} />
      )}
      {openTask && (
        <TaskDetail
          task={openTask}
          project={data}
          onClose={() => setOpenTaskId(null)}
          onOpen={setOpenTaskId}
        />
      )}
    </div>
  );
}

function ProjectHeader({ project }: { project: Project }) {
  const { t } = useTranslation('work');
  const behind =
    project.templateVersion !== null &&
    project.templateCurrentVersion !== null &&
    project.templateVersion < project.templateCurrentVersion;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Link
          to="/accounts/$accountId"
          params={{ accountId: project.accountId }}
          className="inline-flex min-h-11 items-center text-accent underline"
        >
          {project.accountName}
        </Link>
        <h1 className="text-2xl font-bold">{project.name}</h1>
        <p className="text-sm text-muted">
          {t(`kind.${project.kind}`)} · {t(`projectStatus.${project.status}`)} ·{' '}
          {t('project.started', { date: formatDate(project.startDate) })}
          {project.templateName &&
            ` · ${t('project.fromTemplate', { name: project.templateName, version: project.templateVersion ?? '' })}`}
        </p>
      </div>
      <ProgressBar
        done={project.progress.done}
        total={project.progress.total}
        label={t('project.progress')}
      />
      <div className="flex flex-wrap gap-2">
        <SaveAsTemplate project={project} />
        {behind && <TemplateUpgrade project={project} />}
      </div>
    </div>
  );
}

function SaveAsTemplate({ project }: { project: Project }) {
  const { t } = useTranslation('work');
  const save = useSaveAsTemplate(project.id);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(t('project.templateNameDefault', { name: project.name }));
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('project.saveAsTemplate')}
      </Button>
    );
  }
  if (save.data) {
    return (
      <p role="status" className="flex flex-wrap items-center gap-2 text-healthy">
        {t('project.savedAsTemplate', { name: save.data.name })}
        <Link
          to="/templates/$templateId"
          params={{ templateId: save.data.id }}
          className="inline-flex min-h-11 items-center text-accent underline"
        >
          {t('project.openTemplate')}
        </Link>
      </p>
    );
  }
  return (
    <form
      className="flex w-full flex-col gap-2 rounded-xl border border-line bg-surface p-3 sm:max-w-md"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(name);
      }}
    >
      <Field
        label={t('project.templateName')}
        error={save.error instanceof Error ? save.error.message : undefined}
      >
        {(id) => (
          <Input id={id} value={name} required onChange={(event) => setName(event.target.value)} />
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t('actions.saving') : t('project.saveTemplate')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('actions.cancel')}
        </Button>
      </div>
    </form>
  );
}

function TemplateUpgrade({ project }: { project: Project }) {
  const { t } = useTranslation('work');
  const [open, setOpen] = useState(false);
  const preview = useUpgradePreview(project.id, open);
  const apply = useApplyUpgrade(project.id);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('upgrade.button', { version: project.templateCurrentVersion ?? '' })}
      </Button>
    );
  }
  return (
    <section
      aria-labelledby="upgrade-title"
      className="flex w-full flex-col gap-2 rounded-xl border border-accent bg-surface p-3"
    >
      <h2 id="upgrade-title" className="text-lg font-semibold">
        {t('upgrade.title')}
      </h2>
      {preview.isPending ? (
        <Loading />
      ) : preview.error ? (
        <ErrorNote error={preview.error} />
      ) : (
        <>
          <p>
            {t('upgrade.versions', { from: preview.data.fromVersion, to: preview.data.toVersion })}
          </p>
          <UpgradeList
            title={t('upgrade.add')}
            items={preview.data.add.map((item) => ({ id: item.key, text: item.title }))}
          />
          <UpgradeList
            title={t('upgrade.update')}
            items={preview.data.update.map((item) => ({
              id: item.taskId,
              text: `${item.title} (${item.fields.join(', ')})`,
            }))}
          />
          <UpgradeList
            title={t('upgrade.untouched')}
            items={preview.data.untouched.map((item) => ({
              id: item.taskId,
              text: `${item.title}: ${item.reason}`,
            }))}
          />
          <ErrorNote error={apply.error} />
          {apply.isSuccess ? (
            <p role="status" className="text-healthy">
              {t('upgrade.done', { version: preview.data.toVersion })}
            </p>
          ) : (
            <div className="flex gap-2">
              <Button
                disabled={apply.isPending}
                onClick={() => apply.mutate(preview.data.toVersion)}
              >
                {t('upgrade.apply', { version: preview.data.toVersion })}
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                {t('actions.cancel')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function UpgradeList({ title, items }: { title: string; items: { id: string; text: string }[] }) {
  const { t } = useTranslation('work');
  return (
    <div>
      <h3 className="font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-muted">{t('upgrade.nothing')}</p>
      ) : (
        <ul className="list-disc pl-5 text-sm">
          {items.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A task as a card: its title opens the detail; the chip moves it without dragging. */
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

function Board({ project, onOpen }: { project: Project; onOpen: (id: string) => void }) {
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

function StageList({ project, onOpen }: { project: Project; onOpen: (id: string) => void }) {
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
function TaskDetail({
  task,
  project,
  onClose,
  onOpen,
}: {
  task: Task;
  project: Project;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('work');
  const titleId = useId();
  const update = useUpdateTask();
  const stage = project.stages.find((candidate) => candidate.id === task.stageId);
  useEffect(() => {
    const close = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [onClose]);
  const toggle = (itemId: string) =>
    update.mutate({
      id: task.id,
      checklist: task.checklist.map((item) =>
        item.id === itemId ? { ...item, done: !item.done } : item,
      ),
    });

  return (
    <div
      className="fixed inset-0 z-40 flex items-end bg-ink/40 lg:items-stretch lg:justify-end"
      onClick={onClose}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(event) => event.stopPropagation()}
        className="flex max-h-[88vh] w-full flex-col gap-4 overflow-y-auto rounded-t-2xl border border-line bg-surface p-4 shadow-xl lg:max-h-none lg:w-[30rem] lg:rounded-none"
      >
        <div className="flex items-start justify-between gap-2">
          <h2 id={titleId} className="text-xl font-semibold">
            {task.title}
          </h2>
          <Button variant="ghost" onClick={onClose} aria-label={t('task.close')} autoFocus>
            ✕
          </Button>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StatusControl task={task} />
          <PriorityBadge priority={task.priority} />
          <DueDate task={task} />
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted">{t('task.assignee')}</dt>
          <dd>{task.assigneeName ?? t('task.unassigned')}</dd>
          <dt className="text-muted">{t('task.stage')}</dt>
          <dd>{stage?.name ?? t('stage.none')}</dd>
        </dl>
        <TagList tags={task.tags} />
        {task.description && <p className="whitespace-pre-wrap">{task.description}</p>}
        <section aria-label={t('task.dependencies')}>
          <h3 className="font-semibold">{t('task.dependencies')}</h3>
          {task.blockedBy.length === 0 ? (
            <p className="text-sm text-muted">{t('task.noDependencies')}</p>
          ) : (
            <ul className="flex flex-col">
              {task.blockedBy.map((blocker) => (
                <li key={blocker.id}>
                  <button
                    type="button"
                    onClick={() => onOpen(blocker.id)}
                    className="min-h-11 text-left text-accent underline"
                  >
                    {t('task.waitsOnOne', { title: blocker.title })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {task.checklist.length > 0 && (
          <section aria-label={t('task.checklist')}>
            <h3 className="font-semibold">
              {t('task.checklist')} ({task.checklist.filter((item) => item.done).length}/
              {task.checklist.length})
            </h3>
            <ul>
              {task.checklist.map((item) => (
                <li key={item.id}>
                  <label className="flex min-h-11 items-center gap-3">
                    <input
                      type="checkbox"
                      className="h-5 w-5"
                      checked={item.done}
                      disabled={update.isPending}
                      onChange={() => toggle(item.id)}
                    />
                    <span className={item.done ? 'text-muted line-through' : ''}>{item.text}</span>
                  </label>
                </li>
              ))}
            </ul>
            <ErrorNote error={update.error} />
          </section>
        )}
        <Comments taskId={task.id} />
      </div>
    </div>
  );
}

function Comments({ taskId }: { taskId: string }) {
  const { t } = useTranslation('work');
  const comments = useComments(taskId);
  const add = useAddComment(taskId);
  const people = usePeople();
  const [body, setBody] = useState('');
  const handle = /(?:^|\s)@([\w.-]*)$/.exec(body)?.[1];
  const suggestions =
    handle === undefined
      ? []
      : (people.data?.items ?? [])
          .filter((person) => !person.deactivated)
          .filter((person) =>
            `${person.name} ${person.email}`.toLowerCase().includes(handle.toLowerCase()),
          )
          .slice(0, 5);
  const mention = (email: string) =>
    setBody((text) => text.replace(/@([\w.-]*)$/, `@${email.split('@')[0] ?? email} `));

  return (
    <section aria-labelledby={`comments-${taskId}`} className="flex flex-col gap-2">
      <h3 id={`comments-${taskId}`} className="font-semibold">
        {t('comments.title')}
      </h3>
      {comments.isPending ? (
        <Loading />
      ) : comments.error ? (
        <ErrorNote error={comments.error} />
      ) : comments.data.items.length === 0 ? (
        <p className="text-sm text-muted">{t('comments.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {comments.data.items.map((comment) => (
            <li key={comment.id} className="rounded-lg bg-raised p-2">
              <p className="text-sm text-muted">
                <span className="font-medium text-ink">
                  {comment.author?.name ?? t('comments.someone')}
                </span>{' '}
                · {formatDateTime(comment.createdAt)}
              </p>
              <p className="whitespace-pre-wrap">
                {comment.body
                  .split(/((?<![\w.])@[\w.%+-]+(?:@[\w.-]+\.[a-z]{2,})?)/i)
                  .map((part, index) =>
                    index % 2 === 1 ? (
                      <strong key={index} className="text-accent">
                        {part}
                      </strong>
                    ) : (
                      part
                    ),
                  )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (body.trim()) add.mutate(body, { onSuccess: () => setBody('') });
        }}
      >
        <Field
          label={t('comments.add')}
          hint={t('comments.hint')}
          error={add.error instanceof Error ? add.error.message : undefined}
        >
          {(id) => (
            <TextArea
              id={id}
              rows={3}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          )}
        </Field>
        {suggestions.length > 0 && (
          <ul aria-label={t('comments.mentionPicker')} className="flex flex-wrap gap-1">
            {suggestions.map((person) => (
              <li key={person.id}>
                <Button variant="secondary" onClick={() => mention(person.email)}>
                  @{person.name}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Button type="submit" disabled={add.isPending || !body.trim()} className="self-start">
          {t('comments.post')}
        </Button>
      </form>
    </section>
  );
}
