// SQL of intake's credentials — Stripe signing secrets, help desk webhook secrets, Segment
// write keys: three tables of one shape (name, a shown prefix, revoked, and for write keys an
// expiry), each with its own column names, so a credential kind names its table and columns.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';

export type CredentialTable = {
  table: 'stripe_webhook_secrets' | 'support_webhook_secrets' | 'intake_write_keys';
  /** What the sender's credential is checked against: the secret itself, or its hash. */
  valueColumn: 'secret' | 'key_hash';
  prefixColumn: 'secret_prefix' | 'key_prefix';
  /** Whether the table keeps an expiry (a rotated write key lives on for a grace period). */
  expires: boolean;
};

export type CredentialRow = {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
};

const shown = (t: CredentialTable) =>
  sql`id, name, ${sql.ref(t.prefixColumn)} as prefix, created_at, ${
    t.expires ? sql.ref('expires_at') : sql`null::timestamptz`
  } as expires_at`;

/** Neither revoked nor, where the table keeps an expiry, expired. */
const live = (t: CredentialTable, now: Date) =>
  t.expires
    ? sql`revoked_at is null and (expires_at is null or expires_at > ${now})`
    : sql`revoked_at is null`;

export async function insertCredential(
  db: Db,
  t: CredentialTable,
  row: {
    workspaceId: WorkspaceId;
    name: string;
    value: string;
    prefix: string;
    createdBy: string | null;
  },
): Promise<CredentialRow> {
  const { rows } = await sql<CredentialRow>`
    insert into ${sql.table(t.table)}
      (workspace_id, name, ${sql.ref(t.valueColumn)}, ${sql.ref(t.prefixColumn)}, created_by)
    values (${row.workspaceId}, ${row.name}, ${row.value}, ${row.prefix}, ${row.createdBy})
    returning ${shown(t)}`.execute(db);
  const inserted = rows[0];
  if (!inserted) throw new Error(`no row inserted into ${t.table}`);
  return inserted;
}

export async function liveCredentialRows(
  db: Db,
  t: CredentialTable,
  workspaceId: WorkspaceId,
  now: Date,
): Promise<CredentialRow[]> {
  const { rows } = await sql<CredentialRow>`
    select ${shown(t)} from ${sql.table(t.table)}
    where workspace_id = ${workspaceId} and ${live(t, now)}
    order by created_at desc`.execute(db);
  return rows;
}

/** The live credential, its row held until the transaction ends (a rotation or revocation). */
export async function lockLiveCredential(
  db: Db,
  t: CredentialTable,
  workspaceId: WorkspaceId,
  id: string,
  now: Date,
): Promise<CredentialRow | undefined> {
  const { rows } = await sql<CredentialRow>`
    select ${shown(t)} from ${sql.table(t.table)}
    where id = ${id} and workspace_id = ${workspaceId} and ${live(t, now)}
    for update`.execute(db);
  return rows[0];
}

export async function revokeCredentialRow(
  db: Db,
  t: CredentialTable,
  workspaceId: WorkspaceId,
  id: string,
  at: Date,
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    update ${sql.table(t.table)} set revoked_at = ${at}
    where id = ${id} and workspace_id = ${workspaceId} and revoked_at is null
    returning id`.execute(db);
  return rows.length > 0;
}

/** Only for a table that keeps an expiry. */
export async function expireCredentialRow(db: Db, t: CredentialTable, id: string, at: Date) {
  await sql`update ${sql.table(t.table)} set expires_at = ${at} where id = ${id}`.execute(db);
}

/** Every live credential of the install with its workspace: few enough to try each. */
export async function allLiveCredentials(
  db: Db,
  t: CredentialTable,
  now: Date,
): Promise<{ value: string; workspace_id: string }[]> {
  const { rows } = await sql<{ value: string; workspace_id: string }>`
    select ${sql.ref(t.valueColumn)} as value, workspace_id from ${sql.table(t.table)}
    where ${live(t, now)}`.execute(db);
  return rows;
}

/** The workspace of a live credential with this stored value. */
export async function workspaceOfValue(
  db: Db,
  t: CredentialTable,
  value: string,
  now: Date,
): Promise<string | undefined> {
  const { rows } = await sql<{ workspace_id: string }>`
    select workspace_id from ${sql.table(t.table)}
    where ${sql.ref(t.valueColumn)} = ${value} and ${live(t, now)}`.execute(db);
  return rows[0]?.workspace_id;
}

/** Values not yet sealed (`sealed:v1:` is lib/secrets.ts's prefix), held for the update. */
export async function lockPlainValues(
  db: Db,
  t: CredentialTable,
): Promise<{ id: string; value: string }[]> {
  const { rows } = await sql<{ id: string; value: string }>`
    select id, ${sql.ref(t.valueColumn)} as value from ${sql.table(t.table)}
    where ${sql.ref(t.valueColumn)} not like 'sealed:v1:%'
    for update`.execute(db);
  return rows;
}

export async function replaceValue(db: Db, t: CredentialTable, id: string, value: string) {
  await sql`update ${sql.table(t.table)} set ${sql.ref(t.valueColumn)} = ${value}
    where id = ${id}`.execute(db);
}
