// What people correct in themes, kept across recomputation and taught to the matcher:
//   rename — the name people gave stays until they give it back to the automatic label;
//   move   — the item is placed in its new theme, and separated from the theme it left;
//   split  — the chosen items form a new theme, the rest stay: both sides are placed;
//   merge  — both themes' items are placed in one, and the terms that named each side are
//            linked to a learned concept, so new items worded either way join the merged theme.
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import { AppError, fieldProblem, invalid } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { findFeedbackRow } from '../store/feedback.ts';
import * as store from '../store/themes.ts';
import { labelTermsFor } from '../text/label.ts';
import { weigh } from '../text/vectors.ts';
import { mergedSurfaces, sumVectors } from './plan.ts';
import type { AccountScope } from '../../accounts/index.ts';

/** How many of each side's strongest terms a merge links to the learned concept. */
const taughtTerms = 3;
/** The weight of a learned concept in an item's features (a lexicon concept's). */
const learnedWeight = 2;

async function themeOrFail(db: Db, workspaceId: WorkspaceId, id: string, path?: string) {
  const row = await store.findThemeRow(db, workspaceId, id);
  if (row) return row;
  if (path) throw invalid([fieldProblem(path, 'voice.field.noTheme')]);
  throw new AppError('feedback_theme.not_found', { key: 'voice.problem.noTheme' });
}

/** Recounts themes from their members after a correction: summed vectors, size, label. */
async function refreshThemes(db: Db, workspaceId: WorkspaceId, themeIds: string[], at: Date) {
  const state = await store.voiceState(db, workspaceId);
  const members = await store.membersOf(db, workspaceId, themeIds);
  const terms = [...new Set(members.flatMap((m) => Object.keys(m.features)))];
  const frequency = await store.frequencies(db, workspaceId, terms);
  const vocabulary = { documents: Math.max(state?.documents ?? 0, members.length), frequency };
  for (const themeId of themeIds) {
    const own = members.filter((m) => m.theme_id === themeId);
    const centroid = sumVectors(own.map((m) => weigh(m.features, vocabulary)));
    await store.updateThemeAggregate(
      db,
      workspaceId,
      {
        id: themeId,
        labelTerms: labelTermsFor(centroid, mergedSurfaces(own)),
        centroid,
        itemCount: own.length,
      },
      at,
    );
  }
  await store.deleteEmptyThemes(db, workspaceId);
}

export async function renameTheme(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor,
  themeId: string,
  label: string | null,
) {
  await deps.db.transaction().execute(async (trx) => {
    await store.lockThemes(trx, by.workspaceId);
    const before = await themeOrFail(trx, by.workspaceId, themeId);
    await store.renameThemeRow(trx, by.workspaceId, themeId, label, deps.clock.now());
    await recordAudit(trx, by, {
      action: 'feedback_theme.renamed',
      entityType: 'feedback_theme',
      entityId: themeId,
      changes: { label: { from: before.custom_label, to: label } },
    });
  });
}

/** The strongest plain words and concepts of a theme: what a merge teaches. */
function namingTerms(centroid: Record<string, number>): string[] {
  return Object.entries(centroid)
    .filter(([term]) => term.startsWith('c:') || term.startsWith('w:'))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, taughtTerms)
    .map(([term]) => term);
}

export async function mergeThemes(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor,
  themeId: string,
  intoThemeId: string,
) {
  if (themeId === intoThemeId) {
    throw invalid([fieldProblem('intoThemeId', 'voice.field.mergeIntoItself')]);
  }
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await store.lockThemes(trx, by.workspaceId);
    const source = await themeOrFail(trx, by.workspaceId, themeId);
    const target = await themeOrFail(trx, by.workspaceId, intoThemeId, 'intoThemeId');
    const members = await store.membersOf(trx, by.workspaceId, [source.id, target.id]);
    await store.setItemsTheme(
      trx,
      by.workspaceId,
      members.map((m) => m.id),
      target.id,
      true,
      at,
    );
    const taught = [...new Set([...namingTerms(source.centroid), ...namingTerms(target.centroid)])];
    await store.addTermLinks(trx, by.workspaceId, taught, target.id, learnedWeight, at);
    await store.moveRoadmapLinks(trx, by.workspaceId, source.id, target.id);
    await store.deleteTheme(trx, by.workspaceId, source.id);
    await refreshThemes(trx, by.workspaceId, [target.id], at);
    await recordAudit(trx, by, {
      action: 'feedback_theme.merged',
      entityType: 'feedback_theme',
      entityId: target.id,
      changes: { merged: source.id, items: members.length, taught },
    });
  });
}

export async function splitTheme(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor,
  themeId: string,
  input: { itemIds: string[]; label?: string | undefined },
): Promise<string> {
  const at = deps.clock.now();
  const newId = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await store.lockThemes(trx, by.workspaceId);
    await themeOrFail(trx, by.workspaceId, themeId);
    const members = await store.membersOf(trx, by.workspaceId, [themeId]);
    const memberIds = new Set(members.map((m) => m.id));
    const chosen = [...new Set(input.itemIds)];
    const strangers = chosen.flatMap((id, i) =>
      memberIds.has(id) ? [] : [fieldProblem(`itemIds.${i}`, 'voice.field.notThemeItem')],
    );
    if (strangers.length > 0) throw invalid(strangers);
    if (chosen.length === memberIds.size) {
      throw invalid([fieldProblem('itemIds', 'voice.field.leaveOneItem')]);
    }
    await store.insertTheme(
      trx,
      by.workspaceId,
      { id: newId, labelTerms: [], centroid: {}, itemCount: 0, customLabel: input.label ?? null },
      at,
    );
    const rest = members.map((m) => m.id).filter((id) => !chosen.includes(id));
    await store.setItemsTheme(trx, by.workspaceId, chosen, newId, true, at);
    await store.setItemsTheme(trx, by.workspaceId, rest, themeId, true, at);
    await refreshThemes(trx, by.workspaceId, [themeId, newId], at);
    await recordAudit(trx, by, {
      action: 'feedback_theme.split',
      entityType: 'feedback_theme',
      entityId: themeId,
      changes: { into: newId, items: chosen },
    });
  });
  return newId;
}

/** Moves an item to a theme (or to one of its own), out of the theme it was in. */
export async function moveItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor,
  scope: AccountScope,
  itemId: string,
  themeId: string | null,
): Promise<string> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await store.lockThemes(trx, by.workspaceId);
    const item = await findFeedbackRow(trx, scope, itemId);
    if (!item) throw new AppError('feedback.not_found', { key: 'voice.problem.noFeedback' });
    if (themeId) await themeOrFail(trx, by.workspaceId, themeId, 'themeId');
    const from = item.theme_id;
    const target = themeId ?? randomUUID();
    if (!themeId) {
      await store.insertTheme(
        trx,
        by.workspaceId,
        { id: target, labelTerms: [], centroid: {}, itemCount: 0 },
        at,
      );
    }
    if (from && from !== target) {
      const left = await store.membersOf(trx, by.workspaceId, [from]);
      await store.addSeparations(
        trx,
        by.workspaceId,
        left.filter((m) => m.id !== item.id).map((m) => [item.id, m.id] as const),
        at,
      );
    }
    await store.setItemsTheme(trx, by.workspaceId, [item.id], target, true, at);
    await refreshThemes(
      trx,
      by.workspaceId,
      from && from !== target ? [from, target] : [target],
      at,
    );
    await recordAudit(trx, by, {
      action: 'feedback.moved',
      entityType: 'feedback',
      entityId: item.id,
      changes: { from, to: target },
    });
    return target;
  });
}
