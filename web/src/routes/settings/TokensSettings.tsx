// API tokens: scoped to some of your permissions, the secret shown once.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../api/admin.ts';
import { useMe } from '../../api/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { Button, Card, ErrorNote, Field, Input } from '../../components/ui.tsx';

export function TokensSettings() {
  const { t } = useTranslation();
  const me = useMe();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['view_accounts']);
  const [copied, setCopied] = useState(false);
  const mine = me.data?.permissions ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCopied(false);
    create.mutate({ name, scopes: scopes as never });
  };

  return (
    <div className="flex flex-col gap-4">
      <Card title={t('settings.createToken')}>
        <form onSubmit={submit} className="flex flex-col gap-3">
          <Field label={t('settings.tokenName')}>
            {(id) => <Input id={id} required value={name} onChange={(e) => setName(e.target.value)} className="max-w-md" />}
          </Field>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">{t('settings.scopes')}</legend>
            <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
              {mine.map((permission) => (
                <label key={permission} className="flex min-h-11 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="h-5 w-5"
                    checked={scopes.includes(permission)}
                    onChange={(e) => setScopes(e.target.checked ? [...scopes, permission] : scopes.filter((s) => s !== permission))}
                  />
                  <code>{permission}</code>
                </label>
              ))}
            </div>
          </fieldset>
          <ErrorNote error={create.error} />
          <Button type="submit" disabled={create.isPending || scopes.length === 0} className="self-start">
            {t('settings.createToken')}
          </Button>
        </form>
        {create.data && (
          <div role="status" className="mt-4 rounded-lg border border-accent p-3">
            <p className="mb-2 text-sm">{t('settings.tokenShownOnce')}</p>
            <div className="flex flex-wrap items-center gap-2">
              <code className="break-all">{create.data.token}</code>
              <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(create.data.token).then(() => setCopied(true))}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            </div>
          </div>
        )}
      </Card>
      <Card title={t('settings.tokens')}>
        <ul className="flex flex-col divide-y divide-line">
          {tokens.data?.items.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="flex-1">
                <span className="font-medium">{token.name}</span> <code className="text-sm text-muted">{token.prefix}…</code>
                <span className="block text-sm text-muted">
                  {token.scopes.join(', ')} · {t('settings.lastUsed')}: {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('settings.never')}
                </span>
              </span>
              <Button variant="danger" onClick={() => revoke.mutate(token.id)}>
                {t('settings.revoke')}
              </Button>
            </li>
          ))}
        </ul>
        <ErrorNote error={revoke.error} />
      </Card>
    </div>
  );
}
