// Work questions: a person's open tasks (as My work shows them), and a reminder proposed as a
// task draft — nothing is written until the person confirms it through the task API.
import type { Message, MessageParam } from '../../../i18n/index.ts';
import { buckets, myWork, type Bucket } from '../../work/index.ts';
import type { DayWindow } from '../understand/index.ts';
import { nextDate } from '../../notify/index.ts';
import { say, todayOf, type Answered, type Question } from './context.ts';

export async function myTasks(question: Question): Promise<Answered> {
  const { params, asker } = question;
  if (params.taskTitle) return taskDraft(question);
  const today = todayOf(question);
  // A window that holds today starts today, and takes in what is overdue: it is still to do.
  const window = params.window && {
    from: params.window.from < today && params.window.to >= today ? today : params.window.from,
    to: params.window.to,
  };
  const takesOverdue = !params.overdue && window?.from === today;
  const due = params.overdue
    ? { to: nextDate(today, -1) }
    : window && (takesOverdue ? { to: window.to } : window);
  const work = await myWork(question.deps.db, question.deps.clock, asker, {
    ...(params.accountId ? { accountId: params.accountId } : {}),
    ...(due ? { due } : {}),
  });
  const counts = Object.fromEntries(buckets.map((b) => [b, work[b].count])) as Record<
    Bucket,
    number
  >;
  const open = buckets.reduce((sum, b) => sum + counts[b], 0);
  const items = buckets
    .flatMap((bucket) => work[bucket].items.map((task) => ({ task, bucket })))
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
  const answer = params.overdue
    ? [
        open === 0
          ? say('assistant.tasks.noneOverdue')
          : say('assistant.tasks.overdue', { count: open }),
      ]
    : window
      ? windowSentences(window, open, takesOverdue ? counts.overdue : 0)
      : [
          open === 0
            ? say('assistant.tasks.calm')
            : say('assistant.tasks.summary', { count: open, ...counts }),
        ];
  const account = question.accounts.find((a) => a.id === params.accountId);
  if (account) answer.push(say('assistant.tasks.atAccount', { account: account.name }));
  return { widget: 'my_tasks', data: { counts, items }, answer, link: '/work' };
}

/**
 * The tasks due in a window, of the `open` listed, and the `overdue` ones among them besides
 * (when the window starts today): "1 more is overdue" after some due in it, "1 is overdue" after
 * none.
 */
function windowSentences(window: DayWindow, open: number, overdue: number): Message[] {
  const count = open - overdue;
  const oneDay = window.from === window.to;
  const days: Record<string, MessageParam> = oneDay
    ? { date: { date: window.from } }
    : { from: { date: window.from }, to: { date: window.to } };
  const sentences = [
    count === 0
      ? say(oneDay ? 'assistant.tasks.noneDueOn' : 'assistant.tasks.noneDue', days)
      : say(oneDay ? 'assistant.tasks.dueOn' : 'assistant.tasks.due', { count, ...days }),
  ];
  if (overdue > 0) {
    const key = count > 0 ? 'assistant.tasks.alsoOverdue' : 'assistant.tasks.onlyOverdue';
    sentences.push(say(key, { count: overdue }));
  }
  return sentences;
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
