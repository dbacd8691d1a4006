// Billing's writes to accounts: the rows locked while a contract changes, and the ARR,
// currency and renewal date Stripe's contracts or a contracts file work out.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';

/**
 * Takes the accounts' rows for a billing change (`for no key update`), so two changes to one
 * account's contracts happen one after the other; returns their ARR and currency. Not `for
 * update`: rows that only reference the account (a contact, a ticket, a tracked user's link)
 * are not held up until a long contract file commits, which also left a cycle with intake's
 * marks of changed accounts.
 */
export async function lockAccountsForBilling(
  db: Db,
  workspaceId: WorkspaceId,
  accountIds: readonly string[],
): Promise<Map<string, { arrAmount: number; currency: string }>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'arr_amount', 'currency'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', sql<string>`any(${[...new Set(accountIds)]}::uuid[])`)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  return new Map(rows.map((r) => [r.id, { arrAmount: r.arr_amount, currency: r.currency }]));
}

export type AccountBilling = {
  accountId: string;
  arrAmount: number;
  currency: string;
  /** The end of the paid period; null leaves the renewal date as it is. */
  renewalDate: string | null;
};

/** Sets ARR, currency and (where given) the renewal date billing worked out, in one statement. */
export async function setAccountsBilling(
  db: Db,
  workspaceId: WorkspaceId,
  accounts: readonly AccountBilling[],
): Promise<void> {
  if (accounts.length === 0) return;
  await sql`
    update accounts a set
      arr_amount = b.arr_amount,
      currency = b.currency,
      renewal_date = coalesce(b.renewal_date, a.renewal_date),
      updated_at = now()
    from unnest(
      ${accounts.map((b) => b.accountId)}::uuid[], ${accounts.map((b) => b.arrAmount)}::bigint[],
      ${accounts.map((b) => b.currency)}::text[], ${accounts.map((b) => b.renewalDate)}::date[]
    ) as b(account_id, arr_amount, currency, renewal_date)
    where a.workspace_id = ${workspaceId} and a.id = b.account_id`.execute(db);
}
