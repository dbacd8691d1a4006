// Reading the audit log: a page of entries by person, action, record and days (the reader's
// own days), each naming the record it is about as it is called now — one query per kind of
// record on the page, never one per entry — and saying "deleted" of a record gone since.
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

/** The names of the records these entries are about, by `kind:id`: one query per kind. */
async function namesOf(db: Db, reader: AuditReader, rows: readonly store.AuditRow[]) {
  const idsByKind = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!uuidShape.test(row.entity_id)) continue;
    idsByKind.set(
      row.entity_type,
      (idsByKind.get(row.entity_type) ?? new Set()).add(row.entity_id),
    );
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
        at: row.at.toISOString(),
        actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      };
    },
    (row) => ({ value: null, id: String(row.id) }),
  );
}
