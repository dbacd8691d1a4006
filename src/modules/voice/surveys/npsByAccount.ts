// NPS per account, for other modules' figures: Bain's score and the number of answers behind
// it, for each account that answered in the window (revenue's expansion signals), or for one
// account (its QBR prep page).
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

/**
 * One account's NPS since a moment, and the split behind it (`nps` null when nobody answered);
 * an account out of scope reads as one nobody answered for.
 */
export async function accountNps(
  db: Db,
  scope: AccountScope,
  accountId: string,
  options: { since: Date },
) {
  return npsFromCounts(await store.npsCountsOfAccount(db, scope, accountId, options.since));
}
