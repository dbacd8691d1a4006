// The demo's notifications: the interview's SLA policy, and an inbox that is not empty when
// the demo CSM first signs in.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
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

  it('escalates the urgent task to the manager once it has been untouched for two hours', async () => {
    clock.advance(31 * 60_000);
    await runJobs(deps, database.pool, clock);
    const { data } = await manager.GET('/api/v1/escalations', { params: { query: {} } });
    const urgent = data?.items.filter((e) => e.taskTitle.includes('exec sponsor'));
    expect(urgent?.map((e) => e.kind).sort()).toEqual(['breach', 'escalation', 'warning']);
    const inbox = await manager.GET('/api/v1/notifications', { params: { query: {} } });
    expect(
      inbox.data?.items.some((n) => n.kind === 'escalation' && n.title.includes('exec sponsor')),
    ).toBe(true);
    // Routing the seed's events again changes nothing: each person hears of each once.
    const again = await csm.GET('/api/v1/notifications', { params: { query: {} } });
    expect(again.data?.items.filter((n) => n.kind === 'mentioned')).toHaveLength(1);
  });
});
