// Every action the server writes to the audit log has words in the web app's catalog (the
// Russian one has the same keys by its type): without them, Settings > Audit log shows the bare
// code. Actions are found where they are written, `action: 'module.verb'`, plus the few the
// server composes from a value.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authEn } from '../../web/src/i18n/auth.en.ts';

const root = resolve(import.meta.dirname, '../../src');

function writtenActions(): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of text.matchAll(/action: (?:[^'`\n]*\? )?'([a-z_]+\.[a-z_]+)'/g)) {
      if (match[1]) found.add(match[1]);
    }
  }
  return [...found].sort();
}

/** Composed from a value: `feedback.${review}`, `opportunity.${stage}` once it closes. */
const composed = ['feedback.accepted', 'feedback.dismissed', 'opportunity.won', 'opportunity.lost'];

describe('the audit log in words', () => {
  it('has a name for every action the server records', () => {
    const actions = authEn.audit.actions as Record<string, Record<string, string>>;
    const actionsWritten = writtenActions();
    expect(actionsWritten).toContain('user.password_set');
    expect(actionsWritten).toContain('meeting.rescheduled');
    const unnamed = [...actionsWritten, ...composed].filter((action) => {
      const [entity = '', verb = ''] = action.split('.');
      return typeof actions[entity]?.[verb] !== 'string';
    });
    expect(unnamed).toEqual([]);
  });
});
