// Revenue reads health the way every module above it must: through health's `account_health`
// view or its exported functions, never its tables (docs/architecture.md, "Modules and the
// arrows between them"). A join on health_scores or health_history here would tie revenue to
// how health stores its scores.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../src/modules/revenue');
const healthTables = /\bhealth_(scores|history|moves)\b/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sources(path.join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

describe('revenue and health', () => {
  it('reads health only through its view and its exports, never its tables', async () => {
    const offending: string[] = [];
    for (const file of await sources(root)) {
      const text = await readFile(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (healthTables.test(line)) offending.push(`${path.relative(root, file)}:${i + 1}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
