// Resolving a delivery kept for review: a person assigns it to the account it was about (it
// is then applied as if it had matched — a Stripe customer is remembered for its later
// events) or dismisses it. Either way it leaves the list, and the audit log says who did what.
import type { Db } from '../../../db/connect.ts';
import type { Actor } from '../../../context.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import { getAccount, scopeFor } from '../../accounts/index.ts';
import { recordAudit } from '../../auth/index.ts';
import { applyStripeEventTo, readStripeEvent } from '../billing/index.ts';
import { applyTicket, readTicket } from '../support/index.ts';
import * as store from './store.ts';

type Resolver = Pick<Actor, 'workspaceId' | 'userId' | 'permissions'>;

async function openItem(db: Db, workspaceId: string, id: string) {
  // Two people resolving one item at once: the second waits, then finds it resolved.
  const item = await store.lockOpenItem(db, workspaceId, id);
  if (!item) throw new AppError('request.not_found', { key: 'intake.problem.noReviewItem' });
  return item;
}

/** What applying the delivery to the account did: the intake's own outcome word. */
async function applyTo(
  db: Db,
  clock: Clock,
  item: { workspace_id: string; source: 'stripe' | 'support'; payload: unknown },
  workspaceId: Resolver['workspaceId'],
  accountId: string,
  rawBody: string,
): Promise<string> {
  if (item.source === 'stripe') {
    const read = readStripeEvent(item.payload);
    if (!read.ok)
      throw new AppError('webhook.invalid_payload', { key: 'intake.problem.keptEventUnreadable' });
    return applyStripeEventTo(db, clock, { workspaceId, read: read.read, rawBody }, accountId);
  }
  const read = readTicket(item.payload);
  if (!read.ok)
    throw new AppError('webhook.invalid_payload', { key: 'intake.problem.keptTicketUnreadable' });
  return applyTicket(db, clock, { workspaceId, ticket: read.ticket, rawBody, accountId });
}

export async function assignReviewItem(
  db: Db,
  clock: Clock,
  by: Resolver,
  id: string,
  accountId: string,
) {
  // Only an account the person may see: another's or another workspace's answers 404.
  const account = await getAccount(db, scopeFor(by), accountId);
  return db.transaction().execute(async (trx) => {
    const item = await openItem(trx, by.workspaceId, id);
    const outcome = await applyTo(
      trx,
      clock,
      item,
      by.workspaceId,
      account.id,
      JSON.stringify(item.payload),
    );
    await store.markResolved(trx, by.workspaceId, item.id, clock.now());
    await recordAudit(trx, by, {
      action: 'intake_review.assigned',
      entityType: 'intake_review',
      entityId: item.id,
      changes: { source: item.source, sourceId: item.source_id, accountId: account.id, outcome },
    });
    return { id: item.id, accountId: account.id, outcome };
  });
}

export async function dismissReviewItem(db: Db, clock: Clock, by: Resolver, id: string) {
  await db.transaction().execute(async (trx) => {
    const item = await openItem(trx, by.workspaceId, id);
    await store.markResolved(trx, by.workspaceId, item.id, clock.now());
    await recordAudit(trx, by, {
      action: 'intake_review.dismissed',
      entityType: 'intake_review',
      entityId: item.id,
      changes: { source: item.source, sourceId: item.source_id },
    });
  });
}
