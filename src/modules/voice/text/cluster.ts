// Themes from feedback: agglomerative clustering with average linkage over cosine similarity,
// stopped at a threshold — two groups join while their items are, on average, that alike.
// Deterministic: items come in a fixed order and ties break by that order.
//
// What people corrected constrains it: items a person placed in different themes never end up
// together, nor do pairs a person separated ("cannot link"). Items placed in the same theme may
// still form several groups — each keeps the wording it shares with newer items, and all of
// them belong to that theme (see themes.ts), which is how a merge teaches new items.
//
// Sparse: similarities come from an inverted index (only items sharing a term are compared),
// and two groups' linkage is the sum of their members' similarities over their sizes, kept per
// neighbouring group and added up on each merge — no n × n matrix.
import type { Vector } from './vectors.ts';

export type ClusterInput = {
  vectors: readonly Vector[];
  /** The theme a person placed each item in, or null. */
  placed: readonly (string | null)[];
  /** Pairs of item indexes a person separated. */
  cannotLink: readonly (readonly [number, number])[];
  /** Average similarity two groups need to join. */
  threshold: number;
};

/** Similarities below this are treated as none: they cannot lift a group over the threshold. */
const negligible = 0.04;

type Candidate = { avg: number; a: number; b: number; va: number; vb: number };

const before = (x: Candidate, y: Candidate) =>
  x.avg !== y.avg ? x.avg > y.avg : x.a !== y.a ? x.a < y.a : x.b < y.b;

class CandidateHeap {
  readonly #items: Candidate[] = [];
  get size() {
    return this.#items.length;
  }
  push(c: Candidate) {
    const items = this.#items;
    items.push(c);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as Candidate;
      if (!before(c, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = c;
  }
  pop(): Candidate | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      let bestItem = last;
      const l = items[left];
      if (l && before(l, bestItem)) {
        best = left;
        bestItem = l;
      }
      const r = items[right];
      if (r && before(r, bestItem)) best = right;
      if (best === i) break;
      items[i] = items[best] as Candidate;
      i = best;
    }
    items[i] = last;
    return top;
  }
}

/** Pairs of items with a noticeable similarity, through an inverted index of their terms. */
export function similarPairs(
  vectors: readonly Vector[],
): { a: number; b: number; similarity: number }[] {
  const postings = new Map<number, { item: number; weight: number }[]>();
  vectors.forEach((v, item) => {
    for (let k = 0; k < v.terms.length; k++) {
      const term = v.terms[k] as number;
      const list = postings.get(term) ?? [];
      list.push({ item, weight: v.weights[k] as number });
      postings.set(term, list);
    }
  });
  const pairs: { a: number; b: number; similarity: number }[] = [];
  const sums = new Float64Array(vectors.length);
  const touched: number[] = [];
  vectors.forEach((v, a) => {
    for (let k = 0; k < v.terms.length; k++) {
      const weight = v.weights[k] as number;
      for (const posting of postings.get(v.terms[k] as number) ?? []) {
        if (posting.item <= a) continue;
        if (sums[posting.item] === 0) touched.push(posting.item);
        sums[posting.item] = (sums[posting.item] ?? 0) + weight * posting.weight;
      }
    }
    for (const b of touched) {
      const similarity = sums[b] ?? 0;
      if (similarity >= negligible) pairs.push({ a, b, similarity });
      sums[b] = 0;
    }
    touched.length = 0;
  });
  return pairs;
}

/** The group of each item: items of one group share the same number (its first item's index). */
export function clusterItems(input: ClusterInput): number[] {
  const n = input.vectors.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const size = new Array<number>(n).fill(1);
  const version = new Array<number>(n).fill(0);
  const placed = [...input.placed];
  const links = Array.from({ length: n }, () => new Map<number, number>());
  const apart = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of input.cannotLink) {
    if (a === b) continue;
    apart[a]?.add(b);
    apart[b]?.add(a);
  }
  const heap = new CandidateHeap();
  const consider = (a: number, b: number) => {
    const sum = links[a]?.get(b) ?? 0;
    const avg = sum / ((size[a] ?? 1) * (size[b] ?? 1));
    if (avg < input.threshold) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    heap.push({ avg, a: x, b: y, va: version[x] ?? 0, vb: version[y] ?? 0 });
  };
  for (const { a, b, similarity } of similarPairs(input.vectors)) {
    links[a]?.set(b, similarity);
    links[b]?.set(a, similarity);
    consider(a, b);
  }
  const blocked = (a: number, b: number) => {
    const pa = placed[a] ?? null;
    const pb = placed[b] ?? null;
    return (pa !== null && pb !== null && pa !== pb) || (apart[a]?.has(b) ?? false);
  };
  while (heap.size > 0) {
    const c = heap.pop() as Candidate;
    if (parent[c.a] !== c.a || parent[c.b] !== c.b) continue;
    if (version[c.a] !== c.va || version[c.b] !== c.vb) continue;
    if (blocked(c.a, c.b)) continue;
    // The group with more neighbours absorbs the other: fewer entries move.
    const [keep, gone] =
      (links[c.a]?.size ?? 0) >= (links[c.b]?.size ?? 0) ? [c.a, c.b] : [c.b, c.a];
    const kept = links[keep] as Map<number, number>;
    for (const [k, s] of links[gone] ?? []) {
      if (k === keep) continue;
      kept.set(k, (kept.get(k) ?? 0) + s);
      const theirs = links[k] as Map<number, number>;
      theirs.delete(gone);
      theirs.set(keep, (theirs.get(keep) ?? 0) + s);
    }
    kept.delete(gone);
    links[gone] = new Map();
    for (const k of apart[gone] ?? []) {
      apart[keep]?.add(k);
      apart[k]?.delete(gone);
      apart[k]?.add(keep);
    }
    parent[gone] = keep;
    size[keep] = (size[keep] ?? 0) + (size[gone] ?? 0);
    placed[keep] = placed[keep] ?? placed[gone] ?? null;
    version[keep] = (version[keep] ?? 0) + 1;
    for (const k of kept.keys()) consider(keep, k);
  }
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    let j = i;
    while (parent[j] !== r) {
      const next = parent[j] as number;
      parent[j] = r;
      j = next;
    }
    return r;
  };
  // Name each group by its first item, whichever group absorbed which.
  const first = new Map<number, number>();
  return Array.from({ length: n }, (_, i) => {
    const r = root(i);
    if (!first.has(r)) first.set(r, i);
    return first.get(r) as number;
  });
}
