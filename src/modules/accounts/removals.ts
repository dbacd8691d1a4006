// Removing an account and bringing it back. A removal is soft: the account leaves every list
// and is no longer scored, but its row, history and external id stay, so a restore returns it
// exactly as it was, and its timeline says who did each.
import type { Db } from '../../db/connect.ts';
import { message } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, codeDetail } from '../../lib/errors.ts';
import { timeKeyset } from '../../lib/pagination.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import { getAccount } from './service.ts';
import * as store from './store.ts';
import { addTimelineEvent } from './timeline.ts';
import { describeAccount } from './view.ts';

export async function removeAccount(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: store.AccountScope,
  id: string,
) {
  await db.transaction().execute(async (trx) => {
    await getAccount(trx, scope, id);
    const now = clock.now();
    await store.updateAccountRow(trx, by.workspaceId, id, {
      deleted_at: now,
      deleted_by: by.userId,
    });
    await addTimelineEvent(trx, {
      workspaceId: by.workspaceId,
      accountId: id,
      kind: 'system',
      title: message('accounts.timeline.removed'),
      actorId: by.userId,
      occurredAt: now,
      announce: false,
    });
    await recordAudit(trx, by, { action: 'account.deleted', entityType: 'account', entityId: id });
  });
}

/**
 * Brings a removed account back into every list. It is rescored (its timeline event announces
 * the change), since health skipped it while it was away.
 */
export async function restoreAccount(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: store.AccountScope,
  id: string,
) {
  const row = await db.transaction().execute(async (trx) => {
    const account = await store.findAnyAccount(trx, scope, id);
    if (!account) throw new AppError('account.not_found', { key: 'accounts.problem.noAccount' });
    if (!account.deleted_at) {
      throw new AppError('account.not_removed', codeDetail('account.not_removed'));
    }
    await store.updateAccountRow(trx, by.workspaceId, id, { deleted_at: null, deleted_by: null });
    await addTimelineEvent(trx, {
      workspaceId: by.workspaceId,
      accountId: id,
      kind: 'system',
      title: message('accounts.timeline.restored'),
      actorId: by.userId,
      occurredAt: clock.now(),
    });
    await recordAudit(trx, by, { action: 'account.restored', entityType: 'account', entityId: id });
    return getAccount(trx, scope, id);
  });
  return describeAccount(row);
}

/** The removed accounts a person may restore (their own, for a CSM), the latest removed first. */
export async function removedAccounts(
  db: Db,
  scope: store.AccountScope,
  page: { limit: number; cursor?: string },
) {
  const keyset = timeKeyset('removed-accounts', page.cursor);
  const rows = await store.removedAccountRows(db, scope, {
    where: keyset.where,
    limit: page.limit,
  });
  return keyset.page(
    rows,
    page.limit,
    (r) => ({
      id: r.id,
      name: r.name,
      tier: r.tier,
      arr: { amount: r.arr_amount, currency: r.currency },
      owner: r.owner_id && r.owner_name ? { id: r.owner_id, name: r.owner_name } : null,
      removedAt: r.deleted_at.toISOString(),
      removedBy: r.deleted_by && r.remover_name ? { id: r.deleted_by, name: r.remover_name } : null,
    }),
    (r) => r.deleted_at,
  );
}
