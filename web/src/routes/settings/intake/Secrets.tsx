// Segment write keys (create, rotate, revoke), Stripe signing secrets and help desk
// secrets, each with the address to paste into that tool.
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  useAddStripeSecret,
  useCreateSupportSecret,
  useCreateWriteKey,
  useRevokeStripeSecret,
  useRevokeSupportSecret,
  useRevokeWriteKey,
  useRotateWriteKey,
  useStripeSecrets,
  useSupportSecrets,
  useWriteKeys,
} from '../../../api/intake.ts';
import { formatDateTime } from '../../../components/format.ts';
import { Button, Card, ErrorNote, Field, Input } from '../../../components/ui.tsx';
import { Endpoint, NameForm, SecretList, ShownOnce, fieldErrorOf } from './parts.tsx';

export function WriteKeys() {
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
        actions={(key) =>
          !key.expiresAt && (
            <Button
              variant="secondary"
              aria-label={t('settings.writeKeys.rotateNamed', { name: key.name })}
              disabled={rotate.isPending}
              onClick={() => (create.reset(), rotate.mutate(key.id))}
            >
              {t('settings.writeKeys.rotate')}
            </Button>
          )
        }
        revoke={{ pending: revoke.isPending, onRevoke: (id) => revoke.mutate(id) }}
      />
      <ErrorNote error={keys.error ?? rotate.error ?? revoke.error} />
    </Card>
  );
}

export function StripeSecrets() {
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
        revoke={{ pending: revoke.isPending, onRevoke: (id) => revoke.mutate(id) }}
      />
      <ErrorNote error={secrets.error ?? revoke.error} />
    </Card>
  );
}

export function SupportSecrets() {
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
        revoke={{ pending: revoke.isPending, onRevoke: (id) => revoke.mutate(id) }}
      />
      <ErrorNote error={secrets.error ?? revoke.error} />
    </Card>
  );
}
