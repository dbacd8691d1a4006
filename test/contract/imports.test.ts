// The layering of DESIGN.md ('Between modules') as rules that run: no import cycle anywhere in
// `src/`, and arrows between modules point down only. The graph is read from the files as they
// are (TypeScript's scanner, type-only imports included), in well under a second.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importEdges, moduleOf } from './importGraph.ts';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const edges = importEdges(src);

/**
 * Each module's floor: a module may import modules on a lower floor only — not one beside it,
 * not one above. docs/architecture.md draws the same map.
 */
const floors: Record<string, number> = {
  auth: 0,
  accounts: 1,
  work: 2,
  intake: 2,
  health: 3,
  notify: 4,
  voice: 5,
  // Revenue's metrics, expansion signals and QBR prep read voice's NPS.
  revenue: 6,
  assistant: 7,
};

/**
 * Arrows that still run up, each with the work that removes it. A listed arrow that no longer
 * exists fails the test too, so this list only shrinks.
 */
const knownUpArrows: Record<string, string> = {
  // Issue 11, item 3: work and health will announce activity through a job notify subscribes to.
  'work -> notify': 'recordActivity',
  'health -> notify': 'recordActivity',
};

function arrows() {
  const found = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const a = moduleOf(from);
    const b = moduleOf(to);
    if (a === null || b === null || a === b) continue;
    const key = `${a} -> ${b}`;
    found.set(key, [...(found.get(key) ?? []), `${from} -> ${to}`]);
  }
  return found;
}

describe('the import graph of src/', () => {
  it('has no import cycle: each circle is listed with its files', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('knows every module, so a new one is placed on the map before it is imported', () => {
    const modules = new Set(edges.flatMap((e) => [moduleOf(e.from), moduleOf(e.to)]));
    modules.delete(null);
    expect([...modules].filter((m) => m !== null && !(m in floors))).toEqual([]);
  });

  it('has arrows between modules that point down only', () => {
    const up = [...arrows()]
      .filter(([key]) => {
        const [from = '', to = ''] = key.split(' -> ');
        return (floors[from] ?? 0) <= (floors[to] ?? 0);
      })
      .map(([key, files]) => (key in knownUpArrows ? key : `${key}: ${files.join(', ')}`));
    expect(up.sort()).toEqual(Object.keys(knownUpArrows).sort());
  });

  it("reaches another module only through its public face (its, or a part's, index.ts)", () => {
    const deep = edges
      .filter(({ from, to }) => {
        const a = moduleOf(from);
        const b = moduleOf(to);
        return a !== null && b !== null && a !== b && !to.endsWith('/index.ts');
      })
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(deep).toEqual([]);
  });
});
