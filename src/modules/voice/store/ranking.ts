// SQL for themes ranked by demand over a window: accounts asking, their ARR today (and how much
// of it is At Risk or Critical), items, first and last seen, and the window before for the
// trend — one aggregate over the window's items, then the listed themes' newest items.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { FeedbackType, LabelTerm } from '../../../db/schema.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { findFeedbackRows } from './feedback.ts';

export type RankingFilters = {
  since: Date;
  /** The start of the window before, for the trend. */
  previousSince: Date;
  type?: FeedbackType | undefined;
  accountId?: string | undefined;
  themeIds?: readonly string[] | undefined;
  limit: number;
};

export type RankedThemeRow = {
  id: string;
  label_terms: LabelTerm[];
  custom_label: string | null;
  type: FeedbackType;
  item_count: number;
  account_count: number;
  proposed_count: number;
  previous_count: number;
  arr: number;
  at_risk_arr: number;
  currency: string | null;
};

export async function rankThemes(
  db: Db,
  scope: AccountScope,
  f: RankingFilters,
): Promise<RankedThemeRow[]> {
  const owner = scope.onlyOwner;
  const query = sql<RankedThemeRow>`
    with visible as (
      select f.theme_id, f.account_id, f.given_at, f.review, f.type
      from feedback_items f
      join accounts a on a.id = f.account_id and a.deleted_at is null
      where f.workspace_id = ${scope.workspaceId} and f.theme_id is not null
        and f.review <> 'dismissed' and f.given_at >= ${f.previousSince}
        ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}
        ${f.type ? sql`and f.type = ${f.type}` : sql``}
        ${f.accountId ? sql`and f.account_id = ${f.accountId}` : sql``}
        ${f.themeIds ? sql`and f.theme_id = any(${[...f.themeIds]}::uuid[])` : sql``}
    ),
    stats as (
      select theme_id,
        count(*) filter (where review = 'accepted')::int as item_count,
        count(distinct account_id) filter (where review = 'accepted')::int as account_count,
        count(*) filter (where review = 'proposed')::int as proposed_count,
        mode() within group (order by type) as type
      from visible where given_at >= ${f.since}
      group by theme_id
    ),
    previous as (
      select theme_id, count(*)::int as n from visible
      where given_at < ${f.since} and review = 'accepted' group by theme_id
    ),
    asking as (
      select distinct theme_id, account_id from visible
      where given_at >= ${f.since} and review = 'accepted'
    ),
    money as (
      select p.theme_id, coalesce(sum(a.arr_amount), 0)::bigint as arr,
        coalesce(sum(a.arr_amount) filter (where h.category in ('at_risk', 'critical')), 0)::bigint as at_risk_arr,
        max(a.currency) as currency
      from asking p
      join accounts a on a.id = p.account_id
      left join health_scores h on h.account_id = p.account_id
      group by p.theme_id
    )
    select t.id, t.label_terms, t.custom_label, s.type, s.item_count, s.account_count,
      s.proposed_count, coalesce(pr.n, 0) as previous_count,
      coalesce(m.arr, 0)::float8 as arr, coalesce(m.at_risk_arr, 0)::float8 as at_risk_arr, m.currency
    from stats s
    join feedback_themes t on t.id = s.theme_id
    left join previous pr on pr.theme_id = s.theme_id
    left join money m on m.theme_id = s.theme_id
    where s.item_count > 0 or s.proposed_count > 0
    order by s.account_count desc, coalesce(m.arr, 0) desc, s.item_count desc, s.proposed_count desc, t.id
    limit ${f.limit}`;
  // A year of items makes the planner's estimate large enough for JIT compilation, which costs
  // more than the query itself (seconds on a busy machine) for a page a person waits on.
  const run = async (trx: Db) => {
    await sql`set local jit = off`.execute(trx);
    return (await query.execute(trx)).rows;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * When the listed themes were first and last heard of, over all time: the two ends of each
 * theme's range of the (workspace, theme, given_at) index.
 */
export async function seenOf(db: Db, workspaceId: string, themeIds: readonly string[]) {
  if (themeIds.length === 0) return new Map<string, { first: Date; last: Date }>();
  const { rows } = await sql<{ id: string; first: Date; last: Date }>`
    select t.id, first.given_at as first, last.given_at as last
    from unnest(${[...themeIds]}::uuid[]) as t(id)
    cross join lateral (
      select given_at from feedback_items f
      where f.workspace_id = ${workspaceId} and f.theme_id = t.id and f.review <> 'dismissed'
      order by f.given_at limit 1
    ) first
    cross join lateral (
      select given_at from feedback_items f
      where f.workspace_id = ${workspaceId} and f.theme_id = t.id and f.review <> 'dismissed'
      order by f.given_at desc limit 1
    ) last`.execute(db);
  return new Map(rows.map((r) => [r.id, { first: r.first, last: r.last }]));
}

/** The newest `perTheme` items of each theme (accepted or proposed), for the listing. */
export async function newestItems(
  db: Db,
  scope: AccountScope,
  themeIds: readonly string[],
  perTheme: number,
  since: Date,
) {
  if (themeIds.length === 0 || perTheme === 0) return [];
  const owner = scope.onlyOwner;
  // The newest few of each theme off its index range; only those are then read with context.
  const { rows } = await sql<{ id: string }>`
    select newest.id from unnest(${[...themeIds]}::uuid[]) as t(id)
    cross join lateral (
      select f.id from feedback_items f
      ${owner !== null ? sql`join accounts a on a.id = f.account_id and a.owner_id = ${owner}` : sql``}
      where f.workspace_id = ${scope.workspaceId} and f.theme_id = t.id
        and f.review <> 'dismissed' and f.given_at >= ${since}
      order by f.given_at desc, f.id desc
      limit ${perTheme}
    ) newest`.execute(db);
  return findFeedbackRows(
    db,
    scope,
    rows.map((r) => r.id),
  );
}

export function roadmapOfThemes(db: Db, workspaceId: string, themeIds: readonly string[]) {
  if (themeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('roadmap_item_themes as l')
    .innerJoin('roadmap_items as r', 'r.id', 'l.roadmap_item_id')
    .select(['l.theme_id', 'r.id', 'r.title', 'r.status'])
    .where('l.workspace_id', '=', workspaceId)
    .where('l.theme_id', 'in', [...themeIds])
    .orderBy('r.created_at')
    .execute();
}
