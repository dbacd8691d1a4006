// SQL for themes ranked by demand over a window: accounts asking, their ARR today (and how much
// of it is At Risk or Critical), items and their kinds, first and last seen, the window before
// for the trend, the roadmap items linked and the newest items' ids — one statement. The
// window's items are counted per (theme, account) straight off the feedback table first, so
// accounts and health's view are joined once per account asking rather than once per item, no
// intermediate result is read twice, and only the page's themes are looked up for the rest.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { FeedbackType, LabelTerm, RoadmapStatus } from '../../../db/schema.ts';
import type { AccountScope } from '../../accounts/index.ts';
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
  newest_ids: string[];
};

/** Window items of each kind, one column a kind: the listing shows the kind most of them are. */
const kindCounts = (column: (type: FeedbackType) => ReturnType<typeof sql>) =>
  sql.join(feedbackTypes.map(column));

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
    select t.id, t.label_terms, t.custom_label, r.kinds, r.item_count, r.account_count,
      r.proposed_count, r.previous_count, r.arr, r.at_risk_arr, r.currency,
      first.given_at as first_seen, last.given_at as last_seen, roadmap.items as roadmap,
      newest.ids as newest_ids
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
      select coalesce(array_agg(n.id order by n.given_at desc, n.id desc), '{}') as ids
      from (
        select f.id, f.given_at from feedback_items f
        ${owner !== null ? sql`join accounts a on a.id = f.account_id and a.owner_id = ${owner}` : sql``}
        where f.workspace_id = ${workspaceId} and f.theme_id = r.theme_id
          and f.review <> 'dismissed' and f.given_at >= ${f.since}
        order by f.given_at desc, f.id desc
        limit ${f.newest}
      ) n
    ) newest
    order by r.account_count desc, r.arr desc, r.item_count desc, r.proposed_count desc, t.id`;
}

/**
 * No `set local jit = off` (and so no transaction) any more: the seconds a year's window once
 * took were the old statement's plan on statistics taken before a recomputation filled
 * `theme_id` (nested loops over every item), not JIT; this statement costs about 2,500 at a year
 * of 10,000 items, far under `jit_above_cost` (100,000), and keeps its plan on stale statistics.
 */
export async function rankThemes(
  db: Db,
  scope: AccountScope,
  f: RankingFilters,
): Promise<RankedThemeRow[]> {
  return (await rankingQuery(scope, f).execute(db)).rows;
}
