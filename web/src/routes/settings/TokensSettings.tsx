// API tokens: scoped to some of your own permissions, the secret shown once.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../api/admin.ts';
import { ApiError, type Schemas } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Button, Card, ErrorNote, Loading, TextField } from '../../components/ui.tsx';

type Scope = Schemas['CreateApiToken']['scopes'][number];

/** The secret of a token just created: copy it now, it is never shown again. */
function NewSecret({ token }: { token: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="mt-4 rounded-lg border border-accent p-3">
      <p className="mb-2 text-sm">{t('settings.tokenShownOnce')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="rounded bg-raised px-2 py-1 break-all">{token}</code>
        <Button
          variant="secondary"
          onClick={() => void navigator.clipboard.writeText(token).then(() => setCopied(true))}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
    </div>
  );
}

function CreateToken({ permissions }: { permissions: Scope[] }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(
    permissions.includes('view_accounts') ? ['view_accounts'] : [],
  );
  const fieldError = (path: string) =>
    create.error instanceof ApiError ? create.error.fieldError(path) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A token dated for a day lasts to the end of that day in the person's own clock.
    const expiresAt = expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : null;
    create.mutate({ name, scopes, expiresAt }, { onSuccess: () => setName('') });
  };

  return (
    <Card title={t('settings.createToken')}>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField
            label={t('settings.tokenName')}
            error={fieldError('name')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <TextField
            label={t('settings.expiresOn')}
            error={fieldError('expiresAt')}
            type="date"
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
          />
        </div>
        <fieldset className="min-w-0">
          <legend className="mb-1 text-sm font-medium">{t('settings.scopes')}</legend>
          {fieldError('scopes') && (
            <p role="alert" className="text-sm text-critical">
              {fieldError('scopes')}
            </p>
          )}
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {permissions.map((permission) => (
              <label key={permission} className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="h-5 w-5 shrink-0"
                  checked={scopes.includes(permission)}
                  onChange={(e) =>
                    setScopes(
                      e.target.checked
                        ? [...scopes, permission]
                        : scopes.filter((s) => s !== permission),
                    )
                  }
                />
                {t(`settings.permissionNames.${permission}`, { defaultValue: permission })}
              </label>
            ))}
          </div>
        </fieldset>
        <ErrorNote error={create.error} />
        <Button
          type="submit"
          disabled={create.isPending || scopes.length === 0}
          className="self-start"
        >
          {t('settings.createToken')}
        </Button>
      </form>
      {create.data && <NewSecret key={create.data.id} token={create.data.token} />}
    </Card>
  );
}

export function TokensSettings() {
  const { t } = useTranslation();
  const me = useMe();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const permissions = (me.data?.permissions ?? []) as Scope[];
  const canManage = permissions.includes('manage_api_tokens');

  return (
    <div className="flex flex-col gap-4">
      {canManage ? (
        <CreateToken permissions={permissions} />
      ) : (
        <p className="text-muted">{t('settings.noTokenRights')}</p>
      )}
      <Card title={t('settings.tokens')}>
        {tokens.isPending ? (
          <Loading />
        ) : tokens.data?.items.length ? (
          <ul className="flex flex-col divide-y divide-line">
            {tokens.data.items.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center gap-2 py-2">
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{token.name}</span>{' '}
                  <code className="text-sm text-muted">{token.prefix}…</code>
                  <span className="block text-sm text-muted">
                    {token.scopes
                      .map((s) => t(`settings.permissionNames.${s}`, { defaultValue: s }))
                      .join(', ')}
                  </span>
                  <span className="block text-sm text-muted">
                    {[
                      `${t('settings.created')}: ${formatDate(token.createdAt)}`,
                      `${t('settings.lastUsed')}: ${token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('settings.never')}`,
                      `${t('settings.expires')}: ${token.expiresAt ? formatDate(token.expiresAt) : t('settings.noExpiry')}`,
                    ].join(' · ')}
                  </span>
                </span>
                {canManage && (
                  <Button
                    variant="danger"
                    aria-label={`${t('settings.revoke')}: ${token.name}`}
                    onClick={() => revoke.mutate(token.id)}
                    disabled={revoke.isPending}
                  >
                    {t('settings.revoke')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">{t('settings.noTokens')}</p>
        )}
        <ErrorNote error={tokens.error ?? revoke.error} />
      </Card>
    </div>
  );
}
