import { describe, expect, it } from 'vitest';
import { renderMessage, type Locale } from '../../../i18n/index.ts';
import { mentionHandles } from './comments.ts';
import { statusProblem, statusTimes, type StatusCheck } from './rules.ts';

/** Why not, as a reader of `locale` reads it. */
const whyNot = (check: StatusCheck, locale: Locale = 'en') => {
  const problem = statusProblem(check);
  return problem && renderMessage(problem, locale);
};

describe('task status rules', () => {
  it('does not start or finish a task while it waits on another', () => {
    expect(
      whyNot({
        from: 'todo',
        to: 'in_progress',
        waitingOn: [{ title: 'Kickoff call' }],
        openSubtasks: 0,
      }),
    ).toBe('waits on "Kickoff call"');
    expect(
      statusProblem({
        from: 'todo',
        to: 'blocked',
        waitingOn: [{ title: 'Kickoff call' }],
        openSubtasks: 0,
      }),
    ).toBeUndefined();
  });

  it('does not finish a task with open sub-tasks', () => {
    const open = (openSubtasks: number, locale: Locale) =>
      whyNot({ from: 'in_progress', to: 'done', waitingOn: [], openSubtasks }, locale);
    expect(open(2, 'en')).toBe('2 sub-tasks are not done yet');
    expect(open(1, 'en')).toBe('1 sub-task is not done yet');
    expect([1, 3, 5, 21].map((count) => open(count, 'ru'))).toEqual([
      'не готова 1 подзадача',
      'не готовы 3 подзадачи',
      'не готовы 5 подзадач',
      'не готова 21 подзадача',
    ]);
  });

  it('asks to reopen a finished task before marking it blocked', () => {
    expect(whyNot({ from: 'done', to: 'blocked', waitingOn: [], openSubtasks: 0 })).toMatch(
      /reopen/,
    );
    expect(
      statusProblem({ from: 'done', to: 'todo', waitingOn: [], openSubtasks: 0 }),
    ).toBeUndefined();
  });

  it('stamps start and completion, and clears completion on reopening', () => {
    const now = new Date('2026-11-02T10:00:00Z');
    const started = new Date('2026-11-01T10:00:00Z');
    expect(statusTimes('todo', 'in_progress', now, { startedAt: null, completedAt: null })).toEqual(
      { startedAt: now, completedAt: null },
    );
    expect(
      statusTimes('in_progress', 'done', now, { startedAt: started, completedAt: null }),
    ).toEqual({ startedAt: started, completedAt: now });
    expect(
      statusTimes('done', 'in_progress', now, { startedAt: started, completedAt: now }),
    ).toEqual({ startedAt: started, completedAt: null });
  });
});

describe('mentions', () => {
  it('reads @handles and full addresses, not e-mail addresses in text', () => {
    expect(
      mentionHandles('Can @jordan.taylor and @Sam@example.com look? cc ops@example.com.'),
    ).toEqual(['jordan.taylor', 'sam@example.com']);
  });
});
