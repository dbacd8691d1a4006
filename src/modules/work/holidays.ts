// The workspace's holidays: the days business-day offsets skip (templates/offsets.ts). The list
// is saved whole, so each save names the version it was made from: of two admins editing at
// once, the second is told the list changed instead of silently undoing the first's change.
import type { Db } from '../../db/connect.ts';
import { AppError, codeDetail, fieldProblem, invalid } from '../../lib/errors.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import * as store from './store.ts';

export type Holiday = { day: string; name: string };

/** The holidays by day, and the version a save of them must name. */
export type HolidayList = { items: Holiday[]; version: number };

export async function listHolidays(db: Db, workspaceId: WorkspaceId): Promise<HolidayList> {
  // The version first: a save landing between the two reads then makes this version stale and
  // the next save from it is refused, never accepted over a list this reader did not see.
  const version = await store.holidayVersion(db, workspaceId);
  return { items: await store.holidayRows(db, workspaceId), version };
}

/**
 * The holidays become exactly `items`, in one transaction with its audit entry, when the list
 * is still at `version`; otherwise nothing changes and the save is refused as a conflict.
 */
export async function replaceHolidays(
  db: Db,
  by: ChangeAuthor,
  { items, version }: HolidayList,
): Promise<HolidayList> {
  // A day is one holiday: of two names for it, neither is silently kept.
  const seen = new Set<string>();
  const twice = items.flatMap((holiday, i) => {
    if (seen.has(holiday.day)) return [fieldProblem(`items.${i}.day`, 'work.field.holidayTwice')];
    seen.add(holiday.day);
    return [];
  });
  if (twice.length > 0) throw invalid(twice);
  const saved = await db.transaction().execute(async (trx) => {
    const next = await store.raiseHolidayVersion(trx, by.workspaceId, version);
    if (next === null) throw new AppError('holidays.changed', codeDetail('holidays.changed'));
    await store.replaceHolidayRows(trx, by.workspaceId, items);
    await recordAudit(trx, by, {
      action: 'holidays.replaced',
      entityType: 'workspace',
      entityId: by.workspaceId,
      changes: { count: items.length, version: next },
    });
    return next;
  });
  return { items: [...items].sort((a, b) => a.day.localeCompare(b.day)), version: saved };
}
