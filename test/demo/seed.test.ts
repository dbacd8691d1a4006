// The demo workspace: what a first-time visitor signs into, and what `steward demo` resets.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { TimelineKind } from '../../src/db/schema.ts';
import { demoLogins, hasAnyWorkspace, seedDemoWorkspace } from '../../src/demo/index.ts';
import { signedIn, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';

const now = '2026-11-02T09:00:00Z';
const { deps } = await useTestDeps(now);
const app = testApp(deps);
const password = 'steward-demo';
/** A seed sends a year of usage, tickets and billing through the intake: give it time. */
const seedTimeout = 300_000;

/** Everything a person could see in the demo, without the generated ids. */
async function demoSnapshot(db: Db) {
  const workspace = await db
    .selectFrom('workspaces')
    .select(['name', 'slug', 'timezone', 'created_at'])
    .where('is_demo', '=', true)
    .execute();
  const users = await db
    .selectFrom('users as u')
    .innerJoin('workspaces as w', 'w.id', 'u.workspace_id')
    .leftJoin('users as m', 'm.id', 'u.manager_id')
    .select(['u.email', 'u.name', 'u.role', 'm.email as manager', 'u.timezone', 'u.locale'])
    .where('w.is_demo', '=', true)
    .orderBy('u.email')
    .execute();
  const accounts = await db
    .selectFrom('accounts as a')
    .innerJoin('workspaces as w', 'w.id', 'a.workspace_id')
    .leftJoin('users as o', 'o.id', 'a.owner_id')
    .select([
      'a.external_id',
      'a.name',
      'a.domain',
      'a.tier',
      'a.plan',
      'a.arr_amount',
      'a.seats',
      'a.stage',
      'a.renewal_date',
      'a.priority',
      'a.custom_fields',
      'a.created_at',
      'o.email as owner',
    ])
    .where('w.is_demo', '=', true)
    .orderBy('a.external_id')
    .execute();
  const contacts = await db
    .selectFrom('contacts as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .innerJoin('workspaces as w', 'w.id', 'c.workspace_id')
    .select(['a.external_id', 'c.name', 'c.email', 'c.title', 'c.phone', 'c.role'])
    .where('w.is_demo', '=', true)
    .orderBy('a.external_id')
    .orderBy('c.email')
    .execute();
  const timeline = await db
    .selectFrom('timeline_events as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .innerJoin('workspaces as w', 'w.id', 't.workspace_id')
    .leftJoin('users as u', 'u.id', 't.actor_id')
    .select(['a.external_id', 't.kind', 't.title', 't.body', 't.occurred_at', 'u.email as actor'])
    .where('w.is_demo', '=', true)
    // Every column shown, so events at the same moment come in one order on every seed.
    .orderBy('a.external_id')
    .orderBy('t.occurred_at')
    .orderBy('t.kind')
    .orderBy('t.title')
    .orderBy('t.body')
    .orderBy('u.email')
    .execute();
  return { workspace, users, accounts, contacts, timeline };
}

const loggedKinds: TimelineKind[] = ['note', 'call', 'email', 'meeting'];
async function demoCsmAccounts(db: Db) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .select(['a.tier', 'a.priority', 'a.renewal_date', 'a.stage'])
    .where('u.email', '=', 'csm@demo.steward.dev')
    .execute();
}

describe('the demo workspace', () => {
  it('is absent until seeded: no workspace, no demo sign-ins', async () => {
    expect(await hasAnyWorkspace(deps.db)).toBe(false);
    expect(await demoLogins(deps.db)).toEqual([]);
  });

  // How long a seed takes is measured in bench/seed.ts; here it only has to finish.
  it(
    'seeds Northwind Cloud with a CS team and 80+ accounts',
    { timeout: seedTimeout },
    async () => {
      await seedDemoWorkspace(deps);

      expect(await hasAnyWorkspace(deps.db)).toBe(true);
      expect(await demoLogins(deps.db)).toEqual([
        'csm@demo.steward.dev',
        'manager@demo.steward.dev',
        'admin@demo.steward.dev',
      ]);
      const snapshot = await demoSnapshot(deps.db);
      expect(snapshot.workspace).toMatchObject([{ name: 'Northwind Cloud (demo)' }]);
      expect(snapshot.accounts.length).toBeGreaterThanOrEqual(80);
      // Every CSM reports to the manager, who reports to nobody.
      const csms = snapshot.users.filter((u) => u.role === 'csm');
      expect(csms.length).toBeGreaterThanOrEqual(5);
      expect(csms.every((u) => u.manager === 'manager@demo.steward.dev')).toBe(true);
      expect(snapshot.users.find((u) => u.role === 'manager')?.manager).toBeNull();
      expect(snapshot.accounts.filter((a) => a.owner === null).length).toBeGreaterThan(0);
      expect(snapshot.accounts.filter((a) => a.stage === 'churned').length).toBeGreaterThan(0);
    },
  );

  it('gives the demo CSM fifteen accounts of every tier, with P0s and renewals this quarter', async () => {
    const mine = await demoCsmAccounts(deps.db);
    expect(mine).toHaveLength(15);
    expect(new Set(mine.map((a) => a.tier))).toEqual(new Set(['enterprise', 'mid_market', 'smb']));
    const p0 = mine.filter((a) => a.priority === 'P0').length;
    expect(p0).toBeGreaterThanOrEqual(2);
    expect(p0).toBeLessThanOrEqual(3);
    const in90Days = '2027-01-31';
    const soon = mine.filter((a) => a.renewal_date && a.renewal_date <= in90Days);
    expect(soon.length).toBeGreaterThanOrEqual(3);
    expect(soon.every((a) => a.renewal_date && a.renewal_date >= '2026-11-02')).toBe(true);
  });

  it('gives every account contacts with a champion and a past year of owner-written timeline', async () => {
    const { accounts, contacts, timeline } = await demoSnapshot(deps.db);
    for (const account of accounts) {
      const people = contacts.filter((c) => c.external_id === account.external_id);
      expect(people.length).toBeGreaterThanOrEqual(2);
      expect(people.length).toBeLessThanOrEqual(5);
      // One champion, unless the timeline tells that they left.
      const left = timeline.some(
        (e) => e.external_id === account.external_id && e.title === 'Champion left the company',
      );
      expect(
        people.filter((c) => c.role === 'champion'),
        account.name,
      ).toHaveLength(left ? 0 : 1);
      expect(people.every((c) => c.email?.endsWith(`@${account.domain}`))).toBe(true);

      // What the CSMs logged; projects, tickets and billing add events of their own.
      const events = timeline.filter(
        (e) => e.external_id === account.external_id && loggedKinds.includes(e.kind),
      );
      expect(events.length).toBeGreaterThanOrEqual(6);
      expect(events.length).toBeLessThanOrEqual(30);
      if (account.owner) expect(events.every((e) => e.actor === account.owner)).toBe(true);
    }
    const yearAgo = new Date(Date.parse(now) - 366 * 24 * 3600_000);
    // Plays and projects the seed's scoring starts happen at the seed's own moment.
    expect(timeline.every((e) => e.occurred_at <= new Date(now))).toBe(true);
    expect(timeline.every((e) => e.occurred_at > yearAgo)).toBe(true);
  });

  it('meets customers and logs its touches on working days, in the owner’s own zone', async () => {
    const weekday = (at: Date, timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone }).format(at);
    const meetings = await deps.db
      .selectFrom('meetings as m')
      .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
      .select(['m.title', 'm.starts_at', 'm.time_zone'])
      .where('w.is_demo', '=', true)
      .execute();
    // Monday 2 November 2026: the week's meetings come after it, the held ones before.
    expect(meetings.some((m) => m.starts_at > new Date(now))).toBe(true);
    const onWeekends = meetings
      .filter((m) => ['Sat', 'Sun'].includes(weekday(m.starts_at, m.time_zone)))
      .map((m) => `${m.title} ${m.starts_at.toISOString()}`);
    expect(onWeekends).toEqual([]);
    const logged = await deps.db
      .selectFrom('timeline_events as e')
      .innerJoin('workspaces as w', 'w.id', 'e.workspace_id')
      .innerJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.title', 'e.occurred_at', 'u.timezone'])
      .where('w.is_demo', '=', true)
      .where('e.kind', 'in', loggedKinds)
      .execute();
    expect(logged.length).toBeGreaterThan(100);
    const loggedOnWeekends = logged.filter((e) =>
      ['Sat', 'Sun'].includes(weekday(e.occurred_at, e.timezone)),
    );
    expect(loggedOnWeekends.map((e) => e.title)).toEqual([]);
  });

  it('lets the demo CSM, the manager and the admin sign in; the CSM sees their fifteen clients', async () => {
    const csm = await signedIn(app, 'csm@demo.steward.dev', password);
    await signedIn(app, 'manager@demo.steward.dev', password);
    await signedIn(app, 'admin@demo.steward.dev', password);
    const { data } = await csm.GET('/api/v1/accounts', { params: { query: { limit: 100 } } });
    expect(data?.items).toHaveLength(15);
  });

  it(
    'reseeds after people used the demo: audit rows and sessions go with the old workspace',
    { timeout: seedTimeout },
    async () => {
      const admin = await signedIn(app, 'admin@demo.steward.dev', password);
      const { data: page } = await admin.GET('/api/v1/accounts', {
        params: { query: { limit: 1 } },
      });
      const accountId = page?.items[0]?.id ?? '';
      const { response } = await admin.PATCH('/api/v1/accounts/{id}', {
        params: { path: { id: accountId } },
        body: { priority: 'P0' },
      });
      expect(response.status).toBe(200);
      const audited = await deps.db
        .selectFrom('audit_log')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('entity_id', '=', accountId)
        .executeTakeFirstOrThrow();
      expect(audited.n).toBeGreaterThan(0);

      await seedDemoWorkspace(deps);

      expect(
        await deps.db.selectFrom('accounts').select('id').where('id', '=', accountId).execute(),
      ).toEqual([]);
      // The old session died with its workspace.
      const { response: after } = await admin.GET('/api/v1/accounts', { params: { query: {} } });
      expect(after.status).toBe(401);
      // The audit log is append-only again once the reset is done.
      await expect(sql`delete from audit_log`.execute(deps.db)).rejects.toThrow(/append-only/);
    },
  );

  it(
    'gives the same workspace when reseeded at the same moment, replacing the old one',
    { timeout: seedTimeout },
    async () => {
      const first = await demoSnapshot(deps.db);
      await seedDemoWorkspace(deps);
      const second = await demoSnapshot(deps.db);
      expect(second).toEqual(first);
      expect(second.workspace).toHaveLength(1);
      const workspaces = await deps.db.selectFrom('workspaces').select('id').execute();
      expect(workspaces).toHaveLength(1);
    },
  );
});

describe('the demo work', () => {
  it('has the Enterprise, Mid-market and SMB onboarding templates and projects from them at different points of progress', async () => {
    const templates = await deps.db
      .selectFrom('templates')
      .innerJoin('workspaces', 'workspaces.id', 'templates.workspace_id')
      .select(['templates.id', 'templates.name'])
      .where('workspaces.is_demo', '=', true)
      .where('templates.kind', '=', 'onboarding')
      .orderBy('templates.name')
      .execute();
    expect(templates.map((t) => t.name)).toEqual([
      'Enterprise onboarding',
      'Mid-market onboarding',
      'SMB onboarding',
    ]);
    const progress = await deps.db
      .selectFrom('projects')
      .innerJoin('tasks', 'tasks.project_id', 'projects.id')
      .select([
        'projects.id',
        sql<number>`count(*) filter (where tasks.status = 'done')::int`.as('done'),
      ])
      .where(
        'projects.template_id',
        'in',
        templates.map((t) => t.id),
      )
      .groupBy('projects.id')
      .execute();
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(new Set(progress.map((p) => p.done)).size).toBeGreaterThanOrEqual(4);
  });

  it('gives every customer in the onboarding stage, owned or not yet, an active onboarding project from its tier’s template', async () => {
    const { rows } = await sql<{
      external_id: string;
      owned: boolean;
      tier: string;
      templates: string[];
    }>`
      select a.external_id, a.owner_id is not null as owned, a.tier::text as tier,
        array_remove(array_agg(t.name order by t.name), null) as templates
      from accounts a
      join workspaces w on w.id = a.workspace_id and w.is_demo
      left join projects p on p.account_id = a.id and p.kind = 'onboarding'
        and p.status = 'active' and p.deleted_at is null
      left join templates t on t.id = p.template_id
      where a.stage = 'onboarding' and a.deleted_at is null
      group by a.external_id, a.owner_id, a.tier`.execute(deps.db);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => !r.owned)).toBe(true);
    const templateOf: Record<string, string> = {
      enterprise: 'Enterprise onboarding',
      mid_market: 'Mid-market onboarding',
      smb: 'SMB onboarding',
    };
    for (const account of rows) {
      expect(account.templates, account.external_id).toEqual([templateOf[account.tier]]);
    }
  });

  it('dates onboarding work as a CSM would believe it: due within the contract, on working days, done after signing and before now, some on time', async () => {
    const { rows } = await sql<{
      external_id: string;
      owned: boolean;
      done: number;
      last_due: string;
      renewal_date: string;
      done_before_signing: number;
      done_later_than_now: number;
      due_on_days_off: number;
      overdue: number;
    }>`
      select a.external_id, a.owner_id is not null as owned, max(k.due_at)::date::text as last_due,
        (count(*) filter (where k.status = 'done'))::int as done,
        a.renewal_date::text as renewal_date,
        (count(*) filter (where k.completed_at < a.created_at))::int as done_before_signing,
        (count(*) filter (where k.completed_at > ${now}::timestamptz))::int as done_later_than_now,
        (count(*) filter (where extract(isodow from k.due_at at time zone w.timezone) > 5
          or (k.due_at at time zone w.timezone)::date in
            (select h.day from workspace_holidays h where h.workspace_id = w.id)))::int
          as due_on_days_off,
        (count(*) filter (where k.status <> 'done' and k.due_at < ${now}::timestamptz))::int
          as overdue
      from accounts a
      join workspaces w on w.id = a.workspace_id and w.is_demo
      join projects p on p.account_id = a.id and p.kind = 'onboarding'
      join tasks k on k.project_id = p.id and k.deleted_at is null
      where a.stage = 'onboarding'
      group by a.external_id, a.owner_id, a.renewal_date, a.created_at`.execute(deps.db);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const project of rows) {
      expect(project.last_due <= project.renewal_date, project.external_id).toBe(true);
      expect(project, project.external_id).toMatchObject({
        done_before_signing: 0,
        done_later_than_now: 0,
        due_on_days_off: 0,
      });
    }
    // Each under way, as far as the days since it signed go; of the customers nobody owns yet,
    // one on time and at most one behind.
    expect(rows.every((r) => r.done > 0)).toBe(true);
    const unassigned = rows.filter((r) => !r.owned);
    expect(unassigned.filter((r) => r.overdue === 0).length).toBeGreaterThanOrEqual(1);
    expect(unassigned.filter((r) => r.overdue > 0).length).toBeLessThanOrEqual(1);
  });

  it('has this year’s and next year’s US public holidays, as the Holidays screen shows them', async () => {
    const admin = await signedIn(app, 'admin@demo.steward.dev', password);
    const { data } = await admin.GET('/api/v1/holidays');
    const days = data?.items.map((h) => h.day) ?? [];
    expect(days).toHaveLength(16);
    expect(days).toContain('2026-11-26');
    expect(days).toContain('2027-07-05');
    expect(data?.items).toContainEqual({ day: '2026-12-25', name: 'Christmas Day' });
    expect(days.every((day) => day >= '2026-01-01' && day <= '2027-12-31')).toBe(true);
  });
});

describe("the demo CSM's morning", () => {
  it('has open onboarding work of their own, some of it overdue', async () => {
    const csm = await deps.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'csm@demo.steward.dev')
      .executeTakeFirstOrThrow();
    const open = await deps.db
      .selectFrom('tasks')
      .select([
        sql<number>`count(*)::int`.as('n'),
        sql<number>`(count(*) filter (where due_at < ${now}::timestamptz))::int`.as('overdue'),
      ])
      .where('assignee_id', '=', csm.id)
      .where('status', '<>', 'done')
      .executeTakeFirstOrThrow();
    expect(open.n).toBeGreaterThan(10);
    expect(open.overdue).toBeGreaterThan(0);
  });
});

/** Events per account in three windows: a year ago, half a year ago, and the last 30 days. */
async function usageWindows(db: Db) {
  const { rows } = await sql<{
    external_id: string;
    owner: string | null;
    stage: string;
    year_ago: number;
    half_year_ago: number;
    recent: number;
  }>`
    select a.external_id, o.email as owner, a.stage,
      coalesce(sum(d.events) filter (where d.day between date '2025-11-05' and date '2025-12-05'), 0)::int as year_ago,
      coalesce(sum(d.events) filter (where d.day between date '2026-05-06' and date '2026-06-05'), 0)::int as half_year_ago,
      coalesce(sum(d.events) filter (where d.day > date '2026-10-03'), 0)::int as recent
    from accounts a
    join workspaces w on w.id = a.workspace_id and w.is_demo
    left join users o on o.id = a.owner_id
    left join usage_days d on d.account_id = a.id
    group by a.external_id, o.email, a.stage`.execute(db);
  return rows;
}

describe('the demo data in', () => {
  it('came through the intake paths: raw events for the last week, history backfilled, webhooks recorded', async () => {
    const { rows } = await sql<{
      first_raw: string;
      rollup_days: number;
      stripe_events: number;
      tickets: number;
      backfills: number;
      linked_contacts: number;
    }>`
      select (select min(occurred_at)::date::text from usage_events) as first_raw,
        (select count(distinct day)::int from usage_days) as rollup_days,
        (select count(*)::int from stripe_events) as stripe_events,
        (select count(*)::int from support_tickets) as tickets,
        (select count(*)::int from audit_log where action = 'import.usage') as backfills,
        (select count(*)::int from contacts where external_id is not null) as linked_contacts`.execute(
      deps.db,
    );
    const seen = rows[0];
    expect(seen?.first_raw).toBe('2026-10-27');
    expect(seen?.rollup_days).toBeGreaterThan(300);
    expect(seen?.stripe_events).toBeGreaterThan(84);
    expect(seen?.tickets).toBeGreaterThan(100);
    expect(seen?.backfills).toBe(1);
    // Product users who are contacts were identified and linked to them.
    expect(seen?.linked_contacts).toBeGreaterThan(100);
  });

  it('has growing, declining and steady accounts, among the demo CSM’s own too', async () => {
    const windows = await usageWindows(deps.db);
    const live = windows.filter((w) => w.stage !== 'churned' && w.stage !== 'onboarding');
    const change = (w: (typeof windows)[number]) => w.recent / Math.max(1, w.year_ago);
    const growing = live.filter((w) => w.year_ago > 0 && change(w) > 1.4);
    const declining = live.filter((w) => w.year_ago > 0 && change(w) < 0.6);
    const steady = live.filter((w) => change(w) >= 0.75 && change(w) <= 1.3);
    expect(growing.length).toBeGreaterThanOrEqual(5);
    expect(declining.length).toBeGreaterThanOrEqual(5);
    expect(steady.length).toBeGreaterThanOrEqual(20);
    const jordans = (list: typeof windows) =>
      list.filter((w) => w.owner === 'csm@demo.steward.dev').length;
    expect(jordans(growing)).toBeGreaterThanOrEqual(2);
    expect(jordans(declining)).toBeGreaterThanOrEqual(2);
    expect(jordans(steady)).toBeGreaterThanOrEqual(2);
  });

  it('has accounts that dipped half a year ago and recovered', async () => {
    const windows = await usageWindows(deps.db);
    const recovered = windows.filter(
      (w) =>
        w.stage !== 'churned' &&
        w.half_year_ago < 0.6 * w.year_ago &&
        w.recent > 0.8 * w.year_ago &&
        w.year_ago > 0,
    );
    expect(recovered.length).toBeGreaterThanOrEqual(5);
  });

  it('shows churned accounts fading, filing tickets and missing payments months before they left — all but the one that was acquired', async () => {
    const { rows } = await sql<{
      external_id: string;
      churned_on: string;
      renewal_date: string;
      before: number;
      last_months: number;
      after: number;
      failed_payments: number;
      tickets: number;
      churn_movements: number;
      acquired: boolean;
    }>`
      with churned as (
        select a.id, a.external_id, a.renewal_date,
          (select (min(m.occurred_at) at time zone 'UTC')::date from mrr_movements m
            where m.account_id = a.id and m.kind = 'churn') as left_on
        from accounts a join workspaces w on w.id = a.workspace_id and w.is_demo
        where a.stage = 'churned'
      )
      select a.external_id, a.left_on::text as churned_on, a.renewal_date::text as renewal_date,
        coalesce((select sum(events) from usage_days d where d.account_id = a.id
          and d.day between a.left_on - 300 and a.left_on - 240), 0)::int as before,
        coalesce((select sum(events) from usage_days d where d.account_id = a.id
          and d.day between a.left_on - 60 and a.left_on - 1), 0)::int as last_months,
        coalesce((select sum(events) from usage_days d where d.account_id = a.id
          and d.day >= a.left_on), 0)::int as after,
        (select count(*) from timeline_events t where t.account_id = a.id
          and t.data->>'payment' = 'failed' and t.occurred_at < a.left_on - 30)::int as failed_payments,
        exists (select 1 from timeline_events t where t.account_id = a.id
          and t.title = 'Cancellation notice received' and t.body like '%acquired%') as acquired,
        (select count(*) from support_tickets t where t.account_id = a.id
          and t.opened_at between a.left_on - 180 and a.left_on)::int as tickets,
        (select count(*) from mrr_movements m where m.account_id = a.id and m.kind = 'churn')::int as churn_movements
      from churned a`.execute(deps.db);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.acquired)).toHaveLength(1);
    for (const churned of rows) {
      expect(churned.after).toBe(0);
      expect(churned.churn_movements).toBe(1);
      if (churned.acquired) continue;
      expect(churned.failed_payments).toBeGreaterThanOrEqual(1);
      expect(churned.tickets).toBeGreaterThanOrEqual(2);
      if (churned.before > 0) expect(churned.last_months).toBeLessThan(0.7 * churned.before);
    }
  });

  it('has one customer lost at its renewal; the others cancelled mid-contract, their renewal dates still ahead', async () => {
    const { rows } = await sql<{ external_id: string; left_on: string; renewal_date: string }>`
      select a.external_id, a.renewal_date::text as renewal_date,
        (select (min(m.occurred_at) at time zone 'UTC')::date::text from mrr_movements m
          where m.account_id = a.id and m.kind = 'churn') as left_on
      from accounts a join workspaces w on w.id = a.workspace_id and w.is_demo
      where a.stage = 'churned'`.execute(deps.db);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // Lost at renewal: the subscription ended on the renewal date.
    expect(rows.filter((r) => r.renewal_date === r.left_on)).toHaveLength(1);
    // Cancelled mid-contract: the term they walked away from ends after the coming quarter, so
    // the renewal pipeline of the next 90 days does not list them as renewals lost.
    const inAQuarter = '2027-01-31';
    const midContract = rows.filter((r) => r.renewal_date !== r.left_on);
    expect(midContract.length).toBeGreaterThanOrEqual(2);
    for (const churned of midContract) {
      expect(churned.renewal_date > inAQuarter, churned.external_id).toBe(true);
    }
  });
});
