// Stripe signing secrets: install-wide ones from STRIPE_WEBHOOK_SECRET, and each workspace's,
// pasted in from Stripe's dashboard. The secret that verifies an event names its workspace.
// During a rotation the old and new secrets are both live until the old one is revoked.
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import type { AddStripeSecret } from './schema.ts';

type SecretRow = { id: string; name: string; secret_prefix: string; created_at: Date };

function describeSecret(row: SecretRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.secret_prefix,
    createdAt: row.created_at.toISOString(),
  };
}

export async function addStripeSecret(db: Db, by: ChangeAuthor, input: AddStripeSecret) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('stripe_webhook_secrets')
      .values({
        workspace_id: by.workspaceId,
        name: input.name,
        secret: input.secret,
        secret_prefix: input.secret.slice(0, 12),
        created_by: by.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, by, {
      action: 'stripe_secret.added',
      entityType: 'stripe_secret',
      entityId: row.id,
      changes: { name: input.name },
    });
    return describeSecret(row);
  });
}

export async function listStripeSecrets(db: Db, workspaceId: WorkspaceId) {
  const rows = await db
    .selectFrom('stripe_webhook_secrets')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(describeSecret);
}

export async function revokeStripeSecret(db: Db, clock: Clock, by: ChangeAuthor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('stripe_webhook_secrets')
      .set({ revoked_at: clock.now() })
      .where('id', '=', id)
      .where('workspace_id', '=', by.workspaceId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('webhook_secret.not_found', 'No such webhook secret.');
    await recordAudit(trx, by, {
      action: 'stripe_secret.revoked',
      entityType: 'stripe_secret',
      entityId: id,
    });
  });
}

/** A secret to try, and the workspace it belongs to (null: the install's, from the config). */
export type SecretCandidate = { secret: string; workspaceId: WorkspaceId | null };

/**
 * Every live secret. Installs hold a handful of workspaces, so trying each is cheap; a
 * header naming the workspace would be needed only at far larger scale.
 */
export async function stripeSecretCandidates(
  db: Db,
  installSecrets: readonly string[],
): Promise<SecretCandidate[]> {
  const rows = await db
    .selectFrom('stripe_webhook_secrets')
    .select(['secret', 'workspace_id'])
    .where('revoked_at', 'is', null)
    .execute();
  return [
    ...installSecrets.map((secret) => ({ secret, workspaceId: null })),
    ...rows.map((r) => ({ secret: r.secret, workspaceId: r.workspace_id as WorkspaceId })),
  ];
}

/**
 * The workspace events signed with STRIPE_WEBHOOK_SECRET belong to: a self-hosted install
 * has one real workspace (the oldest that is not the demo), else the demo itself.
 */
export async function installWorkspace(db: Db): Promise<WorkspaceId | undefined> {
  const row = await db
    .selectFrom('workspaces')
    .select('id')
    .orderBy('is_demo', 'asc')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .executeTakeFirst();
  return row?.id as WorkspaceId | undefined;
}
