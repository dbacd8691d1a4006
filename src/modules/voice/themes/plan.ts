// Recomputing themes, as a pure plan: cluster the whole corpus (text/group.ts) under people's
// corrections, then say which stored theme each group is. A group holding items a person placed
// is that theme; another group keeps the theme most of its items had, so names people gave and
// roadmap links stay with the same requests; what is left becomes a new theme.
import { randomUUID } from 'node:crypto';
import type { LabelTerm } from '../../../db/schema.ts';
import { groupFeatures } from '../text/group.ts';
import { labelTermsFor } from '../text/label.ts';
import type { ThemeAggregate, ThemeComputation } from '../store/themes.ts';

export type CorpusItem = {
  id: string;
  features: Record<string, number>;
  surfaces: Record<string, string>;
  themeId: string | null;
  /** A person put it in its theme. */
  placed: boolean;
};

/** A theme keeps its strongest terms: enough for a new item's similarity, small to store. */
const centroidTerms = 200;

export function sumVectors(vectors: readonly Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const v of vectors) for (const [t, w] of Object.entries(v)) sum[t] = (sum[t] ?? 0) + w;
  return pruneCentroid(sum);
}

export function pruneCentroid(sum: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(sum)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, centroidTerms)
      .map(([t, w]) => [t, Math.round(w * 10_000) / 10_000]),
  );
}

export function mergedSurfaces(items: readonly { surfaces: Record<string, string> }[]) {
  const counts = new Map<string, Map<string, number>>();
  for (const item of items) {
    for (const [term, word] of Object.entries(item.surfaces)) {
      const words = counts.get(term) ?? new Map<string, number>();
      words.set(word, (words.get(word) ?? 0) + 1);
      counts.set(term, words);
    }
  }
  const surfaces: Record<string, string> = {};
  for (const [term, words] of counts) {
    surfaces[term] =
      [...words].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
  }
  return surfaces;
}

export function planThemes(input: {
  corpus: readonly CorpusItem[];
  separations: readonly { item_id: string; other_item_id: string }[];
  threshold?: number;
}): ThemeComputation {
  const { corpus } = input;
  const position = new Map(corpus.map((item, i) => [item.id, i]));
  const cannotLink = input.separations.flatMap((s) => {
    const a = position.get(s.item_id);
    const b = position.get(s.other_item_id);
    return a === undefined || b === undefined ? [] : [[a, b] as const];
  });
  const grouping = groupFeatures({
    features: corpus.map((item) => item.features),
    placed: corpus.map((item) => (item.placed ? item.themeId : null)),
    cannotLink,
    ...(input.threshold ? { threshold: input.threshold } : {}),
  });
  const groups = new Map<number, number[]>();
  grouping.groups.forEach((g, i) => groups.set(g, [...(groups.get(g) ?? []), i]));

  const themeOfGroup = new Map<number, string>();
  // Placed items decide their group's theme (clustering never mixes two people's themes).
  for (const [g, members] of groups) {
    const placedIn = members.map((i) => corpus[i]).find((item) => item?.placed)?.themeId;
    if (placedIn) themeOfGroup.set(g, placedIn);
  }
  // Other groups keep the theme most of their items had; the largest overlap chooses first.
  const overlaps: { g: number; themeId: string; count: number }[] = [];
  for (const [g, members] of groups) {
    if (themeOfGroup.has(g)) continue;
    const counts = new Map<string, number>();
    for (const i of members) {
      const themeId = corpus[i]?.themeId;
      if (themeId) counts.set(themeId, (counts.get(themeId) ?? 0) + 1);
    }
    for (const [themeId, count] of counts) overlaps.push({ g, themeId, count });
  }
  overlaps.sort((a, b) => b.count - a.count || a.g - b.g || a.themeId.localeCompare(b.themeId));
  const claimed = new Set<string>();
  for (const { g, themeId } of overlaps) {
    if (themeOfGroup.has(g) || claimed.has(themeId)) continue;
    themeOfGroup.set(g, themeId);
    claimed.add(themeId);
  }

  const existing = new Set(corpus.flatMap((item) => (item.themeId ? [item.themeId] : [])));
  const membersOf = new Map<string, number[]>();
  for (const [g, members] of groups) {
    const themeId = themeOfGroup.get(g) ?? randomUUID();
    membersOf.set(themeId, [...(membersOf.get(themeId) ?? []), ...members]);
  }
  const created: ThemeAggregate[] = [];
  const updated: ThemeAggregate[] = [];
  const assignments: { itemId: string; themeId: string }[] = [];
  for (const [themeId, members] of membersOf) {
    const centroid = sumVectors(members.map((i) => grouping.weighted[i] ?? {}));
    const labelTerms: LabelTerm[] = labelTermsFor(
      centroid,
      mergedSurfaces(members.map((i) => corpus[i] as CorpusItem)),
    );
    const aggregate = { id: themeId, labelTerms, centroid, itemCount: members.length };
    (existing.has(themeId) ? updated : created).push(aggregate);
    for (const i of members) {
      const item = corpus[i] as CorpusItem;
      if (item.themeId !== themeId) assignments.push({ itemId: item.id, themeId });
    }
  }
  return { created, updated, assignments, vocabulary: grouping.vocabulary };
}
