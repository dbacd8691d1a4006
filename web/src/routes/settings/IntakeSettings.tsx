// "Data in": where product usage, billing and support tickets come from. Segment write keys
// (created, rotated, revoked; a key is shown once), the feature catalog, Stripe and help desk
// webhook secrets with the addresses to paste into those tools, and deliveries for review.
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  useAddStripeSecret,
  useCreateSupportSecret,
  useCreateWriteKey,
  useDefineFeature,
  useFeatures,
  useReviewItems,
  useRevokeStripeSecret,
  useRevokeSupportSecret,
  useRevokeWriteKey,
  useRotateWriteKey,
  useStripeSecrets,
  useSupportSecrets,
  useWriteKeys,
} from '../../api/intake.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import {
  Badge,
  Button,
  Card,
  ErrorNote,
  Field,
  Input,
  Loading,
  TextArea,
} from '../../components/ui.tsx';

const fieldErrorOf = (error: unknown) => (path: string) =>
  error instanceof ApiError ? error.fieldError(path) : undefined;

/** A secret just made: copy it now, Steward keeps only its hash. */
function ShownOnce({ label, secret }: { label: string; secret: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="mt-3 rounded-lg border border-accent p-3">
      <p className="mb-2 text-sm">
        {label} {t('intake:settings.shownOnce')}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="new-secret" className="rounded bg-raised px-2 py-1 break-all">
          {secret}
        </code>
        <Button
          variant="secondary"
          onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
    </div>
  );
}

/** An address to paste into another tool, selectable in one tap. */
function Endpoint({ path }: { path: string }) {
  return (
    <code className="rounded bg-raised px-1 break-all select-all">{`${window.location.origin}${path}`}</code>
  );
}

/** A one-field form: a name, and the button that creates the thing. */
function NameForm({
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit(name: string, done: () => void): void;
}) {
  const { t } = useTranslation('intake');
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(name, () => setName(''));
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="min-w-48 flex-1">
        <Field label={t('settings.name')} error={fieldErrorOf(error)('name')}>
          {(id) => (
            <Input
              id={id}
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** A list of named secrets or keys, each with its own buttons. */
function SecretList<T extends { id: string; name: string; prefix: string; createdAt: string }>({
  items,
  empty,
  detail,
  actions,
}: {
  items: T[] | undefined;
  empty: string;
  detail?: (item: T) => ReactNode;
  actions: (item: T) => ReactNode;
}) {
  const { t } = useTranslation('intake');
  if (!items) return <Loading />;
  if (items.length === 0) return <p className="mt-3 text-muted">{empty}</p>;
  return (
    <ul className="mt-3 flex flex-col divide-y divide-line">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-2 py-2">
          <span className="min-w-0 flex-1">
            <span className="font-medium">{item.name}</span>{' '}
            <code className="text-sm text-muted">{item.prefix}…</code>
            <span className="block text-sm text-muted">
              {t('settings.created', { date: formatDate(item.createdAt) })}
              {detail?.(item)}
            </span>
          </span>
          <span className="flex gap-2">{actions(item)}</span>
        </li>
      ))}
    </ul>
  );
}

function WriteKeys() {
  const { t } = useTranslation('intake');
  const keys = useWriteKeys();
  const create = useCreateWriteKey();
  const rotate = useRotateWriteKey();
  const revoke = useRevokeWriteKey();
  const fresh = rotate.data ?? create.data;
  return (
    <Card title={t('settings.writeKeys.title')}>
      <p className="mb-3 text-sm text-muted">
        <Trans
          t={t}
          i18nKey="settings.writeKeys.intro"
          components={{ url: <Endpoint path="" /> }}
        />
      </p>
      <NameForm
        submitLabel={t('settings.writeKeys.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(name, done) => (rotate.reset(), create.mutate(name, { onSuccess: done }))}
      />
      {fresh && (
        <ShownOnce key={fresh.id} label={t('settings.writeKeys.title')} secret={fresh.key} />
      )}
      <SecretList
        items={keys.data?.items}
        empty={t('settings.writeKeys.none')}
        detail={(key) =>
          key.expiresAt &&
          ` · ${t('settings.writeKeys.rotated', { date: formatDateTime(key.expiresAt) })}`
        }
        actions={(key) => (
          <>
            {!key.expiresAt && (
              <Button
                variant="secondary"
                aria-label={t('settings.writeKeys.rotateNamed', { name: key.name })}
                disabled={rotate.isPending}
                onClick={() => (create.reset(), rotate.mutate(key.id))}
              >
                {t('settings.writeKeys.rotate')}
              </Button>
            )}
            <Button
              variant="danger"
              aria-label={t('settings.revokeNamed', { name: key.name })}
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(key.id)}
            >
              {t('settings.revoke')}
            </Button>
          </>
        )}
      />
      <ErrorNote error={keys.error ?? rotate.error ?? revoke.error} />
    </Card>
  );
}

function FeatureCatalog() {
  const { t } = useTranslation('intake');
  const features = useFeatures();
  const define = useDefineFeature();
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [events, setEvents] = useState('');
  const [premium, setPremium] = useState(false);
  const [value, setValue] = useState(false);
  const fieldError = fieldErrorOf(define.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const names = events
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    define.mutate(
      { key, label, events: names, premium, value },
      {
        onSuccess: () => (
          setKey(''),
          setLabel(''),
          setEvents(''),
          setPremium(false),
          setValue(false)
        ),
      },
    );
  };
  return (
    <Card title={t('settings.features.title')}>
      <p className="mb-3 text-sm text-muted">{t('settings.features.intro')}</p>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={t('settings.features.label')} error={fieldError('label')}>
            {(id) => (
              <Input
                id={id}
                required
                maxLength={200}
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('settings.features.key')} error={fieldError('key')}>
            {(id) => (
              <Input
                id={id}
                required
                maxLength={100}
                pattern="[a-z0-9][a-z0-9_.\-]*"
                value={key}
                onChange={(e) => setKey(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field label={t('settings.features.events')} error={fieldError('events')}>
          {(id) => (
            <TextArea
              id={id}
              required
              rows={3}
              value={events}
              onChange={(e) => setEvents(e.target.value)}
            />
          )}
        </Field>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={premium}
            onChange={(e) => setPremium(e.target.checked)}
          />
          {t('settings.features.premium')}
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={value}
            onChange={(e) => setValue(e.target.checked)}
          />
          {t('settings.features.value')}
        </label>
        <ErrorNote error={define.error} />
        <Button type="submit" disabled={define.isPending} className="self-start">
          {t('settings.features.add')}
        </Button>
      </form>
      {features.isPending ? (
        <Loading />
      ) : features.data?.items.length ? (
        <ul className="mt-3 flex flex-col divide-y divide-line">
          {features.data.items.map((feature) => (
            <li key={feature.id} className="flex flex-col gap-1 py-2">
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{feature.label}</span>
                <code className="text-sm text-muted">{feature.key}</code>
                {feature.premium && (
                  <Badge tone="accent">{t('settings.features.premiumBadge')}</Badge>
                )}
                {feature.value && <Badge tone="healthy">{t('settings.features.valueBadge')}</Badge>}
              </span>
              <span className="text-sm break-words text-muted">{feature.events.join(', ')}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-muted">{t('settings.features.none')}</p>
      )}
    </Card>
  );
}

function StripeSecrets() {
  const { t } = useTranslation('intake');
  const secrets = useStripeSecrets();
  const add = useAddStripeSecret();
  const revoke = useRevokeStripeSecret();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const fieldError = fieldErrorOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ name, secret }, { onSuccess: () => (setName(''), setSecret('')) });
  };
  return (
    <Card title={t('settings.stripe.title')}>
      <p className="mb-1 text-sm text-muted">
        <Trans
          t={t}
          i18nKey="settings.stripe.intro"
          components={{ url: <Endpoint path="/webhooks/stripe" /> }}
        />
      </p>
      <p className="mb-3 text-sm text-muted">{t('settings.stripe.rotateHint')}</p>
      <form
        onSubmit={submit}
        className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[1fr_2fr_auto]"
      >
        <Field label={t('settings.name')} error={fieldError('name')}>
          {(id) => (
            <Input
              id={id}
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('settings.stripe.secret')} error={fieldError('secret')}>
          {(id) => (
            <Input
              id={id}
              required
              autoComplete="off"
              spellCheck={false}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" disabled={add.isPending}>
          {t('settings.stripe.add')}
        </Button>
      </form>
      <SecretList
        items={secrets.data?.items}
        empty={t('settings.stripe.none')}
        actions={(item) => (
          <Button
            variant="danger"
            aria-label={t('settings.revokeNamed', { name: item.name })}
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(item.id)}
          >
            {t('settings.revoke')}
          </Button>
        )}
      />
      <ErrorNote error={secrets.error ?? revoke.error} />
    </Card>
  );
}

function SupportSecrets() {
  const { t } = useTranslation('intake');
  const secrets = useSupportSecrets();
  const create = useCreateSupportSecret();
  const revoke = useRevokeSupportSecret();
  return (
    <Card title={t('settings.support.title')}>
      <p className="mb-3 text-sm text-muted">
        <Trans
          t={t}
          i18nKey="settings.support.intro"
          components={{
            url: <Endpoint path="/webhooks/support" />,
            header: <code className="rounded bg-raised px-1">X-Steward-Signature</code>,
          }}
        />
      </p>
      <NameForm
        submitLabel={t('settings.support.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(name, done) => create.mutate(name, { onSuccess: done })}
      />
      {create.data && (
        <ShownOnce
          key={create.data.id}
          label={t('settings.support.title')}
          secret={create.data.secret}
        />
      )}
      <SecretList
        items={secrets.data?.items}
        empty={t('settings.support.none')}
        actions={(item) => (
          <Button
            variant="danger"
            aria-label={t('settings.revokeNamed', { name: item.name })}
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(item.id)}
          >
            {t('settings.revoke')}
          </Button>
        )}
      />
      <ErrorNote error={secrets.error ?? revoke.error} />
    </Card>
  );
}

function ReviewList() {
  const { t } = useTranslation('intake');
  const review = useReviewItems();
  const items = review.data?.items;
  return (
    <Card title={t('settings.review.title')}>
      <p className="text-sm text-muted">{t('settings.review.intro')}</p>
      <p className="mb-3 text-sm text-muted">
        {t('settings.review.unassigned')}{' '}
        <Link to="/accounts" search={{ owner: 'unassigned' }} className="text-accent underline">
          {t('settings.review.unassignedLink')}
        </Link>
      </p>
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="text-muted">{t('settings.review.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 py-2 text-sm">
              <span className="flex flex-wrap items-center gap-2">
                <Badge>{t(`settings.review.source.${item.source}`)}</Badge>
                <code className="break-all text-muted">{item.sourceId}</code>
              </span>
              <span>{item.reason}</span>
              <span className="text-muted">
                {t('settings.review.received', { date: formatDateTime(item.receivedAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={review.error} />
    </Card>
  );
}

export function IntakeSettings() {
  const { t } = useTranslation('intake');
  const me = useMe();
  if (!me.data?.permissions.includes('manage_integrations'))
    return <p className="text-muted">{t('settings.noRights')}</p>;
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <WriteKeys />
      <FeatureCatalog />
      <StripeSecrets />
      <SupportSecrets />
      <div className="xl:col-span-2">
        <ReviewList />
      </div>
    </div>
  );
}
