// The append-only audit log: who changed what, and when. The table refuses edits (trigger).
import type { Db } from '../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import type { AuditAction, AuditEntityType } from './auditActions.ts';
import * as store from './store.ts';

/** Whoever makes a change: a person (through the app or a token) or Steward itself (null). */
export type ChangeAuthor = { workspaceId: WorkspaceId; userId: UserId | null; requestId?: string };

export type AuditEntry = {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  changes?: Record<string, unknown>;
};

export async function recordAudit(db: Db, by: ChangeAuthor, entry: AuditEntry): Promise<void> {
  await store.insertAuditEntry(db, {
    workspaceId: by.workspaceId,
    actorId: by.userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: JSON.stringify(entry.changes ?? {}),
    requestId: by.requestId ?? null,
  });
}

/**
 * The fields that differ between two versions of a record, as `{ field: { from, to } }`,
 * leaving out bookkeeping fields (`ignore`) that change with every write.
 */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  ignore: readonly (keyof T)[] = [],
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (ignore.includes(key)) continue;
    const from = before[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to))
      changes[key] = { from, to };
  }
  return changes;
}

/**
 * An edit's audit entry: the fields that differ between the record before and after it (see
 * `diff`, with `ignore`), recorded only when one does. Answers them.
 */
export async function recordEdit<T extends Record<string, unknown>>(
  db: Db,
  by: ChangeAuthor,
  entry: Omit<AuditEntry, 'changes'>,
  record: { before: T; after: Partial<T>; ignore?: readonly (keyof T)[] },
): Promise<Record<string, { from: unknown; to: unknown }>> {
  const changes = diff(record.before, record.after, record.ignore);
  if (Object.keys(changes).length > 0) await recordAudit(db, by, { ...entry, changes });
  return changes;
}
