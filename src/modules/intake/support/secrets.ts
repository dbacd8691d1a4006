// Shared secrets for the support webhook, one workspace each, shown once. Rotating is adding
// a new secret and revoking the old one once the help desk sends with the new.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';

const secretPrefix = 'ssh_';

type SecretRow = { id: string; name: string; secret_prefix: string; created_at: Date };

function describeSecret(row: SecretRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.secret_prefix,
    createdAt: row.created_at.toISOString(),
  };
}

export async function createSupportSecret(db: Db, by: ChangeAuthor, name: string) {
  const secret = `${secretPrefix}${randomBytes(32).toString('base64url')}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('support_webhook_secrets')
      .values({
        workspace_id: by.workspaceId,
        name,
        secret,
        secret_prefix: secret.slice(0, secretPrefix.length + 6),
        created_by: by.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, by, {
      action: 'support_secret.created',
      entityType: 'support_secret',
      entityId: row.id,
      changes: { name },
    });
    return { ...describeSecret(row), secret };
  });
}

export async function listSupportSecrets(db: Db, workspaceId: WorkspaceId) {
  const rows = await db
    .selectFrom('support_webhook_secrets')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(describeSecret);
}

export async function revokeSupportSecret(db: Db, clock: Clock, by: ChangeAuthor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('support_webhook_secrets')
      .set({ revoked_at: clock.now() })
      .where('id', '=', id)
      .where('workspace_id', '=', by.workspaceId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('webhook_secret.not_found', 'No such webhook secret.');
    await recordAudit(trx, by, {
      action: 'support_secret.revoked',
      entityType: 'support_secret',
      entityId: id,
    });
  });
}

/** Every live secret with its workspace; few enough per install to try each. */
export async function supportSecretCandidates(db: Db) {
  const rows = await db
    .selectFrom('support_webhook_secrets')
    .select(['secret', 'workspace_id'])
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((r) => ({ secret: r.secret, workspaceId: r.workspace_id as WorkspaceId }));
}
