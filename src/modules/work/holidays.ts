// The workspace's holidays: the days business-day offsets skip (templates/offsets.ts).
import type { Db } from '../../db/connect.ts';
import { fieldProblem, invalid } from '../../lib/errors.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import * as store from './store.ts';

export type Holiday = { day: string; name: string };

export function listHolidays(db: Db, workspaceId: WorkspaceId): Promise<Holiday[]> {
  return store.holidayRows(db, workspaceId);
}

/** The holidays become exactly `items`, in one transaction with its audit entry; by day. */
export async function replaceHolidays(
  db: Db,
  by: ChangeAuthor,
  items: Holiday[],
): Promise<Holiday[]> {
  // A day is one holiday: of two names for it, neither is silently kept.
  const seen = new Set<string>();
  const twice = items.flatMap((holiday, i) => {
    if (seen.has(holiday.day)) return [fieldProblem(`items.${i}.day`, 'work.field.holidayTwice')];
    seen.add(holiday.day);
    return [];
  });
  if (twice.length > 0) throw invalid(twice);
  await db.transaction().execute(async (trx) => {
    await store.replaceHolidayRows(trx, by.workspaceId, items);
    await recordAudit(trx, by, {
      action: 'holidays.replaced',
      entityType: 'workspace',
      entityId: by.workspaceId,
      changes: { count: items.length },
    });
  });
  return [...items].sort((a, b) => a.day.localeCompare(b.day));
}
