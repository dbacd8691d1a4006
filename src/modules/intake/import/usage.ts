// A usage row of a CSV import: one account's use of one feature on one day, checked cell by
// cell; written into the Segment intake's daily rollups (segment/backfill.ts).
import type { ImportPlan } from './fields.ts';
import { about, rowMessage } from './problems.ts';
import { columnCountProblem, readText, rowReader, type Cell, type RowResult } from './rows.ts';
import { isLoginEvent, type UsageDay } from '../segment/index.ts';

/** A day of use as the file names it: by the account's external id, on its line. */
export type UsageRecord = Omit<UsageDay, 'accountId'> & { line: number; accountExternalId: string };

const maxCount = 2_147_483_647;
const maxUsersPerRow = 10_000;

function readCount(text: string): Cell<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { problem: rowMessage('count') };
  const n = Number(t);
  return n <= maxCount ? { value: n } : { problem: rowMessage('tooLarge') };
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
    : { problem: rowMessage('date') };
}

function readUsers(text: string): Cell<string[]> {
  const users = [...new Set(text.split(/[;\s]+/).filter((u) => u !== ''))];
  if (users.some((u) => u.length > 200)) return { problem: rowMessage('userIdTooLong') };
  return users.length <= maxUsersPerRow
    ? { value: users }
    : // A string: the English report has always written the limit without a separator.
      { problem: rowMessage('tooManyUsers', { max: String(maxUsersPerRow) }) };
}

/** One row → a day of one feature's use, or every problem with it named by field. */
export function readUsageRow(
  cells: string[],
  line: number,
  plan: ImportPlan,
  featureOf: (name: string) => string,
): RowResult<UsageRecord> {
  const countProblem = columnCountProblem(cells, plan);
  if (countProblem) return { problems: [countProblem] };
  const row = rowReader(cells, plan);
  const accountExternalId = row.take('accountExternalId', readText(200));
  const day = row.take('day', readDay);
  const feature = row.take('feature', readText(500));
  const events = row.take('events', readCount);
  const logins = row.take('logins', readOptionalCount) ?? null;
  const users = row.take('activeUsers', readUsers) ?? [];
  if (logins !== null && events !== undefined && logins > events) {
    row.problems.push(about('logins', rowMessage('loginsOverEvents')));
  }
  if (
    row.problems.length > 0 ||
    accountExternalId === undefined ||
    day === undefined ||
    feature === undefined ||
    events === undefined
  ) {
    return { problems: row.problems };
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

/** The rollup key of a record, to refuse a second row for the same account, feature and day. */
export const usageKey = (r: UsageRecord) =>
  `${r.accountExternalId}\u0000${r.day}\u0000${r.featureKey}`;
