// What an admin reads about a subscription's deliveries — each with its attempts, the receiver's
// status and the start of its answer — and the replay of one: the same body (same event id, so a
// receiver that already has it can drop it), signed anew, as a new delivery.
import type { Actor, Deps } from '../../context.ts';
import type { WebhookDeliveryStatus } from '../../db/schema.ts';
import { AppError, codeDetail } from '../../lib/errors.ts';
import { timeKeyset } from '../../lib/pagination.ts';
import { recordAudit } from '../auth/index.ts';
import { queueDeliveries } from './deliver.ts';
import * as store from './store/deliveries.ts';
import { findSubscription } from './subscriptions.ts';

type DeliveryListRow = Awaited<ReturnType<typeof store.deliveriesOf>>[number];

function describeDelivery(row: DeliveryListRow) {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    replayOf: row.replay_of,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

export async function listDeliveries(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  subscriptionId: string,
  query: { status?: WebhookDeliveryStatus | undefined; limit: number; cursor?: string | undefined },
) {
  await findSubscription(deps, actor, subscriptionId);
  const keyset = timeKeyset('webhook_deliveries', query.cursor);
  const rows = await store.deliveriesOf(deps.db, actor.workspaceId, subscriptionId, {
    keyset,
    limit: query.limit,
    status: query.status,
  });
  return keyset.page(rows, query.limit, describeDelivery, (r) => r.created_at);
}

async function findDelivery(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const row = await store.deliveryById(deps.db, actor.workspaceId, id);
  if (!row)
    throw new AppError('webhook_delivery.not_found', codeDetail('webhook_delivery.not_found'));
  return row;
}

export async function getDelivery(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const row = await findDelivery(deps, actor, id);
  const attempts = await store.attemptsOf(deps.db, actor.workspaceId, id);
  return {
    ...describeDelivery(row),
    body: row.body,
    attemptList: attempts.map((a) => ({
      attempt: a.attempt,
      attemptedAt: a.attempted_at.toISOString(),
      durationMs: a.duration_ms,
      statusCode: a.status_code,
      error: a.error,
      responseBody: a.response_body,
    })),
  };
}

/** Sends a delivery again now, as a new delivery; refused while its subscription is off. */
export async function replayDelivery(deps: Deps, actor: Actor, id: string) {
  const original = await findDelivery(deps, actor, id);
  const subscription = await findSubscription(deps, actor, original.subscription_id);
  if (!subscription.enabled) {
    throw new AppError('webhook_subscription.disabled', { key: 'webhooks.problem.switchedOff' });
  }
  const now = deps.clock.now();
  const replayId = await deps.db.transaction().execute(async (trx) => {
    const replay = await store.insertReplay(
      trx,
      { id, workspaceId: actor.workspaceId },
      actor.userId,
      now,
    );
    if (!replay)
      throw new AppError('webhook_delivery.not_found', codeDetail('webhook_delivery.not_found'));
    await queueDeliveries({ db: trx }, [{ deliveryId: replay.id, runAt: now }]);
    await recordAudit(
      trx,
      { workspaceId: actor.workspaceId, userId: actor.userId },
      {
        action: 'webhook_delivery.replayed',
        entityType: 'webhook_delivery',
        entityId: replay.id,
        changes: { replayOf: id },
      },
    );
    return replay.id;
  });
  return getDelivery(deps, actor, replayId);
}
