// Reading the audit log: a page of entries by person, action, record and days (the reader's
// own days), each naming the record it is about as it is called now, and the people and
// records its changes point to by id (an owner, a contact) — one query per kind of record on
// the page, never one per entry — and saying "deleted" of a record gone since.
import type { Db } from '../../db/connect.ts';
import { fieldProblem, invalid } from '../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/pagination.ts';
import type { Locale } from '../../i18n/index.ts';
import { nextDate, zonedInstant } from '../notify/index.ts';
import { renderLabel } from '../voice/index.ts';
import type { AuditEntryView, AuditQuery } from './schema.ts';
import * as store from './store.ts';

export type AuditReader = { workspaceId: WorkspaceId; locale: Locale; timeZone: string };

/** Enough of a feedback item's words to recognise it. */
const shownWords = 80;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Named = { name: string; removed: boolean };
const keyOf = (kind: string, id: string) => `${kind}:${id}`;

/** The fields of a change that hold an id, and the kind of record that id is of. */
const referenceKinds: Readonly<Record<string, store.ColumnNamedKind>> = {
  ownerId: 'user',
  managerId: 'user',
  assigneeId: 'user',
  accountId: 'account',
  contactId: 'contact',
  projectId: 'project',
  parentId: 'task',
  dependsOn: 'task',
};

/** The ids a change's value holds: one, a list, or either side of `{from, to}`. */
function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return uuidShape.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (typeof value === 'object' && value !== null && 'from' in value && 'to' in value)
    return [...idsIn(value.from), ...idsIn(value.to)];
  return [];
}

/** Each id an entry's changes point to, with its kind. */
function referencesOf(row: store.AuditRow): { kind: store.ColumnNamedKind; id: string }[] {
  const changes: Record<string, unknown> = row.changes;
  return Object.entries(changes).flatMap(([field, value]) => {
    const kind = referenceKinds[field];
    return kind ? idsIn(value).map((id) => ({ kind, id })) : [];
  });
}

/**
 * The names of the records these entries are about, and of those their changes point to, by
 * `kind:id`: one query per kind.
 */
async function namesOf(db: Db, reader: AuditReader, rows: readonly store.AuditRow[]) {
  const idsByKind = new Map<string, Set<string>>();
  const add = (kind: string, id: string) =>
    idsByKind.set(kind, (idsByKind.get(kind) ?? new Set()).add(id));
  for (const row of rows) {
    if (uuidShape.test(row.entity_id)) add(row.entity_type, row.entity_id);
    for (const { kind, id } of referencesOf(row)) add(kind, id);
  }
  const names = new Map<string, Named>();
  await Promise.all(
    [...idsByKind].map(async ([kind, idSet]) => {
      const ids = [...idSet];
      if (store.isColumnNamed(kind)) {
        for (const row of await store.recordNames(db, reader.workspaceId, kind, ids)) {
          const name =
            kind === 'feedback' && row.name.length > shownWords
              ? `${row.name.slice(0, shownWords)}…`
              : row.name;
          names.set(keyOf(kind, row.id), { name, removed: row.removed });
        }
      } else if (kind === 'feedback_theme') {
        for (const row of await store.themeLabels(db, reader.workspaceId, ids)) {
          const name = renderLabel(row.label_terms, row.custom_label, reader.locale);
          names.set(keyOf(kind, row.id), { name, removed: false });
        }
      } else if (kind === 'workspace' && idSet.has(reader.workspaceId)) {
        const workspace = await store.workspaceName(db, reader.workspaceId);
        if (workspace)
          names.set(keyOf(kind, workspace.id), { name: workspace.name, removed: false });
      }
    }),
  );
  return names;
}

/** Kinds whose records have a name: one of them not found was deleted since. */
const hasName = (kind: string) =>
  store.isColumnNamed(kind) || kind === 'feedback_theme' || kind === 'workspace';

export async function auditLog(db: Db, reader: AuditReader, query: AuditQuery) {
  if (query.from && query.to && query.to < query.from) {
    throw invalid([fieldProblem('query.to', 'errors.field.endsBeforeStart')]);
  }
  const rows = await store.auditRows(db, reader.workspaceId, {
    actorId: query.actorId as UserId | undefined,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    since: query.from ? zonedInstant(query.from, 0, reader.timeZone) : undefined,
    until: query.to ? zonedInstant(nextDate(query.to), 0, reader.timeZone) : undefined,
    before: query.cursor
      ? Number(decodeCursor(query.cursor, undefined, { id: 'serial' }).id)
      : undefined,
    limit: query.limit,
  });
  const names = await namesOf(db, reader, rows.slice(0, query.limit));
  return toPage(
    rows,
    query.limit,
    (row): AuditEntryView => {
      const named = names.get(keyOf(row.entity_type, row.entity_id));
      return {
        id: row.id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        entityName: named?.name ?? null,
        entityDeleted: named ? named.removed : hasName(row.entity_type),
        changes: row.changes,
        names: Object.fromEntries(
          referencesOf(row).map(({ kind, id }) => {
            const referred = names.get(keyOf(kind, id));
            return [
              id,
              { kind, name: referred?.name ?? null, removed: referred?.removed ?? false },
            ];
          }),
        ),
        at: row.at.toISOString(),
        actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      };
    },
    (row) => ({ value: null, id: String(row.id) }),
  );
}
