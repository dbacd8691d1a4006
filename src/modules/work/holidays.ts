// The workspace's holidays: the days business-day offsets skip (templates/offsets.ts).
import type { Db } from '../../db/connect.ts';
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
