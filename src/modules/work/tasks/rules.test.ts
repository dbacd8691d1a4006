import { describe, expect, it } from 'vitest';
import { mentionHandles } from './comments.ts';
import { statusProblem, statusTimes } from './rules.ts';

describe('task status rules', () => {
  it('does not start or finish a task while it waits on another', () => {
    expect(
      statusProblem({
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
    expect(statusProblem({ from: 'in_progress', to: 'done', waitingOn: [], openSubtasks: 2 })).toBe(
      '2 sub-tasks are not done yet',
    );
  });

  it('asks to reopen a finished task before marking it blocked', () => {
    expect(statusProblem({ from: 'done', to: 'blocked', waitingOn: [], openSubtasks: 0 })).toMatch(
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
