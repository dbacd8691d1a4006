// SQL for themes: the corpus a recomputation reads, what it writes back (set-based, a few
// statements whatever the number of items), a new item's placement, and people's corrections.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { LabelTerm } from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';

/** One recomputation or placement at a time per workspace: they read and write the same themes. */
export async function lockThemes(db: Db, workspaceId: WorkspaceId): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`voice:themes:${workspaceId}`}, 0))`.execute(
    db,
  );
}

/** Every item themes are found in (not the dismissed), oldest first: a fixed order. */
export function corpusOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('feedback_items')
    .select(['id', 'features', 'surfaces', 'theme_id', 'theme_placed'])
    .where('workspace_id', '=', workspaceId)
    .where('review', '<>', 'dismissed')
    .orderBy('given_at')
    .orderBy('id')
    .execute();
}

export type CorpusRow = Awaited<ReturnType<typeof corpusOf>>[number];

export async function corpusSize(db: Db, workspaceId: WorkspaceId): Promise<number> {
  const row = await db
    .selectFrom('feedback_items')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('review', '<>', 'dismissed')
    .executeTakeFirstOrThrow();
  return row.n;
}

export function separationsOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('feedback_separations')
    .select(['item_id', 'other_item_id'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export function findThemeRow(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .selectFrom('feedback_themes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type ThemeAggregate = {
  id: string;
  labelTerms: LabelTerm[];
  centroid: Record<string, number>;
  itemCount: number;
};

export type ThemeComputation = {
  created: ThemeAggregate[];
  updated: ThemeAggregate[];
  /** Items whose theme changed. */
  assignments: { itemId: string; themeId: string }[];
  vocabulary: { documents: number; frequency: ReadonlyMap<string, number> };
};

/** Writes a recomputation: new themes, aggregates, assignments, vocabulary, empty themes gone. */
export async function saveThemeComputation(
  db: Db,
  workspaceId: WorkspaceId,
  plan: ThemeComputation,
  at: Date,
): Promise<void> {
  const json = (v: unknown) => JSON.stringify(v);
  if (plan.created.length > 0) {
    await sql`
      insert into feedback_themes (id, workspace_id, label_terms, centroid, item_count, created_at, updated_at)
      select t.id, ${workspaceId}, t.label_terms, t.centroid, t.item_count, ${at}, ${at}
      from unnest(${plan.created.map((t) => t.id)}::uuid[], ${plan.created.map((t) => json(t.labelTerms))}::jsonb[],
        ${plan.created.map((t) => json(t.centroid))}::jsonb[], ${plan.created.map((t) => t.itemCount)}::int[])
        as t(id, label_terms, centroid, item_count)`.execute(db);
  }
  if (plan.updated.length > 0) {
    await sql`
      update feedback_themes f set label_terms = t.label_terms, centroid = t.centroid,
        item_count = t.item_count, updated_at = ${at}
      from unnest(${plan.updated.map((t) => t.id)}::uuid[], ${plan.updated.map((t) => json(t.labelTerms))}::jsonb[],
        ${plan.updated.map((t) => json(t.centroid))}::jsonb[], ${plan.updated.map((t) => t.itemCount)}::int[])
        as t(id, label_terms, centroid, item_count)
      where f.id = t.id and f.workspace_id = ${workspaceId}`.execute(db);
  }
  if (plan.assignments.length > 0) {
    await sql`
      update feedback_items f set theme_id = a.theme_id
      from unnest(${plan.assignments.map((a) => a.itemId)}::uuid[], ${plan.assignments.map((a) => a.themeId)}::uuid[])
        as a(item_id, theme_id)
      where f.id = a.item_id and f.workspace_id = ${workspaceId}`.execute(db);
  }
  await deleteEmptyThemes(db, workspaceId);
  await sql`delete from feedback_vocabulary where workspace_id = ${workspaceId}`.execute(db);
  const terms = [...plan.vocabulary.frequency];
  if (terms.length > 0) {
    await sql`
      insert into feedback_vocabulary (workspace_id, term, documents)
      select ${workspaceId}, v.term, v.documents
      from unnest(${terms.map((t) => t[0])}::text[], ${terms.map((t) => t[1])}::int[]) as v(term, documents)`.execute(
      db,
    );
  }
  await sql`
    insert into voice_state (workspace_id, documents, themes_computed_at)
    values (${workspaceId}, ${plan.vocabulary.documents}, ${at})
    on conflict (workspace_id) do update
      set documents = excluded.documents, themes_computed_at = excluded.themes_computed_at`.execute(
    db,
  );
}

/** Themes nothing belongs to, that no person named and no roadmap item links, are gone. */
export async function deleteEmptyThemes(db: Db, workspaceId: WorkspaceId): Promise<void> {
  await sql`
    delete from feedback_themes t
    where t.workspace_id = ${workspaceId} and t.custom_label is null
      and not exists (select 1 from feedback_items f where f.theme_id = t.id)
      and not exists (select 1 from roadmap_item_themes r where r.theme_id = t.id)`.execute(db);
  await sql`
    update feedback_themes t set item_count = 0, centroid = '{}'
    where t.workspace_id = ${workspaceId} and t.item_count <> 0
      and not exists (select 1 from feedback_items f where f.theme_id = t.id)`.execute(db);
}

/** Fresh planner statistics for the items and the tallies kept from them (migration 0029). */
export async function analyzeThemes(db: Db): Promise<void> {
  await sql`analyze feedback_items, feedback_theme_days, feedback_theme_months, feedback_theme_accounts`.execute(
    db,
  );
}

export function voiceState(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('voice_state')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

/** Document frequencies of these terms at the last recomputation. */
export async function frequencies(
  db: Db,
  workspaceId: WorkspaceId,
  terms: readonly string[],
): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const rows = await db
    .selectFrom('feedback_vocabulary')
    .select(['term', 'documents'])
    .where('workspace_id', '=', workspaceId)
    .where('term', 'in', [...terms])
    .execute();
  return new Map(rows.map((r) => [r.term, r.documents]));
}

export function itemForPlacement(db: Db, workspaceId: WorkspaceId, itemId: string) {
  return db
    .selectFrom('feedback_items')
    .select(['id', 'features', 'surfaces', 'theme_id', 'review'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/**
 * The accounts asking in a theme (accepted items) and whether one item's account was among them
 * before it: whether placing the item raised the count (webhooks' theme thresholds).
 */
export async function themeAccountsAround(
  db: Db,
  workspaceId: WorkspaceId,
  themeId: string,
  itemId: string,
) {
  const { rows } = await sql<{ accounts: number; others_of_account: number }>`
    select count(distinct f.account_id)::int as accounts,
      count(*) filter (where f.account_id = i.account_id and f.id <> i.id)::int as others_of_account
    from feedback_items f
    join feedback_items i on i.workspace_id = f.workspace_id and i.id = ${itemId}::uuid
    where f.workspace_id = ${workspaceId}::uuid and f.theme_id = ${themeId}::uuid
      and f.review = 'accepted'`.execute(db);
  return rows[0] ?? { accounts: 0, others_of_account: 0 };
}

/** Themes with members: what a new item may join. */
export function themeCentroids(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('feedback_themes')
    .select(['id', 'centroid', 'item_count'])
    .where('workspace_id', '=', workspaceId)
    .where('item_count', '>', 0)
    .orderBy('id')
    .execute();
}

export async function insertTheme(
  db: Db,
  workspaceId: WorkspaceId,
  theme: ThemeAggregate & { customLabel?: string | null },
  at: Date,
): Promise<void> {
  await db
    .insertInto('feedback_themes')
    .values({
      id: theme.id,
      workspace_id: workspaceId,
      label_terms: JSON.stringify(theme.labelTerms),
      custom_label: theme.customLabel ?? null,
      centroid: JSON.stringify(theme.centroid),
      item_count: theme.itemCount,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateThemeAggregate(
  db: Db,
  workspaceId: WorkspaceId,
  theme: ThemeAggregate,
  at: Date,
): Promise<void> {
  await db
    .updateTable('feedback_themes')
    .set({
      label_terms: JSON.stringify(theme.labelTerms),
      centroid: JSON.stringify(theme.centroid),
      item_count: theme.itemCount,
      updated_at: at,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', theme.id)
    .execute();
}

export async function setItemsTheme(
  db: Db,
  workspaceId: WorkspaceId,
  itemIds: readonly string[],
  themeId: string,
  placed: boolean,
  at: Date,
): Promise<void> {
  if (itemIds.length === 0) return;
  await db
    .updateTable('feedback_items')
    .set({ theme_id: themeId, theme_placed: placed, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...itemIds])
    .execute();
}

export function membersOf(db: Db, workspaceId: WorkspaceId, themeIds: readonly string[]) {
  if (themeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('feedback_items')
    .select(['id', 'theme_id', 'features', 'surfaces', 'theme_placed'])
    .where('workspace_id', '=', workspaceId)
    .where('theme_id', 'in', [...themeIds])
    .where('review', '<>', 'dismissed')
    .orderBy('given_at')
    .orderBy('id')
    .execute();
}

export async function renameThemeRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  label: string | null,
  at: Date,
): Promise<void> {
  await db
    .updateTable('feedback_themes')
    .set({ custom_label: label, updated_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function addSeparations(
  db: Db,
  workspaceId: WorkspaceId,
  pairs: readonly (readonly [string, string])[],
  at: Date,
): Promise<void> {
  const ordered = pairs
    .filter(([a, b]) => a !== b)
    .map(([a, b]): readonly [string, string] => (a < b ? [a, b] : [b, a]));
  if (ordered.length === 0) return;
  await sql`
    insert into feedback_separations (workspace_id, item_id, other_item_id, created_at)
    select ${workspaceId}, p.a, p.b, ${at}
    from unnest(${ordered.map((p) => p[0])}::uuid[], ${ordered.map((p) => p[1])}::uuid[]) as p(a, b)
    on conflict do nothing`.execute(db);
}

/** Teaches terms a learned concept, and adds it to every stored item that has one of them. */
export async function addTermLinks(
  db: Db,
  workspaceId: WorkspaceId,
  terms: readonly string[],
  concept: string,
  weight: number,
  at: Date,
): Promise<void> {
  if (terms.length === 0) return;
  await sql`
    insert into feedback_term_links (workspace_id, term, concept, created_at)
    select ${workspaceId}, t, ${concept}, ${at} from unnest(${[...terms]}::text[]) as t
    on conflict do nothing`.execute(db);
  await sql`
    update feedback_items set features = features || jsonb_build_object(${`l:${concept}`}::text, ${weight}::float8)
    where workspace_id = ${workspaceId} and features ?| ${[...terms]}::text[]`.execute(db);
}

export async function moveRoadmapLinks(
  db: Db,
  workspaceId: WorkspaceId,
  fromThemeId: string,
  toThemeId: string,
): Promise<void> {
  await sql`
    insert into roadmap_item_themes (workspace_id, roadmap_item_id, theme_id)
    select workspace_id, roadmap_item_id, ${toThemeId} from roadmap_item_themes
    where workspace_id = ${workspaceId} and theme_id = ${fromThemeId}
    on conflict do nothing`.execute(db);
}

export async function deleteTheme(db: Db, workspaceId: WorkspaceId, id: string): Promise<void> {
  await db
    .deleteFrom('feedback_themes')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
