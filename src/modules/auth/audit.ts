// The append-only audit log: who changed what, and when. The table refuses edits (trigger).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';

/** Whoever makes a change: a person (through the app or a token) or Steward itself (null). */
export type ChangeAuthor = { workspaceId: WorkspaceId; userId: UserId | null; requestId?: string };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
};

export async function recordAudit(db: Db, by: ChangeAuthor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: by.workspaceId,
      actor_id: by.userId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      changes: JSON.stringify(entry.changes ?? {}),
      request_id: by.requestId ?? null,
    })
    .execute();
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

export async function auditTrail(
  db: Db,
  workspaceId: WorkspaceId,
  filter: { entityType?: string; entityId?: string; before?: number; limit: number },
) {
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.changes',
      'audit_log.at',
      'audit_log.actor_id',
      'users.name as actor_name',
    ])
    .where('audit_log.workspace_id', '=', workspaceId)
    .$if(filter.entityType !== undefined, (q) =>
      q.where('audit_log.entity_type', '=', filter.entityType ?? ''),
    )
    .$if(filter.entityId !== undefined, (q) =>
      q.where('audit_log.entity_id', '=', filter.entityId ?? ''),
    )
    .$if(filter.before !== undefined, (q) => q.where('audit_log.id', '<', filter.before ?? 0))
    .orderBy(sql`audit_log.id`, 'desc')
    .limit(filter.limit + 1)
    .execute();
}
