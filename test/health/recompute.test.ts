// The whole workspace rescored at once and each account rescored alone (the job after intake,
// rescore on demand) give the same scores, measures, trends and churn risk, on varied data:
// usage rising and fading, tickets, touchpoints, payments, onboarding work and NPS.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { addDays } from '../../src/lib/calendar.ts';
import { rescoreAccounts, type AccountHealth } from '../../src/modules/health/index.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeWorkspace } from '../support/factories.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const { db } = deps;
const now = new Date('2026-11-02T09:00:00Z');
const day = '2026-11-02';
const accounts = 24;
let workspaceId: WorkspaceId;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  const ws = workspaceId;
  await sql`insert into usage_features (workspace_id, key, label, events, is_value)
    select ${ws}, 'feature-' || f, 'Feature ' || f, array['Event ' || f], f = 1
    from generate_series(1, 4) f`.execute(db);
  // Every fourth account has no seats; every fifth is a lead nobody hears from.
  await sql`insert into accounts (workspace_id, name, external_id, seats, arr_amount, renewal_date, tier)
    select ${ws}, 'Account ' || g, 'acct-' || g, case when g % 4 = 0 then null else 5 + g end,
      100000 * g, date '2026-11-02' + (g * 11), (array['enterprise', 'mid_market', 'smb'])[1 + g % 3]
    from generate_series(1, ${accounts}::int) g`.execute(db);
  const active = sql`a.workspace_id = ${ws} and (substring(a.external_id from 6))::int % 5 <> 0`;
  const n = sql`(substring(a.external_id from 6))::int`;
  // Usage over 90 days: some accounts fading (fewer people lately), some growing.
  await addUsageDays(
    db,
    sql`select ${ws}::uuid, a.id, ${day}::date - d, 'feature-' || (1 + (d + ${n}) % 4), 5 + d % 7, 1
    from accounts a, generate_series(case when ${n} % 7 = 0 then 3 else 0 end, 89) d
    where ${active}`,
  );
  await addActiveUsers(
    db,
    sql`select ${ws}::uuid, a.id, ${day}::date - d, 'feature-' || (1 + (d + ${n}) % 4),
      'user-' || ((d + u) % case when ${n} % 3 = 0 and d < 30 then 2
        when ${n} % 3 = 1 and d >= 30 then 3 else 6 end)
    from accounts a, generate_series(case when ${n} % 7 = 0 then 3 else 0 end, 89) d,
      generate_series(0, 2) u
    where ${active}`,
  );
  await sql`insert into support_tickets (workspace_id, account_id, source, external_id, subject,
      status, priority, csat, opened_at, solved_at, updated_at, received_at)
    select ${ws}, a.id, 'generic', a.id || '-' || t, 'Ticket',
      case when t = 0 and ${n} % 2 = 0 then 'open' else 'solved' end,
      (array['low', 'normal', 'high', 'urgent'])[1 + (t + ${n}) % 4],
      case when t % 2 = 1 then 1 + (t + ${n}) % 5 end,
      ${now.toISOString()}::timestamptz - ((t * 25 + ${n}) || ' days')::interval,
      case when not (t = 0 and ${n} % 2 = 0)
        then ${now.toISOString()}::timestamptz - ((t * 25 + ${n} - 2) || ' days')::interval end,
      ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from accounts a, generate_series(0, ${n} % 4) t where ${active} and ${n} % 6 <> 0`.execute(db);
  await sql`insert into timeline_events (workspace_id, account_id, kind, title, occurred_at)
    select ${ws}, a.id, (array['note', 'call', 'email', 'meeting'])[1 + e % 4]::text, 'Touchpoint',
      ${now.toISOString()}::timestamptz - ((e * (3 + ${n} % 20) + ${n} % 5) || ' days')::interval
    from accounts a, generate_series(0, ${n} % 6) e where ${active}`.execute(db);
  // Stripe payments (one invoice failed and never paid on some accounts), and NPS responses.
  await sql`insert into timeline_events (workspace_id, account_id, kind, title, occurred_at, source, source_id, data)
    select ${ws}, a.id, 'billing', 'Payment', ${now.toISOString()}::timestamptz - ((p * 20 + 1) || ' days')::interval,
      'stripe', a.id || '-pay-' || p,
      jsonb_build_object('invoice', 'in_' || (p / 2), 'payment',
        case when p % 2 = 1 or ${n} % 4 = 1 then 'failed' else 'paid' end)
    from accounts a, generate_series(0, 3) p where ${active} and ${n} % 2 = 1`.execute(db);
  await sql`insert into timeline_events (workspace_id, account_id, kind, title, occurred_at, source, data)
    select ${ws}, a.id, 'survey', 'NPS', ${now.toISOString()}::timestamptz - ((r * 40 + 2) || ' days')::interval,
      'steward', jsonb_build_object('survey', 'nps', 'score', (${n} + r * 3) % 11)
    from accounts a, generate_series(0, 2) r where ${active} and ${n} % 3 <> 2`.execute(db);
  await sql`insert into contacts (workspace_id, account_id, name, role, created_at, updated_at)
    select ${ws}, a.id, 'Contact ' || c, case when c = 0 and ${n} % 2 = 0 then 'champion' else 'user' end,
      timestamptz '2026-01-01T00:00:00Z', timestamptz '2026-06-01T00:00:00Z'
    from accounts a, generate_series(0, ${n} % 3) c where a.workspace_id = ${ws}`.execute(db);
  await sql`insert into projects (workspace_id, account_id, name, kind, start_date, updated_at)
    select ${ws}, a.id, 'Onboarding', 'onboarding', date '2026-09-01', timestamptz '2026-09-01T00:00:00Z'
    from accounts a where ${active} and ${n} % 2 = 0`.execute(db);
  await sql`insert into tasks (workspace_id, account_id, project_id, title, due_at, completed_at,
      is_first_value, created_at, updated_at, last_activity_at)
    select ${ws}, p.account_id, p.id, 'Task ' || t,
      timestamptz '2026-09-05T17:00:00Z' + (t * 15 || ' days')::interval,
      case when t < 2 then timestamptz '2026-09-04T10:00:00Z' + (t * 16 || ' days')::interval end,
      t = 1, timestamptz '2026-09-01T00:00:00Z', timestamptz '2026-09-01T00:00:00Z',
      timestamptz '2026-09-01T00:00:00Z' + (t || ' days')::interval
    from projects p, generate_series(0, 4) t where p.workspace_id = ${ws}`.execute(db);
  // Scores a week and a month ago, so trends and what changed have something to compare with.
  for (const past of [addDays(day, -30), addDays(day, -7)]) {
    await rescoreAccounts(db, { workspaceId, day: past, mode: 'history', now });
  }
});

const byAccount = (scored: AccountHealth[]) =>
  new Map(scored.map((s) => [s.accountId, s] as const));

const stored = async () =>
  new Map(
    (
      await db
        .selectFrom('health_scores')
        .select(['account_id', 'day', 'score', 'category', 'measures', 'churn_risk'])
        .where('workspace_id', '=', workspaceId)
        .execute()
    ).map((r) => [r.account_id, r] as const),
  );

describe('a full recompute and single-account rescores', () => {
  it('score every account the same, with the same measures, trend and churn risk', async () => {
    const full = await rescoreAccounts(db, { workspaceId, day, mode: 'current', now });
    const allStored = await stored();
    expect(full.scored).toHaveLength(accounts);
    // The data is varied enough to be a real comparison: healthy and at-risk accounts, leads
    // nobody heard from (unscored), and scores moving since a month ago.
    const categories = new Set(full.scored.map((s) => s.category));
    expect([...categories]).toEqual(expect.arrayContaining(['healthy', 'at_risk', null]));
    expect(new Set(full.scored.map((s) => s.trend.monthOverMonth)).size).toBeGreaterThan(2);

    for (const [accountId, whole] of byAccount(full.scored)) {
      const alone = await rescoreAccounts(db, {
        workspaceId,
        day,
        mode: 'current',
        now,
        accountIds: [accountId],
      });
      expect(alone.scored).toEqual([whole]);
      // Nothing moved: the account's score was already this one.
      expect(alone.moves).toEqual([]);
      expect((await stored()).get(accountId)).toEqual(allStored.get(accountId));
    }
  });

  it('replay a past day the same way', async () => {
    const past = addDays(day, -3);
    const full = byAccount(
      (await rescoreAccounts(db, { workspaceId, day: past, mode: 'history', now })).scored,
    );
    const some = [...full.keys()].slice(0, 8);
    const alone = byAccount(
      (
        await rescoreAccounts(db, {
          workspaceId,
          day: past,
          mode: 'history',
          now,
          accountIds: some,
        })
      ).scored,
    );
    expect(alone.size).toBe(some.length);
    for (const id of some) expect(alone.get(id)).toEqual(full.get(id));
  });
});
