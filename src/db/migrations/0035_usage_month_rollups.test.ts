// Migration 0035 on the day rollups an older Steward wrote: every day's counts and every active
// user come out of the month rows (read back through the day views) as they went in, across a
// month's last and first days; and counting into a migrated month, or deleting an account,
// keeps working on them. The fixtures are listed in the order the database sorts them back
// ("Signed In" before "reports").
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMigratingDatabase } from '../../../test/support/db.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { rollupSteps } from '../../modules/intake/segment/store/rollups.ts';

const database = await useMigratingDatabase();
const { db } = database;

type Day = { account: string; day: string; feature_key: string; events: number; logins: number };

const days: Omit<Day, 'account'>[] = [
  { day: '2026-10-01', feature_key: 'reports', events: 4, logins: 0 },
  { day: '2026-10-31', feature_key: 'Signed In', events: 3, logins: 3 },
  { day: '2026-10-31', feature_key: 'reports', events: 2, logins: 0 },
  { day: '2026-11-01', feature_key: 'reports', events: 7, logins: 1 },
  { day: '2026-11-30', feature_key: 'reports', events: 1, logins: 0 },
];
const users = [
  { day: '2026-10-01', feature_key: 'reports', user_id: 'ada' },
  { day: '2026-10-31', feature_key: 'Signed In', user_id: 'grace' },
  { day: '2026-10-31', feature_key: 'reports', user_id: 'ada' },
  { day: '2026-10-31', feature_key: 'reports', user_id: 'grace' },
  { day: '2026-11-01', feature_key: 'reports', user_id: 'ada' },
  { day: '2026-11-30', feature_key: 'reports', user_id: 'ada' },
];

let workspaceId: string;
let kept: string;
let deleted: string;

const dayRows = async () =>
  (
    await sql<Day>`select a.name as account, d.day::text as day, d.feature_key, d.events, d.logins
      from usage_days d join accounts a on a.id = d.account_id
      order by 1, 2, 3`.execute(db)
  ).rows;

const userRows = async () =>
  (
    await sql<{ account: string; day: string; feature_key: string; user_id: string }>`
      select a.name as account, u.day::text as day, u.feature_key, u.user_id
      from usage_day_users u join accounts a on a.id = u.account_id
      order by 1, 2, 3, 4`.execute(db)
  ).rows;

beforeAll(async () => {
  await database.migrateTo('0034_stage_starts_in_order');
  const { rows } = await sql<{ id: string }>`
    insert into workspaces (name, slug) values ('Old', 'old') returning id`.execute(db);
  workspaceId = rows[0]?.id ?? '';
  const account = async (name: string) =>
    (
      await sql<{ id: string }>`insert into accounts (workspace_id, name)
        values (${workspaceId}, ${name}) returning id`.execute(db)
    ).rows[0]?.id ?? '';
  kept = await account('Acme');
  deleted = await account('Globex');
  for (const accountId of [kept, deleted]) {
    for (const d of days) {
      await sql`insert into usage_daily (workspace_id, account_id, day, feature_key, events, logins)
        values (${workspaceId}, ${accountId}, ${d.day}, ${d.feature_key}, ${d.events}, ${d.logins})`.execute(
        db,
      );
    }
    for (const u of users) {
      await sql`insert into usage_daily_users (workspace_id, account_id, day, feature_key, user_id)
        values (${workspaceId}, ${accountId}, ${u.day}, ${u.feature_key}, ${u.user_id})`.execute(
        db,
      );
    }
  }
  await database.migrateTo('0035_usage_month_rollups');
});

describe('migration 0035: usage rollups by month', () => {
  it('keeps every day of counts and every active user', async () => {
    const expected = (account: string) => days.map((d) => ({ account, ...d }));
    expect(await dayRows()).toEqual([...expected('Acme'), ...expected('Globex')]);
    const expectedUsers = (account: string) => users.map((u) => ({ account, ...u }));
    expect(await userRows()).toEqual([...expectedUsers('Acme'), ...expectedUsers('Globex')]);
  });

  it('holds a month per account and feature, and a month per user', async () => {
    const { rows } = await sql<{ months: number; users: number }>`select
        (select count(*) from usage_months where account_id = ${kept})::int as months,
        (select count(*) from usage_month_users where account_id = ${kept})::int as users`.execute(
      db,
    );
    // October: reports, Signed In; November: reports. Users: October ada and grace on reports,
    // grace on Signed In; November ada.
    expect(rows[0]).toEqual({ months: 3, users: 4 });
  });

  it('adds days counted later to a migrated month, in place or as a new day', async () => {
    await sql`with changed (account_id, day, feature_key, actor, is_login) as (
        values (${kept}::uuid, '2026-11-01'::date, 'reports', 'grace', false),
          (${kept}::uuid, '2026-11-02'::date, 'reports', 'ada', true)
      ),
      ${rollupSteps(workspaceId as WorkspaceId)}
      select`.execute(db);
    const november = (await dayRows()).filter(
      (d) => d.account === 'Acme' && d.day.startsWith('2026-11'),
    );
    expect(november).toEqual([
      { account: 'Acme', day: '2026-11-01', feature_key: 'reports', events: 8, logins: 1 },
      { account: 'Acme', day: '2026-11-02', feature_key: 'reports', events: 1, logins: 1 },
      { account: 'Acme', day: '2026-11-30', feature_key: 'reports', events: 1, logins: 0 },
    ]);
    const novemberUsers = (await userRows())
      .filter((u) => u.account === 'Acme' && u.day.startsWith('2026-11'))
      .map((u) => `${u.day} ${u.user_id}`);
    expect(novemberUsers).toEqual([
      '2026-11-01 ada',
      '2026-11-01 grace',
      '2026-11-02 ada',
      '2026-11-30 ada',
    ]);
  });

  it('takes a deleted account’s month rows with it', async () => {
    await sql`delete from accounts where id = ${deleted}`.execute(db);
    const { rows } = await sql<{ n: number }>`select
        ((select count(*) from usage_months where account_id = ${deleted})
          + (select count(*) from usage_month_users where account_id = ${deleted}))::int as n`.execute(
      db,
    );
    expect(rows[0]?.n).toBe(0);
    expect((await dayRows()).filter((d) => d.account === 'Acme')).toHaveLength(days.length + 1);
  });
});
