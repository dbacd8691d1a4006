// The demo's notifications: the interview's SLA policy, and an inbox that is not empty when
// the demo CSM first signs in.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { localParts, zonedInstant } from '../../src/modules/notify/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { createTestDatabase, testDeps } from '../support/db.ts';
import { runJobs } from './support.ts';

// The demo as a first start seeds it (the run's demo template, seeded at the real time).
const database = await createTestDatabase('demo');
const clock = fixedClock(new Date());
const deps = testDeps(database, clock);
const app = testApp(deps);
const password = 'steward-demo';
let csm: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  csm = await signedIn(app, 'csm@demo.steward.dev', password);
  manager = await signedIn(app, 'manager@demo.steward.dev', password);
});

afterAll(async () => {
  vi.useRealTimers();
  await database.close();
});

describe('the demo notifications', () => {
  it('has the policy "P0 account task untouched for 2 hours → notify the assignee\'s manager"', async () => {
    const { data } = await manager.GET('/api/v1/sla-policies');
    expect(data?.items).toEqual([
      expect.objectContaining({
        name: 'P0 account task untouched for 2 hours',
        match: expect.objectContaining({ accountPriority: ['P0'] }),
        metric: 'untouchedFor',
        threshold: 'PT2H',
        chain: [{ notify: 'manager' }],
      }),
    ]);
  });

  it("greets the demo CSM with the manager's urgent task and @mention, unread", async () => {
    const { data } = await csm.GET('/api/v1/notifications', { params: { query: {} } });
    const fromManager = data?.items.filter((n) => n.title.startsWith('Morgan Lee'));
    const kinds = fromManager?.map((n) => [n.kind, n.urgency]);
    expect(kinds).toContainEqual(['mentioned', 'now']);
    expect(kinds).toContainEqual(['task_created', 'now']);
    expect(data?.unreadCount).toBe(data?.items.length);
    // The mention is on onboarding work: the inbox links to its project board.
    const mention = data?.items.find((n) => n.kind === 'mentioned');
    expect(mention?.projectId).toEqual(expect.any(String));
    expect(data?.items.find((n) => n.kind === 'task_created')?.projectId).toBeNull();
  });

  // The worker's first run over the whole demo: seconds when quiet, more on two busy cores.
  it(
    "holds at most ten unread items for the CSM once the worker has run, each about live work, and the manager's due escalations",
    { timeout: 120_000 },
    async () => {
      // What the worker does on the first start, before anyone signs in.
      await runJobs(deps, database.pool, clock);
      const { data } = await csm.GET('/api/v1/notifications', {
        params: { query: { limit: 100 } },
      });
      const unread = data?.items.filter((n) => n.readAt === null) ?? [];
      expect(data?.unreadCount).toBeLessThanOrEqual(10);
      // Every SLA notice is about work that is live now: due today or earlier, started, or
      // created for now — never a task a template laid out weeks ahead.
      const slaTasks = unread
        .filter((n) => ['sla_warning', 'sla_breach', 'escalation'].includes(n.kind))
        .flatMap((n) => (n.items.length > 0 ? n.items.map((i) => i.taskId) : [n.taskId ?? '']));
      const endOfToday = new Date(clock.now().getTime() + 24 * 3600_000);
      if (slaTasks.length > 0) {
        const tasks = await deps.db
          .selectFrom('tasks')
          .select(['title', 'due_at', 'started_at', 'start_at'])
          .where('id', 'in', slaTasks)
          .execute();
        for (const task of tasks) {
          const live =
            task.started_at !== null ||
            (task.start_at ?? task.due_at ?? new Date(0)).getTime() <= endOfToday.getTime();
          expect(live, task.title).toBe(true);
        }
      }
      // The manager hears of the escalations that are due, grouped per project.
      const escalations = await manager.GET('/api/v1/escalations', {
        params: { query: { limit: 500 } },
      });
      const raised = escalations.data?.items.filter((e) => e.kind === 'escalation') ?? [];
      const inbox = await manager.GET('/api/v1/notifications', {
        params: { query: { limit: 100 } },
      });
      const told = inbox.data?.items.filter((n) => n.kind === 'escalation') ?? [];
      const toldTasks = new Set(
        told.flatMap((n) => (n.items.length > 0 ? n.items.map((i) => i.taskId) : [n.taskId])),
      );
      for (const escalation of raised) expect(toldTasks.has(escalation.taskId)).toBe(true);
      expect(told.length).toBeLessThanOrEqual(raised.length);
    },
  );

  it('escalates the urgent task to the manager once it has been untouched for two hours', async () => {
    const urgentSteps = async () => {
      // Every step the jump raised comes at one moment, dozens across the demo: all of them, not
      // a first page whose order among equal moments is the rows' ids.
      const { data } = await manager.GET('/api/v1/escalations', {
        params: { query: { limit: 500 } },
      });
      return data?.items.filter((e) => e.taskTitle.includes('exec sponsor')) ?? [];
    };
    // Its clock started when it was created (or, created just before midnight in the
    // workspace's zone for a due time after it, when its due day began): two hours on, plus
    // the few minutes a group gathers, it has breached and gone to the manager.
    const task = await deps.db
      .selectFrom('tasks')
      .innerJoin('workspaces as w', 'w.id', 'tasks.workspace_id')
      .select(['tasks.created_at', 'tasks.due_at', 'w.timezone'])
      .where('tasks.title', 'like', '%exec sponsor%')
      .executeTakeFirstOrThrow();
    const dueDay = task.due_at
      ? zonedInstant(localParts(task.due_at, task.timezone).date, 0, task.timezone)
      : task.created_at;
    const live = Math.max(task.created_at.getTime(), dueDay.getTime());
    clock.set(new Date(Math.max(clock.now().getTime(), live + 2 * 3600_000 + 6 * 60_000)));
    await runJobs(deps, database.pool, clock);
    expect((await urgentSteps()).map((e) => e.kind).sort()).toEqual([
      'breach',
      'escalation',
      'warning',
    ]);
    // Told alone, or with other tasks of the same account that escalated at the same time: when
    // the task's due day begins later in the workspace's zone (a seed in New York's evening), its
    // clock starts then, and by two hours on the play the worker opened has breached too.
    const inbox = await manager.GET('/api/v1/notifications', { params: { query: {} } });
    const tellsOfUrgent = (n: { title: string; items: { title: string }[] }) =>
      [n.title, ...n.items.map((i) => i.title)].some((title) => title.includes('exec sponsor'));
    expect(inbox.data?.items.some((n) => n.kind === 'escalation' && tellsOfUrgent(n))).toBe(true);
    // Routing the seed's events again changes nothing: each person hears of each once.
    const again = await csm.GET('/api/v1/notifications', { params: { query: {} } });
    expect(again.data?.items.filter((n) => n.kind === 'mentioned')).toHaveLength(1);
  });
});
