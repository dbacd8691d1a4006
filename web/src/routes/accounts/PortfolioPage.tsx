// The portfolio: a table on wide screens, cards on a phone; filters live in the URL so a view
// can be shared, and saved as a segment. Its parts are in ./portfolio/: the search and filters
// bar with saved segments, the phone's cards and the wide screen's table. "New account" adds one
// by hand, for whoever manages accounts (imports and the API add them in bulk).
import { Link, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortfolio } from '../../api/accounts.ts';
import { useHighlight } from '../../api/voice.ts';
import { useCan, useMe } from '../../api/session.ts';
import { useWiderThan } from '../../components/media.ts';
import { Button, ErrorNote, Loading, LoadMore } from '../../components/ui.tsx';
import { portfolioFilters } from '../../api/portfolioFilters.ts';
import type { PortfolioSearch } from './portfolioSearch.ts';
import { QuickActions } from '../assistant/QuickActions.tsx';
import { TopRequest } from '../voice/TopRequest.tsx';
import { AccountCards } from './portfolio/AccountCards.tsx';
import { AccountTable } from './portfolio/AccountTable.tsx';
import { FiltersBar } from './portfolio/FiltersBar.tsx';

// The account form's code, when "New account" is first tapped.
const AccountDialog = lazy(() =>
  import('./AccountDialog.tsx').then((m) => ({ default: m.AccountDialog })),
);

export function PortfolioPage({ search }: { search: PortfolioSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const seesAll = me.data?.permissions.includes('view_all_accounts') ?? false;
  const filters = portfolioFilters(search, seesAll);
  const portfolio = usePortfolio(filters);
  const canAdd = useCan('manage_accounts');
  const [adding, setAdding] = useState(false);

  const set = (key: keyof PortfolioSearch, value: string) =>
    void navigate({ to: '/accounts', search: { ...search, [key]: value || undefined } });
  const sortBy = (column: string) => set('sort', search.sort === column ? `-${column}` : column);
  // The list is drawn from a deferred copy of the answer: React draws it in slices between
  // which the phone stays responsive, rather than in one long task when the answer arrives
  // (null at first even when it is already there, so the first render is sliced too).
  const loaded = useDeferredValue(portfolio.data ?? null, null);
  // One list per answer: the phone's cards keep their drawn elements while the page redraws
  // for anything else (the sentence above arriving, a filter typed).
  const accounts = useMemo(() => loaded?.pages.flatMap((page) => page.items) ?? [], [loaded]);
  const wide = useWiderThan('sm');
  // The sentence on the month's most asked-for feature sits above everything below the title:
  // that waits for it (asked for beside the list), rather than moving down when it arrives.
  const highlight = useHighlight(useCan('view_client_feedback'));
  const heading = (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h1 className="text-2xl font-bold">{t('portfolio.title')}</h1>
      {canAdd && (
        <Button variant="secondary" className="sm:order-last" onClick={() => setAdding(true)}>
          + {t('accountForm.new')}
        </Button>
      )}
      {adding && (
        <Suspense fallback={null}>
          <AccountDialog close={() => setAdding(false)} />
        </Suspense>
      )}
      {seesAll && (
        <div role="group" aria-label={t('portfolio.owner')} className="flex gap-1">
          <Button
            variant={search.owner === 'me' ? 'primary' : 'secondary'}
            aria-pressed={search.owner === 'me'}
            onClick={() => set('owner', 'me')}
          >
            {t('portfolio.mine')}
          </Button>
          <Button
            variant={search.owner !== 'me' ? 'primary' : 'secondary'}
            aria-pressed={search.owner !== 'me'}
            onClick={() => set('owner', '')}
          >
            {t('portfolio.all')}
          </Button>
        </div>
      )}
    </div>
  );
  if (highlight.isLoading) {
    return (
      <div className="flex flex-col gap-4">
        {heading}
        <Loading />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {heading}
      <TopRequest />
      <QuickActions />
      <FiltersBar search={search} filters={filters} set={set} wide={wide} />
      <ErrorNote error={portfolio.error} />
      {portfolio.isPending || (portfolio.data && !loaded) ? (
        <Loading />
      ) : accounts.length === 0 ? (
        <p className="text-muted">{t('portfolio.empty')}</p>
      ) : (
        <>
          <p className="text-sm text-muted" aria-live="polite">
            {portfolio.hasNextPage
              ? t('portfolio.countSoFar', { count: accounts.length })
              : t('portfolio.count', { count: accounts.length })}
          </p>
          {wide ? (
            <AccountTable accounts={accounts} sort={search.sort} sortBy={sortBy} />
          ) : (
            <AccountCards accounts={accounts} />
          )}
          <LoadMore list={portfolio} />
        </>
      )}
      {canAdd && (
        <Link
          to="/accounts/removed"
          className="inline-flex min-h-11 items-center self-start text-sm text-muted underline"
        >
          {t('removedAccounts.link')}
        </Link>
      )}
    </div>
  );
}
