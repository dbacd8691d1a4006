// The figures behind each measure, read from real rows as of a day: tickets, touchpoints and
// contacts, payments and downgrades, onboarding tasks — each against a count done by hand, and
// nothing that happened after the day.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { rescoreAccounts } from '../../src/modules/health/index.ts';
import { accountFigures } from '../../src/modules/health/inputs.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeWorkspace } from '../support/factories.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const { db } = deps;
const day = '2026-11-01';
let workspaceId: WorkspaceId;
let accountId: string;
let quietId: string;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  accountId = (await makeAccount(db, workspaceId, { seats: 10 })).id;
  quietId = (await makeAccount(db, workspaceId, { seats: 10 })).id;

  const ticket = (
    id: string,
    priority: string,
    opened: string,
    solved: string | null,
    csat: number | null,
  ) => ({
    workspace_id: workspaceId,
    account_id: accountId,
    source: 'generic' as const,
    external_id: id,
    subject: id,
    status: solved ? ('solved' as const) : ('open' as const),
    priority: priority as 'urgent',
    csat,
    opened_at: at(opened),
    solved_at: solved ? at(solved) : null,
    updated_at: at(opened),
    received_at: at(opened),
  });
  await db
    .insertInto('support_tickets')
    .values([
      ticket('t1', 'urgent', '2026-10-20T10:00:00Z', null, null),
      // Solved only after the day: still open as of it.
      ticket('t2', 'high', '2026-10-25T10:00:00Z', '2026-11-02T01:00:00Z', null),
      ticket('t3', 'normal', '2026-09-01T10:00:00Z', '2026-09-02T10:00:00Z', 4),
      ticket('t4', 'low', '2026-09-10T10:00:00Z', '2026-09-11T10:00:00Z', 2),
      // Older than 90 days: out of the volume, and its CSAT out of the average.
      ticket('t5', 'urgent', '2026-06-01T10:00:00Z', '2026-06-02T10:00:00Z', 1),
      // Opened after the day: not known yet.
      ticket('t6', 'urgent', '2026-11-02T08:00:00Z', null, null),
    ])
    .execute();

  const event = (kind: string, title: string, occurred: string, data = {}, source = 'steward') => ({
    workspace_id: workspaceId,
    account_id: accountId,
    kind: kind as 'note',
    title,
    occurred_at: at(occurred),
    source,
    source_id: source === 'stripe' ? `${title}-${occurred}` : null,
    data: JSON.stringify(data),
  });
  // A payment as the Stripe intake tells it: its outcome in the data, its title a message.
  const payment = (outcome: 'failed' | 'paid', invoice: string, occurred: string) => ({
    ...event('billing', `${outcome} ${invoice}`, occurred, { invoice, payment: outcome }, 'stripe'),
    title: null,
    title_message: JSON.stringify({
      key:
        outcome === 'failed' ? 'accounts.timeline.paymentFailed' : 'accounts.timeline.invoicePaid',
      params: { amount: { money: { amount: 100_00, currency: 'USD' } }, attempt: 1 },
    }),
  });
  await db
    .insertInto('timeline_events')
    .values([
      event('note', 'Note', '2026-10-28T10:00:00Z'),
      event('call', 'Call', '2026-10-15T10:00:00Z'),
      event('meeting', 'QBR', '2026-08-20T10:00:00Z'),
      event('email', 'After the day', '2026-11-02T08:00:00Z'),
      payment('failed', 'in_1', '2026-10-01T10:00:00Z'),
      payment('paid', 'in_1', '2026-10-03T10:00:00Z'),
      payment('failed', 'in_2', '2026-10-30T10:00:00Z'),
    ])
    .execute();
  await db
    .insertInto('contacts')
    .values([
      {
        workspace_id: workspaceId,
        account_id: accountId,
        name: 'Champion',
        role: 'champion',
        updated_at: at(day),
      },
      {
        workspace_id: workspaceId,
        account_id: accountId,
        name: 'User',
        role: 'user',
        updated_at: at(day),
      },
    ])
    .execute();
  await sql`update contacts set created_at = '2026-01-01' where account_id = ${accountId}`.execute(
    db,
  );

  const contract = await db
    .insertInto('contracts')
    .values({
      workspace_id: workspaceId,
      account_id: accountId,
      source: 'csv',
      external_id: 'c1',
      mrr_amount: 100_00,
      currency: 'USD',
      status: 'active',
      started_at: at('2026-01-01T00:00:00Z'),
      state_at: at('2026-01-01T00:00:00Z'),
      updated_at: at('2026-01-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('mrr_movements')
    .values(
      [
        { kind: 'new', occurred: '2026-01-01T00:00:00Z' },
        { kind: 'contraction', occurred: '2026-10-10T00:00:00Z' },
      ].map((m, i) => ({
        workspace_id: workspaceId,
        account_id: accountId,
        contract_id: contract.id,
        kind: m.kind as 'new',
        amount: 100,
        currency: 'USD',
        occurred_at: at(m.occurred),
        source_event_id: `e${i}`,
      })),
    )
    .execute();

  const project = await db
    .insertInto('projects')
    .values({
      workspace_id: workspaceId,
      account_id: accountId,
      name: 'Onboarding',
      kind: 'onboarding',
      start_date: '2026-09-01',
      updated_at: at('2026-09-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const task = (title: string, due: string, completed: string | null, firstValue = false) => ({
    workspace_id: workspaceId,
    account_id: accountId,
    project_id: project.id,
    title,
    due_at: at(due),
    completed_at: completed ? at(completed) : null,
    is_first_value: firstValue,
    updated_at: at('2026-09-01T00:00:00Z'),
    last_activity_at: at('2026-09-01T00:00:00Z'),
  });
  await db
    .insertInto('tasks')
    .values([
      task('Kickoff', '2026-09-05T17:00:00Z', '2026-09-04T10:00:00Z'),
      task('Set up', '2026-09-20T17:00:00Z', '2026-09-25T10:00:00Z', true),
      task('Train', '2026-10-20T17:00:00Z', null),
      task('Review', '2026-12-01T17:00:00Z', null),
    ])
    .execute();
  await sql`update tasks set created_at = '2026-09-01' where account_id = ${accountId}`.execute(db);
});

describe('figures as of a day', () => {
  it('counts tickets by severity in 90 days, those open on the day, and CSAT of the solved', async () => {
    const figures = (await accountFigures(db, { workspaceId, day })).get(accountId);
    expect(figures?.support).toMatchObject({
      connected: true,
      ticketsOpened: { urgent: 1, high: 1, normal: 1, low: 1 },
      openUrgent: 1,
      openHigh: 1,
      csat: 3,
    });
  });

  it('counts touchpoints, meetings, days since the last one and champions', async () => {
    const figures = (await accountFigures(db, { workspaceId, day })).get(accountId);
    expect(figures?.engagement).toMatchObject({
      touchpoints30: 2,
      meetings90: 1,
      daysSinceLastTouch: 4,
      champions: 1,
      contacts: 2,
    });
  });

  it('counts failed payments, those still unpaid, and downgrades', async () => {
    const figures = (await accountFigures(db, { workspaceId, day })).get(accountId);
    expect(figures?.billing).toMatchObject({
      connected: true,
      failedPayments90: 2,
      unpaidFailed: 1,
      contractions90: 1,
      cancelled: false,
    });
  });

  it('counts onboarding tasks due, done and overdue, and the first-value milestone', async () => {
    const figures = (await accountFigures(db, { workspaceId, day })).get(accountId);
    expect(figures?.outcomes).toMatchObject({
      onboardingTasksDue: 3,
      onboardingTasksDoneOfDue: 2,
      onboardingTasksOverdue: 1,
      firstValueReached: true,
    });
    // Before the milestone task was done, it was not reached.
    const earlier = (await accountFigures(db, { workspaceId, day: '2026-09-21' })).get(accountId);
    expect(earlier?.outcomes.firstValueReached).toBe(false);
  });

  it('leaves an account nothing was heard about unscored, not at full marks', async () => {
    const [scored] = (
      await rescoreAccounts(db, {
        workspaceId,
        day,
        accountIds: [quietId],
        mode: 'history',
        now: at('2026-11-01T23:59:59Z'),
      })
    ).scored;
    // The workspace receives tickets, so "no tickets" is a 100; the rest have no data at all.
    expect(scored?.measures.map((m) => [m.key, m.score])).toEqual([
      ['usage', null],
      ['support', 100],
      ['engagement', null],
      ['billing', null],
      ['outcomes', null],
    ]);
    expect(scored?.score).toBeNull();
    expect(scored?.category).toBeNull();
  });

  it('dates no measure after the moment it is scored, and counts nothing still to come', async () => {
    const now = at('2026-11-02T09:00:00Z');
    const today = (await makeAccount(db, workspaceId, { seats: 5 })).id;
    await addUsageDays(
      db,
      sql`values (${workspaceId}::uuid, ${today}::uuid, date '2026-11-02', 'reports', 5, 1)`,
    );
    await addActiveUsers(
      db,
      sql`values (${workspaceId}::uuid, ${today}::uuid, date '2026-11-02', 'reports', 'u1')`,
    );
    // A meeting booked for this afternoon has not happened yet.
    await db
      .insertInto('timeline_events')
      .values({
        workspace_id: workspaceId,
        account_id: today,
        kind: 'meeting',
        title: 'Kickoff',
        occurred_at: at('2026-11-02T15:00:00Z'),
        data: '{}',
      })
      .execute();
    const [scored] = (
      await rescoreAccounts(db, {
        workspaceId,
        day: '2026-11-02',
        accountIds: [today],
        mode: 'history',
        now,
      })
    ).scored;
    const usage = scored?.measures.find((m) => m.key === 'usage');
    expect(usage?.lastDataAt).not.toBeNull();
    for (const measure of scored?.measures ?? []) {
      if (measure.lastDataAt !== null) {
        expect(Date.parse(measure.lastDataAt)).toBeLessThanOrEqual(now.getTime());
      }
    }
    expect(scored?.measures.find((m) => m.key === 'engagement')?.score).toBeNull();
  });

  it('counts people and features on the days of their windows, which start and end inside months', async () => {
    const own = (await makeWorkspace(db)).id;
    const id = (await makeAccount(db, own, { seats: 10 })).id;
    await sql`insert into usage_features (workspace_id, key, label, events, is_value)
      values (${own}, 'reports', 'Reports', array['Report Run'], true),
        (${own}, 'exports', 'Exports', array['Export'], false),
        (${own}, 'alerts', 'Alerts', array['Alert'], false)`.execute(db);
    // As of 1 November the last 30 days start on 3 October, the 30 before them on 3 September.
    const used = (user: string, on: string, feature: string) =>
      sql`select ${own}::uuid, ${id}::uuid, ${on}::date, ${feature}, ${user}`;
    await addActiveUsers(
      db,
      sql`${used('outside', '2026-09-02', 'exports')}
        union all ${used('first-before', '2026-09-03', 'exports')}
        union all ${used('last-before', '2026-10-02', 'reports')}
        union all ${used('first-recent', '2026-10-03', 'reports')}
        union all ${used('both', '2026-09-20', 'exports')}
        union all ${used('both', '2026-11-01', 'exports')}
        union all ${used('later', '2026-11-02', 'reports')}`,
    );
    // Exports last on 2 October, alerts only after the day: reports alone used in the 30 days.
    await addUsageDays(
      db,
      sql`select ${own}::uuid, ${id}::uuid, day::date, feature, 1, 0
        from (values ('2026-10-02', 'exports'), ('2026-10-03', 'reports'),
          ('2026-10-20', 'reports'), ('2026-11-02', 'alerts')) v(day, feature)`,
    );
    const figures = (await accountFigures(db, { workspaceId: own, day })).get(id);
    expect(figures?.usage).toMatchObject({
      activeUsers: 2,
      previousActiveUsers: 3,
      featuresUsed: 1,
      featuresInCatalog: 3,
      lastDataAt: '2026-10-20T23:59:59.000Z',
    });
    expect(figures?.outcomes.valueFeatureUsers).toBe(1);
    // A day later, 3 October's person counts for the 30 days before, 2 November's for the last
    // 30, the person of 3 September for neither; alerts are used, and the newest day is theirs.
    const later = (await accountFigures(db, { workspaceId: own, day: '2026-11-02' })).get(id);
    expect(later?.usage).toMatchObject({
      activeUsers: 2,
      previousActiveUsers: 3,
      featuresUsed: 2,
      lastDataAt: '2026-11-02T23:59:59.000Z',
    });
    expect(later?.outcomes.valueFeatureUsers).toBe(1);
  });

  it("reads every account's usage once when a large workspace is read in halves, whichever half of the ids it is in", async () => {
    const own = (await makeWorkspace(db)).id;
    // The first and last ids, and the two either side of where the accounts are split in two.
    const ids = [
      '00000000-0000-0000-0000-000000000000',
      '7fffffff-ffff-ffff-ffff-ffffffffffff',
      '80000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ];
    for (const [i, id] of ids.entries()) {
      await makeAccount(db, own, { id, seats: 10 });
      // Account i had i + 1 people active on the day.
      await addActiveUsers(
        db,
        sql`select ${own}::uuid, ${id}::uuid, ${day}::date, 'reports', 'u' || n from generate_series(0, ${i}) n`,
      );
      await addUsageDays(
        db,
        sql`values (${own}::uuid, ${id}::uuid, ${day}::date, 'reports', 3, 0)`,
      );
    }
    const figures = await accountFigures(db, { workspaceId: own, day, inHalves: true });
    expect([...figures.keys()].sort()).toEqual(ids);
    expect(ids.map((id) => figures.get(id)?.usage.activeUsers)).toEqual([1, 2, 3, 4]);
  });
});
