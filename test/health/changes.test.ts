// Scores follow the data: intake and the timeline announce that an account changed (the
// accounts module's changed set) and health's job rescores it, with the real worker. Intake
// never queues on one job row, and with no worker the set holds each account once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountId, WorkspaceId } from '../../src/lib/ids.ts';
import {
  finishChangedPass,
  markAccountsChanged,
  takeChangedAccounts,
} from '../../src/modules/accounts/index.ts';
import { rescoreChanged } from '../../src/modules/health/service.ts';
import { createWriteKey } from '../../src/modules/intake/segment/index.ts';
import { testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeWorkspace } from '../support/factories.ts';
import { jobRunAt, runJobs } from '../notify/support.ts';
import { segmentPost, track } from '../intake/segment/support.ts';
import { changedAccounts } from '../support/jobs.ts';

// The wake-up job is due a second after the database's "now": the test clock runs ahead of it.
const { deps, clock, database } = await useTestDeps(new Date(Date.now() + 60_000).toISOString());
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);

let workspaceId: WorkspaceId;
let writeKey: string;
const accounts: { id: AccountId; external: string }[] = [];

/** One /v1/batch request: `n` events of people at these accounts (by external id). */
async function sendBatch(externals: readonly string[], n = 10) {
  const batch = Array.from({ length: n }, (_, i) => {
    const external = externals[i % externals.length] ?? '';
    return track(`${external}-user-${i % 4}`, 'Report Viewed', clock.now().toISOString(), {
      context: { groupId: external },
    });
  });
  const response = await segmentPost(app, '/v1/batch', { batch }, writeKey);
  expect(response.status).toBe(200);
}

/** The jobs waiting for this workspace's accounts, with their payloads. */
async function waitingJobs() {
  const { rows } = await sql<{ task: string; key: string | null; payload: unknown }>`
    select t.identifier as task, j.key, j.payload
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where j.payload::text like ${`%${workspaceId}%`}`.execute(deps.db);
  return rows;
}

const scoreOf = async (accountId: string) =>
  (await deps.db
    .selectFrom('health_scores')
    .select(['score', 'computed_at'])
    .where('account_id', '=', accountId)
    .executeTakeFirst()) ?? null;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(deps.db)).id;
  writeKey = (await createWriteKey(deps.db, { workspaceId, userId: null }, { name: 'Segment' }))
    .key;
  await deps.db
    .insertInto('usage_features')
    .values({
      workspace_id: workspaceId,
      key: 'reports',
      label: 'Reports',
      events: ['Report Viewed'],
    })
    .execute();
  for (let i = 0; i < 3; i++) {
    const external = `crm-${i}`;
    const account = await makeAccount(deps.db, workspaceId, { external_id: external, seats: 8 });
    accounts.push({ id: account.id as AccountId, external });
  }
});

afterAll(() => {
  vi.useRealTimers();
});

describe('scores follow the data', () => {
  it('scores an account within one worker run of usage tracked for it', async () => {
    const [first] = accounts;
    if (!first) throw new Error('no account');
    expect(await scoreOf(first.id)).toBeNull();
    await sendBatch([first.external]);
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([first.id]);
    await run();
    const scored = await scoreOf(first.id);
    expect(scored?.score).toEqual(expect.any(Number));
    expect(scored?.computed_at.getTime()).toBe(clock.now().getTime());
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([]);
    expect(await waitingJobs()).toEqual([]);
  });

  it("rescores an account again after newer usage, and not because of the score's own move", async () => {
    const [first] = accounts;
    if (!first) throw new Error('no account');
    clock.advance(600_000);
    await sendBatch([first.external], 40);
    // Called as the job calls it: the first scoring of the others is a move on their timeline,
    // which narrates the score and must not put them back in the set.
    const outcome = await rescoreChanged(deps, workspaceId);
    expect(outcome.scored).toBe(1);
    expect((await scoreOf(first.id))?.computed_at.getTime()).toBe(clock.now().getTime());
    await sendBatch(accounts.slice(1).map((a) => a.external));
    const firstScoring = await rescoreChanged(deps, workspaceId);
    expect(firstScoring.moves).toBe(2);
    const told = await deps.db
      .selectFrom('timeline_events')
      .select('account_id')
      .where('workspace_id', '=', workspaceId)
      .where('source', '=', 'health')
      .execute();
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([]);
    await run();
  });
  it('rescores a workspace under a stream of usage in passes at least ten seconds apart', async () => {
    const [first, second] = accounts;
    if (!first || !second) throw new Error('no accounts');
    await sendBatch([first.external]);
    // A pass starts: it takes what changed, and the next one is due ten seconds on…
    expect(await takeChangedAccounts(deps.db, workspaceId, 100)).toEqual([first.id]);
    const key = `accounts__changed:${workspaceId}`;
    const { rows } = await sql<{ now: Date }>`select now()`.execute(deps.db);
    const next = await jobRunAt(deps, key);
    expect((next?.getTime() ?? 0) - (rows[0]?.now.getTime() ?? 0)).toBeGreaterThan(9_000);
    // …however much usage arrives meanwhile.
    await sendBatch([second.external]);
    expect(await jobRunAt(deps, key)).toEqual(next);
    await run();
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([]);
  });

  it('puts the next pass off by ten times a long pass, up to 45 seconds after it started', async () => {
    const [first] = accounts;
    if (!first) throw new Error('no account');
    const key = `accounts__changed:${workspaceId}`;
    const dueIn = async () => {
      const { rows } = await sql<{ now: Date }>`select now()`.execute(deps.db);
      return ((await jobRunAt(deps, key))?.getTime() ?? 0) - (rows[0]?.now.getTime() ?? 0);
    };
    for (const [tookSeconds, dueFrom, dueTo] of [
      [0.5, 9_000, 10_000], // a short pass leaves the ten seconds
      [3, 26_000, 27_000], // 30 s after it started
      [20, 24_000, 25_000], // 45 s after it started, not 200
    ] as const) {
      await sendBatch([first.external]);
      expect(await takeChangedAccounts(deps.db, workspaceId, 100)).toEqual([first.id]);
      await finishChangedPass(deps.db, workspaceId, tookSeconds);
      const due = await dueIn();
      expect(due).toBeGreaterThan(dueFrom);
      expect(due).toBeLessThanOrEqual(dueTo);
    }
    await run();
  });
});

describe('intake announces without waiting on a shared row', () => {
  it('holds each account once however many batches arrive, with one wake-up of fixed size', async () => {
    const externals = accounts.map((a) => a.external);
    // No worker runs: forty concurrent batches over three accounts.
    await Promise.all(Array.from({ length: 40 }, () => sendBatch(externals, 30)));
    expect(await changedAccounts(deps.db, workspaceId)).toEqual(accounts.map((a) => a.id).sort());
    const jobs = await waitingJobs();
    expect(jobs).toEqual([
      {
        task: 'accounts__changed',
        key: `accounts__changed:${workspaceId}`,
        payload: { workspaceId },
      },
    ]);
    await run();
    expect(await changedAccounts(deps.db, workspaceId)).toEqual([]);
  });

  it('stores batches for accounts already in the set while the wake-up job is locked', async () => {
    await sendBatch([accounts[0]?.external ?? '']);
    expect(await changedAccounts(deps.db, workspaceId)).toHaveLength(1);
    // Another transaction sits on the wake-up job's row (as the old batch job's appenders
    // did on each other): intake for an account already in the set does not touch it.
    const blocker = await database.pool.connect();
    try {
      await blocker.query('begin');
      await blocker.query(`select 1 from graphile_worker._private_jobs where key = $1 for update`, [
        `accounts__changed:${workspaceId}`,
      ]);
      const sent = Promise.all(
        Array.from({ length: 5 }, () => sendBatch([accounts[0]?.external ?? ''])),
      );
      const waited = await Promise.race([
        sent.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000)),
      ]);
      expect(waited).toBe(false);
    } finally {
      await blocker.query('rollback');
      blocker.release();
    }
    await run();
  });

  it('scores a change committed while the set is being taken in the pass after, not never', async () => {
    const [first] = accounts;
    if (!first) throw new Error('no account');
    await markAccountsChanged(deps.db, workspaceId, [first.id]);
    let takenMeanwhile: string[] = [];
    await deps.db.transaction().execute(async (trx) => {
      // A note's transaction announces the account, which is in the set already…
      await markAccountsChanged(trx, workspaceId, [first.id]);
      // …and a drain running before it commits must not take (and score) it without the note.
      takenMeanwhile = await takeChangedAccounts(deps.db, workspaceId, 100);
    });
    expect(takenMeanwhile).toEqual([]);
    expect(await takeChangedAccounts(deps.db, workspaceId, 100)).toEqual([first.id]);
    // The drain that skipped it queued a wake-up to come back for it.
    expect((await waitingJobs()).map((j) => j.task)).toEqual(['accounts__changed']);
    await run();
  });
});
