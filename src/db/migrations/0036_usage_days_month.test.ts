// Migration 0036 on month rows written before it: the day view gives the same day rows as it
// did, each with the first day of its month, across a month's last and first days and with a
// month's days out of order in its row.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMigratingDatabase } from '../../../test/support/db.ts';

const database = await useMigratingDatabase();
const { db } = database;

type Day = { day: string; feature_key: string; events: number; logins: number };

const dayRows = async (withMonth = sql``) =>
  (
    await sql<Day & { month?: string }>`select day::text, feature_key, events, logins ${withMonth}
      from usage_days order by day, feature_key`.execute(db)
  ).rows;

let before: Day[];

beforeAll(async () => {
  await database.migrateTo('0035_usage_month_rollups');
  const { rows } = await sql<{ id: string }>`
    insert into workspaces (name, slug) values ('Old', 'old') returning id`.execute(db);
  const workspaceId = rows[0]?.id ?? '';
  const account = await sql<{ id: string }>`insert into accounts (workspace_id, name)
    values (${workspaceId}, 'Acme') returning id`.execute(db);
  const accountId = account.rows[0]?.id ?? '';
  await sql`insert into usage_months (workspace_id, month, account_id, feature_key, days, events, logins)
    values (${workspaceId}, '2026-10-01', ${accountId}, 'reports', '{31,1}', '{2,4}', '{0,1}'),
      (${workspaceId}, '2026-11-01', ${accountId}, 'reports', '{1}', '{7}', '{1}')`.execute(db);
  before = await dayRows();
  await database.migrateTo('0036_usage_days_month');
});

describe('migration 0036: the day view shows the month', () => {
  it('gives the same day rows, each with its month', async () => {
    const after = await dayRows(sql`, month::text`);
    expect(after).toEqual(before.map((row) => ({ ...row, month: `${row.day.slice(0, 7)}-01` })));
    expect(after.map((row) => `${row.day} ${row.feature_key} ${row.events} ${row.month}`)).toEqual([
      '2026-10-01 reports 4 2026-10-01',
      '2026-10-31 reports 2 2026-10-01',
      '2026-11-01 reports 7 2026-11-01',
    ]);
  });
});
