// The feature catalog: which event names make up which product feature, which features are
// premium, and which ones mean the customer got value. Rollups are keyed by feature.
import type { Db } from '../../../db/connect.ts';
import { AppError, fieldProblem } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import type { CreateFeature } from './schema.ts';
import * as history from './store/featureHistory.ts';
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

/**
 * The catalog, read after taking the catalog lock shared: a definition in progress (which moves
 * the history its names claim) is waited for, and then seen, so an intake batch never keys
 * events by the catalog as it was before a definition that has already moved their history.
 */
export async function featureCatalog(db: Db, workspaceId: WorkspaceId): Promise<CatalogEntry[]> {
  await history.lockCatalog(db, workspaceId, 'shared');
  return store.catalogRows(db, workspaceId);
}

/** What a new feature takes over from the history Steward keeps. */
export type HistoryMove = {
  /** Raw events to re-key: each event name with the key it counts under now. */
  events: { names: string[]; fromKeys: string[] };
  /** Rollup keys whose rows move whole into the new feature's rows. */
  rollupKeys: string[];
};

/**
 * The history a feature `key` takes over once defined: the kept events and rollup rows that
 * count under an event's own name (no feature claimed it) and that the new catalog maps to
 * `key` — an exact name or a longer pattern elsewhere still wins. A rollup row under an event's
 * own name counts that one name, from intake or a backfill alike, so it moves whole by key.
 * Events a feature defined earlier already claims stay with it: its rollup rows count several
 * names together and cannot be split by key.
 */
export function historyMove(
  before: readonly CatalogEntry[],
  after: readonly CatalogEntry[],
  key: string,
  kept: {
    eventKeys: readonly { event: string; featureKey: string }[];
    rollupKeys: readonly string[];
  },
): HistoryMove {
  const featureKeys = new Set(before.map((f) => f.key));
  const featureOf = featureMapper(after);
  const ownName = (oldKey: string) => oldKey !== key && !featureKeys.has(oldKey);
  const moved = kept.eventKeys.filter(
    (e) => e.featureKey === e.event && ownName(e.featureKey) && featureOf(e.event) === key,
  );
  return {
    events: { names: moved.map((e) => e.event), fromKeys: moved.map((e) => e.featureKey) },
    rollupKeys: kept.rollupKeys.filter((k) => ownName(k) && featureOf(k) === key),
  };
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

/** Deadlocks (with a group call linking the same events) are retried. */
const retriable = new Set(['40P01', '40001']);

/**
 * Adds a feature and moves to it the kept history its names claim (historyMove), in one
 * transaction under the catalog lock: batches in flight commit first, later ones key by the
 * new catalog. Answers the feature with how many events and rollup rows moved.
 */
export async function defineFeature(db: Db, by: ChangeAuthor, input: CreateFeature) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await defineOnce(db, by, input);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (attempt >= 3 || !retriable.has(code)) throw error;
    }
  }
}

async function defineOnce(db: Db, by: ChangeAuthor, input: CreateFeature) {
  return db.transaction().execute(async (trx) => {
    const workspaceId = by.workspaceId;
    await history.lockCatalog(trx, workspaceId, 'exclusive');
    const before = await store.catalogRows(trx, workspaceId);
    const row = await store.insertFeature(trx, {
      workspace_id: workspaceId,
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
    const move = historyMove(before, [...before, { key: row.key, events: row.events }], row.key, {
      eventKeys: await history.eventKeys(trx, workspaceId),
      rollupKeys: await history.rollupKeys(trx, workspaceId),
    });
    const events = await history.moveEvents(trx, workspaceId, move.events, row.key);
    const rollups = await history.moveRollups(trx, workspaceId, move.rollupKeys, row.key);
    const moved = { events, rollupRows: rollups.rows, rolledUpEvents: rollups.events };
    await recordAudit(trx, by, {
      action: 'feature.defined',
      entityType: 'feature',
      entityId: row.id,
      changes: { ...describeFeature(row), history: moved },
    });
    return { ...describeFeature(row), history: moved };
  });
}

/** Premium and value features, for adoption figures. */
export async function flaggedFeatures(db: Db, workspaceId: WorkspaceId) {
  const rows = await store.flaggedFeatureRows(db, workspaceId);
  return rows.map((r) => ({ key: r.key, label: r.label, premium: r.premium, value: r.is_value }));
}
