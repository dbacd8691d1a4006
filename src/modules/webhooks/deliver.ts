// `webhook__deliver`: sends one delivery and records the attempt. A receiver that fails (no
// answer, a redirect, anything but 2xx) is tried again later on Steward's own schedule — the
// next job is queued for the Clock's time, so each wait is visible on the delivery
// (`nextAttemptAt`) and tests move time instead of sleeping. After the last try the delivery
// failed; after `disableAfterFailures` failed attempts in a row, whatever the deliveries, the
// subscription is switched off, what waits is cancelled and the workspace's admins are told.
import type { Deps } from '../../context.ts';
import { enqueueMany, type JobHandler } from '../../jobs/registry.ts';
import { secretBox } from '../../lib/secrets.ts';
import { tellAdminsSubscriptionOff } from './notice.ts';
import { sendWebhook, succeeded, type SendOutcome } from './send.ts';
import * as deliveries from './store/deliveries.ts';
import * as subscriptions from './store/subscriptions.ts';

/** Waits before each retry: a minute, five, half an hour, two hours, eight, a day. */
export const retryDelaysMs = [1, 5, 30, 120, 480, 1440].map((minutes) => minutes * 60_000);
/** The first try and one per wait. */
export const maxAttempts = retryDelaysMs.length + 1;
/** Failed attempts in a row after which a subscription is switched off. */
export const disableAfterFailures = 15;

/** Queues deliveries' next tries, one job per delivery (keyed, so a second queueing replaces). */
export async function queueDeliveries(
  deps: Pick<Deps, 'db'>,
  due: readonly { deliveryId: string; runAt: Date }[],
): Promise<void> {
  await enqueueMany(
    deps.db,
    'webhook__deliver',
    due.map((d) => ({
      payload: { deliveryId: d.deliveryId },
      runAt: d.runAt,
      jobKey: `webhook_delivery:${d.deliveryId}`,
      // The job itself only fails when the database does; the receiver's failures are ours.
      maxAttempts: 3,
    })),
  );
}

export const deliverWebhook: JobHandler<'webhook__deliver'> = async (deps, payload) => {
  const { db, clock } = deps;
  const delivery = await deliveries.deliveryToSend(db, payload.deliveryId);
  if (!delivery || delivery.status !== 'pending') return;
  const now = clock.now();
  if (!delivery.enabled) {
    await deliveries.cancelPendingDeliveries(
      db,
      delivery.workspace_id,
      delivery.subscription_id,
      now,
    );
    return;
  }
  const sealed = await subscriptions.sealedSecretOf(
    db,
    delivery.workspace_id,
    delivery.subscription_id,
  );
  const secret = sealed === undefined ? undefined : secretBox(deps.config).open(sealed);
  const outcome: SendOutcome =
    secret === undefined
      ? {
          statusCode: null,
          error: 'The signing secret cannot be read (was STEWARD_SECRET_KEY changed?).',
          responseBody: null,
          durationMs: 0,
          location: null,
          refused: true,
        }
      : await sendWebhook(deps, {
          url: delivery.url,
          secret,
          event: delivery.event,
          deliveryId: delivery.id,
          body: delivery.body,
        });
  const attempt = delivery.attempts + 1;
  const ok = succeeded(outcome);
  const retryAt =
    ok || attempt >= maxAttempts
      ? null
      : new Date(now.getTime() + (retryDelaysMs[attempt - 1] ?? retryDelaysMs.at(-1) ?? 0));
  const ws = delivery.workspace_id;
  await db.transaction().execute(async (trx) => {
    await deliveries.insertAttempt(trx, {
      workspace_id: ws,
      delivery_id: delivery.id,
      attempt,
      attempted_at: now,
      duration_ms: outcome.durationMs,
      status_code: outcome.statusCode,
      error: outcome.error,
      response_body: outcome.responseBody,
    });
    await deliveries.settleDelivery(trx, ws, delivery.id, {
      status: ok ? 'succeeded' : retryAt ? 'pending' : 'failed',
      attempts: attempt,
      nextAttemptAt: retryAt,
      completedAt: retryAt ? null : now,
    });
    if (ok) {
      await subscriptions.resetFailures(trx, ws, delivery.subscription_id);
      return;
    }
    const { disabled } = await subscriptions.countFailure(
      trx,
      ws,
      delivery.subscription_id,
      disableAfterFailures,
      now,
    );
    if (disabled) {
      await deliveries.cancelPendingDeliveries(trx, ws, delivery.subscription_id, now);
      await tellAdminsSubscriptionOff(trx, {
        workspaceId: ws,
        subscriptionId: delivery.subscription_id,
        url: delivery.url,
        failures: disableAfterFailures,
        at: now,
      });
    } else if (retryAt) {
      await queueDeliveries({ db: trx }, [{ deliveryId: delivery.id, runAt: retryAt }]);
    }
  });
};
