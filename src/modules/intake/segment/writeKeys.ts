// Segment write keys: one workspace each, shown once, stored as a hash. Rotating makes a new
// key and leaves the old one working for a grace period, so senders switch without loss.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { dayMs } from '../../../lib/calendar.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import type { CreateWriteKey } from './schema.ts';

const keyPrefix = 'swk_';
export const rotationGraceMs = dayMs;

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

type WriteKeyRow = {
  id: string;
  name: string;
  key_prefix: string;
  created_at: Date;
  expires_at: Date | null;
};

function describeWriteKey(row: WriteKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}

async function insertWriteKey(db: Db, by: ChangeAuthor, name: string) {
  const key = `${keyPrefix}${randomBytes(24).toString('base64url')}`;
  const row = await db
    .insertInto('intake_write_keys')
    .values({
      workspace_id: by.workspaceId,
      name,
      key_hash: hashKey(key),
      key_prefix: key.slice(0, keyPrefix.length + 6),
      created_by: by.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, by, {
    action: 'write_key.created',
    entityType: 'write_key',
    entityId: row.id,
    changes: { name },
  });
  return { ...describeWriteKey(row), key };
}

export async function createWriteKey(db: Db, by: ChangeAuthor, input: CreateWriteKey) {
  return db.transaction().execute((trx) => insertWriteKey(trx, by, input.name));
}

export async function listWriteKeys(db: Db, clock: Clock, workspaceId: WorkspaceId) {
  const rows = await db
    .selectFrom('intake_write_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', clock.now())]))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(describeWriteKey);
}

export async function revokeWriteKey(db: Db, clock: Clock, by: ChangeAuthor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('intake_write_keys')
      .set({ revoked_at: clock.now() })
      .where('id', '=', id)
      .where('workspace_id', '=', by.workspaceId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('write_key.not_found', 'No such write key.');
    await recordAudit(trx, by, {
      action: 'write_key.revoked',
      entityType: 'write_key',
      entityId: id,
    });
  });
}

/** A new key under the same name; the old one keeps working for 24 hours. */
export async function rotateWriteKey(db: Db, clock: Clock, by: ChangeAuthor, id: string) {
  return db.transaction().execute(async (trx) => {
    const graceUntil = new Date(clock.now().getTime() + rotationGraceMs);
    const old = await trx
      .selectFrom('intake_write_keys')
      .select(['id', 'name', 'expires_at'])
      .where('id', '=', id)
      .where('workspace_id', '=', by.workspaceId)
      .where('revoked_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!old || (old.expires_at && old.expires_at <= clock.now())) {
      throw new AppError('write_key.not_found', 'No such write key.');
    }
    // A key rotated twice keeps the earlier, shorter grace period.
    const expiresAt = old.expires_at && old.expires_at < graceUntil ? old.expires_at : graceUntil;
    await trx
      .updateTable('intake_write_keys')
      .set({ expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, by, {
      action: 'write_key.rotated',
      entityType: 'write_key',
      entityId: id,
      changes: { expiresAt: expiresAt.toISOString() },
    });
    return insertWriteKey(trx, by, old.name);
  });
}

/** The workspace a write key sends to, if the key is live. */
export async function workspaceOfWriteKey(
  db: Db,
  clock: Clock,
  key: string,
): Promise<WorkspaceId | undefined> {
  const row = await db
    .selectFrom('intake_write_keys')
    .select('workspace_id')
    .where('key_hash', '=', hashKey(key))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', clock.now())]))
    .executeTakeFirst();
  return row?.workspace_id as WorkspaceId | undefined;
}
