// The demo's voice of the customer, as a first start seeds it: about 200 things customers said
// in English and Russian found into themes, a year of NPS with its detractors followed up, and
// a roadmap whose shipped item this week sits in the demo CSM's inbox — an inbox still short.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { createTestDatabase, testDeps } from '../support/db.ts';
import { runJobs } from '../notify/support.ts';

const database = await createTestDatabase('demo');
const clock = fixedClock(new Date());
const deps = testDeps(database, clock);
const app = testApp(deps);
let csm: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  csm = await signedIn(app, 'csm@demo.steward.dev', 'steward-demo');
  manager = await signedIn(app, 'manager@demo.steward.dev', 'steward-demo');
});

afterAll(async () => {
  vi.useRealTimers();
  await database.close();
});

describe('the demo voice of the customer', () => {
  it('has about 200 feedback items in English and Russian, found into recurring themes and one-offs', async () => {
    const { rows } = await sql<{ items: number; russian: number; themes: number; shared: number }>`
      select count(*)::int as items,
        count(*) filter (where text ~ '[А-Яа-яЁё]')::int as russian,
        count(distinct theme_id)::int as themes,
        (select count(*)::int from (
          select theme_id from feedback_items group by theme_id having count(distinct account_id) >= 3
        ) t) as shared
      from feedback_items`.execute(deps.db);
    const figures = rows[0];
    expect(figures?.items).toBeGreaterThanOrEqual(180);
    expect(figures?.russian).toBeGreaterThanOrEqual(30);
    expect(figures?.shared).toBeGreaterThanOrEqual(10);
    expect(figures?.themes).toBeGreaterThanOrEqual(30);
  });

  it('tells the demo CSM which feature several of their clients asked for this month', async () => {
    const { data } = await csm.GET('/api/v1/feedback/highlight', {
      params: { query: { since: '30d' } },
    });
    expect(data?.theme?.label).toMatch(/^Single sign-on \(SSO\)/);
    expect(data?.theme?.accountCount).toBeGreaterThanOrEqual(2);
    const everyone = await manager.GET('/api/v1/feedback/highlight', {
      params: { query: { since: '30d' } },
    });
    expect(everyone.data?.theme?.accountCount).toBeGreaterThanOrEqual(5);
  });

  it('has a year of NPS with detractors, each followed up by their CSM', async () => {
    const { data } = await manager.GET('/api/v1/nps', { params: { query: {} } });
    expect(data?.overall.responses).toBeGreaterThanOrEqual(40);
    expect(data?.overall.detractors).toBeGreaterThan(0);
    expect(data?.trend.length).toBeGreaterThanOrEqual(10);
    const followUps = await deps.db
      .selectFrom('tasks')
      .select(['status'])
      .where('title', 'like', 'Follow up on the NPS response%')
      .execute();
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((t) => t.status === 'done')).toBe(true);
  });

  it("shows the shipped roadmap item in the demo CSM's short inbox, with the task to tell the client", async () => {
    const roadmap = await manager.GET('/api/v1/roadmap-items', { params: { query: {} } });
    const shipped = roadmap.data?.items.filter((i) => i.status === 'shipped') ?? [];
    expect(shipped.map((i) => i.title)).toEqual(['Dark mode']);
    expect(Date.now() - Date.parse(shipped[0]?.shippedAt ?? '')).toBeLessThan(7 * 86_400_000);
    await runJobs(deps, database.pool, clock);
    const { data } = await csm.GET('/api/v1/notifications', { params: { query: { limit: 100 } } });
    expect(data?.unreadCount).toBeLessThanOrEqual(10);
    const told = data?.items.filter((n) => n.title.includes('Dark mode')) ?? [];
    expect(told).toHaveLength(1);
  });
});
