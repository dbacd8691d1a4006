// The layering of DESIGN.md ('Between modules') as rules that run: no import cycle anywhere in
// `src/`, and arrows between modules point down only. The graph is read from the files as they
// are (TypeScript's scanner, type-only imports included), in well under a second.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  // The workspace export reads every module's tables below it (read only) and imports auth.
  export: 8,
  // The audit log read back names the records of every module below (read only).
  audit: 8,
  // Outbound webhooks hear what every module below records, and read none of them otherwise.
  webhooks: 8,
};

/**
 * The jobs layer is below the modules (announce.ts names subscribers as job names, typed, not
 * imported); only its composition root, tasks.ts, puts the modules' handlers together.
 */
const jobsCompositionRoots = new Set(['jobs/tasks.ts']);

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
      .map(([key, files]) => `${key}: ${files.join(', ')}`);
    // None, and none may come back: a module reacts to one below it through an announcement
    // (src/jobs/announce.ts) or a job, never by being called.
    expect(up.sort()).toEqual([]);
  });

  it('keeps the jobs layer below the modules: only its composition root imports them', () => {
    const reachingUp = edges
      .filter(({ from }) => from.startsWith('jobs/') && !jobsCompositionRoots.has(from))
      .filter(({ to }) => moduleOf(to) !== null)
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(reachingUp).toEqual([]);
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

describe('graphile-worker queue', () => {
  it('is written only through the jobs layer (enqueue, enqueueMany, removeJob, announce)', () => {
    const raw = /graphile_worker\.(add_jobs?|remove_job|complete_jobs?|permanently_fail_jobs)\b/;
    const outside = readdirSync(src, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => relative(src, join(entry.parentPath, entry.name)))
      // Migrations are SQL written once, for the queue as it was then.
      .filter((file) => !file.startsWith('jobs/') && !file.startsWith('db/migrations/'))
      .filter((file) => raw.test(readFileSync(join(src, file), 'utf8')));
    expect(outside).toEqual([]);
  });
});
