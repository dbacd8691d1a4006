// Defining a feature after months of tracking: the kept events and rollups its names
// claim (and backfilled days keyed by those names) count for it from then on, through the
// API, on a real database.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { toTaskList } from '../../../src/jobs/registry.ts';
import { stewardTasks } from '../../../src/jobs/tasks.ts';
import type { AccountId, WorkspaceId } from '../../../src/lib/ids.ts';
import {
  defineFeature as defineFeatureFor,
  featureCatalog,
  moveFeatureHistory,
} from '../../../src/modules/intake/segment/features.ts';
import { insertUsageEvents } from '../../../src/modules/intake/segment/store/events.ts';
import { linkEarlierEvents, lockUsers } from '../../../src/modules/intake/segment/store/rollups.ts';
import { upsertUsageRollups, usageJobs } from '../../../src/modules/intake/segment/index.ts';
import { signedIn, testApp, type ApiClient } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { runTasksOnce } from '../../support/jobs.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import { countRows, eventsRolledUp, segmentPost, track, trackOn } from './support.ts';

// Today is 2026-11-02: raw events are kept from 2025-11-01 (13 months).
const { deps, database } = await useTestDeps('2026-11-02T09:00:00Z');
const { db } = deps;
const app = testApp(deps);

/** The 10th of each of the twelve months before this one. */
const months = Array.from({ length: 12 }, (_, i) => {
  const month = new Date(Date.UTC(2025, 10 + i, 10));
  return month.toISOString().slice(0, 10);
});
/** A backfilled day, from before the raw events kept. */
const backfilledDay = '2025-06-10';

type Tracked = { workspaceId: WorkspaceId; accountId: AccountId; admin: ApiClient; key: string };

async function send(tracked: Tracked, batch: unknown[]) {
  const response = await segmentPost(app, '/v1/batch', { batch }, tracked.key);
  expect(response.status).toBe(200);
}

/**
 * A workspace with a year of report use on one account: each month Ann views reports twice and
 * Boris exports one, Ann opens a dashboard once; and a backfilled day of report views.
 */
async function yearOfReports(): Promise<Tracked> {
  const workspaceId = (await makeWorkspace(db)).id;
  const person = await makeUser(db, workspaceId, { role: 'admin' });
  const admin = await signedIn(app, person.email, testPassword);
  const { data } = await admin.POST('/api/v1/intake/write-keys', { body: { name: 'Segment' } });
  const account = await makeAccount(db, workspaceId, { external_id: `acme-${randomUUID()}` });
  const tracked = { workspaceId, accountId: account.id, admin, key: data?.key ?? '' };
  const groupId = account.external_id ?? '';
  await send(
    tracked,
    months.flatMap((day) => [
      trackOn(groupId, 'ann', 'Report Viewed', day),
      trackOn(groupId, 'ann', 'Report Viewed', day),
      trackOn(groupId, 'boris', 'Report Exported', day),
      trackOn(groupId, 'ann', 'Dashboard Opened', day),
    ]),
  );
  await upsertUsageRollups(db, workspaceId, [
    {
      accountId: account.id,
      day: backfilledDay,
      featureKey: 'Report Viewed',
      events: 5,
      logins: 0,
      users: ['ann', 'carla'],
    },
  ]);
  return tracked;
}

const defineFeature = (tracked: Tracked, key: string, label: string, events: string[]) =>
  tracked.admin.POST('/api/v1/features', { body: { key, label, events } });

/** The background jobs a definition queued (the history move), run as the worker would. */
function runJobs() {
  return runTasksOnce(database.pool, toTaskList(deps, usageJobs));
}

/**
 * Every job Steward runs (the history move, health's rescore of changed accounts…), as the
 * worker would a minute from now: health's passes are due a few seconds after a change.
 */
async function runWorker() {
  const inAMinute = Date.now() + 60_000;
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(inAMinute);
    await runTasksOnce(database.pool, stewardTasks(deps), { useNodeTime: true });
  } finally {
    vi.useRealTimers();
  }
}

/** What the definition's answer says while the job counts the kept history. */
const beingCounted = { events: null, rollupRows: null, rolledUpEvents: null, counting: true };

/** What the last history move of feature `key` moved, from its audit entry. */
/** `run` is still waiting 300 ms after it started: for a lock the caller's transaction holds. */
async function expectWaiting(run: Promise<unknown>) {
  const first = await Promise.race([run.then(() => 'done'), sleep(300).then(() => 'waiting')]);
  expect(first).toBe('waiting');
}

async function historyMoved(workspaceId: WorkspaceId, key: string) {
  const entries = await db
    .selectFrom('audit_log')
    .select('changes')
    .where('workspace_id', '=', workspaceId)
    .where('action', '=', 'feature.history_moved')
    .orderBy('id')
    .execute();
  return entries.map((e) => e.changes).findLast((c) => c['key'] === key)?.['history'];
}

/** Rolled-up events per feature key over all days, and the days and users under each. */
async function rollupsByKey(workspaceId: WorkspaceId) {
  const daily = await db
    .selectFrom('usage_days')
    .select(['feature_key', 'day', 'events'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const users = await db
    .selectFrom('usage_day_users')
    .select(['feature_key', 'day', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const byKey: Record<string, { events: number; days: Set<string>; users: Set<string> }> = {};
  for (const row of daily) {
    const entry = (byKey[row.feature_key] ??= { events: 0, days: new Set(), users: new Set() });
    entry.events += row.events;
    entry.days.add(String(row.day));
  }
  for (const row of users) {
    const entry = (byKey[row.feature_key] ??= { events: 0, days: new Set(), users: new Set() });
    entry.users.add(`${String(row.day)} ${row.user_id}`);
  }
  return byKey;
}

async function rawEventsByKey(workspaceId: WorkspaceId) {
  const rows = await db
    .selectFrom('usage_events')
    .select(['feature_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('feature_key')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.feature_key, Number(r.n)]));
}

describe('defining a feature after a year of tracking', () => {
  let tracked: Tracked;
  let totals: { raw: number; rolledUp: number };

  beforeAll(async () => {
    tracked = await yearOfReports();
    totals = {
      raw: await countRows(db, 'usage_events', tracked.workspaceId),
      rolledUp: await eventsRolledUp(db, tracked.workspaceId),
    };
  });

  it('counts the kept year and the backfilled day for the new feature, in the background', async () => {
    const { data, response } = await defineFeature(tracked, 'reports', 'Reports', ['Report *']);
    expect(response.status).toBe(201);
    expect(data?.history).toEqual(beingCounted);
    await runJobs();
    // 12 months × 3 report events; 12 days × 2 names + the backfilled day's row.
    expect(await historyMoved(tracked.workspaceId, 'reports')).toEqual({
      events: 36,
      rollupRows: 25,
      rolledUpEvents: 41,
    });

    const rollups = await rollupsByKey(tracked.workspaceId);
    expect(rollups.reports?.events).toBe(36 + 5);
    expect([...(rollups.reports?.days ?? [])].sort()).toEqual([backfilledDay, ...months]);
    expect(rollups.reports?.users.size).toBe(12 * 2 + 2);
    expect(rollups['Report Viewed']).toBeUndefined();
    expect(rollups['Report Exported']).toBeUndefined();
    expect(rollups['Dashboard Opened']?.events).toBe(12);
    expect(await rawEventsByKey(tracked.workspaceId)).toEqual({
      reports: 36,
      'Dashboard Opened': 12,
    });
    // Nothing counted twice or lost.
    expect(await countRows(db, 'usage_events', tracked.workspaceId)).toBe(totals.raw);
    expect(await eventsRolledUp(db, tracked.workspaceId)).toBe(totals.rolledUp);
  });

  it("shows the feature's use in the account's adoption on a day months back", async () => {
    const { data } = await tracked.admin.GET('/api/v1/accounts/{id}/adoption', {
      params: { path: { id: tracked.accountId }, query: { date: '2026-03-20' } },
    });
    const reports = data?.features.find((f) => f.key === 'reports');
    expect(reports).toMatchObject({ label: 'Reports' });
    expect(reports?.events).toBeGreaterThan(0);
    expect(data?.features.map((f) => f.key)).not.toContain('Report Viewed');
  });

  it('records the definition and what the move moved in the audit log', async () => {
    const entries = await db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('workspace_id', '=', tracked.workspaceId)
      .where('entity_type', '=', 'feature')
      .orderBy('id')
      .execute();
    const history = { events: 36, rollupRows: 25, rolledUpEvents: 41 };
    expect(entries).toEqual([
      {
        action: 'feature.defined',
        changes: expect.objectContaining({ key: 'reports', history: beingCounted }),
      },
      { action: 'feature.history_moved', changes: { key: 'reports', history } },
    ]);
  });

  it('moves nothing when the move runs again', async () => {
    const before = await rollupsByKey(tracked.workspaceId);
    const feature = await db
      .selectFrom('usage_features')
      .select(['id', 'key'])
      .where('workspace_id', '=', tracked.workspaceId)
      .where('key', '=', 'reports')
      .executeTakeFirstOrThrow();
    expect(await moveFeatureHistory(db, tracked.workspaceId, feature)).toEqual({
      events: 0,
      rollupRows: 0,
      rolledUpEvents: 0,
    });
    expect(await rollupsByKey(tracked.workspaceId)).toEqual(before);
  });

  it('moves nothing for a second feature whose names claim nothing kept', async () => {
    const before = await rollupsByKey(tracked.workspaceId);
    const { data, response } = await defineFeature(tracked, 'billing', 'Billing', ['Invoice *']);
    expect(response.status).toBe(201);
    expect(data?.history).toEqual(beingCounted);
    await runJobs();
    expect(await historyMoved(tracked.workspaceId, 'billing')).toEqual({
      events: 0,
      rollupRows: 0,
      rolledUpEvents: 0,
    });
    expect(await rollupsByKey(tracked.workspaceId)).toEqual(before);
  });

  it('counts a batch sent after the definition under the new feature, on the same day', async () => {
    const lastDay = months.at(-1) ?? '';
    const groupId = (
      await db
        .selectFrom('accounts')
        .select('external_id')
        .where('id', '=', tracked.accountId)
        .executeTakeFirstOrThrow()
    ).external_id;
    await send(tracked, [trackOn(groupId ?? '', 'dmitri', 'Report Viewed', lastDay)]);
    const row = await db
      .selectFrom('usage_days')
      .select(['feature_key', 'events'])
      .where('workspace_id', '=', tracked.workspaceId)
      .where('day', '=', lastDay)
      .where('feature_key', 'like', '%eport%')
      .execute();
    expect(row).toEqual([{ feature_key: 'reports', events: 4 }]);
    expect((await rawEventsByKey(tracked.workspaceId)).reports).toBe(37);
  });
});

describe('an exact-name feature defined earlier', () => {
  it('keeps its events when a pattern feature claims the names around it', async () => {
    const tracked = await yearOfReports();
    await defineFeature(tracked, 'export', 'Export', ['Report Exported']);
    await runJobs();
    expect(await historyMoved(tracked.workspaceId, 'export')).toMatchObject({
      events: 12,
      rollupRows: 12,
    });

    await defineFeature(tracked, 'reports', 'Reports', ['Report *']);
    await runJobs();
    expect(await historyMoved(tracked.workspaceId, 'reports')).toEqual({
      events: 24,
      rollupRows: 13,
      rolledUpEvents: 29,
    });
    const rollups = await rollupsByKey(tracked.workspaceId);
    expect(rollups.export?.events).toBe(12);
    expect(rollups.reports?.events).toBe(24 + 5);
    expect(await rawEventsByKey(tracked.workspaceId)).toEqual({
      reports: 24,
      export: 12,
      'Dashboard Opened': 12,
    });
  });
});

describe('an exact-name feature defined after a pattern feature', () => {
  it("takes its kept events and their share of the pattern feature's days and people", async () => {
    const tracked = await yearOfReports();
    await defineFeature(tracked, 'reports', 'Reports', ['Report *']);
    await runJobs();
    const totals = await eventsRolledUp(db, tracked.workspaceId);

    await defineFeature(tracked, 'export', 'Export', ['Report Exported']);
    await runJobs();
    // The kept raw exports move; the backfilled day counts views only, under no name to split.
    expect(await historyMoved(tracked.workspaceId, 'export')).toEqual({
      events: 12,
      rollupRows: 0,
      rolledUpEvents: 0,
    });
    const rollups = await rollupsByKey(tracked.workspaceId);
    expect(rollups.export?.events).toBe(12);
    expect([...(rollups.export?.users ?? [])].sort()).toEqual(months.map((d) => `${d} boris`));
    expect(rollups.reports?.events).toBe(24 + 5);
    // Boris only exported: he is no longer among the people who used Reports those days.
    expect([...(rollups.reports?.users ?? [])].filter((u) => u.endsWith('boris'))).toEqual([]);
    expect(rollups.reports?.users.size).toBe(12 + 2);
    expect(await rawEventsByKey(tracked.workspaceId)).toEqual({
      reports: 24,
      export: 12,
      'Dashboard Opened': 12,
    });
    expect(await eventsRolledUp(db, tracked.workspaceId)).toBe(totals);
  });
});

describe('an intake batch adding to the pattern feature while its events are split off', () => {
  it("keeps the batch's events in the month the split takes days off", async () => {
    const tracked = await yearOfReports();
    const { workspaceId, accountId } = tracked;
    await defineFeature(tracked, 'reports', 'Reports', ['Report *']);
    await runJobs();
    const exports = await defineFeatureFor(
      db,
      { workspaceId, userId: null },
      { key: 'export', label: 'Export', events: ['Report Exported'], premium: false, value: false },
    );
    const lastDay = months.at(-1) ?? '';
    let moving: Promise<unknown> = Promise.resolve();
    await db.transaction().execute(async (trx) => {
      // A report viewed the day before, counted under Reports in the month the split reaches
      // last: the batch holds that month's row until it commits.
      await insertUsageEvents(trx, workspaceId, new Date(`${lastDay}T13:00:00Z`), {
        messageIds: [randomUUID()],
        occurredAt: ['2026-10-09T12:30:00Z'],
        types: ['track'],
        names: ['Report Viewed'],
        features: ['reports'],
        userIds: ['ann'],
        anonymousIds: [null],
        groupIds: [null],
        groupUuids: [accountId],
        properties: ['{}'],
        loginEvents: [],
      });
      moving = moveFeatureHistory(db, workspaceId, exports);
      await expectWaiting(moving);
    });
    await moving;

    const rollups = await rollupsByKey(workspaceId);
    expect(rollups.export?.events).toBe(12);
    expect(rollups.reports?.events).toBe(24 + 5 + 1);
    expect(rollups.reports?.days).toContain('2026-10-09');
    expect(await eventsRolledUp(db, workspaceId)).toBe(
      (await countRows(db, 'usage_events', workspaceId)) + 5,
    );
  });
});

describe('an intake batch in flight while a feature is defined', () => {
  it('is waited for, and the events it keyed by the old catalog move with the rest', async () => {
    const tracked = await yearOfReports();
    const by = { workspaceId: tracked.workspaceId, userId: null };
    const lastDay = months.at(-1) ?? '';
    let defining: Promise<unknown> = Promise.resolve();
    await db.transaction().execute(async (trx) => {
      // The batch reads the catalog (no Reports yet), as ingest does inside its transaction.
      const catalog = await featureCatalog(trx, tracked.workspaceId);
      expect(catalog.map((f) => f.key)).not.toContain('reports');
      defining = defineFeatureFor(db, by, {
        key: 'reports',
        label: 'Reports',
        events: ['Report *'],
        premium: false,
        value: false,
      });
      await expectWaiting(defining);
      await insertUsageEvents(trx, tracked.workspaceId, new Date(`${lastDay}T13:00:00Z`), {
        messageIds: [randomUUID()],
        occurredAt: [`${lastDay}T12:30:00Z`],
        types: ['track'],
        names: ['Report Viewed'],
        features: ['Report Viewed'],
        userIds: ['ann'],
        anonymousIds: [null],
        groupIds: [null],
        groupUuids: [tracked.accountId],
        properties: ['{}'],
        loginEvents: [],
      });
    });
    await defining;
    await runJobs();
    expect(await rawEventsByKey(tracked.workspaceId)).toEqual({
      reports: 37,
      'Dashboard Opened': 12,
    });
    const rollups = await rollupsByKey(tracked.workspaceId);
    expect(rollups.reports?.events).toBe(37 + 5);
    expect(rollups['Report Viewed']).toBeUndefined();
  });
});

describe('a workspace that keeps no usage yet', () => {
  it('is told the new feature counts events from now on, and no move is queued', async () => {
    const workspaceId = (await makeWorkspace(db)).id;
    const feature = await defineFeatureFor(
      db,
      { workspaceId, userId: null },
      { key: 'reports', label: 'Reports', events: ['Report *'], premium: false, value: false },
    );
    expect(feature.history).toEqual({
      events: 0,
      rollupRows: 0,
      rolledUpEvents: 0,
      counting: false,
    });
    const { rows } = await sql`select 1 from graphile_worker._private_jobs
      where key = ${`usage__move_feature_history:${feature.id}`}`.execute(db);
    expect(rows).toEqual([]);
  });
});

describe("accounts' health after a feature is defined over their history", () => {
  it('counts the feature for the account that used it, and in every catalog, without waiting for the nightly recompute', async () => {
    const tracked = await yearOfReports();
    // Another customer only opens dashboards: nothing of theirs moves.
    const other = await makeAccount(db, tracked.workspaceId, {
      external_id: `globex-${randomUUID()}`,
    });
    await send(tracked, [
      trackOn(other.external_id ?? '', 'gus', 'Dashboard Opened', '2026-10-20'),
    ]);
    const usageInputs = async (id: AccountId) => {
      const { data } = await tracked.admin.GET('/api/v1/health/accounts/{id}', {
        params: { path: { id }, query: {} },
      });
      return data?.measures.find((m) => m.key === 'usage')?.inputs;
    };
    // Intake announced both accounts: health scores them, with no feature defined yet.
    await runWorker();
    expect(await usageInputs(tracked.accountId)).toMatchObject({
      featuresUsed: 0,
      featuresInCatalog: 0,
    });
    expect(await usageInputs(other.id)).toMatchObject({ featuresInCatalog: 0 });

    await defineFeature(tracked, 'reports', 'Reports', ['Report *']);
    await runWorker();
    expect(await usageInputs(tracked.accountId)).toMatchObject({
      featuresUsed: 1,
      featuresInCatalog: 1,
    });
    expect(await usageInputs(other.id)).toMatchObject({ featuresUsed: 0, featuresInCatalog: 1 });
  });
});

describe('a group call while the history moves', () => {
  it('counts the earlier events it links once, under the feature that claims them', async () => {
    const tracked = await yearOfReports();
    const { workspaceId, accountId } = tracked;
    await defineFeature(tracked, 'reports', 'Reports', ['Report *']);
    await runJobs();
    // Zoe exported a report before her group call: the event waits without an account, on a
    // day nobody else used Reports.
    const day = '2026-03-20';
    await send(tracked, [track('zoe', 'Report Exported', `${day}T12:00:00Z`)]);
    const exports = await defineFeatureFor(
      db,
      { workspaceId, userId: null },
      { key: 'export', label: 'Export', events: ['Report Exported'], premium: false, value: false },
    );

    let moving: Promise<unknown> = Promise.resolve();
    await db.transaction().execute(async (trx) => {
      // Her group call, as ingest makes it: links her events and rolls them up under Reports.
      await lockUsers(trx, workspaceId, ['zoe'], 'exclusive');
      expect(await linkEarlierEvents(trx, workspaceId, 'zoe', accountId)).toBe(1);
      moving = moveFeatureHistory(db, workspaceId, exports);
      await expectWaiting(moving);
    });
    await moving;

    const rollups = await rollupsByKey(workspaceId);
    expect(rollups.export?.events).toBe(12 + 1);
    expect(rollups.export?.users).toContain(`${day} zoe`);
    expect(rollups.reports?.events).toBe(24 + 5);
    expect([...(rollups.reports?.days ?? [])]).not.toContain(day);
    expect([...(rollups.reports?.users ?? [])]).not.toContain(`${day} zoe`);
    // Every kept event counted once, besides the backfilled day's five.
    expect(await eventsRolledUp(db, workspaceId)).toBe(
      (await countRows(db, 'usage_events', workspaceId)) + 5,
    );
  });
});
