// Backfilling historical usage from CSV: through the accounts importer (CLI and web import
// API), into the daily rollups adoption is read from, idempotently.
import { randomUUID } from 'node:crypto';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/cli/import.ts';
import { toTaskList } from '../../../src/jobs/registry.ts';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import {
  importCsv,
  importJobs,
  rejectionReason,
} from '../../../src/modules/intake/import/index.ts';
import { origin, sessionCookieOf, testApp } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { runTasksOnce } from '../../support/jobs.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';

const { deps, database } = await useTestDeps();
const { db } = deps;
const app = testApp(deps);
const dir = await mkdtemp(path.join(os.tmpdir(), 'steward-usage-backfill-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

let workspaceId: WorkspaceId;
let slug: string;
let sessionCookie: string;

beforeAll(async () => {
  const workspace = await makeWorkspace(db);
  workspaceId = workspace.id;
  slug = workspace.slug;
  await db
    .insertInto('usage_features')
    .values({ workspace_id: workspaceId, key: 'reports', label: 'Reports', events: ['Report *'] })
    .execute();
  const admin = await makeUser(db, workspaceId, { role: 'admin' });
  sessionCookie = await sessionCookieOf(app, admin.email, testPassword);
});

const backfill = (csv: string, options: { dryRun?: boolean; skipInvalid?: boolean } = {}) =>
  importCsv(Readable.from([Buffer.from(csv)]), {
    db,
    by: { workspaceId, userId: null },
    entity: 'usage',
    dryRun: options.dryRun ?? false,
    skipInvalid: options.skipInvalid ?? false,
    importId: randomUUID(),
    fileName: 'usage.csv',
  });

const rollupsOf = (accountId: string) =>
  db
    .selectFrom('usage_days')
    .select(['day', 'feature_key', 'events', 'logins'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('day')
    .orderBy('feature_key')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, day: String(r.day) })));

const usersOf = (accountId: string) =>
  db
    .selectFrom('usage_day_users')
    .select(['day', 'feature_key', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('day')
    .orderBy('feature_key')
    .orderBy('user_id')
    .execute()
    .then((rows) => rows.map((r) => `${String(r.day)} ${r.feature_key} ${r.user_id}`));

describe('backfilling usage rollups from CSV', () => {
  it('writes events, logins and active users per account, feature and day', async () => {
    const account = await makeAccount(db, workspaceId);
    const csv = [
      'account_external_id,day,feature,events,logins,active_users',
      `${account.external_id},2026-03-02,Report Viewed,12,,ada;bob`,
      `${account.external_id},2026-03-02,Signed In,3,,ada bob`,
      `${account.external_id},2026-03-03,exports,5,0,ada`,
    ].join('\n');
    const outcome = await backfill(csv);
    expect(outcome).toMatchObject({
      imported: true,
      processedRows: 3,
      counts: { created: 3, updated: 0, unchanged: 0, rejected: 0 },
    });
    expect(await rollupsOf(account.id)).toEqual([
      // "Report Viewed" counts under the catalog's feature; a login event's events are logins.
      { day: '2026-03-02', feature_key: 'Signed In', events: 3, logins: 3 },
      { day: '2026-03-02', feature_key: 'reports', events: 12, logins: 0 },
      { day: '2026-03-03', feature_key: 'exports', events: 5, logins: 0 },
    ]);
    expect(await usersOf(account.id)).toEqual([
      '2026-03-02 Signed In ada',
      '2026-03-02 Signed In bob',
      '2026-03-02 reports ada',
      '2026-03-02 reports bob',
      '2026-03-03 exports ada',
    ]);

    // The same file again changes nothing; a changed count replaces the day's count.
    expect((await backfill(csv)).counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      rejected: 0,
    });
    expect(await rollupsOf(account.id)).toHaveLength(3);
    const changed = csv.replace('Report Viewed,12,', 'Report Viewed,20,');
    expect((await backfill(changed)).counts).toEqual({
      created: 0,
      updated: 1,
      unchanged: 2,
      rejected: 0,
    });
    expect((await rollupsOf(account.id))[1]).toMatchObject({ feature_key: 'reports', events: 20 });
  });

  it('reports every bad row by line and reason, and imports nothing unless asked', async () => {
    const account = await makeAccount(db, workspaceId);
    const ext = account.external_id ?? '';
    const csv = [
      'Account External ID,Day,Feature,Events,Logins',
      `${ext},2026-04-01,Dashboard Viewed,4,`,
      `${ext},2026-02-30,Dashboard Viewed,4,`,
      `nobody-here,2026-04-01,Dashboard Viewed,4,`,
      `${ext},2026-04-02,Dashboard Viewed,-1,`,
      `${ext},2026-04-02,Exports,3,5`,
      `${ext},2026-04-01,Dashboard Viewed,9,`,
      `${ext},2026-04-03,,1,`,
    ].join('\n');
    const outcome = await backfill(csv);
    expect(outcome.imported).toBe(false);
    const inEnglish = outcome.rejections.map(({ line, problems }) => ({
      line,
      reason: rejectionReason(problems, 'en'),
    }));
    expect(inEnglish).toEqual([
      { line: 3, reason: 'day: must be a date as YYYY-MM-DD' },
      { line: 4, reason: 'accountExternalId: no account has the external id nobody-here' },
      { line: 5, reason: 'events: must be a whole number, 0 or more' },
      { line: 6, reason: 'logins: cannot be more than the events' },
      {
        line: 7,
        reason: `feature: Dashboard Viewed of ${ext} on 2026-04-01 is on line 2 already`,
      },
      { line: 8, reason: 'feature: is required' },
    ]);
    expect(await rollupsOf(account.id)).toEqual([]);

    const dry = await backfill(csv, { dryRun: true, skipInvalid: true });
    expect(dry.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 6 });
    expect(await rollupsOf(account.id)).toEqual([]);

    const skipping = await backfill(csv, { skipInvalid: true });
    expect(skipping.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 6 });
    expect(await rollupsOf(account.id)).toEqual([
      { day: '2026-04-01', feature_key: 'Dashboard Viewed', events: 4, logins: 0 },
    ]);
  });

  it('shows backfilled days in the account adoption figures', async () => {
    const account = await makeAccount(db, workspaceId, { seats: 10 });
    await backfill(
      [
        'account_external_id,day,feature,events,active_users',
        `${account.external_id},2026-05-10,reports,8,u1;u2;u3`,
        `${account.external_id},2026-05-20,reports,2,u3;u4`,
      ].join('\n'),
    );
    const response = await app.request(
      `${origin}/api/v1/accounts/${account.id}/adoption?date=2026-05-31`,
      { headers: { cookie: sessionCookie } },
    );
    expect(response.status).toBe(200);
    const adoption = (await response.json()) as {
      activeUsers: { mau: number };
      features: { key: string; events: number; users: number }[];
    };
    expect(adoption.activeUsers.mau).toBe(4);
    expect(adoption.features).toEqual([
      expect.objectContaining({ key: 'reports', events: 10, users: 4 }),
    ]);
  });

  it('backfills from a file through the CLI', async () => {
    const account = await makeAccount(db, workspaceId);
    const file = path.join(dir, 'usage.csv');
    const lines = ['account_external_id,day,feature,events'];
    for (let d = 1; d <= 28; d++) {
      lines.push(`${account.external_id},2026-02-${String(d).padStart(2, '0')},Report Viewed,${d}`);
    }
    await writeFile(file, `${lines.join('\n')}\n`);
    const out: string[] = [];
    const sink = { write: (chunk: string) => out.push(chunk) > 0, isTTY: false };
    const run = () =>
      importCommand(
        { deps, applied: [] },
        'usage',
        file,
        { workspace: slug },
        {
          stdout: sink as unknown as NodeJS.WritableStream,
          stderr: sink as unknown as NodeJS.WriteStream,
        },
      );
    await run();
    expect(out.join('')).toContain('Imported: 28 rows of usage');
    expect(out.join('')).toContain('28 created, 0 updated, 0 unchanged, 0 rejected');
    out.length = 0;
    await run();
    expect(out.join('')).toContain('0 created, 0 updated, 28 unchanged, 0 rejected');
    const total = (await rollupsOf(account.id)).reduce((sum, r) => sum + r.events, 0);
    expect(total).toBe((28 * 29) / 2);
  });

  it('backfills through the web import API, run by the worker', async () => {
    const account = await makeAccount(db, workspaceId);
    const form = new FormData();
    const csv = `Customer,Date,Event,Count\n${account.external_id},2026-06-01,Report Viewed,7\n`;
    form.set('file', new File([csv], 'usage.csv', { type: 'text/csv' }));
    form.set(
      'mapping',
      JSON.stringify({
        Customer: 'accountExternalId',
        Date: 'day',
        Event: 'feature',
        Count: 'events',
      }),
    );
    const response = await app.request(`${origin}/api/v1/imports?entity=usage`, {
      method: 'POST',
      headers: { cookie: sessionCookie, origin },
      body: form,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await runTasksOnce(database.pool, toTaskList(deps, importJobs));
    const done = await (
      await app.request(`${origin}/api/v1/imports/${id}`, { headers: { cookie: sessionCookie } })
    ).json();
    expect(done).toMatchObject({
      entity: 'usage',
      status: 'done',
      counts: { created: 1, updated: 0, unchanged: 0, rejected: 0 },
    });
    expect(await rollupsOf(account.id)).toEqual([
      { day: '2026-06-01', feature_key: 'reports', events: 7, logins: 0 },
    ]);
  });
});
