// TF-IDF over a workspace's feedback: a feature that every other item has says little about
// what an item asks for; a concept only a few items share says a lot. Vectors are unit length,
// so their dot product is the cosine similarity.
import type { Features } from './features.ts';

/** A sparse unit vector: term indexes ascending, with their weights. */
export type Vector = { terms: Int32Array; weights: Float64Array };

export type Vocabulary = {
  /** Documents the frequencies were counted over. */
  documents: number;
  /** How many documents each term appears in. */
  frequency: ReadonlyMap<string, number>;
};

export function countVocabulary(all: readonly Features[]): Vocabulary {
  const frequency = new Map<string, number>();
  for (const features of all) {
    for (const term of Object.keys(features)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  return { documents: all.length, frequency };
}

/** Smoothed inverse document frequency (as scikit-learn's): never zero, never infinite. */
export function idf(vocabulary: Vocabulary, term: string): number {
  const df = vocabulary.frequency.get(term) ?? 0;
  return Math.log((vocabulary.documents + 1) / (df + 1)) + 1;
}

/**
 * Features weighted by sub-linear term frequency and IDF, as a unit vector of term → weight.
 * Terms in more than `maxShare` of the documents are left out (they are this corpus's stop
 * words), unless the corpus is too small for a share to mean anything.
 */
export function weigh(
  features: Features,
  vocabulary: Vocabulary,
  maxShare = 0.3,
): Record<string, number> {
  const weighted: Record<string, number> = {};
  let norm = 0;
  const common = vocabulary.documents >= 50 ? maxShare * vocabulary.documents : Infinity;
  for (const [term, tf] of Object.entries(features)) {
    if ((vocabulary.frequency.get(term) ?? 0) > common) continue;
    const w = (1 + Math.log(tf)) * idf(vocabulary, term);
    weighted[term] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm === 0) return {};
  for (const term of Object.keys(weighted)) weighted[term] = (weighted[term] ?? 0) / norm;
  return weighted;
}

/** Term keys to dense indexes, so clustering works on integer arrays. */
export class TermIndex {
  readonly #ids = new Map<string, number>();
  readonly terms: string[] = [];
  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.#ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

export function toVector(weighted: Record<string, number>, index: TermIndex): Vector {
  const entries = Object.entries(weighted)
    .map(([term, w]) => [index.id(term), w] as const)
    .sort((a, b) => a[0] - b[0]);
  return {
    terms: Int32Array.from(entries.map((e) => e[0])),
    weights: Float64Array.from(entries.map((e) => e[1])),
  };
}

/** Dot product of a unit vector with any term → weight map (a theme's sum of members). */
export function dot(weighted: Record<string, number>, other: Record<string, number>): number {
  let sum = 0;
  const [small, large] =
    Object.keys(weighted).length <= Object.keys(other).length
      ? [weighted, other]
      : [other, weighted];
  for (const [term, w] of Object.entries(small)) sum += w * (large[term] ?? 0);
  return sum;
}
