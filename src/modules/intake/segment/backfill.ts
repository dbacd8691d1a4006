// Historical usage from a CSV file, through the accounts importer (entity `usage`): one row
// per account, feature and day with its event count, logins and active users, written
// straight into the daily rollups the rest of Steward reads. Raw events are not made up: a
// backfill is history from before Steward listened, and rollups outlive raw events anyway.
//
// The file's counts replace the day's counts (so a re-run changes nothing); its active
// users are added to those the day has.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { ImportPlan } from '../../accounts/import/fields.ts';
import {
  columnCountProblem,
  rowReader,
  type Cell,
  type RowResult,
} from '../../accounts/import/rows.ts';
import type { WriteCounts } from '../../accounts/import/upsert.ts';
import { featureCatalog, featureMapper } from './features.ts';
import { isLoginEvent } from './rollups.ts';

export type UsageRecord = {
  line: number;
  accountExternalId: string;
  day: string;
  featureKey: string;
  events: number;
  logins: number;
  users: string[];
};

const maxCount = 2_147_483_647;
const maxUsersPerRow = 10_000;

function readCount(text: string): Cell<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { problem: 'must be a whole number, 0 or more' };
  const n = Number(t);
  return n <= maxCount ? { value: n } : { problem: 'is too large' };
}

function readOptionalCount(text: string): Cell<number | null> {
  return text.trim() === '' ? { value: null } : readCount(text);
}

function readDay(text: string): Cell<string> {
  const t = text.trim();
  const at = Date.parse(`${t}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(t) &&
    !Number.isNaN(at) &&
    new Date(at).toISOString().startsWith(t)
    ? { value: t }
    : { problem: 'must be a date as YYYY-MM-DD' };
}

function readName(max: number) {
  return (text: string): Cell<string> => {
    const t = text.trim();
    if (t === '') return { problem: 'is required' };
    return t.length <= max ? { value: t } : { problem: `must be at most ${max} characters` };
  };
}

function readUsers(text: string): Cell<string[]> {
  const users = [...new Set(text.split(/[;\s]+/).filter((u) => u !== ''))];
  if (users.some((u) => u.length > 200)) return { problem: 'a user id is over 200 characters' };
  return users.length <= maxUsersPerRow
    ? { value: users }
    : { problem: `at most ${maxUsersPerRow} users a row` };
}

/** One row → a day of one feature's use, or every problem with it named by field. */
export function readUsageRow(
  cells: string[],
  line: number,
  plan: ImportPlan,
  featureOf: (name: string) => string,
): RowResult<UsageRecord> {
  const countProblem = columnCountProblem(cells, plan);
  if (countProblem) return { reason: countProblem };
  const row = rowReader(cells, plan);
  const accountExternalId = row.take('accountExternalId', readName(200));
  const day = row.take('day', readDay);
  const feature = row.take('feature', readName(500));
  const events = row.take('events', readCount);
  const logins = row.take('logins', readOptionalCount) ?? null;
  const users = row.take('activeUsers', readUsers) ?? [];
  if (logins !== null && events !== undefined && logins > events) {
    row.problems.push('logins: cannot be more than the events');
  }
  if (
    row.problems.length > 0 ||
    accountExternalId === undefined ||
    day === undefined ||
    feature === undefined ||
    events === undefined
  ) {
    return { reason: row.problems.join('; ') };
  }
  return {
    record: {
      line,
      accountExternalId,
      day,
      featureKey: featureOf(feature),
      events,
      // As live intake counts them: every event of a login event is a login.
      logins: logins ?? (isLoginEvent(feature) ? events : 0),
      users,
    },
  };
}

/** A feature key names itself; any other name is an event, counted under its feature. */
export async function backfillFeatureOf(
  db: Db,
  workspaceId: WorkspaceId,
): Promise<(name: string) => string> {
  const catalog = await featureCatalog(db, workspaceId);
  const keys = new Set(catalog.map((f) => f.key));
  const eventFeature = featureMapper(catalog);
  return (name) => (keys.has(name) ? name : eventFeature(name));
}

/** The rollup key of a record, to refuse a second row for the same account, feature and day. */
export const usageKey = (r: UsageRecord) =>
  `${r.accountExternalId}\u0000${r.day}\u0000${r.featureKey}`;

/**
 * One statement per batch: upserts the day's counts where they differ and adds the active
 * users; a record is `created` when its rollup row is new, `updated` when the counts changed
 * or a user was added, else `unchanged`.
 */
export async function upsertUsageRollups(
  db: Db,
  workspaceId: WorkspaceId,
  records: readonly (UsageRecord & { accountId: string })[],
): Promise<WriteCounts> {
  if (records.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const userRow: number[] = [];
  const userIds: string[] = [];
  records.forEach((r, i) => {
    for (const user of r.users) {
      userRow.push(i + 1);
      userIds.push(user);
    }
  });
  const { rows } = await sql<{ created: number; updated: number }>`
    with input as (
      select * from unnest(
        ${records.map((r) => r.accountId)}::uuid[], ${records.map((r) => r.day)}::date[],
        ${records.map((r) => r.featureKey)}::text[], ${records.map((r) => r.events)}::int[],
        ${records.map((r) => r.logins)}::int[]
      ) with ordinality as t(account_id, day, feature_key, events, logins, n)
    ),
    daily as (
      insert into usage_daily (workspace_id, account_id, day, feature_key, events, logins)
      select ${workspaceId}, account_id, day, feature_key, events, logins from input
      order by account_id, day, feature_key
      on conflict (workspace_id, account_id, day, feature_key) do update
        set events = excluded.events, logins = excluded.logins
        where (usage_daily.events, usage_daily.logins)
          is distinct from (excluded.events, excluded.logins)
      returning account_id, day, feature_key, xmax = 0 as inserted
    ),
    active as (
      insert into usage_daily_users (workspace_id, account_id, day, feature_key, user_id)
      select distinct ${workspaceId}::uuid, input.account_id, input.day, input.feature_key, u.user_id
      from unnest(${userRow}::int[], ${userIds}::text[]) as u(n, user_id)
      join input using (n)
      order by 2, 3, 4, 5
      on conflict do nothing
      returning account_id, day, feature_key
    ),
    touched as (
      select account_id, day, feature_key from daily where not inserted
      union
      select account_id, day, feature_key from active
      except
      select account_id, day, feature_key from daily where inserted
    )
    select (select count(*) from daily where inserted)::int as created,
      (select count(*) from touched)::int as updated`.execute(db);
  const created = rows[0]?.created ?? 0;
  const updated = rows[0]?.updated ?? 0;
  return { created, updated, unchanged: records.length - created - updated };
}
