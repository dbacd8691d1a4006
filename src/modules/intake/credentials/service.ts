// Intake's credentials, one way for all three kinds: a Stripe signing secret (pasted in, kept
// sealed with the install's key: signatures are checked with it), a help desk webhook secret
// (made here, shown once, sealed too) and a Segment write key (made here and shown once; kept
// only as its hash). Listing, revoking and
// rotating are the same for each; every change is audited in its transaction.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import type { Message } from '../../../i18n/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, type ErrorCode } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { isSealed, type SecretBox } from '../../../lib/secrets.ts';
import { recordAudit, type AuditAction, type ChangeAuthor } from '../../auth/index.ts';
import * as store from './store.ts';

export type CredentialKind = store.CredentialTable & {
  /** Names the credential in the audit log (`entityType`, and `<entity>.<verb>` actions). */
  entity: 'stripe_secret' | 'support_secret' | 'write_key';
  /** The audit action of a new one: Stripe's are added, the others created. */
  createdAction: Extract<
    AuditAction,
    'stripe_secret.added' | 'support_secret.created' | 'write_key.created'
  >;
  /** The error for an id that names no live credential of this kind. */
  notFound: {
    code: Extract<ErrorCode, 'webhook_secret.not_found' | 'write_key.not_found'>;
    detail: Message;
  };
  /** Characters of the credential shown in lists, so a person can tell them apart. */
  shownLength: number;
  /** Seals a secret kept to be read back (`valueColumn: 'secret'`); a hashed kind needs none. */
  box?: SecretBox;
};

const hashOf = (value: string) => createHash('sha256').update(value).digest('hex');

function sealer(kind: CredentialKind): SecretBox {
  if (!kind.box) throw new Error(`${kind.entity}: a secret kept to be read back needs the box`);
  return kind.box;
}

const stored = (kind: CredentialKind, value: string) =>
  kind.valueColumn === 'key_hash' ? hashOf(value) : sealer(kind).seal(value);

export function describeCredential(row: store.CredentialRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
  };
}

type NewCredential = { row: store.CredentialRow; value: string };

/** A kind whose credentials Steward makes (and shows once), rather than a person pasting one. */
export type MadeCredentialKind = CredentialKind & { made: { prefix: string; bytes: number } };

/** Stores a credential a person pasted in (a Stripe signing secret). */
export function addCredential(
  db: Db,
  kind: CredentialKind,
  by: ChangeAuthor,
  input: { name: string; value: string },
): Promise<NewCredential> {
  return db.transaction().execute((trx) => insertCredential(trx, kind, by, input));
}

/** Makes a new random credential, to be shown once. */
export function makeCredential(
  db: Db,
  kind: MadeCredentialKind,
  by: ChangeAuthor,
  input: { name: string },
): Promise<NewCredential> {
  return db.transaction().execute((trx) => insertCredential(trx, kind, by, made(kind, input.name)));
}

const made = (kind: MadeCredentialKind, name: string) => ({
  name,
  value: `${kind.made.prefix}${randomBytes(kind.made.bytes).toString('base64url')}`,
});

async function insertCredential(
  db: Db,
  kind: CredentialKind,
  by: ChangeAuthor,
  input: { name: string; value: string },
): Promise<NewCredential> {
  const { value } = input;
  const row = await store.insertCredential(db, kind, {
    workspaceId: by.workspaceId,
    name: input.name,
    value: stored(kind, value),
    prefix: value.slice(0, kind.shownLength),
    createdBy: by.userId,
  });
  await recordAudit(db, by, {
    action: kind.createdAction,
    entityType: kind.entity,
    entityId: row.id,
    changes: { name: input.name },
  });
  return { row, value };
}

export function listCredentials(
  db: Db,
  kind: CredentialKind,
  workspaceId: WorkspaceId,
  now: Date,
): Promise<store.CredentialRow[]> {
  return store.liveCredentialRows(db, kind, workspaceId, now);
}

export async function revokeCredential(
  db: Db,
  clock: Clock,
  kind: CredentialKind,
  by: ChangeAuthor,
  id: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await store.revokeCredentialRow(trx, kind, by.workspaceId, id, clock.now()))) {
      throw new AppError(kind.notFound.code, kind.notFound.detail);
    }
    await recordAudit(trx, by, {
      action: `${kind.entity}.revoked`,
      entityType: kind.entity,
      entityId: id,
    });
  });
}

/**
 * A new credential under the same name, the old one live for `graceMs` more (a credential
 * rotated twice keeps the earlier, shorter grace period), so senders switch without loss.
 */
export async function rotateCredential(
  db: Db,
  clock: Clock,
  kind: MadeCredentialKind,
  by: ChangeAuthor,
  input: { id: string; graceMs: number },
): Promise<NewCredential> {
  return db.transaction().execute(async (trx) => {
    const now = clock.now();
    const old = await store.lockLiveCredential(trx, kind, by.workspaceId, input.id, now);
    if (!old) throw new AppError(kind.notFound.code, kind.notFound.detail);
    const graceUntil = new Date(now.getTime() + input.graceMs);
    const expiresAt = old.expires_at && old.expires_at < graceUntil ? old.expires_at : graceUntil;
    await store.expireCredentialRow(trx, kind, old.id, expiresAt);
    await recordAudit(trx, by, {
      action: `${kind.entity}.rotated`,
      entityType: kind.entity,
      entityId: old.id,
      changes: { expiresAt: expiresAt.toISOString() },
    });
    return insertCredential(trx, kind, by, made(kind, old.name));
  });
}

/** Every live credential of the install with its workspace (a signature is tried with each). */
export async function liveCredentials(
  db: Db,
  kind: CredentialKind,
  now: Date,
): Promise<{ secret: string; workspaceId: WorkspaceId }[]> {
  const rows = await store.allLiveCredentials(db, kind, now);
  const box = sealer(kind);
  return rows.flatMap((r) => {
    // One not yet sealed (kept before sealing began) is read as it is until sealPlainSecrets;
    // one sealed under another key cannot verify anything and is left out.
    const secret = isSealed(r.value) ? box.open(r.value) : r.value;
    return secret === undefined ? [] : [{ secret, workspaceId: r.workspace_id as WorkspaceId }];
  });
}

/**
 * Seals the secrets of a kind still kept in plain text (stored before sealing began, or
 * written by hand); run at every start, after the migrations. Answers how many it sealed.
 */
export async function sealPlainSecrets(db: Db, kind: CredentialKind): Promise<number> {
  const box = sealer(kind);
  return db.transaction().execute(async (trx) => {
    const plain = await store.lockPlainValues(trx, kind);
    for (const row of plain) await store.replaceValue(trx, kind, row.id, box.seal(row.value));
    return plain.length;
  });
}

/** The workspace a presented credential belongs to, if it is live. */
export async function workspaceOfCredential(
  db: Db,
  kind: CredentialKind,
  presented: string,
  now: Date,
): Promise<WorkspaceId | undefined> {
  return (await store.workspaceOfValue(db, kind, stored(kind, presented), now)) as
    WorkspaceId | undefined;
}
