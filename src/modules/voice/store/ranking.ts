// SQL for themes ranked by demand over a window: accounts asking, their ARR today (and how much
// of it is At Risk or Critical), items and their kinds, first and last seen, the window before
// for the trend, the roadmap items linked and the newest items — one statement. A whole
// workspace's ranking reads the tallies feedback_items' triggers keep (0029): a row per theme and
// month or day for the counts, a row per account and theme for who asks. One person's clients or one
// account are counted off the items, per (theme, account) first, so accounts and health's view
// are joined once per account asking rather than once per item; both then look up only the
// page's themes for the rest.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { FeedbackType, LabelTerm, RoadmapStatus } from '../../../db/schema.ts';
import type { AccountScope } from '../../accounts/index.ts';
import type { FeedbackRow } from './feedback.ts';
import { addDays, isoDay, startOfDay } from '../../../lib/calendar.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { feedbackTypes } from '../schema.ts';

export type RankingFilters = {
  since: Date;
  /** The start of the window before, for the trend. */
  previousSince: Date;
  type?: FeedbackType | undefined;
  accountId?: string | undefined;
  themeIds?: readonly string[] | undefined;
  limit: number;
  /** How many of each theme's newest items (in the window) to name. */
  newest: number;
};

export type RankedThemeRow = {
  id: string;
  label_terms: LabelTerm[];
  custom_label: string | null;
  /** The window's items of each kind. */
  kinds: Record<FeedbackType, number>;
  item_count: number;
  account_count: number;
  proposed_count: number;
  previous_count: number;
  arr: number;
  at_risk_arr: number;
  currency: string | null;
  /** Over all time, not only the window. */
  first_seen: Date;
  last_seen: Date;
  roadmap: { id: string; title: string; status: RoadmapStatus }[];
  /** Its newest items in the window, of accounts still listed, as JSON (times as text). */
  newest: NewestItemJson[];
};

/** A feedback row as the page's JSON carries it: a FeedbackRow with its times as text. */
export type NewestItemJson = Omit<FeedbackRow, 'given_at' | 'shipped_at'> & {
  given_at: string;
  shipped_at: string | null;
};

/** Window items of each kind, one column a kind: the listing shows the kind most of them are. */
const kindCounts = (column: (type: FeedbackType) => ReturnType<typeof sql>) =>
  sql.join(feedbackTypes.map(column));

/**
 * The page: the ranked themes (a `ranked` CTE of RankedThemeRow's counts) with their labels,
 * first and last seen over all time, roadmap links and newest items, in rank order. The newest
 * items come whole, as the feedback listing reads them (store/feedback.ts selectFeedback: an
 * archived account's are left out, after the newest are chosen), not as ids to look up after.
 */
function pageOf(scope: AccountScope, f: RankingFilters) {
  const owner = scope.onlyOwner;
  const workspaceId = scope.workspaceId;
  return sql`
    select t.id, t.label_terms, t.custom_label, r.kinds, r.item_count, r.account_count,
      r.proposed_count, r.previous_count, r.arr, r.at_risk_arr, r.currency,
      first.given_at as first_seen, last.given_at as last_seen, roadmap.items as roadmap,
      newest.items as newest
    from ranked r
    join feedback_themes t on t.id = r.theme_id
    cross join lateral (
      select given_at from feedback_items f
      where f.workspace_id = ${workspaceId} and f.theme_id = r.theme_id and f.review <> 'dismissed'
      order by f.given_at limit 1
    ) first
    cross join lateral (
      select given_at from feedback_items f
      where f.workspace_id = ${workspaceId} and f.theme_id = r.theme_id and f.review <> 'dismissed'
      order by f.given_at desc limit 1
    ) last
    cross join lateral (
      select coalesce(jsonb_agg(jsonb_build_object('id', ri.id, 'title', ri.title, 'status', ri.status)
        order by ri.created_at), '[]') as items
      from roadmap_item_themes l
      join roadmap_items ri on ri.id = l.roadmap_item_id
      where l.workspace_id = ${workspaceId} and l.theme_id = r.theme_id
    ) roadmap
    cross join lateral (
      select coalesce(jsonb_agg(jsonb_build_object(
          'id', n.id, 'account_id', n.account_id, 'account_name', a.name,
          'contact_id', n.contact_id, 'contact_name', c.name, 'type', n.type,
          'priority', n.priority, 'status', n.status, 'source', n.source,
          'source_ref', n.source_ref, 'text', n.text, 'arr_amount', n.arr_amount,
          'currency', n.currency, 'logged_by', n.logged_by, 'logged_by_name', u.name,
          'review', n.review, 'ticket_id', n.ticket_id, 'theme_id', n.theme_id,
          'theme_placed', n.theme_placed, 'theme_custom_label', t.custom_label,
          'theme_label_terms', t.label_terms, 'given_at', n.given_at, 'shipped_at', n.shipped_at)
        order by n.given_at desc, n.id desc), '[]') as items
      from (
        select f.* from feedback_items f
        ${owner !== null ? sql`join accounts a on a.id = f.account_id and a.owner_id = ${owner}` : sql``}
        where f.workspace_id = ${workspaceId} and f.theme_id = r.theme_id
          and f.review <> 'dismissed' and f.given_at >= ${f.since}
        order by f.given_at desc, f.id desc
        limit ${f.newest}
      ) n
      join accounts a on a.id = n.account_id and a.deleted_at is null
      left join contacts c on c.id = n.contact_id
      left join users u on u.id = n.logged_by
    ) newest
    order by r.account_count desc, r.arr desc, r.item_count desc, r.proposed_count desc, t.id`;
}

export function rankingQuery(scope: AccountScope, f: RankingFilters) {
  const owner = scope.onlyOwner;
  const workspaceId = scope.workspaceId;
  return sql<RankedThemeRow>`
    with asked as (
      select f.theme_id, f.account_id,
        count(*) filter (where f.given_at >= ${f.since} and f.review = 'accepted')::int as items,
        count(*) filter (where f.given_at >= ${f.since} and f.review = 'proposed')::int as proposed,
        count(*) filter (where f.given_at < ${f.since} and f.review = 'accepted')::int as previous,
        ${kindCounts((t) => sql`count(*) filter (where f.given_at >= ${f.since} and f.type = ${t})::int as ${sql.ref(`of_${t}`)}`)}
      from feedback_items f
      where f.workspace_id = ${workspaceId} and f.theme_id is not null
        and f.review <> 'dismissed' and f.given_at >= ${f.previousSince}
        ${f.type ? sql`and f.type = ${f.type}` : sql``}
        ${f.accountId ? sql`and f.account_id = ${f.accountId}` : sql``}
        ${f.themeIds ? sql`and f.theme_id = any(${[...f.themeIds]}::uuid[])` : sql``}
      group by f.theme_id, f.account_id
    ),
    ranked as (
      select p.theme_id,
        sum(p.items)::int as item_count,
        (count(*) filter (where p.items > 0))::int as account_count,
        sum(p.proposed)::int as proposed_count,
        sum(p.previous)::int as previous_count,
        coalesce(sum(a.arr_amount) filter (where p.items > 0), 0)::float8 as arr,
        coalesce(sum(a.arr_amount) filter (where p.items > 0 and h.category in ('at_risk', 'critical')), 0)::float8 as at_risk_arr,
        max(a.currency) filter (where p.items > 0) as currency,
        jsonb_build_object(${kindCounts((t) => sql`${t}::text, sum(${sql.ref(`p.of_${t}`)})`)}) as kinds
      from asked p
      join accounts a on a.id = p.account_id and a.workspace_id = ${workspaceId}
        and a.deleted_at is null ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}
      left join account_health h on h.account_id = a.id and h.workspace_id = a.workspace_id
      group by p.theme_id
      having sum(p.items) > 0 or sum(p.proposed) > 0
      order by account_count desc, arr desc, item_count desc, proposed_count desc, p.theme_id
      limit ${f.limit}
    )
    ${pageOf(scope, f)}`;
}

/** The first of the month a day is in, and the first of the month after. */
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const monthAfter = (day: string) => {
  const [year = 0, month = 1] = monthOf(day).split('-').map(Number);
  return isoDay(Date.UTC(year, month, 1));
};

/**
 * What the tallies answer for: the window and the one before it begin inside two UTC days, which
 * are counted item by item; the whole days after each are tallied, as whole months where a month
 * lies within one window ([previousMonthsFrom, previousMonthsTo) before, currentMonthsFrom on in
 * it) and as days for the rest.
 */
function tallyBounds(f: RankingFilters) {
  const since = isoDay(f.since);
  const previous = isoDay(f.previousSince);
  const dayAfter = (day: string) => addDays(day, 1);
  const firstMonthFrom = (day: string) => (monthOf(day) === day ? day : monthAfter(day));
  return {
    since,
    previous,
    previousDayEnd: startOfDay(dayAfter(previous)),
    sinceDayStart: startOfDay(since),
    sinceDayEnd: startOfDay(dayAfter(since)),
    previousMonthsFrom: firstMonthFrom(dayAfter(previous)),
    previousMonthsTo: monthOf(since),
    currentMonthsFrom: firstMonthFrom(dayAfter(since)),
  };
}

/**
 * The same ranking as rankingQuery for a whole workspace (no owner, no account), off the tallies
 * feedback_items' triggers keep (migration 0029): the window's counts are its whole months' rows
 * of feedback_theme_months and its other whole days' of feedback_theme_days, the two days the
 * window and the one before it begin in are counted from the items, and items of archived
 * accounts on the tallied days are taken back out; the accounts asking are those whose latest
 * accepted item in the theme, of the kind asked for if one is (feedback_theme_accounts), is in
 * the window, joined to accounts and health. A year is about a row per theme and month rather
 * than every item, and the two-level grouping per (theme, account) is gone.
 */
export function tallyRankingQuery(workspaceId: WorkspaceId, f: RankingFilters) {
  const days = tallyBounds(f);
  const itemFilters = sql`
    ${f.type ? sql`and f.type = ${f.type}` : sql``}
    ${f.themeIds ? sql`and f.theme_id = any(${[...f.themeIds]}::uuid[])` : sql``}`;
  return sql<RankedThemeRow>`
    -- Items without a theme are counted under none and left out once counted (materialized,
    -- so that "has a theme" is not pushed down into the item scans): statistics taken before a
    -- recomputation filled theme_id make the theme index look like the way to few rows, when
    -- the date and account indexes are the way to the edge days and the archived accounts.
    with counted as (
      select m.theme_id, m.type, m.review, m.month >= ${days.currentMonthsFrom}::date as current,
        m.items
      from feedback_theme_months m
      where m.workspace_id = ${workspaceId}
        and ((m.month >= ${days.previousMonthsFrom}::date and m.month < ${days.previousMonthsTo}::date)
          or m.month >= ${days.currentMonthsFrom}::date)
        ${f.type ? sql`and m.type = ${f.type}` : sql``}
        ${f.themeIds ? sql`and m.theme_id = any(${[...f.themeIds]}::uuid[])` : sql``}
      union all
      select d.theme_id, d.type, d.review, d.day > ${days.since}::date as current, d.items
      from feedback_theme_days d
      where d.workspace_id = ${workspaceId}
        and ((d.day > ${days.previous}::date and d.day < ${days.since}::date
            and not (d.day >= ${days.previousMonthsFrom}::date and d.day < ${days.previousMonthsTo}::date))
          or (d.day > ${days.since}::date and d.day < ${days.currentMonthsFrom}::date))
        ${f.type ? sql`and d.type = ${f.type}` : sql``}
        ${f.themeIds ? sql`and d.theme_id = any(${[...f.themeIds]}::uuid[])` : sql``}
      union all
      select f.theme_id, f.type, f.review, f.given_at >= ${f.since} as current, -1 as items
      from accounts a
      join feedback_items f on f.workspace_id = a.workspace_id and f.account_id = a.id
      where a.workspace_id = ${workspaceId} and a.deleted_at is not null
        and f.review <> 'dismissed' and f.given_at >= ${days.previousDayEnd}
        and (f.given_at < ${days.sinceDayStart} or f.given_at >= ${days.sinceDayEnd})
        ${itemFilters}
      union all
      select f.theme_id, f.type, f.review, f.given_at >= ${f.since} as current, 1 as items
      from feedback_items f
      join accounts a on a.id = f.account_id and a.workspace_id = ${workspaceId}
        and a.deleted_at is null
      where f.workspace_id = ${workspaceId} and f.review <> 'dismissed'
        and ((f.given_at >= ${f.previousSince} and f.given_at < ${days.previousDayEnd})
          or (f.given_at >= ${days.sinceDayStart} and f.given_at < ${days.sinceDayEnd}))
        ${itemFilters}
    ),
    counts as materialized (
      select theme_id,
        coalesce(sum(items) filter (where current and review = 'accepted'), 0)::int as item_count,
        coalesce(sum(items) filter (where current and review = 'proposed'), 0)::int as proposed_count,
        coalesce(sum(items) filter (where not current and review = 'accepted'), 0)::int as previous_count,
        jsonb_build_object(${kindCounts((t) => sql`${t}::text, coalesce(sum(items) filter (where current and type = ${t}), 0)`)}) as kinds
      from counted
      group by theme_id
    ),
    demand as (
      select s.theme_id, count(*)::int as account_count,
        sum(a.arr_amount)::float8 as arr,
        coalesce(sum(a.arr_amount) filter (where h.category in ('at_risk', 'critical')), 0)::float8 as at_risk_arr,
        max(a.currency) as currency
      from feedback_theme_accounts s
      join accounts a on a.id = s.account_id and a.workspace_id = ${workspaceId}
        and a.deleted_at is null
      left join account_health h on h.account_id = a.id and h.workspace_id = a.workspace_id
      where s.workspace_id = ${workspaceId}
        and ${sql.ref(f.type ? `s.last_${f.type}_at` : 's.last_asked_at')} >= ${f.since}
        ${f.themeIds ? sql`and s.theme_id = any(${[...f.themeIds]}::uuid[])` : sql``}
      group by s.theme_id
    ),
    ranked as (
      select c.theme_id, c.item_count, coalesce(d.account_count, 0) as account_count,
        c.proposed_count, c.previous_count, coalesce(d.arr, 0) as arr,
        coalesce(d.at_risk_arr, 0) as at_risk_arr, d.currency, c.kinds
      from counts c
      left join demand d on d.theme_id = c.theme_id
      where c.theme_id is not null and (c.item_count > 0 or c.proposed_count > 0)
      order by account_count desc, arr desc, c.item_count desc, c.proposed_count desc, c.theme_id
      limit ${f.limit}
    )
    ${pageOf({ workspaceId, onlyOwner: null }, f)}`;
}

/**
 * A whole workspace's ranking is read off the tallies; one person's clients, or one account's
 * requests, off the items (rankingQuery), which the account's index narrows. No `set local jit =
 * off` (and so no transaction): the seconds a year's window once took were the old statement's
 * plan on statistics taken before a recomputation filled `theme_id` (nested loops over every
 * item), not JIT; neither statement comes near `jit_above_cost` (100,000).
 */
export async function rankThemes(
  db: Db,
  scope: AccountScope,
  f: RankingFilters,
): Promise<RankedThemeRow[]> {
  const query =
    scope.onlyOwner === null && !f.accountId
      ? tallyRankingQuery(scope.workspaceId, f)
      : rankingQuery(scope, f);
  return (await query.execute(db)).rows;
}

/** The ranking counted from the items themselves, whatever the scope: what the tallies must equal. */
export async function rankThemesFromItems(
  db: Db,
  scope: AccountScope,
  f: RankingFilters,
): Promise<RankedThemeRow[]> {
  return (await rankingQuery(scope, f).execute(db)).rows;
}
