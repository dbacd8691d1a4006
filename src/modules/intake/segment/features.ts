// The feature catalog: which event names make up which product feature, which features are
// premium, and which ones mean the customer got value. Rollups are keyed by feature.
import type { Db } from '../../../db/connect.ts';
import { AppError, fieldProblem } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import type { CreateFeature } from './schema.ts';
import * as store from './store/features.ts';
import type { FeatureRow } from './store/features.ts';

export type CatalogEntry = { key: string; events: string[] };

/** `*` matches any run of characters; matching ignores case, as event names drift in case. */
function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * The feature an event counts towards. An exact name beats a pattern and a longer pattern
 * beats a shorter one, so `Report Exported` can be its own feature beside `Report *`.
 * Events no feature claims roll up under their own name.
 */
export function featureFor(event: string, catalog: readonly CatalogEntry[]): string {
  let best: { key: string; rank: number } | undefined;
  for (const entry of catalog) {
    for (const pattern of entry.events) {
      const exact = !pattern.includes('*');
      const hit = exact
        ? pattern.toLowerCase() === event.toLowerCase()
        : patternToRegExp(pattern).test(event);
      if (!hit) continue;
      const rank = exact ? Number.MAX_SAFE_INTEGER : pattern.replace(/\*/g, '').length;
      if (!best || rank > best.rank) best = { key: entry.key, rank };
    }
  }
  return best?.key ?? event;
}

/** Maps each distinct event name of a request once, not once per event. */
export function featureMapper(catalog: readonly CatalogEntry[]): (event: string) => string {
  const known = new Map<string, string>();
  return (event) => {
    let key = known.get(event);
    if (key === undefined) {
      key = featureFor(event, catalog);
      known.set(event, key);
    }
    return key;
  };
}

export async function featureCatalog(db: Db, workspaceId: WorkspaceId): Promise<CatalogEntry[]> {
  return store.catalogRows(db, workspaceId);
}

function describeFeature(row: FeatureRow) {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    events: row.events,
    premium: row.premium,
    value: row.is_value,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listFeatures(db: Db, workspaceId: WorkspaceId) {
  return (await store.featureRows(db, workspaceId)).map(describeFeature);
}

export async function defineFeature(db: Db, by: ChangeAuthor, input: CreateFeature) {
  return db.transaction().execute(async (trx) => {
    const row = await store.insertFeature(trx, {
      workspace_id: by.workspaceId,
      key: input.key,
      label: input.label,
      events: [...new Set(input.events)],
      premium: input.premium,
      is_value: input.value,
    });
    if (!row) {
      throw new AppError(
        'feature.key_taken',
        {
          key: 'intake.problem.featureKeyTaken',
          params: { key: input.key },
        },
        {
          errors: [fieldProblem('key', 'intake.field.featureKeyUsed')],
        },
      );
    }
    await recordAudit(trx, by, {
      action: 'feature.defined',
      entityType: 'feature',
      entityId: row.id,
      changes: describeFeature(row),
    });
    return describeFeature(row);
  });
}

/** Premium and value features, for adoption figures. */
export async function flaggedFeatures(db: Db, workspaceId: WorkspaceId) {
  const rows = await store.flaggedFeatureRows(db, workspaceId);
  return rows.map((r) => ({ key: r.key, label: r.label, premium: r.premium, value: r.is_value }));
}
