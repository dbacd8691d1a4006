// A subscription's deliveries, newest first: each with its status and attempts; opened, the
// body sent and every attempt's answer; and "Send again" (a replay, as a new delivery).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  eventKey,
  useReplayWebhookDelivery,
  useWebhookDeliveries,
  useWebhookDelivery,
  type WebhookDelivery,
  type WebhookSubscription,
} from '../../api/webhooks.ts';
import { formatDateTime } from '../../components/format.ts';
import { Badge, Button, ErrorNote, Loading, LoadMore } from '../../components/ui.tsx';

const tones = {
  pending: 'risk',
  succeeded: 'healthy',
  failed: 'critical',
  cancelled: 'neutral',
} as const;

function DeliveryDetails({ deliveryId }: { deliveryId: string }) {
  const { t } = useTranslation('webhooks');
  const delivery = useWebhookDelivery(deliveryId);
  if (delivery.isPending) return <Loading />;
  if (!delivery.data) return <ErrorNote error={delivery.error} />;
  return (
    <div className="flex flex-col gap-2 rounded-lg bg-raised p-3 text-sm">
      <ol className="flex flex-col gap-2">
        {delivery.data.attemptList.map((a) => (
          <li key={a.attempt} className="flex flex-col gap-1">
            <span className="font-medium">
              {t('deliveries.attempt', { number: a.attempt, at: formatDateTime(a.attemptedAt) })}
            </span>
            <span>
              {a.statusCode !== null ? `HTTP ${a.statusCode}` : t('deliveries.noAnswer')} ·{' '}
              {t('deliveries.duration', { ms: a.durationMs })}
            </span>
            {a.error && <span className="break-all text-critical">{a.error}</span>}
            {a.responseBody && (
              <details>
                <summary className="min-h-11 cursor-pointer py-2">{t('deliveries.answer')}</summary>
                <pre className="overflow-x-auto text-xs whitespace-pre-wrap break-all">
                  {a.responseBody}
                </pre>
              </details>
            )}
          </li>
        ))}
      </ol>
      <details>
        <summary className="min-h-11 cursor-pointer py-2">{t('deliveries.body')}</summary>
        <pre className="overflow-x-auto text-xs whitespace-pre-wrap break-all">
          {delivery.data.body}
        </pre>
      </details>
    </div>
  );
}

function DeliveryItem({ delivery, canReplay }: { delivery: WebhookDelivery; canReplay: boolean }) {
  const { t } = useTranslation('webhooks');
  const replay = useReplayWebhookDelivery();
  const [open, setOpen] = useState(false);
  return (
    <li className="flex flex-col gap-2 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 flex-1">
          <span className="font-medium">{t(eventKey(delivery.event))}</span>
          {delivery.replayOf && <span className="text-muted"> · {t('deliveries.replayOf')}</span>}
          <span className="block text-sm text-muted">
            {formatDateTime(delivery.createdAt)} ·{' '}
            {t('deliveries.attempts', { count: delivery.attempts })}
            {delivery.nextAttemptAt &&
              ` · ${t('deliveries.nextAttempt', { at: formatDateTime(delivery.nextAttemptAt) })}`}
          </span>
        </span>
        <Badge tone={tones[delivery.status]}>{t(`deliveries.status.${delivery.status}`)}</Badge>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('deliveries.hideDetails') : t('deliveries.showDetails')}
        </Button>
        {canReplay && (
          <Button
            variant="secondary"
            disabled={replay.isPending}
            onClick={() => replay.mutate(delivery.id)}
          >
            {t('deliveries.replay')}
          </Button>
        )}
      </div>
      <ErrorNote error={replay.error} />
      {open && <DeliveryDetails deliveryId={delivery.id} />}
    </li>
  );
}

export function WebhookDeliveries({ subscription }: { subscription: WebhookSubscription }) {
  const { t } = useTranslation('webhooks');
  const deliveries = useWebhookDeliveries(subscription.id);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section
      aria-label={t('deliveries.title', { url: subscription.url })}
      className="rounded-lg border border-line p-3"
    >
      {deliveries.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="text-muted">{t('deliveries.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {items.map((d) => (
            <DeliveryItem key={d.id} delivery={d} canReplay={subscription.enabled} />
          ))}
        </ul>
      )}
      <LoadMore list={deliveries} label={t('deliveries.more')} />
      <ErrorNote error={deliveries.error} />
    </section>
  );
}
