// The demo CSM's inbox on first sign-in — after the worker's first pass over what the seed
// queued, as on a first start — holds a few items, each a real reason to act: work that is due
// now, a renewal coming up, an account that turned worse. No flood of notices about tasks a
// template set weeks ahead.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { createTestDatabase, testDeps } from '../support/db.ts';
import { runJobs } from '../notify/support.ts';

const database = await createTestDatabase('demo');
const seeded = await sql<{ at: Date }>`
  select at from audit_log where action = 'workspace.demo_seeded'`.execute(database.db);
const seededAt = seeded.rows[0]?.at ?? new Date();
// A minute after the seed: the worker's first pass, then the CSM signs in.
const clock = fixedClock(new Date(seededAt.getTime() + 60_000));
const deps = testDeps(database, clock);
const app = testApp(deps);
let csm: ApiClient;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await runJobs(deps, database.pool, clock);
  csm = await signedIn(app, 'csm@demo.steward.dev', 'steward-demo');
});

afterAll(async () => {
  vi.useRealTimers();
  await database.close();
});

/** The task and account facts a CSM would look at to decide whether an item needs them. */
async function factsOf(taskIds: string[], accountIds: string[]) {
  const tasks = await database.db
    .selectFrom('tasks')
    .select(['id', 'status', 'due_at', 'started_at', 'tags'])
    .where('id', 'in', taskIds.length > 0 ? taskIds : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  const accounts = await database.db
    .selectFrom('accounts')
    .leftJoin('account_health', 'account_health.account_id', 'accounts.id')
    .select(['id', 'renewal_date', 'account_health.category as health_category'])
    .where(
      'id',
      'in',
      accountIds.length > 0 ? accountIds : ['00000000-0000-0000-0000-000000000000'],
    )
    .execute();
  return {
    task: new Map(tasks.map((t) => [t.id, t])),
    account: new Map(accounts.map((a) => [a.id, a])),
  };
}

describe("the demo CSM's inbox on first sign-in", () => {
  it('holds at most ten unread items', async () => {
    const { data } = await csm.GET('/api/v1/notifications', { params: { query: { limit: 50 } } });
    expect(data?.unreadCount).toBeGreaterThanOrEqual(2);
    expect(data?.unreadCount).toBeLessThanOrEqual(10);
  });

  it('holds only real reasons to act: live work, renewals coming, accounts turning worse', async () => {
    const { data } = await csm.GET('/api/v1/notifications', { params: { query: { limit: 50 } } });
    const items = (data?.items ?? []).filter((n) => n.readAt === null);
    const taskIds = items.flatMap((n) => [
      ...(n.taskId ? [n.taskId] : []),
      ...n.items.map((i) => i.taskId),
    ]);
    const facts = await factsOf(
      taskIds,
      items.flatMap((n) => (n.accountId ? [n.accountId] : [])),
    );
    const endOfTomorrow = new Date(clock.now().getTime() + 36 * 3600_000);
    const inAQuarter = new Date(clock.now().getTime() + 90 * 24 * 3600_000)
      .toISOString()
      .slice(0, 10);
    for (const item of items) {
      const tasks = [...(item.taskId ? [item.taskId] : []), ...item.items.map((i) => i.taskId)];
      const account = item.accountId ? facts.account.get(item.accountId) : undefined;
      if (item.kind === 'play_opened') {
        // A renewal in the coming quarter, or an account whose health needs someone.
        const renewing = account?.renewal_date ? account.renewal_date <= inAQuarter : false;
        expect(renewing || account?.health_category !== 'healthy', item.title).toBe(true);
        continue;
      }
      if (item.kind === 'health_changed') {
        expect(account?.health_category, item.title).not.toBe('healthy');
        continue;
      }
      expect(tasks.length, `${item.kind}: ${item.title}`).toBeGreaterThan(0);
      for (const id of tasks) {
        const task = facts.task.get(id);
        expect(task, item.title).toBeDefined();
        if (!task) continue;
        // Open work that is live: due by tomorrow, started, or marked urgent.
        expect(task.status, item.title).not.toBe('done');
        const live =
          (task.due_at !== null && task.due_at <= endOfTomorrow) ||
          task.started_at !== null ||
          task.tags.includes('urgent');
        expect(live, `${item.kind} about a task not live yet: ${item.title}`).toBe(true);
      }
    }
  });
});
