// A pass's health moves reach the timeline together: one statement per few hundred moves, each
// move once, none of them announcing the account changed again; a move between categories is
// recorded as news the same way, each heard once by each subscriber; and the timeline's bulk
// add announces only the events it added.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { addTimelineEvents } from '../../src/modules/accounts/index.ts';
import { rescore } from '../../src/modules/health/index.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeWorkspace } from '../support/factories.ts';
import { changedAccounts } from '../support/jobs.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';

const { deps, clock } = await useTestDeps();

const healthEvents = async (workspaceId: WorkspaceId) =>
  (
    await sql<{ n: number; accounts: number }>`
      select count(*)::int as n, count(distinct account_id)::int as accounts
      from timeline_events where workspace_id = ${workspaceId} and source = 'health'`.execute(
      deps.db,
    )
  ).rows[0];

const categories = async (workspaceId: WorkspaceId) =>
  (
    await sql<{ category: string | null; n: number }>`
      select category, count(*)::int as n from health_scores
      where workspace_id = ${workspaceId} group by category`.execute(deps.db)
  ).rows;

describe('health moves on the timeline', () => {
  it('writes one move for each of 600 accounts scored first, across transactions, and no more when nothing moved', async () => {
    const workspaceId = (await makeWorkspace(deps.db)).id;
    await sql`insert into accounts (workspace_id, name, seats)
      select ${workspaceId}, 'Account ' || g, 10 from generate_series(1, 600) g`.execute(deps.db);
    // Usage for each, so that each is scored into a category: a move from unscored.
    await addUsageDays(
      deps.db,
      sql`select workspace_id, id, date '2026-11-01', 'reports', 5, 1 from accounts
      where workspace_id = ${workspaceId}`,
    );
    const first = await rescore(deps, workspaceId);
    expect(first).toMatchObject({ scored: 600, moves: 600 });
    expect(await healthEvents(workspaceId)).toEqual({ n: 600, accounts: 600 });
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([]);

    clock.advance(3_600_000);
    expect(await rescore(deps, workspaceId)).toMatchObject({ scored: 600, moves: 0 });
    expect(await healthEvents(workspaceId)).toEqual({ n: 600, accounts: 600 });
  });

  it('records and announces each of 600 moves between categories: one event, one job per subscriber', async () => {
    const workspaceId = (await makeWorkspace(deps.db)).id;
    await sql`insert into accounts (workspace_id, name, seats)
      select ${workspaceId}, 'Account ' || g, 5 from generate_series(1, 600) g`.execute(deps.db);
    // Four of five seats active every day of a week: healthy.
    await addUsageDays(
      deps.db,
      sql`select a.workspace_id, a.id, '2026-11-01'::date - d, 'reports', 20, 4
      from accounts a, generate_series(0, 6) d where a.workspace_id = ${workspaceId}`,
    );
    await addActiveUsers(
      deps.db,
      sql`select a.workspace_id, a.id, '2026-11-01'::date - d, 'reports', 'user-' || u
      from accounts a, generate_series(0, 6) d, generate_series(1, 4) u
      where a.workspace_id = ${workspaceId}`,
    );
    expect(await rescore(deps, workspaceId)).toMatchObject({ scored: 600, moves: 600 });
    expect(await categories(workspaceId)).toEqual([{ category: 'healthy', n: 600 }]);

    // Then one user of five, once a day: each account moves, and is news.
    await sql`delete from usage_month_users
      where workspace_id = ${workspaceId} and user_id <> 'user-1'`.execute(deps.db);
    await sql`update usage_months
      set events = array_fill(1, array[cardinality(days)]), logins = array_fill(1, array[cardinality(days)])
      where workspace_id = ${workspaceId}`.execute(deps.db);
    clock.advance(3_600_000);
    expect(await rescore(deps, workspaceId)).toMatchObject({ scored: 600, moves: 600 });
    const [moved] = await categories(workspaceId);
    expect(moved?.n).toBe(600);
    expect(moved?.category).not.toBe('healthy');

    const events = await sql<{ n: number; accounts: number }>`
      select count(*)::int as n, count(distinct account_id)::int as accounts
      from activity_events
      where workspace_id = ${workspaceId} and kind = 'health_changed'`.execute(deps.db);
    expect(events.rows).toEqual([{ n: 600, accounts: 600 }]);
    // Each event heard by notify and by webhooks once, due when the move happened.
    const jobs = await sql<{ task: string; jobs: number; events: number }>`
      select t.identifier as task, count(*)::int as jobs, count(distinct e.id)::int as events
      from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      join activity_events e on e.id::text = j.payload->>'eventId'
      where e.workspace_id = ${workspaceId} and e.kind = 'health_changed'
        and j.run_at = ${clock.now()} and j.max_attempts = 8
      group by t.identifier order by t.identifier`.execute(deps.db);
    expect(jobs.rows).toEqual([
      { task: 'notification__route', jobs: 600, events: 600 },
      { task: 'webhook__fan_out', jobs: 600, events: 600 },
    ]);
  });

  it('leaves a churned account with the score it left with: no new score, no move announced', async () => {
    const workspaceId = (await makeWorkspace(deps.db)).id;
    const [live, gone] = await Promise.all(
      [1, 2].map(() => makeAccount(deps.db, workspaceId, { seats: 5 })),
    );
    if (!live || !gone) throw new Error('no accounts');
    // Four of five seats active every day of a week: healthy.
    await addUsageDays(
      deps.db,
      sql`select workspace_id, id, '2026-11-01'::date - d, 'reports', 20, 4
      from accounts, generate_series(0, 6) d where workspace_id = ${workspaceId}`,
    );
    await addActiveUsers(
      deps.db,
      sql`select workspace_id, id, '2026-11-01'::date - d, 'reports', 'user-' || u
      from accounts, generate_series(0, 6) d, generate_series(1, 4) u
      where workspace_id = ${workspaceId}`,
    );
    expect(await rescore(deps, workspaceId)).toMatchObject({ scored: 2, moves: 2 });
    const before = await categories(workspaceId);
    expect(before).toEqual([{ category: 'healthy', n: 2 }]);

    // One churns; then both drop to one user, once a day.
    await deps.db
      .updateTable('accounts')
      .set({ stage: 'churned' })
      .where('id', '=', gone.id)
      .execute();
    await sql`delete from usage_month_users
      where workspace_id = ${workspaceId} and user_id <> 'user-1'`.execute(deps.db);
    await sql`update usage_months
      set events = array_fill(1, array[cardinality(days)]), logins = array_fill(1, array[cardinality(days)])
      where workspace_id = ${workspaceId}`.execute(deps.db);
    clock.advance(3_600_000);
    expect(await rescore(deps, workspaceId)).toMatchObject({ scored: 1, moves: 1 });
    expect(await rescore(deps, workspaceId, [gone.id])).toMatchObject({ scored: 0, moves: 0 });
    const scores = await deps.db
      .selectFrom('health_scores')
      .select(['account_id', 'category'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(scores.find((s) => s.account_id === gone.id)?.category).toBe('healthy');
    expect(scores.find((s) => s.account_id === live.id)?.category).not.toBe('healthy');
    const moved = await sql<{ account_id: string }>`
      select account_id from activity_events
      where workspace_id = ${workspaceId} and kind = 'health_changed'
        and occurred_at = ${clock.now()}`.execute(deps.db);
    expect(moved.rows.map((r) => r.account_id)).toEqual([live.id]);
  });

  it('announces the accounts of the events it added, not of those already there or narrating', async () => {
    const workspaceId = (await makeWorkspace(deps.db)).id;
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => makeAccount(deps.db, workspaceId)));
    if (!a || !b || !c) throw new Error('no accounts');
    const event = (accountId: string, sourceId: string, announce?: boolean) => ({
      workspaceId,
      accountId,
      kind: 'meeting' as const,
      title: 'Quarterly review',
      occurredAt: clock.now(),
      source: 'calendar',
      sourceId,
      ...(announce === undefined ? {} : { announce }),
    });
    await addTimelineEvents(deps.db, [event(a.id, 'm-1')]);
    await deps.db.deleteFrom('account_changes').where('workspace_id', '=', workspaceId).execute();

    await addTimelineEvents(deps.db, [
      event(a.id, 'm-1'), // there already: added once, announced once
      event(b.id, 'm-2'),
      event(c.id, 'm-3', false),
    ]);
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([b.id]);
    const titles = await deps.db
      .selectFrom('timeline_events')
      .select(['account_id', 'source_id'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('source_id')
      .execute();
    expect(titles).toEqual([
      { account_id: a.id, source_id: 'm-1' },
      { account_id: b.id, source_id: 'm-2' },
      { account_id: c.id, source_id: 'm-3' },
    ]);
  });
});
