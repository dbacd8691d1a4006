// One task in full: status, assignee, dates, checklist, dependencies and the comment thread (where
// a mention of you can be acknowledged); removing it, in two taps, saying first what goes with it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../../api/accounts.ts';
import { useCan, useMe } from '../../../api/session.ts';
import {
  useAcknowledgeMention,
  useAddComment,
  useComments,
  useDeleteTask,
  useUpdateTask,
  type Comment,
  type Project,
  type Task,
} from '../../../api/work.ts';
import { formatDateTime } from '../../../components/format.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { Button, ErrorNote, Loading, TextAreaField } from '../../../components/ui.tsx';
import { DueDate, LateStart, PriorityBadge, StatusControl, TagList } from '../TaskStatus.tsx';

export function TaskDetail({
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
  const update = useUpdateTask();
  const stage = project.stages.find((candidate) => candidate.id === task.stageId);
  const toggle = (itemId: string) =>
    update.mutate({
      id: task.id,
      checklist: task.checklist.map((item) =>
        item.id === itemId ? { ...item, done: !item.done } : item,
      ),
    });

  return (
    <Dialog
      title={task.title}
      closeLabel={t('task.close')}
      onClose={onClose}
      placement="side"
      focusClose
    >
      <div className="flex flex-wrap items-center gap-2">
        <StatusControl task={task} />
        <PriorityBadge priority={task.priority} />
        <DueDate task={task} />
        <LateStart task={task} />
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
      <RemoveTask task={task} project={project} onRemoved={onClose} />
    </Dialog>
  );
}

/** A mention of the reader not answered yet: "Got it" answers it without writing a word. */
function MentionOfYou({ comment }: { comment: Comment }) {
  const { t } = useTranslation('work');
  const me = useMe().data?.id;
  const acknowledge = useAcknowledgeMention(comment.taskId);
  const mention = comment.mentions.find((m) => m.id === me && m.acknowledgedAt === null);
  if (!mention) return null;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-accent">{t('comments.mentionsYou')}</span>
      <Button
        variant="secondary"
        disabled={acknowledge.isPending}
        onClick={() => acknowledge.mutate(mention.mentionId)}
      >
        {t('comments.acknowledge')}
      </Button>
      <ErrorNote error={acknowledge.error} />
    </div>
  );
}

/**
 * "Delete task", then what goes with it and a second tap. The server keeps it in history, drops
 * its comments from view and the waits on it; its sub-tasks stay.
 */
function RemoveTask({
  task,
  project,
  onRemoved,
}: {
  task: Task;
  project: Project;
  onRemoved: () => void;
}) {
  const { t } = useTranslation('work');
  const remove = useDeleteTask();
  const [asked, setAsked] = useState(false);
  if (!useCan('manage_work')) return null;
  if (!asked) {
    return (
      <Button variant="secondary" className="self-start" onClick={() => setAsked(true)}>
        {t('removeTask.button')}
      </Button>
    );
  }
  const waiting = project.tasks.filter((other) => other.dependsOn.includes(task.id)).length;
  const consequences = [
    t('removeTask.leaves'),
    task.commentCount > 0 && t('removeTask.comments', { count: task.commentCount }),
    waiting > 0 && t('removeTask.waiting', { count: waiting }),
    task.subtaskCount > 0 && t('removeTask.subtasks', { count: task.subtaskCount }),
  ].filter((line): line is string => typeof line === 'string');
  return (
    <section
      aria-labelledby={`remove-${task.id}`}
      className="flex flex-col gap-2 rounded-xl border border-critical p-3"
    >
      <h3 id={`remove-${task.id}`} className="font-semibold">
        {t('removeTask.title')}
      </h3>
      <ul className="list-disc pl-5 text-sm">
        {consequences.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <ErrorNote error={remove.error} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(task.id, { onSuccess: onRemoved })}
        >
          {t('removeTask.confirm', { title: task.title })}
        </Button>
        <Button variant="ghost" onClick={() => setAsked(false)}>
          {t('removeTask.keep')}
        </Button>
      </div>
    </section>
  );
}

function Comments({ taskId }: { taskId: string }) {
  const { t } = useTranslation('work');
  const comments = useComments(taskId);
  const add = useAddComment(taskId);
  const people = useUsers();
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
              <MentionOfYou comment={comment} />
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
        <TextAreaField
          label={t('comments.add')}
          hint={t('comments.hint')}
          error={add.error instanceof Error ? add.error.message : undefined}
          rows={3}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
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
