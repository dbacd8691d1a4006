// Removed accounts, the latest removed first: who removed each and when, and a way back. A
// restored account returns to every list as it was, and its 360 opens.
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useRemovedAccounts, useRestoreAccount, type RemovedAccount } from '../../api/accounts.ts';
import { formatDateTime, formatMoney } from '../../components/format.ts';
import { Badge, Button, ErrorNote, Loading, LoadMore } from '../../components/ui.tsx';

export function RemovedAccountsPage() {
  const { t } = useTranslation();
  const removed = useRemovedAccounts();
  const items = removed.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <Link to="/accounts" className="inline-flex min-h-11 items-center text-accent underline">
        ← {t('removedAccounts.back')}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{t('removedAccounts.title')}</h1>
        <p className="text-sm text-muted">{t('removedAccounts.intro')}</p>
      </div>
      <ErrorNote error={removed.error} />
      {removed.isPending && <Loading />}
      {removed.isSuccess && items.length === 0 && (
        <p className="rounded-xl border border-line bg-surface p-4 text-muted">
          {t('removedAccounts.empty')}
        </p>
      )}
      {items.length > 0 && (
        <ul
          aria-label={t('removedAccounts.title')}
          className="flex flex-col divide-y divide-line rounded-xl border border-line bg-surface"
        >
          {items.map((account) => (
            <RemovedRow key={account.id} account={account} />
          ))}
        </ul>
      )}
      <LoadMore list={removed} />
    </div>
  );
}

function RemovedRow({ account }: { account: RemovedAccount }) {
  const { t } = useTranslation();
  const restore = useRestoreAccount();
  const navigate = useNavigate();
  const when = formatDateTime(account.removedAt);
  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-medium">{account.name}</h2>
          <Badge>{t(`tier.${account.tier}`)}</Badge>
          <span className="text-sm text-muted">{formatMoney(account.arr)}</span>
        </div>
        <p className="text-sm text-muted">
          <time dateTime={account.removedAt}>
            {account.removedBy
              ? t('removedAccounts.removedBy', { when, name: account.removedBy.name })
              : t('removedAccounts.removedAt', { when })}
          </time>
          {' · '}
          {account.owner
            ? t('removedAccounts.owner', { name: account.owner.name })
            : t('removedAccounts.noOwner')}
        </p>
        <ErrorNote error={restore.error} />
      </div>
      <Button
        variant="secondary"
        className="self-start sm:self-center"
        disabled={restore.isPending}
        aria-label={t('removedAccounts.restoreNamed', { name: account.name })}
        onClick={() =>
          restore.mutate(account.id, {
            onSuccess: () =>
              void navigate({ to: '/accounts/$accountId', params: { accountId: account.id } }),
          })
        }
      >
        {restore.isPending ? t('removedAccounts.restoring') : t('removedAccounts.restore')}
      </Button>
    </li>
  );
}
