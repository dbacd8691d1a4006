// The feature catalog: which event names make up which product feature, which features are
// premium, and which ones mean the customer got value. Rollups are keyed by feature.
import type { Db } from '../../../db/connect.ts';
import { isoDay, startOfDay } from '../../../lib/calendar.ts';
import { AppError, fieldProblem } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { enqueue } from '../../../jobs/registry.ts';
import { markAccountsChanged } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { monthStart } from './partitions.ts';
import type { CreateFeature } from './schema.ts';
import * as history from './store/featureHistory.ts';
import type { DayRange } from './store/featureHistory.ts';
import * as store from './store/features.ts';
import type { FeatureRow } from './store/features.ts';
import { lockEveryUser } from './store/rollups.ts';

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
 * The catalog, read after taking the catalog lock shared: a definition in progress is waited
 * for, and then seen. So every batch that keyed events by the catalog before a definition has
 * committed by the time the definition does, and the history move it queues finds them all.
 */
export async function featureCatalog(db: Db, workspaceId: WorkspaceId): Promise<CatalogEntry[]> {
  await history.lockCatalog(db, workspaceId, 'shared');
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

/** What a feature takes over from the history Steward keeps. */
export type HistoryMove = {
  /** Raw events under their own name to re-key: each event name with that key. */
  events: { names: string[]; fromKeys: string[] };
  /** Raw events another feature counted, re-keyed with their share of its rollups. */
  claimed: { names: string[]; fromKeys: string[] };
  /** Rollup keys whose rows move whole into the feature's rows. */
  rollupKeys: string[];
  counts: HistoryCounts;
  /** The first and last day of what moves; undefined when nothing does. */
  span?: { first: string; last: string };
};

export type HistoryCounts = { events: number; rollupRows: number; rolledUpEvents: number };

type KeptHistory = {
  eventKeys: readonly history.EventKey[];
  rollupKeys: readonly history.RollupKey[];
};

/**
 * The history feature `key` of `catalog` takes over: the kept events the catalog now maps to
 * `key` (an exact name or a longer pattern elsewhere still wins), and the rollup rows under an
 * event's own name (no feature claimed it) that it maps to `key`. A rollup row under an event's
 * own name counts that one name, from intake or a backfill alike, so it moves whole by key. A
 * row of a feature defined earlier counts several names together and cannot be split by key:
 * the share of its kept raw events moves (moveClaimedEvents), a backfilled row stays.
 */
export function historyMove(
  catalog: readonly CatalogEntry[],
  key: string,
  kept: KeptHistory,
): HistoryMove {
  const featureKeys = new Set(catalog.map((f) => f.key));
  const featureOf = featureMapper(catalog);
  const moves = (oldKey: string, name: string) =>
    oldKey !== key && !featureKeys.has(oldKey) && featureOf(name) === key;
  const events = kept.eventKeys.filter(
    (e) => e.featureKey === e.event && moves(e.featureKey, e.event),
  );
  const claimed = kept.eventKeys.filter(
    (e) => e.featureKey !== key && featureKeys.has(e.featureKey) && featureOf(e.event) === key,
  );
  const rollups = kept.rollupKeys.filter((r) => moves(r.featureKey, r.featureKey));
  const days = [...events, ...claimed, ...rollups].flatMap((m) => [m.first, m.last]).sort();
  const first = days[0];
  const last = days.at(-1);
  return {
    events: { names: events.map((e) => e.event), fromKeys: events.map((e) => e.featureKey) },
    claimed: { names: claimed.map((e) => e.event), fromKeys: claimed.map((e) => e.featureKey) },
    rollupKeys: rollups.map((r) => r.featureKey),
    counts: {
      events: [...events, ...claimed].reduce((n, e) => n + e.events, 0),
      rollupRows: rollups.reduce((n, r) => n + r.rows, 0),
      rolledUpEvents: rollups.reduce((n, r) => n + r.events, 0),
    },
    ...(first && last ? { span: { first, last } } : {}),
  };
}

async function keptHistory(db: Db, workspaceId: WorkspaceId): Promise<KeptHistory> {
  return {
    eventKeys: await history.eventKeys(db, workspaceId),
    rollupKeys: await history.rollupKeys(db, workspaceId),
  };
}

/**
 * What a definition's answer says of the kept history: nothing (the workspace keeps no usage),
 * or that the job is counting it, its counts not known yet. Reading every kept event's name
 * takes 0.4–0.8 s at a million events (bench/featureHistory.ts), and under the catalog lock
 * the workspace's intake would wait for it; the job reads it instead (the request now takes
 * 15–19 ms there, from 0.5–0.57 s), and its audit entry (`feature.history_moved`) says what
 * moved.
 */
export type HistoryAnswer =
  | { events: 0; rollupRows: 0; rolledUpEvents: 0; counting: false }
  | { events: null; rollupRows: null; rolledUpEvents: null; counting: true };

/**
 * Adds a feature under the catalog lock (intake batches in flight commit first, later ones key
 * by the new catalog) and, when the workspace keeps any usage, queues the move of the kept
 * history its names claim: on a year of a busy workspace the move takes seconds
 * (bench/featureHistory.ts), too long for a request and for the intake batches that would wait
 * on it. Answers the feature, and whether its history is being counted.
 */
export async function defineFeature(db: Db, by: ChangeAuthor, input: CreateFeature) {
  return db.transaction().execute(async (trx) => {
    const workspaceId = by.workspaceId;
    await history.lockCatalog(trx, workspaceId, 'exclusive');
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
    const counting = await history.keepsUsage(trx, workspaceId);
    if (counting) {
      await enqueue(
        trx,
        'usage__move_feature_history',
        { workspaceId, featureId: row.id, featureKey: row.key },
        { jobKey: `usage__move_feature_history:${row.id}` },
      );
    }
    const historyAnswer: HistoryAnswer = counting
      ? { events: null, rollupRows: null, rolledUpEvents: null, counting: true }
      : { events: 0, rollupRows: 0, rolledUpEvents: 0, counting: false };
    const answer = { ...describeFeature(row), history: historyAnswer };
    await recordAudit(trx, by, {
      action: 'feature.defined',
      entityType: 'feature',
      entityId: row.id,
      changes: answer,
    });
    return answer;
  });
}

/** The first day of each month from `first`'s to `last`'s, with the next month's first. */
function monthRanges(first: string, last: string): DayRange[] {
  const ranges: DayRange[] = [];
  let from = monthStart(startOfDay(first));
  while (isoDay(from) <= last) {
    const to = monthStart(from, 1);
    ranges.push({ from: isoDay(from), to: isoDay(to) });
    from = to;
  }
  return ranges;
}

/**
 * Moves the kept history a feature claims (historyMove), a month at a time, each month in its
 * own transaction: raw events first, then the rollups of the same days. Each month takes every
 * user's lock shared (lockEveryUser), so a group call linking earlier events either commits
 * before the month's statements read the events and rollups or waits for them and rolls the
 * events up under their new key; then it re-reads the catalog under the catalog lock
 * (shared), so a feature defined meanwhile that claims a name more closely keeps it. After
 * each month commits, the accounts whose rollups changed are announced (accounts' changed set,
 * as intake does after a batch), and health rescores them: its breadth and value-user measures
 * read feature keys; at the end, every account with usage, measured against the grown
 * catalog. Idempotent: what has moved counts under the feature's key, so a second
 * run (a retry after a deadlock with intake) finds only the rest.
 */
export async function moveFeatureHistory(
  db: Db,
  workspaceId: WorkspaceId,
  feature: { id: string; key: string },
): Promise<HistoryCounts> {
  const moved: HistoryCounts = { events: 0, rollupRows: 0, rolledUpEvents: 0 };
  const catalog = await featureCatalog(db, workspaceId);
  if (!catalog.some((f) => f.key === feature.key)) return moved;
  // Outside the catalog lock: every batch keyed by the catalog before the definition committed
  // before it, and batches since key by the feature.
  const plan = historyMove(catalog, feature.key, await keptHistory(db, workspaceId));
  for (const range of plan.span ? monthRanges(plan.span.first, plan.span.last) : []) {
    const accountIds = await db.transaction().execute(async (trx) => {
      await lockEveryUser(trx, workspaceId);
      const featureOf = featureMapper(await featureCatalog(trx, workspaceId));
      // A name still moves unless a feature defined since claims it more closely.
      const still = (pairs: HistoryMove['events']) => {
        const kept = pairs.names.flatMap((name, i) =>
          featureOf(name) === feature.key ? [{ name, fromKey: pairs.fromKeys[i] ?? name }] : [],
        );
        return { names: kept.map((p) => p.name), fromKeys: kept.map((p) => p.fromKey) };
      };
      const own = await history.moveEvents(
        trx,
        workspaceId,
        still(plan.events),
        feature.key,
        range,
      );
      const claimed = await history.moveClaimedEvents(
        trx,
        workspaceId,
        still(plan.claimed),
        feature.key,
        range,
      );
      const keys = plan.rollupKeys.filter((k) => featureOf(k) === feature.key);
      const rollups = await history.moveRollups(trx, workspaceId, keys, feature.key, range);
      moved.events += own + claimed.count;
      moved.rollupRows += rollups.rows;
      moved.rolledUpEvents += rollups.events;
      return [...claimed.accountIds, ...rollups.accountIds];
    });
    // After the commit, as intake announces a batch: a crash in between leaves those accounts
    // to the daily rescore.
    await markAccountsChanged(db, workspaceId, accountIds);
  }
  // The catalog grew: every account with usage is measured against one more feature (and a
  // first value feature starts counting value users), moved or not.
  await markAccountsChanged(db, workspaceId, await history.accountsWithUsage(db, workspaceId));
  await recordAudit(
    db,
    { workspaceId, userId: null },
    {
      action: 'feature.history_moved',
      entityType: 'feature',
      entityId: feature.id,
      changes: { key: feature.key, history: moved },
    },
  );
  return moved;
}

/** Premium and value features, for adoption figures. */
export async function flaggedFeatures(db: Db, workspaceId: WorkspaceId) {
  const rows = await store.flaggedFeatureRows(db, workspaceId);
  return rows.map((r) => ({ key: r.key, label: r.label, premium: r.premium, value: r.is_value }));
}
