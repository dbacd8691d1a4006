// A usage history import and a feature defined while it runs: every backfilled day ends up
// under the feature its name counts for, whichever batch it came in.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { toTaskList } from '../../../src/jobs/registry.ts';
import type { AccountId, WorkspaceId } from '../../../src/lib/ids.ts';
import { importCsv } from '../../../src/modules/intake/import/index.ts';
import { defineFeature, usageJobs } from '../../../src/modules/intake/segment/index.ts';
import { useTestDeps } from '../../support/deps.ts';
import { runTasksOnce } from '../../support/jobs.ts';
import { makeAccount, makeWorkspace } from '../../support/factories.ts';

const { deps, database } = await useTestDeps();
const { db } = deps;
/** The history move a definition queued, run as the worker would. */
function runJobs() {
  return runTasksOnce(database.pool, toTaskList(deps, usageJobs));
}

/** A file of `days` report views, a day a line back from 2026-10-31: more than one batch. */
function reportViews(externalId: string, days: number): string {
  const lines = Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.UTC(2026, 9, 31 - i)).toISOString().slice(0, 10);
    return `${externalId},${day},Report Viewed,3,,ada`;
  });
  return ['account_external_id,day,feature,events,logins,active_users', ...lines].join('\n');
}

const reports = { key: 'reports', label: 'Reports', events: ['Report *'] };

async function rollupKeys(workspaceId: WorkspaceId, accountId: AccountId) {
  const rows = await db
    .selectFrom('usage_days')
    .select(['feature_key', (eb) => eb.fn.countAll<number>().as('days')])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .groupBy('feature_key')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.feature_key, Number(r.days)]));
}

async function importWith(
  workspaceId: WorkspaceId,
  csv: string,
  options: { skipInvalid: boolean; afterFirstBatch: () => Promise<void> },
) {
  let batches = 0;
  return importCsv(Readable.from([Buffer.from(csv)]), {
    db,
    by: { workspaceId, userId: null },
    entity: 'usage',
    dryRun: false,
    skipInvalid: options.skipInvalid,
    importId: randomUUID(),
    fileName: 'usage.csv',
    onProgress: async () => {
      if (++batches === 1) await options.afterFirstBatch();
    },
  });
}

describe('a feature defined while usage history is imported', () => {
  it('counts the days of batches written after the definition under the feature', async () => {
    const workspaceId = (await makeWorkspace(db)).id;
    const account = await makeAccount(db, workspaceId, { external_id: `acme-${randomUUID()}` });
    const outcome = await importWith(workspaceId, reportViews(account.external_id ?? '', 1_200), {
      skipInvalid: true,
      // The first thousand days are in; Reports is defined and its history moved.
      afterFirstBatch: async () => {
        await defineFeature(
          db,
          { workspaceId, userId: null },
          { ...reports, premium: false, value: false },
        );
        await runJobs();
      },
    });
    expect(outcome.counts).toMatchObject({ created: 1_200, rejected: 0 });
    expect(await rollupKeys(workspaceId, account.id)).toEqual({ reports: 1_200 });
  });

  it('waits for an import written all or nothing, then moves its days to the feature', async () => {
    const workspaceId = (await makeWorkspace(db)).id;
    const account = await makeAccount(db, workspaceId, { external_id: `acme-${randomUUID()}` });
    let defining: Promise<unknown> = Promise.resolve();
    const outcome = await importWith(workspaceId, reportViews(account.external_id ?? '', 1_200), {
      skipInvalid: false,
      afterFirstBatch: async () => {
        defining = defineFeature(
          db,
          { workspaceId, userId: null },
          { ...reports, premium: false, value: false },
        );
        const first = await Promise.race([
          defining.then(() => 'defined'),
          sleep(300).then(() => 'waiting'),
        ]);
        expect(first).toBe('waiting');
      },
    });
    expect(outcome).toMatchObject({ imported: true, counts: { created: 1_200 } });
    await defining;
    await runJobs();
    expect(await rollupKeys(workspaceId, account.id)).toEqual({ reports: 1_200 });
  });
});
