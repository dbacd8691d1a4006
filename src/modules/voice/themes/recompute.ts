// Recomputing a workspace's themes from all its feedback, and placing one new item in the theme
// it belongs to. A placement weighs the item with the document frequencies of the last
// recomputation and joins the theme whose items it is most like on average (its dot product
// with the theme's summed vectors, over the theme's size) — the same rule the clustering stops
// by — or starts a theme of its own. When the corpus has grown by a quarter since the last
// recomputation, the frequencies are stale: the placement recomputes everything instead.
import type { Deps } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import * as store from '../store/themes.ts';
import { themeThreshold } from '../text/group.ts';
import { labelTermsFor } from '../text/label.ts';
import { dot, weigh } from '../text/vectors.ts';
import { planThemes, pruneCentroid } from './plan.ts';
import { announceThemeThreshold } from './thresholds.ts';
import { randomUUID } from 'node:crypto';

export type Recomputation = { items: number; themes: number };

async function recomputeLocked(
  db: Db,
  workspaceId: WorkspaceId,
  at: Date,
): Promise<Recomputation & { reassigned: number }> {
  const corpus = await store.corpusOf(db, workspaceId);
  const separations = await store.separationsOf(db, workspaceId);
  const plan = planThemes({
    corpus: corpus.map((row) => ({
      id: row.id,
      features: row.features,
      surfaces: row.surfaces,
      themeId: row.theme_id,
      placed: row.theme_placed,
    })),
    separations,
  });
  await store.saveThemeComputation(db, workspaceId, plan, at);
  return {
    items: corpus.length,
    themes: plan.created.length + plan.updated.length,
    reassigned: plan.assignments.length,
  };
}

/**
 * A recomputation that moved more than a tenth of the items (the first fills every theme) has
 * rewritten the theme tallies wholesale: their statistics are taken at once, after it commits,
 * rather than within autovacuum's minute, in which the planner would read the tallies as empty
 * and the items as themeless (sorting where it should hash; bench/voice.ts).
 */
export async function recomputeThemes(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
): Promise<Recomputation> {
  const { reassigned, ...recomputation } = await deps.db.transaction().execute(async (trx) => {
    await store.lockThemes(trx, workspaceId);
    return recomputeLocked(trx, workspaceId, deps.clock.now());
  });
  if (reassigned > recomputation.items / 10) await store.analyzeThemes(deps.db);
  return recomputation;
}

/** Puts a new item in its theme (once: an item already in a theme is left where it is). */
export async function placeItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
  itemId: string,
): Promise<string | null> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await store.lockThemes(trx, workspaceId);
    const item = await store.itemForPlacement(trx, workspaceId, itemId);
    if (!item || item.theme_id !== null || item.review === 'dismissed')
      return item?.theme_id ?? null;
    const state = await store.voiceState(trx, workspaceId);
    const size = await store.corpusSize(trx, workspaceId);
    if (!state || state.documents === 0 || size > state.documents * 1.25 + 5) {
      await recomputeLocked(trx, workspaceId, at);
      return (await store.itemForPlacement(trx, workspaceId, itemId))?.theme_id ?? null;
    }
    const frequency = await store.frequencies(trx, workspaceId, Object.keys(item.features));
    const weighted = weigh(item.features, { documents: state.documents, frequency });
    let best: {
      id: string;
      score: number;
      centroid: Record<string, number>;
      count: number;
    } | null = null;
    for (const theme of await store.themeCentroids(trx, workspaceId)) {
      const score = dot(weighted, theme.centroid) / theme.item_count;
      if (score >= themeThreshold && (best === null || score > best.score)) {
        best = { id: theme.id, score, centroid: theme.centroid, count: theme.item_count };
      }
    }
    if (best) {
      const centroid = { ...best.centroid };
      for (const [term, w] of Object.entries(weighted)) centroid[term] = (centroid[term] ?? 0) + w;
      const pruned = pruneCentroid(centroid);
      const row = await store.findThemeRow(trx, workspaceId, best.id);
      await store.updateThemeAggregate(
        trx,
        workspaceId,
        {
          id: best.id,
          labelTerms: row?.label_terms ?? labelTermsFor(pruned, item.surfaces),
          centroid: pruned,
          itemCount: best.count + 1,
        },
        at,
      );
      await store.setItemsTheme(trx, workspaceId, [item.id], best.id, false, at);
      if (item.review === 'accepted') {
        await announceThemeThreshold(trx, { workspaceId, themeId: best.id, itemId: item.id, at });
      }
      return best.id;
    }
    const id = randomUUID();
    const centroid = pruneCentroid(weighted);
    await store.insertTheme(
      trx,
      workspaceId,
      { id, labelTerms: labelTermsFor(centroid, item.surfaces), centroid, itemCount: 1 },
      at,
    );
    await store.setItemsTheme(trx, workspaceId, [item.id], id, false, at);
    return id;
  });
}
