// Work questions: a person's open tasks (as My work shows them), and a reminder proposed as a
// task draft — nothing is written until the person confirms it through the task API.
import { myWork } from '../../work/index.ts';
import { say, type Answered, type Question } from './context.ts';

const buckets = ['overdue', 'today', 'thisWeek', 'later', 'noDueDate'] as const;

export async function myTasks(question: Question): Promise<Answered> {
  const { params, asker } = question;
  if (params.taskTitle) return taskDraft(question);
  const work = await myWork(question.deps.db, question.deps.clock, asker);
  const counts = Object.fromEntries(buckets.map((b) => [b, work[b].count])) as Record<
    (typeof buckets)[number],
    number
  >;
  const open = buckets.reduce((sum, b) => sum + counts[b], 0);
  const items = buckets
    .flatMap((bucket) => work[bucket].items.map((task) => ({ task, bucket })))
    .filter(({ task }) => !params.accountId || task.accountId === params.accountId)
    .slice(0, 10)
    .map(({ task, bucket }) => ({
      id: task.id,
      title: task.title,
      accountId: task.accountId,
      accountName: task.accountName,
      priority: task.priority,
      dueAt: task.dueAt,
      bucket,
    }));
  return {
    widget: 'my_tasks',
    data: { counts, items },
    answer: [
      open === 0
        ? say('assistant.tasks.calm')
        : say('assistant.tasks.summary', {
            count: open,
            overdue: counts.overdue,
            today: counts.today,
          }),
    ],
    link: '/work',
  };
}

function taskDraft(question: Question): Answered {
  const { params, asker } = question;
  const account = question.accounts.find((a) => a.id === params.accountId) ?? null;
  const title = params.taskTitle ?? '';
  return {
    widget: 'task_draft',
    data: {
      title,
      accountId: account?.id ?? null,
      accountName: account?.name ?? null,
      dueAt: params.at ?? null,
      assigneeId: asker.userId,
    },
    answer: [
      params.at
        ? say('assistant.tasks.draft', { title, due: { dateTime: params.at } })
        : say('assistant.tasks.draftNoDate', { title }),
    ],
    link: null,
  };
}
