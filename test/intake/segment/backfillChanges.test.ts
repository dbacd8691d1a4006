// Backfilled usage moves scores as tracked usage does: a usage file (CSV import, CLI or web)
// announces the accounts whose rollups it created or changed (accounts' changed set), and
// health's job rescores them, with the real worker. A file that changes nothing announces
// nothing, and a file written beside other announcements (webhooks, the tracking intake)
// commits beside them.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stewardTasks } from '../../../src/jobs/tasks.ts';
import { daysAfter, isoDay } from '../../../src/lib/calendar.ts';
import type { AccountId, WorkspaceId } from '../../../src/lib/ids.ts';
import { markAccountsChanged } from '../../../src/modules/accounts/index.ts';
import { importCsv } from '../../../src/modules/intake/import/index.ts';
import { createWriteKey } from '../../../src/modules/intake/segment/index.ts';
import { origin, sessionCookieOf, testApp } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import {
  changedAccounts,
  changedAccountsJobWaiting,
  runTasksOnce,
  untilWaitingForLock,
} from '../../support/jobs.ts';
import { segmentPost, track } from './support.ts';

// The wake-up job is due a second after the database's "now": the test clock runs ahead of it.
const { deps, clock, database } = await useTestDeps(new Date(Date.now() + 60_000).toISOString());
const { db } = deps;
const app = testApp(deps);

let workspaceId: WorkspaceId;
let sessionCookie: string;
let writeKey: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(db)).id;
  const admin = await makeUser(db, workspaceId, { role: 'admin' });
  sessionCookie = await sessionCookieOf(app, admin.email, testPassword);
  writeKey = (await createWriteKey(db, { workspaceId, userId: null }, { name: 'Segment' })).key;
  await db
    .insertInto('usage_features')
    .values({ workspace_id: workspaceId, key: 'reports', label: 'Reports', events: ['Report *'] })
    .execute();
});

afterAll(() => {
  vi.useRealTimers();
});

/** Every due job, as a worker runs them, at the test clock's "now". */
async function runWorker() {
  vi.setSystemTime(clock.now());
  await runTasksOnce(database.pool, stewardTasks(deps), { useNodeTime: true });
}

const backfill = (
  csv: string,
  options: {
    skipInvalid?: boolean;
    onProgress?: (p: { processedRows: number }) => Promise<void>;
  } = {},
) =>
  importCsv(Readable.from([Buffer.from(csv)]), {
    db,
    by: { workspaceId, userId: null },
    entity: 'usage',
    dryRun: false,
    skipInvalid: options.skipInvalid ?? false,
    importId: randomUUID(),
    fileName: 'usage.csv',
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });

/** The last `days` days before the clock's today, as a busy account's usage file. */
function busyDays(externalId: string, days: number): string {
  const lines = ['account_external_id,day,feature,events,active_users'];
  for (let d = 1; d <= days; d++) {
    const day = isoDay(daysAfter(clock.now(), -d));
    lines.push(`${externalId},${day},reports,40,u1;u2;u3;u4;u5;u6;u7;u8`);
    lines.push(`${externalId},${day},Signed In,8,u1;u2;u3;u4;u5;u6;u7;u8`);
  }
  return `${lines.join('\n')}\n`;
}

const scoreOf = async (accountId: string) =>
  (await db
    .selectFrom('health_scores')
    .select(['score', 'computed_at'])
    .where('account_id', '=', accountId)
    .executeTakeFirst()) ?? null;

/** A customer with seats and no usage yet, scored as it stands (no score without usage). */
async function scoredAccount() {
  const account = await makeAccount(db, workspaceId, { seats: 8 });
  await markAccountsChanged(db, workspaceId, account.id);
  await runWorker();
  const before = await scoreOf(account.id);
  // Scored without usage: too little to go on yet.
  expect(before).toEqual({ score: null, computed_at: clock.now() });
  expect(await changedAccounts(db, workspaceId)).toEqual([]);
  clock.advance(600_000);
  return { id: account.id as AccountId, external: account.external_id ?? '' };
}

describe('backfilled usage rescores its accounts', () => {
  it("changes an account's health score once the worker runs after a backfill of its recent days", async () => {
    const account = await scoredAccount();
    const outcome = await backfill(busyDays(account.external, 14));
    expect(outcome).toMatchObject({ imported: true, counts: { created: 28, rejected: 0 } });
    expect(await changedAccounts(db, workspaceId)).toEqual([account.id]);
    await runWorker();
    const after = await scoreOf(account.id);
    expect(after?.computed_at.getTime()).toBe(clock.now().getTime());
    expect(after?.score).toEqual(expect.any(Number));
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
  });

  it('announces nothing when the same file comes again, and an account whose day changed when one does', async () => {
    const [first, second] = [await scoredAccount(), await scoredAccount()];
    const file =
      busyDays(first.external, 7) + busyDays(second.external, 7).split('\n').slice(1).join('\n');
    await backfill(file);
    expect(await changedAccounts(db, workspaceId)).toEqual([first.id, second.id].sort());
    await runWorker();
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
    expect(await changedAccountsJobWaiting(db, workspaceId)).toBe(false);

    const again = await backfill(file);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 28 });
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
    expect(await changedAccountsJobWaiting(db, workspaceId)).toBe(false);

    // One day of the second account counted again: only that account is announced.
    const day = isoDay(daysAfter(clock.now(), -3));
    const changed = file.replace(
      `${second.external},${day},reports,40,`,
      `${second.external},${day},reports,41,`,
    );
    expect((await backfill(changed)).counts).toMatchObject({ updated: 1, unchanged: 27 });
    expect(await changedAccounts(db, workspaceId)).toEqual([second.id]);
    await runWorker();
  });

  it('rescores the accounts of a usage import uploaded on the web, batch by batch, run by the worker', async () => {
    const account = await scoredAccount();
    const form = new FormData();
    form.set('file', new File([busyDays(account.external, 14)], 'usage.csv', { type: 'text/csv' }));
    const response = await app.request(`${origin}/api/v1/imports?entity=usage&skipInvalid=true`, {
      method: 'POST',
      headers: { cookie: sessionCookie, origin },
      body: form,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    // The import job, then the changed set's wake-up it queued.
    await runWorker();
    const done = await (
      await app.request(`${origin}/api/v1/imports/${id}`, { headers: { cookie: sessionCookie } })
    ).json();
    expect(done).toMatchObject({ status: 'done', counts: { created: 28, rejected: 0 } });
    const after = await scoreOf(account.id);
    expect(after?.computed_at.getTime()).toBe(clock.now().getTime());
    expect(after?.score).toEqual(expect.any(Number));
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
  });

  it("commits a long file beside a webhook's transaction that announces one of its accounts", async () => {
    // Two batches of the file (1,000 lines each): the first for one account, the second for
    // the one a webhook's transaction announces between them, as the demo seed's lanes do.
    const [early, late] = [await scoredAccount(), await scoredAccount()];
    const lines = ['account_external_id,day,feature,events'];
    for (let d = 1; d <= 1000; d++) {
      lines.push(`${early.external},${isoDay(daysAfter(clock.now(), -d))},reports,${d}`);
    }
    for (let d = 1; d <= 10; d++) {
      lines.push(`${late.external},${isoDay(daysAfter(clock.now(), -d))},reports,${d}`);
    }
    let webhook: Promise<void> | undefined;
    const outcome = await backfill(`${lines.join('\n')}\n`, {
      onProgress: async ({ processedRows }) => {
        if (processedRows !== 1000) return;
        // A ticket for the late account, recorded in its own transaction on another connection.
        webhook = db.transaction().execute(async (trx) => {
          await markAccountsChanged(trx, workspaceId, late.id);
        });
        await untilWaitingForLock(db, webhook);
      },
    });
    expect(outcome.imported).toBe(true);
    await webhook;
    expect(await changedAccounts(db, workspaceId)).toEqual([early.id, late.id].sort());
    await runWorker();
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
  });
});

describe('usage linked to an account by a later group call', () => {
  it('announces the account whose rollups the earlier events joined', async () => {
    const account = await scoredAccount();
    const user = `linked-${randomUUID()}`;
    // Events of a user no account knows yet: stored, counted under no account.
    const events = Array.from({ length: 5 }, () =>
      track(user, 'Report Viewed', clock.now().toISOString()),
    );
    expect((await segmentPost(app, '/v1/batch', { batch: events }, writeKey)).status).toBe(200);
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
    // The group call gives them the account, and its rollups their counts.
    const group = {
      type: 'group',
      userId: user,
      groupId: account.external,
      messageId: randomUUID(),
    };
    expect((await segmentPost(app, '/v1/batch', { batch: [group] }, writeKey)).status).toBe(200);
    expect(await changedAccounts(db, workspaceId)).toEqual([account.id]);
    await runWorker();
    expect((await scoreOf(account.id))?.computed_at.getTime()).toBe(clock.now().getTime());
  });

  it('announces a customer the group call is the first to name, once the batch has committed', async () => {
    const groupId = `new-customer-${randomUUID()}`;
    const group = {
      type: 'group',
      userId: `first-user-${randomUUID()}`,
      groupId,
      traits: { name: 'Hooli' },
      messageId: randomUUID(),
    };
    expect((await segmentPost(app, '/v1/batch', { batch: [group] }, writeKey)).status).toBe(200);
    const created = await db
      .selectFrom('accounts')
      .select('id')
      .where('external_id', '=', groupId)
      .executeTakeFirstOrThrow();
    expect(await changedAccounts(db, workspaceId)).toEqual([created.id]);
    await runWorker();
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
  });
});
