// The import graph of `src/`, read with the TypeScript parser: which file imports which
// (relative specifiers only — packages are leaves), and its strongly connected components.
// Used by `imports.test.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export type ImportEdge = { from: string; to: string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

function resolveSpecifier(fromFile: string, specifier: string, known: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/**
 * Every import, re-export and literal dynamic import between files under `root`, type-only
 * ones included: a type import still ties one module to another. Paths are relative to `root`.
 */
export function importEdges(root: string, options: { tests?: boolean } = {}): ImportEdge[] {
  const files = sourceFiles(root).filter((file) => options.tests || !/\.test\.tsx?$/.test(file));
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    // The scanner alone (no syntax tree): twice as fast as a full parse, and it sees the same.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const to = resolveSpecifier(file, fileName, known);
      if (to) edges.push({ from: relative(root, file), to: relative(root, to) });
    }
  }
  return edges;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
export function importCycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's algorithm; the recursion is as deep as the longest import chain (tens of files).
  const seen = new Map<string, { index: number; low: number; onStack: boolean }>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    const mark = { index: seen.size, low: seen.size, onStack: true };
    seen.set(node, mark);
    stack.push(node);
    for (const child of next.get(node) ?? []) {
      const known = seen.get(child);
      if (known === undefined) {
        mark.low = Math.min(mark.low, visit(child).low);
      } else if (known.onStack) {
        mark.low = Math.min(mark.low, known.index);
      }
    }
    if (mark.low === mark.index) {
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        const memberMark = seen.get(member);
        if (memberMark) memberMark.onStack = false;
        component.push(member);
        if (member === node) break;
      }
      if (component.length > 1 || (next.get(node) ?? []).includes(node)) {
        cycles.push(component.sort());
      }
    }
    return mark;
  };
  for (const node of next.keys()) if (!seen.has(node)) visit(node);
  return cycles;
}

/** `modules/<name>/…` → `<name>`; anything outside `modules/` has no module. */
export function moduleOf(file: string): string | null {
  const match = /^modules\/([^/]+)\//.exec(file.split('\\').join('/'));
  return match?.[1] ?? null;
}
