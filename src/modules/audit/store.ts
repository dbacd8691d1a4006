// The audit log as SQL: a page of entries by the filters a reader chose, and the names of the
// records on that page, one query per kind of record. Read only, like the workspace export:
// this module sits above every module whose tables it names.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { AuditAction, AuditEntityType } from '../auth/index.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';

export type AuditFilter = {
  actorId?: UserId | undefined;
  action?: AuditAction | undefined;
  entityType?: AuditEntityType | undefined;
  entityId?: string | undefined;
  /** Entries at or after `since` and before `until`. */
  since?: Date | undefined;
  until?: Date | undefined;
  /** The entries older than this id (the page's cursor). */
  before?: number | undefined;
  limit: number;
};

/** A page of the audit log, newest first, one row more than `limit` to tell if more follow. */
export function auditRows(db: Db, workspaceId: WorkspaceId, filter: AuditFilter) {
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
    .$if(filter.actorId !== undefined, (q) =>
      q.where('audit_log.actor_id', '=', filter.actorId ?? null),
    )
    .$if(filter.action !== undefined, (q) => q.where('audit_log.action', '=', filter.action ?? ''))
    .$if(filter.entityType !== undefined, (q) =>
      q.where('audit_log.entity_type', '=', filter.entityType ?? ''),
    )
    .$if(filter.entityId !== undefined, (q) =>
      q.where('audit_log.entity_id', '=', filter.entityId ?? ''),
    )
    .$if(filter.since !== undefined, (q) =>
      q.where('audit_log.at', '>=', filter.since ?? new Date(0)),
    )
    .$if(filter.until !== undefined, (q) =>
      q.where('audit_log.at', '<', filter.until ?? new Date(0)),
    )
    .$if(filter.before !== undefined, (q) => q.where('audit_log.id', '<', filter.before ?? 0))
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}
export type AuditRow = Awaited<ReturnType<typeof auditRows>>[number];

/**
 * Where each kind of record keeps its name, and its mark of removal when it is kept after it
 * (accounts, projects and tasks are deleted softly, people deactivated). A kind not here has
 * no name of its own.
 */
const nameColumns = {
  account: { table: 'accounts', name: 'name', removed: 'deleted_at' },
  api_token: { table: 'api_tokens', name: 'name', removed: null },
  contact: { table: 'contacts', name: 'name', removed: null },
  custom_field: { table: 'custom_field_definitions', name: 'label', removed: null },
  feature: { table: 'usage_features', name: 'label', removed: null },
  feedback: { table: 'feedback_items', name: 'text', removed: null },
  import: { table: 'imports', name: 'file_name', removed: null },
  meeting: { table: 'meetings', name: 'title', removed: null },
  opportunity: { table: 'opportunities', name: 'title', removed: null },
  play: { table: 'plays', name: 'name', removed: null },
  project: { table: 'projects', name: 'name', removed: 'deleted_at' },
  roadmap_item: { table: 'roadmap_items', name: 'title', removed: null },
  segment: { table: 'segments', name: 'name', removed: null },
  stripe_secret: { table: 'stripe_webhook_secrets', name: 'name', removed: null },
  support_secret: { table: 'support_webhook_secrets', name: 'name', removed: null },
  task: { table: 'tasks', name: 'title', removed: 'deleted_at' },
  template: { table: 'templates', name: 'name', removed: null },
  // A person is never deleted: deactivated is their removal.
  user: { table: 'users', name: 'name', removed: 'deactivated_at' },
  webhook_subscription: { table: 'webhook_subscriptions', name: 'url', removed: null },
  write_key: { table: 'intake_write_keys', name: 'name', removed: null },
} as const satisfies Partial<
  Record<AuditEntityType, { table: string; name: string; removed: string | null }>
>;

export type ColumnNamedKind = keyof typeof nameColumns;
export const isColumnNamed = (kind: string): kind is ColumnNamedKind => kind in nameColumns;

export type RecordName = { id: string; name: string; removed: boolean };

/** The names of these records of one kind, as they are now; a record gone has no row. */
export async function recordNames(
  db: Db,
  workspaceId: WorkspaceId,
  kind: ColumnNamedKind,
  ids: readonly string[],
): Promise<RecordName[]> {
  const { table, name, removed } = nameColumns[kind];
  const result = await sql<RecordName>`
    select id::text as id, ${sql.ref(name)} as name,
      ${removed ? sql`${sql.ref(removed)} is not null` : sql`false`} as removed
    from ${sql.table(table)}
    where workspace_id = ${workspaceId} and id = any(${ids}::uuid[])`.execute(db);
  return result.rows;
}

/** Themes are named by their terms (rendered in the reader's language) unless a person named one. */
export function themeLabels(db: Db, workspaceId: WorkspaceId, ids: readonly string[]) {
  return db
    .selectFrom('feedback_themes')
    .select(['id', 'label_terms', 'custom_label'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

export function workspaceName(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('id', '=', workspaceId)
    .executeTakeFirst();
}
