// NPS month by month over a set of accounts, for other modules' figures (revenue's CS metrics
// for a team, a tier or a segment): Bain's split per calendar month (UTC).
import type { Db } from '../../../db/connect.ts';
import type { AccountScope } from '../../accounts/index.ts';
import * as store from '../store/surveys.ts';
import { npsFromCounts } from './nps.ts';

/** NPS per month since a moment, over some accounts or every account in scope (null). */
export async function npsByMonth(
  db: Db,
  scope: AccountScope,
  accountIds: readonly string[] | null,
  since: Date,
) {
  const months = await store.npsByMonthOfAccounts(db, scope, accountIds, since);
  return months.map((m) => ({ month: m.month, ...npsFromCounts(m) }));
}
