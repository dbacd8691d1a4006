// The demo's stories as a CSM would check them, on the demo a first start seeds (the run's demo
// template, seeded at the real time): prices, seats and ARR that agree, invoices for every
// paying customer, three customers really onboarding and no long-standing one, done work with
// its checklist done, time to value counted from the contract's start, and premium features
// used by those who bought them — and by the few trying them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.ts';
import { addDays } from '../../src/lib/calendar.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { createTestDatabase, testDeps } from '../support/db.ts';

const database = await createTestDatabase('demo');
const seeded = await sql<{ at: Date }>`
  select at from audit_log where action = 'workspace.demo_seeded'`.execute(database.db);
const seededAt = seeded.rows[0]?.at ?? new Date();
const now = seededAt.toISOString();
const today = now.slice(0, 10);
const deps = testDeps(database, fixedClock(seededAt));
const app = testApp(deps);
let admin: ApiClient;

beforeAll(async () => {
  admin = await signedIn(app, 'admin@demo.steward.dev', 'steward-demo');
});

afterAll(() => database.close());

const dayMs = 24 * 3600_000;

/** The price list a CSM would check against: per seat and month, in dollars. */
const seatPrices: Record<string, number> = {
  Starter: 45,
  Team: 70,
  Business: 140,
  Growth: 190,
  Enterprise: 380,
  'Enterprise Plus': 520,
};
const planTiers: Record<string, string> = {
  Starter: 'smb',
  Team: 'smb',
  Business: 'mid_market',
  Growth: 'mid_market',
  Enterprise: 'enterprise',
  'Enterprise Plus': 'enterprise',
};

async function demoAccounts() {
  return database.db
    .selectFrom('accounts')
    .select(['name', 'external_id', 'tier', 'plan', 'seats', 'arr_amount', 'stage'])
    .orderBy('external_id')
    .execute();
}

describe('the demo prices and billing', () => {
  it("prices every seat at its plan's list price: ARR is seats × price × 12, in whole dollars", async () => {
    const accounts = await demoAccounts();
    const { rows: mrr } = await sql<{ external_id: string; mrr: number }>`
      select a.external_id, sum(c.mrr_amount)::int as mrr from contracts c
      join accounts a on a.id = c.account_id
      where c.status in ('active', 'trialing', 'past_due') group by a.external_id`.execute(
      database.db,
    );
    const billed = new Map(mrr.map((r) => [r.external_id, r.mrr]));
    for (const account of accounts) {
      // A churned account's ARR is gone with its subscription.
      if (account.stage === 'churned') {
        expect(account.arr_amount).toBe(0);
        continue;
      }
      const price = seatPrices[account.plan ?? ''];
      expect(price, `${account.name}: plan ${account.plan}`).toBeDefined();
      expect(planTiers[account.plan ?? ''], account.name).toBe(account.tier);
      expect(account.arr_amount, account.name).toBe((account.seats ?? 0) * (price ?? 0) * 12 * 100);
      // Billing sets ARR to 12 × MRR: a whole monthly amount, so no cents.
      expect(account.arr_amount % 100, account.name).toBe(0);
      expect(billed.get(account.external_id ?? '') ?? 0, account.name).toBe(
        account.arr_amount / 12,
      );
    }
  });

  it('bills every paying account: its invoices, at its seats and price, up to its last period', async () => {
    const accounts = await demoAccounts();
    const { rows } = await sql<{ external_id: string; amount: number; due: Date }>`
      select a.external_id, i.amount_due as amount, i.due_at as due from invoices i
      join accounts a on a.id = i.account_id`.execute(database.db);
    // Enterprise pays yearly, mid-market each quarter, SMB monthly.
    const months = { enterprise: 12, mid_market: 3, smb: 1 };
    for (const account of accounts.filter((a) => a.stage !== 'churned')) {
      const invoices = rows.filter((r) => r.external_id === account.external_id);
      expect(invoices.length, `${account.name} has no invoices`).toBeGreaterThan(0);
      const period = months[account.tier];
      const latest = Math.max(...invoices.map((i) => i.due.getTime()));
      expect(Date.parse(now) - latest, account.name).toBeLessThanOrEqual(period * 31 * dayMs);
      for (const invoice of invoices) {
        // Whole seats at the plan's price for the period.
        const perSeat = (seatPrices[account.plan ?? ''] ?? 0) * 100 * period;
        expect(invoice.amount % perSeat, account.name).toBe(0);
      }
    }
  });
});

describe("the demo's customers in their first months", () => {
  it('has three recent customers of the demo CSM really onboarding, each kicked off the day it signed', async () => {
    const { rows } = await sql<{
      name: string;
      stage: string;
      signed: string;
      started: string | null;
      done: number;
      current: string | null;
      first_value: boolean;
    }>`
      select a.name, a.stage, (a.created_at at time zone 'UTC')::date::text as signed,
        p.start_date::text as started,
        (select count(*)::int from tasks t where t.project_id = p.id and t.status = 'done') as done,
        (select s.name from project_stages s where s.project_id = p.id and s.completed_at is null
          order by s.position limit 1) as current,
        exists (select 1 from tasks t where t.project_id = p.id and t.is_first_value
          and t.status = 'done') as first_value
      from accounts a
      join users u on u.id = a.owner_id and u.email = 'csm@demo.steward.dev'
      left join projects p on p.account_id = a.id and p.kind = 'onboarding' and p.status = 'active'
      where a.created_at > ${now}::timestamptz - interval '90 days'
      order by a.created_at`.execute(database.db);
    expect(rows).toHaveLength(3);
    for (const account of rows) {
      expect(account.stage, account.name).toBe('onboarding');
      expect(account.started, account.name).toBe(account.signed);
    }
    // The longer since signing, the further along: the oldest past training and its first
    // value, the newest still before its first value.
    const [oldest, , newest] = rows;
    expect(oldest?.done).toBeGreaterThan(rows[1]?.done ?? 0);
    expect(rows[1]?.done).toBeGreaterThan(newest?.done ?? 0);
    expect(['Early adoption', 'Success review']).toContain(oldest?.current);
    expect(oldest?.first_value).toBe(true);
    expect(newest?.first_value).toBe(false);
  });

  it('has no long-standing customer onboarding, and no project that starts before its account', async () => {
    const { rows } = await sql<{ name: string; signed: Date; started: string; kind: string }>`
      select a.name, a.created_at as signed, p.start_date::text as started, p.kind
      from projects p join accounts a on a.id = p.account_id`.execute(database.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const project of rows) {
      expect(project.started >= project.signed.toISOString().slice(0, 10), project.name).toBe(true);
    }
    const { rows: onboarding } = await sql<{ name: string; stage: string; days: number }>`
      select a.name, a.stage, extract(day from ${now}::timestamptz - a.created_at)::int as days
      from accounts a
      where a.stage = 'onboarding' or exists (select 1 from projects p where p.account_id = a.id
        and p.kind = 'onboarding' and p.status = 'active')`.execute(database.db);
    for (const account of onboarding) {
      expect(account.stage, account.name).toBe('onboarding');
      expect(account.days, account.name).toBeLessThan(90);
    }
  });

  it('has no renewal task due after the contract it renews ends', async () => {
    const { rows } = await sql<{ tasks: number; late: number }>`
      select count(*)::int as tasks,
        (count(*) filter (where (t.due_at at time zone 'UTC')::date > a.renewal_date))::int as late
      from tasks t join projects p on p.id = t.project_id and p.kind = 'renewal'
      join accounts a on a.id = t.account_id`.execute(database.db);
    expect(rows[0]?.tasks).toBeGreaterThan(0);
    expect(rows[0]?.late).toBe(0);
  });

  it('opened each renewal project the day its renewal came within 90 days, and has worked it since', async () => {
    const { rows } = await sql<{
      name: string;
      renewal: string;
      start: string;
      title: string;
      status: string;
      started: boolean;
      past: boolean;
      last: boolean;
    }>`
      select a.name, a.renewal_date::text as renewal, p.start_date::text as start, t.title,
        t.status, t.started_at is not null as started, t.due_at < ${seededAt} as past,
        t.position = max(t.position) over (partition by p.id) as last
      from projects p join accounts a on a.id = p.account_id
      join tasks t on t.project_id = p.id
      where p.kind = 'renewal'
      order by a.name, t.position`.execute(database.db);
    expect(new Set(rows.map((r) => r.name)).size).toBeGreaterThanOrEqual(3);
    for (const task of rows) {
      expect(task.start, task.name).toBe(addDays(task.renewal, -90));
      // Everything due by the seed is done, but the signature: it waits on the customer. What
      // is not due yet nobody has started.
      const state = task.past ? task.status : task.started ? 'started' : 'not started';
      const expected = !task.past ? 'not started' : task.last ? 'waiting_on_customer' : 'done';
      expect(`${task.name}: ${task.title}: ${state}`).toBe(
        `${task.name}: ${task.title}: ${expected}`,
      );
    }
  });

  it('has every done task with its checklist done', async () => {
    const { rows } = await sql<{ done: number; unticked: number }>`
      select count(distinct t.id)::int as done,
        (count(*) filter (where not (c.item->>'done')::boolean))::int as unticked
      from tasks t left join lateral jsonb_array_elements(t.checklist) c(item) on true
      where t.status = 'done'`.execute(database.db);
    expect(rows[0]?.done).toBeGreaterThan(50);
    expect(rows[0]?.unticked).toBe(0);
  });

  it('counts time to value from the contract start: weeks for this year’s customers, none for older ones', async () => {
    const { rows } = await sql<{ id: string; name: string; contract: string | null }>`
      select a.id, a.name,
        (select (min(c.started_at) at time zone 'UTC')::date::text from contracts c
          where c.account_id = a.id) as contract
      from accounts a join workspaces w on w.id = a.workspace_id and w.is_demo`.execute(
      database.db,
    );
    // The first day of usage Steward has: the year the demo sends.
    const first = await sql<{ day: string }>`
      select min(day)::text as day from usage_days`.execute(database.db);
    const historyFrom = first.rows[0]?.day ?? '';
    expect(historyFrom).toBe(addDays(today, -365));
    let measured = 0;
    for (const account of rows) {
      const { data } = await admin.GET('/api/v1/accounts/{id}/adoption', {
        params: { path: { id: account.id }, query: {} },
      });
      const ttv = data?.timeToValue;
      expect(account.contract, account.name).not.toBeNull();
      const contract = account.contract ?? '';
      if (contract < historyFrom) {
        // Signed before the usage history began: its first value was never seen.
        expect(ttv?.days ?? null, account.name).toBeNull();
        continue;
      }
      if (ttv?.days === null || ttv?.days === undefined) continue;
      measured++;
      // Weeks, not years: a customer's first value comes with its onboarding, a slow one later.
      expect(ttv.days, account.name).toBeLessThanOrEqual(120);
      expect(ttv.days, account.name).toBeGreaterThanOrEqual(14);
      // Counted from the day the contract started.
      const from = Date.parse(`${ttv.reachedOn}T00:00:00Z`) - ttv.days * dayMs;
      expect(new Date(from).toISOString().slice(0, 10), account.name).toBe(contract);
    }
    expect(measured).toBeGreaterThanOrEqual(10);
    const { data: overview } = await admin.GET('/api/v1/adoption/overview', {
      params: { query: { owner: 'all' } },
    });
    expect(overview?.timeToValue.reached).toBe(measured);
    expect(overview?.timeToValue.withinTarget).toBeGreaterThanOrEqual(measured * 0.8);
    expect(overview?.timeToValue.medianDays).toBeLessThanOrEqual(50);
  });
});

describe('the demo onboarding templates', () => {
  it('onboards each customer with the template of its tier: the 22-task enterprise one only for enterprise customers', async () => {
    const { rows } = await sql<{ name: string; tier: string; template: string; tasks: number }>`
      select a.name, a.tier, tp.name as template,
        (select count(*)::int from tasks t where t.project_id = p.id) as tasks
      from projects p join accounts a on a.id = p.account_id
      join templates tp on tp.id = p.template_id
      where p.kind = 'onboarding'`.execute(database.db);
    const expected: Record<string, { template: string; atMost: number }> = {
      enterprise: { template: 'Enterprise onboarding', atMost: 22 },
      mid_market: { template: 'Mid-market onboarding', atMost: 12 },
      smb: { template: 'SMB onboarding', atMost: 10 },
    };
    for (const [tier, { template, atMost }] of Object.entries(expected)) {
      const projects = rows.filter((p) => p.tier === tier);
      expect(projects.length, tier).toBeGreaterThanOrEqual(1);
      for (const project of projects) {
        expect(`${project.name}: ${project.template}`).toBe(`${project.name}: ${template}`);
        expect(project.tasks, project.name).toBeLessThanOrEqual(atMost);
      }
    }
  });

  it('has no onboarding task due after the contract ends', async () => {
    const { rows } = await sql<{ tasks: number; late: number }>`
      select count(*)::int as tasks,
        (count(*) filter (where (t.due_at at time zone 'UTC')::date > a.renewal_date))::int as late
      from tasks t join projects p on p.id = t.project_id and p.kind = 'onboarding'
      join accounts a on a.id = t.account_id`.execute(database.db);
    expect(rows[0]?.tasks).toBeGreaterThan(0);
    expect(rows[0]?.late).toBe(0);
  });
});

describe('the demo figures a CSM would question', () => {
  it('shows no client whose active users fell by a quarter or more with good outcomes', async () => {
    const { rows } = await sql<{
      name: string;
      active: number;
      before: number;
      outcomes: number | null;
    }>`
      select a.name, f.active, f.before, f.outcomes
      from health_scores h join accounts a on a.id = h.account_id and a.stage <> 'churned'
      cross join lateral (select
        (select (e.measure->'inputs'->>'activeUsers')::int from json_array_elements(h.measures)
          e(measure) where e.measure->>'key' = 'usage') as active,
        (select (e.measure->'inputs'->>'previousActiveUsers')::int
          from json_array_elements(h.measures) e(measure)
          where e.measure->>'key' = 'usage') as before,
        (select (e.measure->>'score')::int from json_array_elements(h.measures) e(measure)
          where e.measure->>'key' = 'outcomes') as outcomes) f`.execute(database.db);
    const falling = rows.filter((r) => r.before >= 4 && r.active <= 0.75 * r.before);
    // The accounts sliding, the demo CSM's Critical ones among them.
    expect(falling.length).toBeGreaterThanOrEqual(5);
    for (const account of falling) {
      expect(
        account.outcomes ?? 0,
        `${account.name}: ${account.before} → ${account.active} active users`,
      ).toBeLessThan(50);
    }
  });

  it('backtests churn as real churn goes: Critical above At risk above Healthy, every category present', async () => {
    const { data } = await admin.GET('/api/v1/health/backtest', { params: { query: {} } });
    const rate = (category: string) => {
      const bucket = data?.byCategory.find((c) => c.category === category);
      expect(bucket?.accounts, category).toBeGreaterThan(0);
      return bucket?.churnRate ?? 0;
    };
    expect(rate('at_risk')).toBeGreaterThan(rate('healthy'));
    expect(rate('critical')).toBeGreaterThan(rate('at_risk'));
  });

  it('wins some expansion every quarter, with net and gross retention a book would show', async () => {
    const { data } = await admin.GET('/api/v1/metrics', { params: { query: { trend: 5 } } });
    const trend = (key: string) => data?.metrics.find((m) => m.key === key)?.trend ?? [];
    // Quarters billing saw whole, and this one once it is half over.
    const historyFrom = addDays(today, -363);
    const seen = trend('expansionMrr').filter(({ period }) => {
      const [year, q] = period.split('-Q').map(Number);
      const start = `${year}-${String(((q ?? 1) - 1) * 3 + 1).padStart(2, '0')}-01`;
      return start >= historyFrom && addDays(start, 45) <= today;
    });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const quarter of seen) {
      expect(quarter.value ?? 0, quarter.period).toBeGreaterThan(0);
      const nrr = trend('nrr').find((t) => t.period === quarter.period)?.value ?? 0;
      const grr = trend('grr').find((t) => t.period === quarter.period)?.value ?? 0;
      expect(nrr, `NRR ${quarter.period}`).toBeGreaterThan(0.97);
      expect(nrr, `NRR ${quarter.period}`).toBeLessThan(1.08);
      expect(grr, `GRR ${quarter.period}`).toBeGreaterThan(0.95);
      expect(grr, `GRR ${quarter.period}`).toBeLessThanOrEqual(1);
    }
  });
});

describe('the demo premium features', () => {
  it('are used by the enterprise customers who bought them, and otherwise only by the few trying them', async () => {
    const { rows } = await sql<{
      name: string;
      tier: string;
      premium: string[];
      trial: boolean;
    }>`
      select a.name, a.tier,
        coalesce(array_agg(distinct d.feature_key) filter (where d.feature_key is not null), '{}') as premium,
        exists (select 1 from timeline_events t where t.account_id = a.id
          and t.title = 'Premium trial: API and automations') as trial
      from accounts a
      join workspaces w on w.id = a.workspace_id and w.is_demo
      left join usage_days d on d.account_id = a.id
        and d.feature_key in ('exports', 'api', 'automations')
      group by a.id, a.name, a.tier`.execute(database.db);
    for (const account of rows.filter((a) => a.tier === 'enterprise')) {
      expect([...account.premium].sort(), account.name).toEqual(['api', 'automations', 'exports']);
    }
    const trying = rows.filter((a) => a.tier !== 'enterprise' && a.premium.length > 0);
    // The "ready for premium" stories: a few, each with the trial on its timeline.
    expect(trying.length).toBeGreaterThanOrEqual(2);
    expect(trying.length).toBeLessThanOrEqual(4);
    expect(trying.every((a) => a.trial)).toBe(true);
    expect(rows.filter((a) => a.trial)).toHaveLength(trying.length);
  });
});
