// NPS per account, for other modules' figures (revenue's expansion signals): Bain's score and
// the number of answers behind it, for each account that answered in the window.
import type { Db } from '../../../db/connect.ts';
import type { AccountScope } from '../../accounts/index.ts';
import * as store from '../store/surveys.ts';
import { npsFromCounts } from './nps.ts';

/**
 * Each account in scope (`owner`: only that person's) with NPS answers since a moment: its NPS
 * and how many answered. An account nobody answered for is left out.
 */
export async function npsByAccount(
  db: Db,
  scope: AccountScope,
  options: { owner: string | null; since: Date },
) {
  const rows = await store.npsCountsPerAccount(db, scope, options.owner, options.since);
  return rows.flatMap((row) => {
    const { nps, responses } = npsFromCounts(row);
    return nps === null ? [] : [{ accountId: row.accountId, nps, responses }];
  });
}
