// Pieces shared by the "Data in" settings: a secret shown once, an address to paste
// elsewhere, a one-field create form, and a list of named keys or secrets.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { formatDate } from '../../../components/format.ts';
import { Button, Field, Input, Loading } from '../../../components/ui.tsx';

/** The server's message for one field of a failed save. */
export const fieldErrorOf = (error: unknown) => (path: string) =>
  error instanceof ApiError ? error.fieldError(path) : undefined;

/** A secret just made: copy it now, Steward keeps only its hash. */
export function ShownOnce({ label, secret }: { label: string; secret: string }) {
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
export function Endpoint({ path }: { path: string }) {
  return (
    <code className="rounded bg-raised px-1 break-all select-all">{`${window.location.origin}${path}`}</code>
  );
}

/** A one-field form: a name, and the button that creates the thing. */
export function NameForm({
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
export function SecretList<
  T extends { id: string; name: string; prefix: string; createdAt: string },
>({
  items,
  empty,
  detail,
  actions,
  revoke,
}: {
  items: T[] | undefined;
  empty: string;
  detail?: (item: T) => ReactNode;
  /** Buttons before the revoke button every secret has. */
  actions?: (item: T) => ReactNode;
  revoke: { pending: boolean; onRevoke: (id: string) => void };
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
          <span className="flex gap-2">
            {actions?.(item)}
            <Button
              variant="danger"
              aria-label={t('settings.revokeNamed', { name: item.name })}
              disabled={revoke.pending}
              onClick={() => revoke.onRevoke(item.id)}
            >
              {t('settings.revoke')}
            </Button>
          </span>
        </li>
      ))}
    </ul>
  );
}
