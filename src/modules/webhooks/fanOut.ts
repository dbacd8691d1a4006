// `webhook__fan_out`: webhooks' subscription to `activity__recorded` (src/jobs/announce.ts).
// The activity is read back, turned into the webhook events it is (events.ts), and one delivery
// is written per enabled subscription that wants one — with the body as it will be signed and
// sent — then each is queued. A second run of the same job adds nothing (one delivery per
// subscription and event), so the announcement's retries never send twice.
import type { JobHandler } from '../../jobs/registry.ts';
import { findActivityEvent } from '../accounts/index.ts';
import { queueDeliveries } from './deliver.ts';
import { webhookEventsOf } from './events.ts';
import { webhookBody } from './payload.ts';
import { insertDeliveries } from './store/deliveries.ts';
import { subscribersOf } from './store/subscriptions.ts';

export const fanOutActivity: JobHandler<'webhook__fan_out'> = async (deps, payload) => {
  const { db, clock } = deps;
  const activity = await findActivityEvent(db, payload.eventId);
  if (!activity) return;
  const told = webhookEventsOf(activity);
  if (told.length === 0) return;
  const subscribers = await subscribersOf(
    db,
    activity.workspaceId,
    told.map((t) => t.event),
    activity.at,
  );
  if (subscribers.length === 0) return;
  const now = clock.now();
  const rows = subscribers.flatMap((s) =>
    told
      .filter((t) => s.events.includes(t.event))
      .map((t) => ({
        workspaceId: activity.workspaceId,
        subscriptionId: s.id,
        eventId: activity.id,
        event: t.event,
        body: webhookBody({
          id: activity.id,
          type: t.event,
          createdAt: activity.at.toISOString(),
          workspaceId: activity.workspaceId,
          data: t.data,
        }),
        createdAt: now,
      })),
  );
  await db.transaction().execute(async (trx) => {
    const added = await insertDeliveries(trx, rows);
    await queueDeliveries(
      { db: trx },
      added.map((d) => ({ deliveryId: d.id, runAt: now })),
    );
  });
};
