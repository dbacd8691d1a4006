// SQL for feedback items. Every query is confined to one workspace and, for a CSM, to the items
// of their own clients (the account's owner), as accounts' scopeFor says.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { Insertable } from 'kysely';
import type { FeedbackItemsTable, FeedbackReview } from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

export type NewFeedbackRow = Insertable<FeedbackItemsTable>;

export function selectFeedback(db: Db, scope: AccountScope) {
  return db
    .selectFrom('feedback_items as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .leftJoin('contacts as c', 'c.id', 'f.contact_id')
    .leftJoin('users as u', 'u.id', 'f.logged_by')
    .leftJoin('feedback_themes as t', 't.id', 'f.theme_id')
    .select([
      'f.id',
      'f.account_id',
      'a.name as account_name',
      'f.contact_id',
      'c.name as contact_name',
      'f.type',
      'f.priority',
      'f.status',
      'f.source',
      'f.source_ref',
      'f.text',
      'f.arr_amount',
      'f.currency',
      'f.logged_by',
      'u.name as logged_by_name',
      'f.review',
      'f.ticket_id',
      'f.theme_id',
      'f.theme_placed',
      't.custom_label as theme_custom_label',
      't.label_terms as theme_label_terms',
      'f.given_at',
      'f.shipped_at',
    ])
    .where('f.workspace_id', '=', scope.workspaceId)
    .where('a.deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('a.owner_id', '=', scope.onlyOwner));
}

export type FeedbackRow = Awaited<
  ReturnType<ReturnType<typeof selectFeedback>['executeTakeFirstOrThrow']>
>;

export function findFeedbackRow(db: Db, scope: AccountScope, id: string) {
  return selectFeedback(db, scope).where('f.id', '=', id).executeTakeFirst();
}

export type FeedbackFilters = {
  accountId?: string | undefined;
  themeId?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  review?: FeedbackReview | undefined;
  since?: Date | undefined;
  /** Keyset position: items older than this (given_at, id). */
  before?: { givenAt: string; id: string } | undefined;
};

/** The items a list or a count takes: accepted ones unless another review is asked for. */
function matchingFeedback(db: Db, scope: AccountScope, filters: FeedbackFilters) {
  return selectFeedback(db, scope)
    .$if(filters.accountId !== undefined, (q) =>
      q.where('f.account_id', '=', filters.accountId ?? ''),
    )
    .$if(filters.themeId !== undefined, (q) => q.where('f.theme_id', '=', filters.themeId ?? ''))
    .$if(filters.type !== undefined, (q) => q.where('f.type', '=', filters.type as never))
    .$if(filters.status !== undefined, (q) => q.where('f.status', '=', filters.status as never))
    .where('f.review', '=', filters.review ?? 'accepted')
    .$if(filters.since !== undefined, (q) =>
      q.where('f.given_at', '>=', filters.since ?? new Date(0)),
    );
}

export function listFeedbackRows(
  db: Db,
  scope: AccountScope,
  filters: FeedbackFilters,
  limit: number,
) {
  return matchingFeedback(db, scope, filters)
    .$if(filters.before !== undefined, (q) =>
      q.where(
        sql<boolean>`(f.given_at, f.id) < (${filters.before?.givenAt}::timestamptz, ${filters.before?.id}::uuid)`,
      ),
    )
    .orderBy('f.given_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** How many items match, however many there are (the planner drops the unread joins). */
export async function countFeedbackRows(
  db: Db,
  scope: AccountScope,
  filters: Omit<FeedbackFilters, 'before'>,
): Promise<number> {
  const row = await matchingFeedback(db, scope, filters)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Inserts items; one that has the same origin (source, source_ref) as a stored one is skipped. */
export async function insertFeedbackRows(db: Db, rows: NewFeedbackRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('feedback_items')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'source', 'source_ref'])
        .where('source_ref', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

export function feedbackBySource(
  db: Db,
  workspaceId: WorkspaceId,
  source: string,
  sourceRef: string,
) {
  return db
    .selectFrom('feedback_items')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source as never)
    .where('source_ref', '=', sourceRef)
    .executeTakeFirst();
}

export function updateFeedbackRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  changes: Partial<{
    account_id: string;
    arr_amount: number;
    currency: string;
    type: FeedbackItemsTable['type'];
    priority: 'low' | 'medium' | 'high' | 'critical';
    status: 'new' | 'triaged' | 'planned' | 'shipped' | 'declined';
    text: string;
    contact_id: string | null;
    features: string;
    surfaces: string;
    review: FeedbackReview;
  }>,
  at: Date,
) {
  return db
    .updateTable('feedback_items')
    .set({ ...changes, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** A contact of this account, by id: feedback names someone the account has. */
export function contactOfAccount(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  contactId: string,
) {
  return db
    .selectFrom('contacts')
    .select(['id', 'name', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('id', '=', contactId)
    .executeTakeFirst();
}

/** The workspace's learned term links (what merges taught). */
export function termLinksOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('feedback_term_links')
    .select(['term', 'concept'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('term')
    .orderBy('concept')
    .execute();
}

/** Of these origins (source refs) of one source, those already made feedback. */
export async function sourceRefsOf(
  db: Db,
  workspaceId: WorkspaceId,
  source: string,
  refs: readonly string[],
): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await db
    .selectFrom('feedback_items')
    .select('source_ref')
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source as never)
    .where('source_ref', 'in', [...refs])
    .execute();
  return new Set(rows.flatMap((r) => (r.source_ref ? [r.source_ref] : [])));
}

/** The accounts' ARR now: what a batch of feedback records as "ARR when given". */
export async function arrOfAccounts(db: Db, workspaceId: WorkspaceId, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { arr_amount: number; currency: string }>();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'arr_amount', 'currency'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
