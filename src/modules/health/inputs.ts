// The figures behind each measure, for every account of a workspace (or a few) as of the end of
// one day. Set-based: one query per measure over all the accounts asked for, never a query per
// account, so a full recompute costs five statements whatever the portfolio's size. "As of"
// reads only what had happened by then, which is how the demo's year of history is replayed.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { addDays, dayMs, startOfDay } from '../../lib/calendar.ts';
import type {
  BillingFigures,
  EngagementFigures,
  OutcomeFigures,
  SupportFigures,
  UsageFigures,
} from './measures.ts';

export type AccountFigures = {
  usage: UsageFigures;
  support: SupportFigures;
  engagement: EngagementFigures;
  billing: BillingFigures;
  outcomes: OutcomeFigures;
};

export type Selection = {
  workspaceId: string;
  /** `YYYY-MM-DD`: figures as of the end of this day (UTC). */
  day: string;
  /** Only these accounts; all of the workspace's when absent. */
  accountIds?: readonly string[];
  /**
   * Scoring today: nothing after this instant has happened yet (a meeting logged for this
   * afternoon is not a touchpoint this morning), and no data arrived after it.
   */
  now?: Date;
};

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/**
 * The first instant the figures leave out: the end of the day, or just after now when that
 * comes first (what happens at the very moment of scoring counts).
 */
function asOf(s: Selection): Date {
  const end = startOfDay(addDays(s.day, 1));
  return s.now && s.now < end ? new Date(s.now.getTime() + 1) : end;
}

function onlyAccounts(column: RawBuilder<unknown>, s: Selection) {
  return s.accountIds ? sql`and ${column} = any(${[...s.accountIds]}::uuid[])` : sql``;
}

/** The end of the day (or now, scoring today): everything before it has happened. */
const endOf = (s: Selection) => sql`${asOf(s).toISOString()}::timestamptz`;

async function usageFigures(db: Db, s: Selection) {
  const { rows } = await sql<{
    account_id: string;
    seats: number | null;
    active: number;
    previous: number;
    features: number;
    value_users: number;
    catalog: number;
    value_catalog: number;
    last_day: string | null;
  }>`
    with catalog as (
      select key, is_value from usage_features where workspace_id = ${s.workspaceId}
    ),
    -- One row per account and person (hash aggregates), not four distinct counts over the
    -- window's rows: the distinct counts' sorts cost ten times as much on a year of demo usage.
    people as (
      select u.account_id, u.user_id,
        bool_or(u.day > ${s.day}::date - 30) as recent,
        bool_or(u.day <= ${s.day}::date - 30) as before,
        bool_or(u.day > ${s.day}::date - 30 and u.feature_key in (select key from catalog where is_value)) as value_user
      from usage_daily_users u
      where u.workspace_id = ${s.workspaceId}
        and u.day > ${s.day}::date - 60 and u.day <= ${s.day}::date
        ${onlyAccounts(sql`u.account_id`, s)}
      group by u.account_id, u.user_id
    ),
    features as (
      select d.account_id, count(distinct d.feature_key) as features
      from usage_daily d
      where d.workspace_id = ${s.workspaceId}
        and d.day > ${s.day}::date - 30 and d.day <= ${s.day}::date
        and d.feature_key in (select key from catalog)
        ${onlyAccounts(sql`d.account_id`, s)}
      group by d.account_id
    ),
    recent as (
      select p.account_id,
        count(*) filter (where p.recent) as active,
        count(*) filter (where p.before) as previous,
        count(*) filter (where p.value_user) as value_users,
        coalesce(max(f.features), 0) as features
      from people p left join features f on f.account_id = p.account_id
      group by p.account_id
    )
    select a.id as account_id, a.seats,
      coalesce(r.active, 0)::int as active, coalesce(r.previous, 0)::int as previous,
      coalesce(r.features, 0)::int as features, coalesce(r.value_users, 0)::int as value_users,
      (select count(*) from catalog)::int as catalog,
      (select count(*) from catalog where is_value)::int as value_catalog,
      last.day::text as last_day
    from accounts a
    left join recent r on r.account_id = a.id
    -- The newest rollup day per account: one index probe each on (workspace, account, day).
    left join lateral (
      select d.day from usage_daily d
      where d.workspace_id = ${s.workspaceId} and d.account_id = a.id and d.day <= ${s.day}::date
      order by d.day desc limit 1
    ) last on true
    where a.workspace_id = ${s.workspaceId} and a.deleted_at is null
      ${onlyAccounts(sql`a.id`, s)}`.execute(db);
  // Usage arrives as daily rollups: the last day's data counts as of its end, or of now when
  // that day is today — never a time still to come.
  const until = asOf(s).getTime() - 1000;
  const lastOf = (day: string) =>
    new Date(Math.min(Date.parse(`${day}T23:59:59.000Z`), until)).toISOString();
  return new Map(
    rows.map((r) => [
      r.account_id,
      {
        usage: {
          seats: r.seats,
          activeUsers: r.active,
          previousActiveUsers: r.previous,
          featuresUsed: r.features,
          featuresInCatalog: r.catalog,
          lastDataAt: r.last_day ? lastOf(r.last_day) : null,
        } satisfies UsageFigures,
        valueFeatureUsers: r.value_catalog > 0 ? r.value_users : null,
      },
    ]),
  );
}

async function supportFigures(db: Db, s: Selection) {
  const end = endOf(s);
  const { rows } = await sql<{
    account_id: string;
    urgent: number;
    high: number;
    normal: number;
    low: number;
    open_urgent: number;
    open_high: number;
    csat: number | null;
    last_at: Date | null;
    connected: boolean;
  }>`
    with connected as (
      select max(greatest(opened_at, case when solved_at < ${end} then solved_at end)) as last_at
      from support_tickets
      where workspace_id = ${s.workspaceId} and opened_at < ${end}
    )
    select t.account_id,
      count(*) filter (where t.priority = 'urgent' and t.opened_at >= ${end} - interval '90 days')::int as urgent,
      count(*) filter (where t.priority = 'high' and t.opened_at >= ${end} - interval '90 days')::int as high,
      count(*) filter (where t.priority = 'normal' and t.opened_at >= ${end} - interval '90 days')::int as normal,
      count(*) filter (where t.priority = 'low' and t.opened_at >= ${end} - interval '90 days')::int as low,
      count(*) filter (where t.priority = 'urgent' and (t.solved_at is null or t.solved_at >= ${end}))::int as open_urgent,
      count(*) filter (where t.priority = 'high' and (t.solved_at is null or t.solved_at >= ${end}))::int as open_high,
      round(avg(t.csat) filter (
        where t.csat is not null and t.solved_at < ${end} and t.solved_at >= ${end} - interval '90 days'
      ), 1)::float8 as csat,
      max(greatest(t.opened_at, case when t.solved_at < ${end} then t.solved_at end)) as last_at,
      bool_or(true) as connected
    from support_tickets t
    where t.workspace_id = ${s.workspaceId} and t.opened_at < ${end}
      ${onlyAccounts(sql`t.account_id`, s)}
    group by t.account_id
    union all
    select null, 0, 0, 0, 0, 0, 0, null, last_at, last_at is not null from connected`.execute(db);
  const workspaceRow = rows.find((r) => r.account_id === null);
  const connected = workspaceRow?.connected ?? false;
  const sourceLastDataAt = iso(workspaceRow?.last_at ?? null);
  const byAccount = new Map<string, SupportFigures>();
  for (const r of rows) {
    if (r.account_id === null) continue;
    byAccount.set(r.account_id, {
      connected,
      sourceLastDataAt,
      ticketsOpened: { urgent: r.urgent, high: r.high, normal: r.normal, low: r.low },
      openUrgent: r.open_urgent,
      openHigh: r.open_high,
      csat: r.csat,
      lastDataAt: iso(r.last_at),
    });
  }
  const none: SupportFigures = {
    connected,
    sourceLastDataAt,
    ticketsOpened: { urgent: 0, high: 0, normal: 0, low: 0 },
    openUrgent: 0,
    openHigh: 0,
    csat: null,
    lastDataAt: null,
  };
  return (accountId: string) => byAccount.get(accountId) ?? none;
}

async function engagementFigures(db: Db, s: Selection) {
  const end = endOf(s);
  const { rows } = await sql<{
    account_id: string;
    touchpoints30: number;
    meetings90: number;
    last_at: Date | null;
    champions: number;
    contacts: number;
    contacts_at: Date | null;
  }>`
    with touches as (
      select e.account_id,
        count(*) filter (where e.occurred_at >= ${end} - interval '30 days') as touchpoints30,
        count(*) filter (where e.kind = 'meeting' and e.occurred_at >= ${end} - interval '90 days') as meetings90,
        max(e.occurred_at) as last_at
      from timeline_events e
      where e.workspace_id = ${s.workspaceId} and e.occurred_at < ${end}
        and e.kind in ('note', 'call', 'email', 'meeting')
        ${onlyAccounts(sql`e.account_id`, s)}
      group by e.account_id
    ),
    people as (
      select c.account_id, count(*) as contacts,
        count(*) filter (where c.role = 'champion') as champions,
        max(least(greatest(c.created_at, c.updated_at), ${end})) as contacts_at
      from contacts c
      where c.workspace_id = ${s.workspaceId} and c.created_at < ${end}
        ${onlyAccounts(sql`c.account_id`, s)}
      group by c.account_id
    )
    select coalesce(t.account_id, p.account_id) as account_id,
      coalesce(t.touchpoints30, 0)::int as touchpoints30, coalesce(t.meetings90, 0)::int as meetings90,
      t.last_at, coalesce(p.champions, 0)::int as champions, coalesce(p.contacts, 0)::int as contacts,
      p.contacts_at
    from touches t full join people p on p.account_id = t.account_id`.execute(db);
  const dayEnd = startOfDay(addDays(s.day, 1)).getTime();
  const byAccount = new Map<string, EngagementFigures>(
    rows.map((r) => [
      r.account_id,
      {
        touchpoints30: r.touchpoints30,
        meetings90: r.meetings90,
        daysSinceLastTouch: r.last_at
          ? Math.floor((dayEnd - 1 - new Date(r.last_at).getTime()) / dayMs)
          : null,
        champions: r.champions,
        contacts: r.contacts,
        lastDataAt: iso(r.last_at),
        contactsChangedAt: iso(r.contacts_at),
      },
    ]),
  );
  const none: EngagementFigures = {
    touchpoints30: 0,
    meetings90: 0,
    daysSinceLastTouch: null,
    champions: 0,
    contacts: 0,
    lastDataAt: null,
    contactsChangedAt: null,
  };
  return (accountId: string) => byAccount.get(accountId) ?? none;
}

async function billingFigures(db: Db, s: Selection) {
  const end = endOf(s);
  // Payments come from the Stripe intake's timeline events (the invoice table keeps only an
  // invoice's latest state, and history needs what was known on each past day).
  const { rows } = await sql<{
    account_id: string;
    failed90: number;
    unpaid: number;
    contractions90: number;
    cancelled: boolean;
    last_at: Date | null;
  }>`
    with payments as (
      select e.account_id, e.occurred_at, e.data->>'invoice' as invoice,
        e.data->>'payment' = 'failed' as failed
      from timeline_events e
      where e.workspace_id = ${s.workspaceId} and e.kind = 'billing' and e.source = 'stripe'
        and e.occurred_at < ${end} and e.data ? 'invoice'
        ${onlyAccounts(sql`e.account_id`, s)}
    ),
    failures as (
      select account_id,
        count(*) filter (where occurred_at >= ${end} - interval '90 days') as failed90,
        count(distinct invoice) filter (
          where not exists (
            select 1 from payments paid
            where paid.account_id = p.account_id and paid.invoice = p.invoice and not paid.failed
          )
        ) as unpaid
      from payments p where failed group by account_id
    ),
    movements as (
      select m.account_id,
        count(*) filter (where m.kind = 'contraction' and m.occurred_at >= ${end} - interval '90 days') as contractions90,
        (array_agg(m.kind order by m.occurred_at desc))[1] = 'churn' as cancelled,
        max(m.occurred_at) as last_at
      from mrr_movements m
      where m.workspace_id = ${s.workspaceId} and m.occurred_at < ${end}
        ${onlyAccounts(sql`m.account_id`, s)}
      group by m.account_id
    ),
    contracted as (
      select c.account_id, max(coalesce(c.started_at, c.created_at)) as last_at
      from contracts c
      where c.workspace_id = ${s.workspaceId} and coalesce(c.started_at, c.created_at) < ${end}
        ${onlyAccounts(sql`c.account_id`, s)}
      group by c.account_id
    ),
    known as (
      select account_id from payments union select account_id from movements
      union select account_id from contracted
    )
    select k.account_id, coalesce(f.failed90, 0)::int as failed90, coalesce(f.unpaid, 0)::int as unpaid,
      coalesce(m.contractions90, 0)::int as contractions90, coalesce(m.cancelled, false) as cancelled,
      greatest((select max(occurred_at) from payments p where p.account_id = k.account_id), m.last_at, c.last_at) as last_at
    from known k
    left join failures f on f.account_id = k.account_id
    left join movements m on m.account_id = k.account_id
    left join contracted c on c.account_id = k.account_id`.execute(db);
  const byAccount = new Map<string, BillingFigures>(
    rows.map((r) => [
      r.account_id,
      {
        connected: true,
        failedPayments90: r.failed90,
        unpaidFailed: r.unpaid,
        contractions90: r.contractions90,
        cancelled: r.cancelled,
        lastDataAt: iso(r.last_at),
      },
    ]),
  );
  const none: BillingFigures = {
    connected: false,
    failedPayments90: 0,
    unpaidFailed: 0,
    contractions90: 0,
    cancelled: false,
    lastDataAt: null,
  };
  return (accountId: string) => byAccount.get(accountId) ?? none;
}

async function outcomeFigures(db: Db, s: Selection) {
  const end = endOf(s);
  const { rows } = await sql<{
    account_id: string;
    due: number;
    done_of_due: number;
    overdue: number;
    first_value_tasks: number;
    first_value_done: number;
    last_at: Date | null;
  }>`
    select t.account_id,
      count(*) filter (where p.kind = 'onboarding' and t.due_at < ${end})::int as due,
      count(*) filter (where p.kind = 'onboarding' and t.due_at < ${end} and t.completed_at < ${end})::int as done_of_due,
      count(*) filter (
        where p.kind = 'onboarding' and t.due_at < ${end} and (t.completed_at is null or t.completed_at >= ${end})
      )::int as overdue,
      count(*) filter (where t.is_first_value)::int as first_value_tasks,
      count(*) filter (where t.is_first_value and t.completed_at < ${end})::int as first_value_done,
      max(least(t.last_activity_at, ${end} - interval '1 second')) as last_at
    from tasks t
    left join projects p on p.id = t.project_id and p.deleted_at is null
    where t.workspace_id = ${s.workspaceId} and t.deleted_at is null and t.created_at < ${end}
      and (p.kind = 'onboarding' or t.is_first_value)
      ${onlyAccounts(sql`t.account_id`, s)}
    group by t.account_id`.execute(db);
  return new Map(rows.map((r) => [r.account_id, r]));
}

/**
 * NPS from the account's survey responses in the 180 days to the day, as the voice module puts
 * them on the timeline (`survey` events with the score and the survey kind in their data).
 */
async function npsFigures(db: Db, s: Selection) {
  const end = endOf(s);
  const { rows } = await sql<{ account_id: string; nps: number; responses: number; last_at: Date }>`
    select e.account_id,
      round(100.0 * (count(*) filter (where (e.data->>'score')::int >= 9)
        - count(*) filter (where (e.data->>'score')::int <= 6)) / count(*))::int as nps,
      count(*)::int as responses, max(e.occurred_at) as last_at
    from timeline_events e
    where e.workspace_id = ${s.workspaceId} and e.kind = 'survey' and e.data->>'survey' = 'nps'
      and e.occurred_at < ${end} and e.occurred_at >= ${end} - interval '180 days'
      ${onlyAccounts(sql`e.account_id`, s)}
    group by e.account_id`.execute(db);
  return new Map(rows.map((r) => [r.account_id, r]));
}

/** Every measure's figures for the selected accounts, as of the end of the day. */
export async function accountFigures(db: Db, s: Selection): Promise<Map<string, AccountFigures>> {
  const [usage, support, engagement, billing, outcomes, nps] = await Promise.all([
    usageFigures(db, s),
    supportFigures(db, s),
    engagementFigures(db, s),
    billingFigures(db, s),
    outcomeFigures(db, s),
    npsFigures(db, s),
  ]);
  const figures = new Map<string, AccountFigures>();
  for (const [accountId, u] of usage) {
    const o = outcomes.get(accountId);
    const n = nps.get(accountId);
    figures.set(accountId, {
      usage: u.usage,
      support: support(accountId),
      engagement: engagement(accountId),
      billing: billing(accountId),
      outcomes: {
        onboardingTasksDue: o?.due ?? 0,
        onboardingTasksDoneOfDue: o?.done_of_due ?? 0,
        onboardingTasksOverdue: o?.overdue ?? 0,
        firstValueReached: o && o.first_value_tasks > 0 ? o.first_value_done > 0 : null,
        // Without product usage at all, unused value features say nothing about outcomes.
        valueFeatureUsers: u.usage.lastDataAt === null ? null : u.valueFeatureUsers,
        lastDataAt: iso(o?.last_at ?? null),
        usageLastDataAt: u.usage.lastDataAt,
        nps: n?.nps ?? null,
        npsResponses: n?.responses ?? 0,
        npsLastDataAt: iso(n?.last_at ?? null),
      },
    });
  }
  return figures;
}
