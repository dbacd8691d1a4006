// Saved segments for the NPS dashboard: each segment the person may use (their own and those
// shared with the workspace), with the accounts its filters find for them today — as the
// portfolio finds them, so a segment means the same on both pages.
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { UserId } from '../../../lib/ids.ts';
import {
  listSegments,
  portfolio,
  portfolioQuery,
  type AccountScope,
} from '../../accounts/index.ts';

export type SegmentViewer = { scope: AccountScope; userId: UserId; clock: Clock };
export type SegmentAccounts = { id: string; name: string; accountIds: Set<string> };

/** Portfolio pages read for one segment: far beyond any real book of business. */
const pageLimit = 40;

async function accountsOf(db: Db, viewer: SegmentViewer, segment: string) {
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < pageLimit; page++) {
    const result = await portfolio(
      db,
      viewer.clock,
      { scope: viewer.scope, userId: viewer.userId },
      {
        query: portfolioQuery.parse({ segment, limit: 500, ...(cursor ? { cursor } : {}) }),
        custom: {},
      },
    );
    for (const account of result.items) ids.add(account.id);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return ids;
}

/**
 * The person's saved segments with their accounts. A segment whose saved filters no longer make
 * a query (a custom field since deleted) finds no accounts rather than failing the dashboard.
 */
export async function segmentsWithAccounts(
  db: Db,
  viewer: SegmentViewer,
): Promise<SegmentAccounts[]> {
  const segments = await listSegments(db, viewer.scope.workspaceId, viewer.userId);
  return Promise.all(
    segments.map(async (segment) => {
      try {
        return {
          id: segment.id,
          name: segment.name,
          accountIds: await accountsOf(db, viewer, segment.id),
        };
      } catch (error) {
        if (error instanceof AppError && error.code === 'request.invalid') {
          return { id: segment.id, name: segment.name, accountIds: new Set<string>() };
        }
        throw error;
      }
    }),
  );
}
