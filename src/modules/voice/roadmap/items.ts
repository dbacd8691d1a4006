// Roadmap items: what the product team plans, linked to the themes and feedback that asked for
// it, ranked by the demand behind it — requesting accounts, their ARR, and the ARR at risk.
import type { Deps } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { Locale } from '../../../i18n/index.ts';
import { AppError, fieldProblem, invalid, type FieldError } from '../../../lib/errors.ts';
import type { UserId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import type {
  RoadmapItemInput,
  RoadmapItemPatch,
  RoadmapItemView,
  roadmapQuery,
} from '../roadmapSchema.ts';
import * as store from '../store/roadmap.ts';
import { renderLabel } from '../text/label.ts';
import type { z } from '@hono/zod-openapi';

const money = (amount: number, currency: string | null) => ({
  amount: Math.round(amount),
  currency: currency ?? 'USD',
});

export async function describeRoadmap(
  db: Db,
  scope: AccountScope,
  rows: store.RoadmapRow[],
  locale: Locale,
): Promise<RoadmapItemView[]> {
  const ids = rows.map((r) => r.id);
  const [themes, feedback, demand] = await Promise.all([
    store.themeLinksOf(db, scope.workspaceId, ids),
    store.feedbackLinksOf(db, scope.workspaceId, ids),
    store.demandOf(db, scope, ids),
  ]);
  return rows.map((row) => {
    const d = demand.find((x) => x.roadmap_item_id === row.id);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      status: row.status,
      targetQuarter: row.target_quarter,
      link: row.link,
      shippedAt: row.shipped_at?.toISOString() ?? null,
      themes: themes
        .filter((t) => t.roadmap_item_id === row.id)
        .map((t) => ({ id: t.id, label: renderLabel(t.label_terms, t.custom_label, locale) })),
      feedbackIds: feedback
        .filter((f) => f.roadmap_item_id === row.id)
        .map((f) => f.feedback_item_id),
      demand: {
        accountCount: d?.account_count ?? 0,
        itemCount: d?.item_count ?? 0,
        arr: money(d?.arr ?? 0, d?.currency ?? null),
        atRiskArr: money(d?.at_risk_arr ?? 0, d?.currency ?? null),
      },
      accounts: d?.accounts ?? [],
      createdAt: row.created_at.toISOString(),
    };
  });
}

export async function getRoadmapItem(db: Db, scope: AccountScope, id: string, locale: Locale) {
  const rows = await store.roadmapRows(db, scope.workspaceId, { ids: [id] });
  if (rows.length === 0)
    throw new AppError('roadmap_item.not_found', { key: 'voice.problem.noRoadmapItem' });
  const [item] = await describeRoadmap(db, scope, rows, locale);
  return item as RoadmapItemView;
}

/** Ranked by demand (accounts, ARR, ARR at risk), or by target quarter (a timeline). */
export async function listRoadmap(
  db: Db,
  scope: AccountScope,
  query: z.infer<typeof roadmapQuery>,
  locale: Locale,
) {
  const rows = await store.roadmapRows(db, scope.workspaceId, { status: query.status });
  const items = await describeRoadmap(db, scope, rows, locale);
  const byDemand = (a: RoadmapItemView, b: RoadmapItemView) =>
    b.demand.accountCount - a.demand.accountCount ||
    b.demand.arr.amount - a.demand.arr.amount ||
    b.demand.atRiskArr.amount - a.demand.atRiskArr.amount ||
    a.title.localeCompare(b.title);
  const byQuarter = (a: RoadmapItemView, b: RoadmapItemView) =>
    (a.targetQuarter ?? '9999').localeCompare(b.targetQuarter ?? '9999') || byDemand(a, b);
  return items.sort(query.sort === 'quarter' ? byQuarter : byDemand);
}

async function checkLinks(
  db: Db,
  scope: AccountScope,
  links: { themeIds?: string[] | undefined; feedbackIds?: string[] | undefined },
) {
  const errors: FieldError[] = [];
  const themes = await store.knownThemes(db, scope.workspaceId, links.themeIds ?? []);
  (links.themeIds ?? []).forEach((id, i) => {
    if (!themes.has(id)) errors.push(fieldProblem(`themeIds.${i}`, 'voice.field.noTheme'));
  });
  const feedback = await store.knownFeedback(db, scope, links.feedbackIds ?? []);
  (links.feedbackIds ?? []).forEach((id, i) => {
    if (!feedback.has(id))
      errors.push(fieldProblem(`feedbackIds.${i}`, 'voice.field.noFeedbackItem'));
  });
  if (errors.length > 0) throw invalid(errors);
}

export async function createRoadmapItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor & { userId: UserId | null; locale: Locale },
  scope: AccountScope,
  input: RoadmapItemInput,
) {
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkLinks(trx, scope, input);
    const { id } = await store.insertRoadmapRow(trx, {
      workspaceId: by.workspaceId,
      title: input.title,
      description: input.description ?? null,
      status: input.status,
      targetQuarter: input.targetQuarter ?? null,
      link: input.link ?? null,
      createdBy: by.userId,
      at,
    });
    await store.setRoadmapLinks(trx, by.workspaceId, id, input);
    await recordAudit(trx, by, {
      action: 'roadmap_item.created',
      entityType: 'roadmap_item',
      entityId: id,
      changes: { ...input },
    });
    return id;
  });
  return getRoadmapItem(deps.db, scope, id, by.locale);
}

export async function updateRoadmapItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor & { locale: Locale },
  scope: AccountScope,
  id: string,
  patch: RoadmapItemPatch,
) {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const [row] = await store.roadmapRows(trx, by.workspaceId, { ids: [id] });
    if (!row) throw new AppError('roadmap_item.not_found', { key: 'voice.problem.noRoadmapItem' });
    await checkLinks(trx, scope, patch);
    await store.updateRoadmapRow(
      trx,
      by.workspaceId,
      id,
      {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.targetQuarter !== undefined ? { target_quarter: patch.targetQuarter } : {}),
        ...(patch.link !== undefined ? { link: patch.link } : {}),
      },
      at,
    );
    await store.setRoadmapLinks(trx, by.workspaceId, id, patch);
    await recordAudit(trx, by, {
      action: 'roadmap_item.updated',
      entityType: 'roadmap_item',
      entityId: id,
      changes: { ...patch },
    });
  });
  return getRoadmapItem(deps.db, scope, id, by.locale);
}
