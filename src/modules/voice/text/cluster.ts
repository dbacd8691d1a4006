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

/**
 * Similarities below this are treated as none: two groups whose items are this far apart cannot
 * average the threshold (0.22), and leaving them out keeps the graph sparse.
 */
const negligible = 0.1;

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

/**
 * Items with the same vector, placed alike and separated from nothing, are one node weighing as
 * many: they are each other's nearest (similarity 1) and would join first anyway, so grouping
 * them up front changes no result — and repeated requests ("Dark mode please") are common.
 */
function collapseDuplicates(input: ClusterInput) {
  const separated = new Set(input.cannotLink.flat());
  const nodeOf = new Array<number>(input.vectors.length);
  const nodes: number[] = [];
  const weight: number[] = [];
  const seen = new Map<string, number>();
  input.vectors.forEach((v, i) => {
    const key = separated.has(i)
      ? undefined
      : `${input.placed[i] ?? ''}|${v.terms.join(',')}|${Array.from(v.weights, (w) => w.toFixed(6)).join(',')}`;
    const known = key === undefined ? undefined : seen.get(key);
    if (known !== undefined) {
      nodeOf[i] = known;
      weight[known] = (weight[known] ?? 0) + 1;
      return;
    }
    const node = nodes.length;
    nodes.push(i);
    weight.push(1);
    nodeOf[i] = node;
    if (key !== undefined) seen.set(key, node);
  });
  return { nodeOf, nodes, weight };
}

/** The group of each item: items of one group share the same number (its first item's index). */
export function clusterItems(input: ClusterInput): number[] {
  const { nodeOf, nodes, weight } = collapseDuplicates(input);
  const n = nodes.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const size = [...weight];
  const placed = nodes.map((i) => input.placed[i] ?? null);
  const links = Array.from({ length: n }, () => new Map<number, number>());
  const apart = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of input.cannotLink) {
    const x = nodeOf[a];
    const y = nodeOf[b];
    if (x === undefined || y === undefined || x === y) continue;
    apart[x]?.add(y);
    apart[y]?.add(x);
  }
  for (const { a, b, similarity } of similarPairs(nodes.map((i) => input.vectors[i] as Vector))) {
    // Between two nodes of duplicates, every pair of their items is this alike.
    const sum = similarity * (size[a] ?? 1) * (size[b] ?? 1);
    links[a]?.set(b, sum);
    links[b]?.set(a, sum);
  }
  const blocked = (a: number, b: number) => {
    const pa = placed[a] ?? null;
    const pb = placed[b] ?? null;
    return (pa !== null && pb !== null && pa !== pb) || (apart[a]?.has(b) ?? false);
  };
  const average = (a: number, b: number) =>
    (links[a]?.get(b) ?? 0) / ((size[a] ?? 1) * (size[b] ?? 1));
  const merge = (a: number, b: number) => {
    // The group with more neighbours absorbs the other: fewer entries move.
    const [keep, gone] = (links[a]?.size ?? 0) >= (links[b]?.size ?? 0) ? [a, b] : [b, a];
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
  };
  /** The group most like c on average (ties: the lower index), or -1 when none could join it. */
  const nearest = (c: number, previous: number) => {
    let best = -1;
    let bestAverage = input.threshold;
    for (const [k, sum] of links[c] ?? []) {
      const avg = sum / ((size[c] ?? 1) * (size[k] ?? 1));
      if (
        (avg > bestAverage || (avg === bestAverage && (best === -1 || k < best))) &&
        !blocked(c, k)
      ) {
        best = k;
        bestAverage = avg;
      }
    }
    // A tie with the group before it in the chain goes to that one, or the chain could cycle.
    if (previous >= 0 && best !== previous && !blocked(c, previous)) {
      const back = average(c, previous);
      if (back >= bestAverage && back >= input.threshold) return previous;
    }
    return best;
  };
  // Nearest-neighbour chains (exact for average linkage, which is reducible): follow each
  // group's nearest until two are each other's nearest, and join them. A group with none at
  // the threshold never gets one later — joining others only dilutes their likeness to it.
  const finished = new Uint8Array(n);
  const chain: number[] = [];
  for (let start = 0; start < n; start++) {
    if (parent[start] !== start || finished[start]) continue;
    chain.push(start);
    while (chain.length > 0) {
      const c = chain[chain.length - 1] as number;
      const previous = chain.length >= 2 ? (chain[chain.length - 2] as number) : -1;
      const d = nearest(c, previous);
      if (d < 0) {
        finished[c] = 1;
        chain.pop();
      } else if (d === previous) {
        chain.pop();
        chain.pop();
        merge(c, d);
      } else {
        chain.push(d);
      }
    }
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
  return Array.from({ length: input.vectors.length }, (_, i) => {
    const r = root(nodeOf[i] ?? 0);
    if (!first.has(r)) first.set(r, i);
    return first.get(r) as number;
  });
}
