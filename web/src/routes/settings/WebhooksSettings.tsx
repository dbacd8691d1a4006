// Settings → Webhooks (admins): subscribe a URL to events (the signing secret shown once),
// change or switch a subscription off and on, and open its deliveries (WebhookDeliveries.tsx).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import {
  eventKey,
  useCreateWebhookSubscription,
  useUpdateWebhookSubscription,
  useWebhookSubscriptions,
  webhookEvents,
  type WebhookEvent,
  type WebhookSubscription,
} from '../../api/webhooks.ts';
import { Badge, Button, Card, ErrorNote, Loading, TextField } from '../../components/ui.tsx';
import { WebhookDeliveries } from './WebhookDeliveries.tsx';

function EventChoice({
  value,
  onChange,
  error,
}: {
  value: WebhookEvent[];
  onChange: (events: WebhookEvent[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('webhooks');
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-medium">{t('add.events')}</legend>
      {error && (
        <p role="alert" className="text-sm text-critical">
          {error}
        </p>
      )}
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {webhookEvents.map((event) => (
          <label key={event} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-5 w-5 shrink-0"
              checked={value.includes(event)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, event] : value.filter((v) => v !== event))
              }
            />
            <span className="min-w-0">
              {t(eventKey(event))} <code className="text-xs break-all text-muted">{event}</code>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function NewSecret({ secret }: { secret: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code className="rounded bg-raised px-2 py-1 break-all">{secret}</code>
      <Button
        variant="secondary"
        onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
      >
        {copied ? t('common.copied') : t('common.copy')}
      </Button>
    </div>
  );
}

function Subscribe() {
  const { t } = useTranslation('webhooks');
  const create = useCreateWebhookSubscription();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const fieldError = (path: string) =>
    create.error instanceof ApiError ? create.error.fieldError(path) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { url, events, description: description.trim() || null },
      {
        onSuccess: () => {
          setUrl('');
          setDescription('');
          setEvents([]);
        },
      },
    );
  };

  const created = create.data;
  return (
    <Card title={t('add.title')}>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <TextField
          label={t('add.url')}
          hint={t('add.urlHint')}
          error={fieldError('url')}
          type="url"
          inputMode="url"
          required
          maxLength={2048}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <TextField
          label={t('add.description')}
          error={fieldError('description')}
          maxLength={200}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <EventChoice value={events} onChange={setEvents} error={fieldError('events')} />
        <ErrorNote error={create.error} />
        <Button
          type="submit"
          disabled={create.isPending || events.length === 0}
          className="self-start"
        >
          {t('add.submit')}
        </Button>
      </form>
      {created && (
        <div role="status" className="mt-4 flex flex-col gap-2 rounded-lg border border-accent p-3">
          <p className="text-sm">{t('secret.shownOnce')}</p>
          <NewSecret key={created.subscription.id} secret={created.secret} />
          <p className="text-sm text-muted">
            {created.ping.status !== null
              ? t('ping.answered', { status: created.ping.status })
              : t('ping.unanswered', { error: created.ping.error ?? '—' })}
          </p>
        </div>
      )}
    </Card>
  );
}

function EditSubscription({
  subscription,
  onDone,
}: {
  subscription: WebhookSubscription;
  onDone: () => void;
}) {
  const { t } = useTranslation('webhooks');
  const update = useUpdateWebhookSubscription();
  const [url, setUrl] = useState(subscription.url);
  const [description, setDescription] = useState(subscription.description ?? '');
  const [events, setEvents] = useState<WebhookEvent[]>(subscription.events);
  const fieldError = (path: string) =>
    update.error instanceof ApiError ? update.error.fieldError(path) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: subscription.id,
        patch: { url, events, description: description.trim() || null },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-3">
      <TextField
        label={t('add.url')}
        error={fieldError('url')}
        type="url"
        required
        maxLength={2048}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <TextField
        label={t('add.description')}
        error={fieldError('description')}
        maxLength={200}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <EventChoice value={events} onChange={setEvents} error={fieldError('events')} />
      <ErrorNote error={update.error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={update.isPending || events.length === 0}>
          {t('list.save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('list.cancel')}
        </Button>
      </div>
    </form>
  );
}

function SubscriptionItem({ subscription }: { subscription: WebhookSubscription }) {
  const { t } = useTranslation('webhooks');
  const update = useUpdateWebhookSubscription();
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const state = subscription.enabled
    ? { tone: 'healthy' as const, label: t('list.on') }
    : subscription.disabledReason === 'failures'
      ? { tone: 'critical' as const, label: t('list.offFailures') }
      : { tone: 'neutral' as const, label: t('list.offAdmin') };
  return (
    <li className="flex flex-col gap-2 py-3">
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium break-all">{subscription.url}</p>
          {subscription.description && (
            <p className="text-sm text-muted">{subscription.description}</p>
          )}
          <p className="text-sm text-muted">
            {subscription.events.map((e) => t(eventKey(e))).join(', ')}
          </p>
          {subscription.consecutiveFailures > 0 && (
            <p className="text-sm text-risk">
              {t('list.failures', { count: subscription.consecutiveFailures })}
            </p>
          )}
        </div>
        <Badge tone={state.tone}>{state.label}</Badge>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {t('list.edit')}
        </Button>
        <Button
          variant={subscription.enabled ? 'danger' : 'secondary'}
          disabled={update.isPending}
          onClick={() =>
            update.mutate({ id: subscription.id, patch: { enabled: !subscription.enabled } })
          }
        >
          {subscription.enabled ? t('list.switchOff') : t('list.switchOn')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('list.hideDeliveries') : t('list.showDeliveries')}
        </Button>
      </div>
      <ErrorNote error={update.error} />
      {editing && <EditSubscription subscription={subscription} onDone={() => setEditing(false)} />}
      {open && <WebhookDeliveries subscription={subscription} />}
    </li>
  );
}

export function WebhooksSettings() {
  const { t } = useTranslation('webhooks');
  const me = useMe();
  const subscriptions = useWebhookSubscriptions();
  if (!me.data?.permissions.includes('manage_webhooks'))
    return <p className="text-muted">{t('noRights')}</p>;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">{t('intro')}</p>
      <Subscribe />
      <Card title={t('list.title')}>
        {subscriptions.isPending ? (
          <Loading />
        ) : subscriptions.data?.items.length ? (
          <ul className="flex flex-col divide-y divide-line">
            {subscriptions.data.items.map((s) => (
              <SubscriptionItem key={s.id} subscription={s} />
            ))}
          </ul>
        ) : (
          <p className="text-muted">{t('list.none')}</p>
        )}
        <ErrorNote error={subscriptions.error} />
      </Card>
    </div>
  );
}
