// Time to value across a book: each account's first day of use, first day with enough events
// over all its features and first day of a value feature, read from the month rollups at once —
// the same days as reading one account's whole history day by day.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import { valueEventThreshold } from '../../../src/modules/intake/adoption/figures.ts';
import {
  valueMilestones,
  valueMilestonesAcross,
} from '../../../src/modules/intake/adoption/store.ts';
import { countDays } from '../../../src/modules/intake/segment/store/rollups.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace } from '../../support/factories.ts';
import { addUsageDays } from '../../support/usage.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const { db } = deps;
const valueFeatures = ['reports'];
let workspaceId: WorkspaceId;
let csmId: string;
const ids: Record<string, string> = {};

/** `account`'s `events` of `feature` on each of `days`. */
function use(account: string, feature: string, events: number, days: string[]) {
  return days.map((day) => ({ account, feature, events, day }));
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(db)).id;
  csmId = (await makeUser(db, workspaceId, { role: 'csm' })).id;
  for (const name of ['slowStart', 'firstDayBusy', 'lateEvent', 'neverUsed']) {
    ids[name] = (await makeAccount(db, workspaceId, { owner_id: csmId })).id;
  }
  ids.others = (await makeAccount(db, workspaceId)).id;
  const usage = [
    // First seen on a month's last day; August holds 24 events but no day reaches 20; on
    // September's last day three features reach it only together; a feature alone reaches it in
    // October, when the value feature is first used.
    ...use('slowStart', 'Signed In', 3, ['2026-07-31']),
    ...use('slowStart', 'exports', 19, ['2026-08-15']),
    ...use('slowStart', 'search', 5, ['2026-08-16']),
    ...use('slowStart', 'Signed In', 8, ['2026-09-30']),
    ...use('slowStart', 'exports', 7, ['2026-09-30']),
    ...use('slowStart', 'search', 5, ['2026-09-30']),
    ...use('slowStart', 'exports', 25, ['2026-10-01']),
    ...use('slowStart', 'reports', 1, ['2026-10-20']),
    // Everything on its first day, a month's first: one feature's 20 events, the value feature.
    ...use('firstDayBusy', 'exports', 20, ['2026-09-01']),
    ...use('firstDayBusy', 'reports', 1, ['2026-09-01', '2026-09-02']),
    ...use('lateEvent', 'Signed In', 1, ['2026-10-20']),
    ...use('others', 'reports', 30, ['2026-06-30']),
  ];
  await addUsageDays(
    db,
    sql`select ${workspaceId}::uuid, a.id, u.day, u.feature, u.events, 0
      from jsonb_to_recordset(${JSON.stringify(usage)}::jsonb)
        as u(account text, feature text, events int, day date)
      join accounts a on a.id = (${JSON.stringify(ids)}::jsonb ->> u.account)::uuid`,
  );
  // An event of an earlier day that came in late, as a live batch adds it: the month row's days
  // are then out of order (20, then 3).
  await sql`with late as (${countDays(
    workspaceId,
    sql`(select date '2026-10-01' as month, ${ids.lateEvent}::uuid as account_id,
      'Signed In' as feature_key, 3::smallint as day_of_month, 1 as events, 0 as logins)`,
  )}) select`.execute(db);
});

/** Time to value's firsts across one owner's book, or the whole workspace (null). */
const across = (owner: string | null) =>
  valueMilestonesAcross(
    db,
    { workspaceId, onlyOwner: null },
    owner,
    valueEventThreshold,
    valueFeatures,
  );

describe('time to value across a book', () => {
  it('finds each first from the month rows, as day by day', async () => {
    const rows = await across(csmId);
    const firsts = Object.fromEntries(
      rows.map((r) => [
        Object.keys(ids).find((name) => ids[name] === r.accountId),
        [r.firstDay, r.firstBusyDay, r.firstValueFeatureDay],
      ]),
    );
    expect(firsts).toEqual({
      slowStart: ['2026-07-31', '2026-09-30', '2026-10-20'],
      firstDayBusy: ['2026-09-01', '2026-09-01', '2026-09-01'],
      lateEvent: ['2026-10-03', null, null],
      neverUsed: [null, null, null],
    });
    const { rows: held } = await sql<{ days: number[] }>`
      select days from usage_months where account_id = ${ids.lateEvent}`.execute(db);
    expect(held).toEqual([{ days: [20, 3] }]);
    for (const row of rows) {
      const one = await valueMilestones(
        db,
        workspaceId,
        row.accountId,
        valueEventThreshold,
        valueFeatures,
      );
      expect([row.firstDay, row.firstBusyDay, row.firstValueFeatureDay]).toEqual([
        one.firstDay,
        one.firstBusyDay,
        one.firstValueFeatureDay,
      ]);
    }
  });

  it('reads the whole workspace for a manager', async () => {
    const rows = await across(null);
    expect(rows.find((r) => r.accountId === ids.others)).toMatchObject({
      firstDay: '2026-06-30',
      firstBusyDay: '2026-06-30',
      firstValueFeatureDay: '2026-06-30',
      historyFrom: '2026-06-30',
    });
    expect(rows).toHaveLength(5);
  });
});
