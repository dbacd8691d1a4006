// From texts to groups in one pure step: read each text, weigh its features over the whole set,
// cluster. The service (../themes.ts) adds what is stored — people's corrections, the themes
// the groups become — around this.
import { clusterItems } from './cluster.ts';
import { readText, type Features, type TermLink } from './features.ts';
import { countVocabulary, TermIndex, toVector, weigh, type Vocabulary } from './vectors.ts';

/** Average cosine similarity two groups need to become one theme (tuned on the labelled set). */
export const themeThreshold = 0.22;

export type GroupInput = {
  features: readonly Features[];
  placed?: readonly (string | null)[];
  cannotLink?: readonly (readonly [number, number])[];
  threshold?: number;
};

export type Grouping = {
  /** Each item's group: the index of the group's first item. */
  groups: number[];
  /** Each item's unit vector (term → weight). */
  weighted: Record<string, number>[];
  vocabulary: Vocabulary;
};

export function groupFeatures(input: GroupInput): Grouping {
  const vocabulary = countVocabulary(input.features);
  const index = new TermIndex();
  const weighted = input.features.map((f) => weigh(f, vocabulary));
  const vectors = weighted.map((w) => toVector(w, index));
  const groups = clusterItems({
    vectors,
    placed: input.placed ?? input.features.map(() => null),
    cannotLink: input.cannotLink ?? [],
    threshold: input.threshold ?? themeThreshold,
  });
  return { groups, weighted, vocabulary };
}

/** Texts straight to groups (the labelled-set test and the benchmark use this). */
export function groupTexts(
  texts: readonly string[],
  options: { links?: readonly TermLink[]; threshold?: number } = {},
): number[] {
  const features = texts.map((t) => readText(t, options.links).features);
  return groupFeatures({ features, ...(options.threshold ? { threshold: options.threshold } : {}) })
    .groups;
}
