// The Adjusted Rand Index (Hubert & Arabie, 1985): how well one grouping of items agrees with
// another, corrected for chance — 1 for the same grouping, about 0 for a random one. Used to
// score automatic themes against a set labelled by people.

const pairs = (n: number) => (n * (n - 1)) / 2;

export function adjustedRandIndex(truth: readonly string[], found: readonly (string | number)[]) {
  if (truth.length !== found.length) throw new Error('both groupings must cover the same items');
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  truth.forEach((t, i) => {
    const f = String(found[i]);
    table.set(`${t}\u0000${f}`, (table.get(`${t}\u0000${f}`) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    columns.set(f, (columns.get(f) ?? 0) + 1);
  });
  const sumCells = [...table.values()].reduce((s, n) => s + pairs(n), 0);
  const sumRows = [...rows.values()].reduce((s, n) => s + pairs(n), 0);
  const sumColumns = [...columns.values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (sumRows * sumColumns) / pairs(truth.length);
  const max = (sumRows + sumColumns) / 2;
  if (max === expected) return 1;
  return (sumCells - expected) / (max - expected);
}
