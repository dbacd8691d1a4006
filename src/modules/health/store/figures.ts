// SQL for the figures behind each health measure, for every account of a workspace (or a few)
// as of an instant: one set-based query per measure over all the accounts asked for, never a
// query per account. "As of" reads only what had happened by then (see ../inputs.ts).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';

export type FigureQuery = {
  workspaceId: string;
  /** `YYYY-MM-DD`: the day the figures are for. */
  day: string;
  /** Only these accounts; all of the workspace's when absent. */
  accountIds?: readonly string[] | undefined;
  /** Only the accounts whose id is at least `from` and below `to` (either end open when null). */
  idRange?: { from: string | null; to: string | null } | undefined;
  /** The first instant the figures leave out (the end of the day, or just after now). */
  end: Date;
};

function onlyAccounts(column: RawBuilder<unknown>, s: FigureQuery) {
  const ids = s.accountIds ? sql`and ${column} = any(${[...s.accountIds]}::uuid[])` : sql``;
  const from = s.idRange?.from ? sql`and ${column} >= ${s.idRange.from}::uuid` : sql``;
  const to = s.idRange?.to ? sql`and ${column} < ${s.idRange.to}::uuid` : sql``;
  return sql`${ids} ${from} ${to}`;
}

/** The end of the day (or now, scoring today): everything before it has happened. */
const endOf = (s: FigureQuery) => sql`${s.end.toISOString()}::timestamptz`;

/** Active people now and the month before, features used, value-feature users, the last rollup day. */
export async function usageRows(db: Db, s: FigureQuery) {
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
    -- The months the 60 days touch, each with its days in the windows: as bits for the people
    -- (usage_month_users.active_days), as days of the month for the counts (usage_months.days).
    -- Tested once a month, not once a row; a window that starts inside a month counts only its days.
    windows as (
      select w.month, w.recent, w.before, w.recent | w.before as either,
        array(select i::smallint from generate_series(1, 31) i where w.recent & (1 << (i - 1)) <> 0) as recent_days
      from (
        select m::date as month,
          usage_days_between(m::date, ${s.day}::date - 29, ${s.day}::date) as recent,
          usage_days_between(m::date, ${s.day}::date - 59, ${s.day}::date - 30) as before
        from generate_series(date_trunc('month', (${s.day}::date - 59)::timestamp), ${s.day}::date::timestamp,
          interval '1 month') m
      ) w
    ),
    -- One row per account and person (hash aggregates), not four distinct counts over the
    -- window's rows: the distinct counts' sorts cost ten times as much on a year of demo usage.
    -- The months are a range of the key.
    people as (
      select u.account_id, u.user_id,
        bool_or(u.active_days & w.recent <> 0) as recent,
        bool_or(u.active_days & w.before <> 0) as before,
        bool_or(u.active_days & w.recent <> 0 and u.feature_key in (select key from catalog where is_value)) as value_user
      from usage_month_users u join windows w on w.month = u.month
      where u.workspace_id = ${s.workspaceId}
        and u.month >= date_trunc('month', (${s.day}::date - 59)::timestamp)::date and u.month <= ${s.day}::date
        and u.active_days & w.either <> 0
        ${onlyAccounts(sql`u.account_id`, s)}
      group by u.account_id, u.user_id
    ),
    -- Each feature of an account once (a hash), then counted.
    used as (
      select distinct m.account_id, m.feature_key
      from usage_months m join windows w on w.month = m.month
      where m.workspace_id = ${s.workspaceId}
        and m.month >= date_trunc('month', (${s.day}::date - 29)::timestamp)::date and m.month <= ${s.day}::date
        and m.feature_key in (select key from catalog)
        and m.days && w.recent_days
        ${onlyAccounts(sql`m.account_id`, s)}
    ),
    features as (
      select account_id, count(*) as features from used group by account_id
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
    -- The newest rollup day per account: the key skips through the months to the account's
    -- newest one by the day, whose few rows' days are sorted.
    left join lateral (
      select m.month + d.day_of_month - 1 as day
      from usage_months m, unnest(m.days) d(day_of_month)
      where m.workspace_id = ${s.workspaceId} and m.account_id = a.id and m.month <= ${s.day}::date
        and m.month + d.day_of_month - 1 <= ${s.day}::date
      order by m.month desc, d.day_of_month desc limit 1
    ) last on true
    where a.workspace_id = ${s.workspaceId} and a.deleted_at is null
      ${onlyAccounts(sql`a.id`, s)}`.execute(db);
  return rows;
}

/**
 * Tickets by priority over 90 days, open urgent and high ones, CSAT, per account; and one row
 * with a null account for the workspace (whether support is connected, its latest data).
 */
export async function supportRows(db: Db, s: FigureQuery) {
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
    -- The newest ticket opened, or solved, before the end: each the top of an index
    -- (migration 0022), not a read of every ticket of the workspace.
    with connected as (
      select greatest(
        (select max(opened_at) from support_tickets
          where workspace_id = ${s.workspaceId} and opened_at < ${end}),
        (select max(solved_at) from support_tickets
          where workspace_id = ${s.workspaceId} and solved_at < ${end} and opened_at < ${end})
      ) as last_at
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
  return rows;
}

/** Touchpoints, meetings and the last touch from the timeline; champions and contacts. */
export async function engagementRows(db: Db, s: FigureQuery) {
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
  return rows;
}

/**
 * Failed and unpaid payments, contractions, cancellation and the latest billing data. Payments
 * come from the Stripe intake's timeline events (the invoice table keeps only an invoice's
 * latest state, and history needs what was known on each past day).
 */
export async function billingRows(db: Db, s: FigureQuery) {
  const end = endOf(s);
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
  return rows;
}

/** Onboarding tasks due, done and overdue; first-value tasks and whether one is done. */
export async function outcomeRows(db: Db, s: FigureQuery) {
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
  return rows;
}

/**
 * NPS from the account's survey responses in the 180 days to the day, as the voice module puts
 * them on the timeline (`survey` events with the score and the survey kind in their data).
 */
export async function npsRows(db: Db, s: FigureQuery) {
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
  return rows;
}
