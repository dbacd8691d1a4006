// What systems outside Steward write to accounts — a CSV file, the bulk upsert, Segment's group
// and identify calls — through the functions accounts exports, never by intake's own SQL.
// Bulk paths: each function takes many rows and is one statement, whatever their number.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { ContactRole, Priority, Stage, Tier } from '../../../../db/schema.ts';
import type { AccountId, WorkspaceId } from '../../../../lib/ids.ts';

export type WriteCounts = { created: number; updated: number; unchanged: number };

/** Account columns a file may set; only those it has a column for are written. */
export type AccountColumns = {
  name?: string;
  domain?: string | null;
  tier?: Tier;
  plan?: string | null;
  arr_amount?: number;
  currency?: string;
  seats?: number | null;
  stage?: Stage;
  renewal_date?: string | null;
  owner_id?: string | null;
  priority?: Priority;
};

export type ContactColumns = {
  name?: string;
  email?: string | null;
  title?: string | null;
  phone?: string | null;
  role?: ContactRole;
};

export type ExternalAccount = {
  externalId: string;
  columns: AccountColumns & { name: string };
  /** Values of the custom fields given (checked by the caller against their definitions). */
  customFields: Record<string, unknown>;
};

export type ExternalContact = {
  externalId: string;
  accountId: string;
  columns: ContactColumns & { name: string };
};

/** `row(t.a, t.b) is distinct from row(excluded.a, excluded.b)`: true when the row changes. */
function differs(table: string, columns: readonly string[]): RawBuilder<boolean> {
  const side = (prefix: string) => sql.join(columns.map((c) => sql.ref(`${prefix}.${c}`)));
  return sql<boolean>`row(${side(table)}) is distinct from row(${side('excluded')})`;
}

function counted(rows: { inserted: boolean }[], total: number): WriteCounts {
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created, unchanged: total - rows.length };
}

/**
 * Creates or updates accounts by external id, touching only `columns` and the custom field
 * keys `customFieldKeys` (an empty value clears one; other keys stay), and a row only when it
 * changes. An account deleted in Steward that the source still lists comes back.
 */
export async function upsertAccountsByExternalId(
  db: Db,
  workspaceId: WorkspaceId,
  batch: {
    columns: readonly (keyof AccountColumns)[];
    customFieldKeys: readonly string[];
    rows: readonly ExternalAccount[];
  },
): Promise<WriteCounts> {
  const { columns, customFieldKeys: keys, rows } = batch;
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const merged = sql`(accounts.custom_fields - ${keys}::text[]) || excluded.custom_fields`;
  const set: Record<string, RawBuilder<unknown> | null> = Object.fromEntries(
    columns.map((c) => [c, sql.ref(`excluded.${c}`)]),
  );
  if (keys.length > 0) set.custom_fields = merged;
  const written = await db
    .insertInto('accounts')
    .values(
      rows.map((r) => ({
        workspace_id: workspaceId,
        external_id: r.externalId,
        ...r.columns,
        custom_fields: JSON.stringify(r.customFields),
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'external_id'])
        .where('external_id', 'is not', null)
        .doUpdateSet({ ...set, updated_at: sql`now()`, deleted_at: null, deleted_by: null })
        .where((eb) =>
          eb.or([
            differs('accounts', columns),
            eb('accounts.deleted_at', 'is not', null),
            ...(keys.length > 0
              ? [sql<boolean>`accounts.custom_fields is distinct from ${merged}`]
              : []),
          ]),
        ),
    )
    .returning(sql<boolean>`accounts.xmax = 0`.as('inserted'))
    .execute();
  return counted(written, rows.length);
}

/** Creates or updates contacts by external id, touching only `columns`, only when they change. */
export async function upsertContactsByExternalId(
  db: Db,
  workspaceId: WorkspaceId,
  batch: {
    columns: readonly (keyof ContactColumns | 'account_id')[];
    rows: readonly ExternalContact[];
  },
): Promise<WriteCounts> {
  const { columns, rows } = batch;
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const set = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
  const written = await db
    .insertInto('contacts')
    .values(
      rows.map((r) => ({
        workspace_id: workspaceId,
        external_id: r.externalId,
        account_id: r.accountId,
        ...r.columns,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'external_id'])
        .where('external_id', 'is not', null)
        .doUpdateSet({ ...set, updated_at: sql`now()` })
        .where(differs('contacts', columns)),
    )
    .returning(sql<boolean>`contacts.xmax = 0`.as('inserted'))
    .execute();
  return counted(written, rows.length);
}

export type DiscoveredAccount = {
  externalId: string;
  name: string;
  domain: string | null;
  plan: string | null;
  seats: number | null;
};

/**
 * Accounts a source has just discovered, made without an owner. An external id that is an
 * account already (another delivery made it a moment ago) is left alone: only the accounts
 * created are returned, for the caller to announce.
 */
export async function createDiscoveredAccounts(
  db: Db,
  workspaceId: WorkspaceId,
  accounts: readonly DiscoveredAccount[],
): Promise<{ id: AccountId; externalId: string }[]> {
  if (accounts.length === 0) return [];
  const rows = await db
    .insertInto('accounts')
    .values(
      accounts.map((a) => ({
        workspace_id: workspaceId,
        external_id: a.externalId,
        name: a.name,
        domain: a.domain,
        plan: a.plan,
        seats: a.seats,
        owner_id: null,
        custom_fields: '{}',
      })),
    )
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'external_id']).where('external_id', 'is not', null).doNothing(),
    )
    .returning(['id', 'external_id'])
    .execute();
  return rows.map((r) => ({ id: r.id as AccountId, externalId: r.external_id ?? '' }));
}

/** A product user as a contact: fields left null keep what the contact has. */
export type ProductUserContact = {
  accountId: string;
  userId: string;
  name: string | null;
  email: string | null;
  title: string | null;
  phone: string | null;
};

/**
 * Each product user's contact on their account: the contact with their user id as external
 * id, else one of the account's contacts with their e-mail (which then takes the user id),
 * updated with what is known; else a new contact. One statement for all of them.
 */
export async function upsertProductUserContacts(
  db: Db,
  workspaceId: WorkspaceId,
  users: readonly ProductUserContact[],
): Promise<void> {
  if (users.length === 0) return;
  const column = <K extends keyof ProductUserContact>(key: K) => users.map((u) => u[key]);
  await sql`
    with input as (
      select * from unnest(
        ${column('accountId')}::uuid[], ${column('userId')}::text[], ${column('name')}::text[],
        ${column('email')}::text[], ${column('title')}::text[], ${column('phone')}::text[]
      ) with ordinality as i(account_id, user_id, name, email, title, phone, n)
    ),
    matched as (
      select distinct on (i.n) i.n, c.id
      from input i
      join contacts c on c.workspace_id = ${workspaceId}
        and (c.external_id = i.user_id
          or (i.email is not null and c.account_id = i.account_id and lower(c.email) = i.email))
      order by i.n, (c.external_id = i.user_id) is true desc
    ),
    updated as (
      update contacts c set
        external_id = coalesce(c.external_id, i.user_id),
        name = coalesce(i.name, c.name),
        email = coalesce(i.email, c.email),
        title = coalesce(i.title, c.title),
        phone = coalesce(i.phone, c.phone),
        updated_at = now()
      from matched m join input i using (n)
      where c.id = m.id
      returning c.id
    )
    insert into contacts (workspace_id, account_id, external_id, name, email, title, phone)
    select ${workspaceId}, i.account_id, i.user_id, coalesce(i.name, i.email, i.user_id),
      i.email, i.title, i.phone
    from input i
    where not exists (select 1 from matched m where m.n = i.n)
    on conflict (workspace_id, external_id) where external_id is not null do nothing`.execute(db);
}
