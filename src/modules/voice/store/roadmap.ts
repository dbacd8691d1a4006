// SQL for roadmap items: the items, their links to themes and feedback, the demand behind them
// (accounts, items, ARR today and at risk), and what shipping one reads and claims.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { RoadmapStatus } from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

export function insertRoadmapRow(
  db: Db,
  row: {
    workspaceId: WorkspaceId;
    title: string;
    description: string | null;
    status: RoadmapStatus;
    targetQuarter: string | null;
    link: string | null;
    createdBy: string | null;
    at: Date;
  },
) {
  return db
    .insertInto('roadmap_items')
    .values({
      workspace_id: row.workspaceId,
      title: row.title,
      description: row.description,
      status: row.status,
      target_quarter: row.targetQuarter,
      link: row.link,
      created_by: row.createdBy,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateRoadmapRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  changes: Partial<{
    title: string;
    description: string | null;
    status: RoadmapStatus;
    target_quarter: string | null;
    link: string | null;
    shipped_at: Date;
  }>,
  at: Date,
) {
  return db
    .updateTable('roadmap_items')
    .set({ ...changes, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export function roadmapRows(
  db: Db,
  workspaceId: WorkspaceId,
  filter: { ids?: readonly string[]; status?: RoadmapStatus | undefined },
) {
  return db
    .selectFrom('roadmap_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .$if(filter.ids !== undefined, (q) => q.where('id', 'in', [...(filter.ids ?? [])]))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? 'planned'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export type RoadmapRow = Awaited<ReturnType<typeof roadmapRows>>[number];

/** Replaces an item's links to themes and to feedback items. */
export async function setRoadmapLinks(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  links: { themeIds?: readonly string[] | undefined; feedbackIds?: readonly string[] | undefined },
) {
  if (links.themeIds) {
    await db.deleteFrom('roadmap_item_themes').where('roadmap_item_id', '=', id).execute();
    if (links.themeIds.length > 0) {
      await db
        .insertInto('roadmap_item_themes')
        .values(
          [...new Set(links.themeIds)].map((themeId) => ({
            workspace_id: workspaceId,
            roadmap_item_id: id,
            theme_id: themeId,
          })),
        )
        .execute();
    }
  }
  if (links.feedbackIds) {
    await db.deleteFrom('roadmap_item_feedback').where('roadmap_item_id', '=', id).execute();
    if (links.feedbackIds.length > 0) {
      await db
        .insertInto('roadmap_item_feedback')
        .values(
          [...new Set(links.feedbackIds)].map((feedbackId) => ({
            workspace_id: workspaceId,
            roadmap_item_id: id,
            feedback_item_id: feedbackId,
          })),
        )
        .execute();
    }
  }
}

/** Of these ids, the themes of the workspace. */
export async function knownThemes(db: Db, workspaceId: WorkspaceId, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('feedback_themes')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Of these ids, the feedback items the person may see. */
export async function knownFeedback(db: Db, scope: AccountScope, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('feedback_items as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .select('f.id')
    .where('f.workspace_id', '=', scope.workspaceId)
    .where('f.id', 'in', [...ids])
    .$if(scope.onlyOwner !== null, (q) => q.where('a.owner_id', '=', scope.onlyOwner))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function themeLinksOf(db: Db, workspaceId: WorkspaceId, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('roadmap_item_themes as l')
    .innerJoin('feedback_themes as t', 't.id', 'l.theme_id')
    .select(['l.roadmap_item_id', 't.id', 't.label_terms', 't.custom_label'])
    .where('l.workspace_id', '=', workspaceId)
    .where('l.roadmap_item_id', 'in', [...ids])
    .orderBy('t.created_at')
    .execute();
}

export function feedbackLinksOf(db: Db, workspaceId: WorkspaceId, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('roadmap_item_feedback')
    .select(['roadmap_item_id', 'feedback_item_id'])
    .where('workspace_id', '=', workspaceId)
    .where('roadmap_item_id', 'in', [...ids])
    .execute();
}

/** The accepted feedback behind each roadmap item: in a linked theme, or linked itself. */
function requests(scope: AccountScope, ids: readonly string[]) {
  const owner = scope.onlyOwner;
  return sql`
    select r.id as roadmap_item_id, f.id as feedback_id, f.account_id, f.contact_id, f.text,
      f.given_at, f.status
    from roadmap_items r
    join feedback_items f on f.workspace_id = r.workspace_id and f.review = 'accepted'
      and f.status <> 'declined'
      and (f.theme_id in (select t.theme_id from roadmap_item_themes t where t.roadmap_item_id = r.id)
        or f.id in (select l.feedback_item_id from roadmap_item_feedback l where l.roadmap_item_id = r.id))
    join accounts a on a.id = f.account_id and a.deleted_at is null
      ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}
    where r.workspace_id = ${scope.workspaceId} and r.id = any(${[...ids]}::uuid[])`;
}

export type DemandRow = {
  roadmap_item_id: string;
  account_count: number;
  item_count: number;
  arr: number;
  at_risk_arr: number;
  currency: string | null;
  accounts: { id: string; name: string }[];
};

export async function demandOf(
  db: Db,
  scope: AccountScope,
  ids: readonly string[],
): Promise<DemandRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<DemandRow>`
    with req as (${requests(scope, ids)}),
    asking as (
      select r.roadmap_item_id, a.id, a.name, a.arr_amount, a.currency, h.category,
        count(*)::int as items
      from req r
      join accounts a on a.id = r.account_id
      left join account_health h on h.account_id = a.id and h.workspace_id = a.workspace_id
      group by r.roadmap_item_id, a.id, a.name, a.arr_amount, a.currency, h.category
    )
    select roadmap_item_id, count(*)::int as account_count, sum(items)::int as item_count,
      coalesce(sum(arr_amount), 0)::float8 as arr,
      coalesce(sum(arr_amount) filter (where category in ('at_risk', 'critical')), 0)::float8 as at_risk_arr,
      max(currency) as currency,
      jsonb_agg(jsonb_build_object('id', id, 'name', name) order by arr_amount desc, name) as accounts
    from asking group by roadmap_item_id`.execute(db);
  return rows;
}

export type RequestRow = {
  feedback_id: string;
  account_id: string;
  account_name: string;
  owner_id: string | null;
  owner_locale: 'en' | 'ru' | null;
  owner_time_zone: string | null;
  contact_name: string | null;
  text: string;
  given_at: Date;
  status: string;
};

/** Every request behind one roadmap item, across the workspace, oldest first. */
export async function requestsToClose(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
): Promise<RequestRow[]> {
  const { rows } = await sql<RequestRow>`
    with req as (${requests({ workspaceId, onlyOwner: null }, [id])})
    select r.feedback_id, r.account_id, a.name as account_name, a.owner_id,
      u.locale as owner_locale, u.timezone as owner_time_zone, c.name as contact_name,
      r.text, r.given_at, r.status
    from req r
    join accounts a on a.id = r.account_id
    left join users u on u.id = a.owner_id and u.deactivated_at is null
    left join contacts c on c.id = r.contact_id
    order by r.given_at, r.feedback_id`.execute(db);
  return rows;
}

export async function markFeedbackShipped(
  db: Db,
  workspaceId: WorkspaceId,
  ids: readonly string[],
  at: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('feedback_items')
    .set({ status: 'shipped', shipped_at: at, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .where('status', '<>', 'shipped')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Claims the close-the-loop notice of each account: only accounts not told before come back. */
export async function claimShipNotices(
  db: Db,
  workspaceId: WorkspaceId,
  roadmapItemId: string,
  accountIds: readonly string[],
  at: Date,
): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .insertInto('roadmap_ship_notices')
    .values(
      accountIds.map((accountId) => ({
        workspace_id: workspaceId,
        roadmap_item_id: roadmapItemId,
        account_id: accountId,
        notified_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['roadmap_item_id', 'account_id']).doNothing())
    .returning('account_id')
    .execute();
  return new Set(rows.map((r) => r.account_id));
}

export async function recordNoticeTask(
  db: Db,
  roadmapItemId: string,
  accountId: string,
  taskId: string | null,
): Promise<void> {
  await db
    .updateTable('roadmap_ship_notices')
    .set({ task_id: taskId })
    .where('roadmap_item_id', '=', roadmapItemId)
    .where('account_id', '=', accountId)
    .execute();
}

export async function releaseNotice(
  db: Db,
  roadmapItemId: string,
  accountId: string,
): Promise<void> {
  await db
    .deleteFrom('roadmap_ship_notices')
    .where('roadmap_item_id', '=', roadmapItemId)
    .where('account_id', '=', accountId)
    .execute();
}
