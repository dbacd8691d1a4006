// Which account or contact an outside record means: by the outside system's id, Steward's id
// or an e-mail domain. Each reads many names in one statement where a source sends many.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { AccountId, WorkspaceId } from '../../../../lib/ids.ts';

/** The workspace's live (not deleted) accounts, their ids selected. */
function liveAccounts(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('accounts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null);
}

/** Which of these external ids are accounts already (deleted ones too: an upsert revives them). */
export async function knownAccountExternalIds(
  db: Db,
  workspaceId: WorkspaceId,
  externalIds: readonly string[],
): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('accounts')
    .select('external_id')
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', sql<string>`any(${[...new Set(externalIds)]}::text[])`)
    .execute();
  return new Set(rows.flatMap((r) => (r.external_id === null ? [] : [r.external_id])));
}

/**
 * Contacts by external id, with their account: what a partial update by external id keeps
 * when it names neither (a new contact needs both).
 */
export async function contactsByExternalId(
  db: Db,
  workspaceId: WorkspaceId,
  externalIds: readonly string[],
): Promise<Map<string, { accountId: AccountId; name: string }>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .select(['external_id', 'account_id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', sql<string>`any(${[...new Set(externalIds)]}::text[])`)
    .execute();
  return new Map(
    rows.flatMap((r) =>
      r.external_id === null
        ? []
        : [[r.external_id, { accountId: r.account_id as AccountId, name: r.name }]],
    ),
  );
}

/** Live accounts by external id: what contacts, usage and contracts attach to. */
export async function accountIdsByExternalId(
  db: Db,
  workspaceId: WorkspaceId,
  externalIds: readonly string[],
): Promise<Map<string, AccountId>> {
  if (externalIds.length === 0) return new Map();
  const rows = await liveAccounts(db, workspaceId)
    .select('external_id')
    .where('external_id', '=', sql<string>`any(${[...new Set(externalIds)]}::text[])`)
    .execute();
  return new Map(
    rows.flatMap((r) => (r.external_id === null ? [] : [[r.external_id, r.id as AccountId]])),
  );
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live account a source names by its external id, else by its Steward id. */
export async function accountIdNamedBy(
  db: Db,
  workspaceId: WorkspaceId,
  name: string,
): Promise<AccountId | undefined> {
  const row = await liveAccounts(db, workspaceId)
    .where((eb) =>
      uuidPattern.test(name)
        ? eb.or([eb('external_id', '=', name), eb('id', '=', name)])
        : eb('external_id', '=', name),
    )
    // An external id match wins over an id match.
    .orderBy(sql`(external_id = ${name}) is true`, 'desc')
    .executeTakeFirst();
  return row?.id as AccountId | undefined;
}

/** The oldest live account on a domain (`acme.com` also matches `www.acme.com`). */
export async function accountIdByDomain(
  db: Db,
  workspaceId: WorkspaceId,
  domain: string,
): Promise<AccountId | undefined> {
  const row = await liveAccounts(db, workspaceId)
    .where(sql<boolean>`lower(domain) in (${domain}, ${`www.${domain}`})`)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id as AccountId | undefined;
}

// Which live account an outside record means: by Steward's id, the outside system's id, or the
// e-mail domain (Stripe customers and help desk tickets name their account these ways).
export function liveAccountById(db: Db, workspaceId: WorkspaceId, id: string) {
  return liveAccounts(db, workspaceId).where('id', '=', id).executeTakeFirst();
}

export function liveAccountByExternalId(db: Db, workspaceId: WorkspaceId, externalId: string) {
  return liveAccounts(db, workspaceId).where('external_id', '=', externalId).executeTakeFirst();
}

/** Live accounts on an e-mail domain: at most two (two is already one too many to guess). */
export function liveAccountsOnDomain(db: Db, workspaceId: WorkspaceId, domain: string) {
  return liveAccounts(db, workspaceId)
    .where(sql<string>`lower(domain)`, '=', domain)
    .limit(2)
    .execute();
}
