// Which account a Stripe customer is. Tried in order: a customer seen before, the metadata
// Steward asks customers to set (steward_account_id, external_id), then the e-mail domain.
// A match is remembered, so an invoice (which carries no subscription metadata) finds it.
import type { Db } from '../../../db/connect.ts';
import { message, type Message } from '../../../i18n/index.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import {
  liveAccountByExternalId,
  liveAccountById,
  liveAccountsOnDomain,
} from '../../accounts/index.ts';
import * as store from './store.ts';

export type CustomerHints = {
  customerId: string | null;
  /** Metadata of the objects in the event, most specific first. */
  metadata: Record<string, string>[];
  email: string | null;
};

/** The account, or why none: a message kept with the delivery for review. */
export type CustomerMatch = { accountId: string } | { reason: Message };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `Ada@Mail.Acme.com` → `mail.acme.com`. */
export function emailDomain(email: string | null): string | null {
  const domain = email?.trim().toLowerCase().split('@')[1];
  return domain && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

async function findAccount(db: Db, workspaceId: WorkspaceId, hints: CustomerHints) {
  if (hints.customerId) {
    const known = await store.accountOfKnownCustomer(db, workspaceId, hints.customerId);
    if (known) return known.id;
  }
  for (const metadata of hints.metadata) {
    const stewardId = metadata['steward_account_id'];
    if (stewardId && uuidPattern.test(stewardId)) {
      const row = await liveAccountById(db, workspaceId, stewardId);
      if (row) return row.id;
    }
    const externalId = metadata['external_id'];
    if (externalId) {
      const row = await liveAccountByExternalId(db, workspaceId, externalId);
      if (row) return row.id;
    }
  }
  const domain = emailDomain(hints.email);
  if (domain) {
    // Two accounts on one domain: guessing would bill the wrong customer, so nobody matches.
    const rows = await liveAccountsOnDomain(db, workspaceId, domain);
    if (rows.length === 1 && rows[0]) return rows[0].id;
  }
  return undefined;
}

export async function accountForCustomer(
  db: Db,
  workspaceId: WorkspaceId,
  hints: CustomerHints,
): Promise<CustomerMatch> {
  const accountId = await findAccount(db, workspaceId, hints);
  if (!accountId) {
    const domain = emailDomain(hints.email);
    const customer = hints.customerId ?? { term: 'intake.review.noCustomer' as const };
    return {
      reason: domain
        ? message('intake.review.stripeCustomerDomain', { customer, domain })
        : message('intake.review.stripeCustomer', { customer }),
    };
  }
  if (hints.customerId) {
    await store.linkCustomerRow(
      db,
      { workspaceId, customerId: hints.customerId, accountId },
      'keep',
    );
  }
  return { accountId };
}

/**
 * A person chose the account for a customer no rule matched: remember it (replacing any
 * earlier link), so this customer's later events find the account by themselves.
 */
export async function linkCustomer(
  db: Db,
  workspaceId: WorkspaceId,
  hints: CustomerHints,
  accountId: string,
): Promise<CustomerMatch> {
  if (hints.customerId) {
    await store.linkCustomerRow(
      db,
      { workspaceId, customerId: hints.customerId, accountId },
      'replace',
    );
  }
  return { accountId };
}
