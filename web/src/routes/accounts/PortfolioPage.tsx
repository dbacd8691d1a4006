// The portfolio: a table on wide screens, cards on a phone; filters live in the URL so a view
// can be shared, and saved as a segment.
import { Link, useNavigate } from '@tanstack/react-router';
import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useDeleteSegment,
  usePortfolio,
  useSaveSegment,
  useSegments,
  type Account,
} from '../../api/accounts.ts';
import { useDrawnInSlices } from '../../api/drawnLater.ts';
import { useHealthSeries } from '../../api/health.ts';
import { useHighlight } from '../../api/voice.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatMoney } from '../../components/format.ts';
import { useWiderThan } from '../../components/media.ts';
import { HealthBadge, RiskBadge } from '../../components/badges.tsx';
import { ScoreSparkline } from '../../components/scoreTrend.tsx';
import { Button, ErrorNote, Input, Loading, Select } from '../../components/ui.tsx';
import { choices, portfolioFilters, sortable, type PortfolioSearch } from './portfolioSearch.ts';
import { QuickActions } from '../assistant/QuickActions.tsx';
import { useCan } from '../voice/parts.tsx';
import { TopRequest } from '../voice/TopRequest.tsx';

type FilterSelectProps = {
  name: keyof typeof choices;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
};

const filterNames = Object.keys(choices) as (keyof typeof choices)[];
const anyLabel = {
  health: 'portfolio.anyHealth',
  tier: 'portfolio.anyTier',
  stage: 'portfolio.anyStage',
  priority: 'portfolio.anyPriority',
} as const satisfies Record<keyof typeof choices, string>;

/** One filter as a select whose first option ("Any …") clears it. */
function FilterSelect({ name, label, value, onChange }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">{label}</option>
      {choices[name].map((choice) => (
        <option key={choice} value={choice}>
          {name === 'priority' ? choice : t(`${name}.${choice}`)}
        </option>
      ))}
    </Select>
  );
}

/** Saves the current filters as a named segment, and deletes the chosen one. */
function SegmentBar({
  filters,
  search,
  choose,
}: {
  filters: Record<string, string>;
  search: PortfolioSearch;
  choose: (segmentId: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const segments = useSegments();
  const save = useSaveSegment();
  const remove = useDeleteSegment();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const chosen = segments.data?.items.find((segment) => segment.id === search.segment);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const saved = Object.fromEntries(Object.entries(filters).filter(([key]) => key !== 'segment'));
    save.mutate(
      { name, filters: saved, shared },
      {
        onSuccess: (segment) => {
          setName('');
          choose(segment.id);
        },
      },
    );
  };

  return (
    <div className="flex flex-col gap-2 lg:flex-row lg:items-start">
      <div className="flex gap-2 lg:w-80">
        <Select
          aria-label={t('portfolio.segments')}
          value={search.segment ?? ''}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{t('portfolio.noSegment')}</option>
          {segments.data?.items.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.name}
            </option>
          ))}
        </Select>
        {chosen && chosen.ownerId === me.data?.id && (
          <Button
            variant="danger"
            aria-label={t('portfolio.deleteSegment')}
            title={t('portfolio.deleteSegment')}
            onClick={() => remove.mutate(chosen.id, { onSuccess: () => choose('') })}
          >
            ✕
          </Button>
        )}
      </div>
      <form className="flex flex-wrap items-center gap-2" onSubmit={submit}>
        <Input
          aria-label={t('portfolio.segmentName')}
          placeholder={t('portfolio.segmentName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={100}
          className="max-w-xs flex-1"
        />
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={shared}
            onChange={(e) => setShared(e.target.checked)}
          />
          {t('portfolio.shareSegment')}
        </label>
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t('portfolio.saveSegment')}
        </Button>
      </form>
      <ErrorNote error={save.error ?? remove.error} />
    </div>
  );
}

function AccountCards({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation();
  // A phone's screenful first, the rest a screenful at a time below it.
  const drawn = useDrawnInSlices(accounts, 8);
  return (
    <ul className="flex flex-col gap-2" aria-label={t('portfolio.title')}>
      {drawn.map((account) => (
        <li key={account.id}>
          <Link
            to="/accounts/$accountId"
            params={{ accountId: account.id }}
            className="block rounded-xl border border-line bg-surface p-3"
          >
            <div className="flex items-start justify-between gap-2">
              <span className="font-semibold">{account.name}</span>
              <HealthBadge health={account.health} />
            </div>
            <div className="mt-1 flex flex-wrap gap-x-3 text-sm text-muted">
              <span>{t(`tier.${account.tier}`)}</span>
              <span className="tabular-nums">{formatMoney(account.arr)}</span>
              <span>{t(`stage.${account.stage}`)}</span>
              <span>{account.priority}</span>
              <span>{formatDate(account.renewalDate)}</span>
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 text-sm text-muted">
              <span>{account.ownerName ?? t('account.unassigned')}</span>
              {account.churnRisk.level && (
                <span>
                  {t('portfolio.columns.risk')}: <RiskBadge level={account.churnRisk.level} />
                </span>
              )}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function AccountTable({
  accounts,
  sort,
  sortBy,
}: {
  accounts: Account[];
  sort: string | undefined;
  sortBy: (column: string) => void;
}) {
  const { t } = useTranslation();
  const trends = useHealthSeries(accounts.map((account) => account.id));
  const direction = (column: string) =>
    sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full text-left">
        <thead className="border-b border-line text-sm text-muted">
          <tr>
            {sortable.map((column) => (
              <th key={column} scope="col" className="p-2" aria-sort={direction(column)}>
                <button
                  type="button"
                  className="min-h-11 font-medium hover:text-ink"
                  onClick={() => sortBy(column)}
                  title={t('portfolio.sortBy', { column: t(`portfolio.columns.${column}`) })}
                >
                  {t(`portfolio.columns.${column}`)}
                  <span aria-hidden="true">
                    {direction(column) === 'ascending'
                      ? ' ↑'
                      : direction(column) === 'descending'
                        ? ' ↓'
                        : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col" className="p-2">
              {t('portfolio.columns.owner')}
            </th>
            <th scope="col" className="p-2">
              {t('portfolio.columns.risk')}
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} className="border-b border-line last:border-0 hover:bg-raised">
              <td className="p-2">
                <Link
                  to="/accounts/$accountId"
                  params={{ accountId: account.id }}
                  className="inline-flex min-h-11 items-center font-medium text-ink underline-offset-2 hover:underline"
                >
                  {account.name}
                </Link>
              </td>
              <td className="p-2">{t(`tier.${account.tier}`)}</td>
              <td className="p-2 tabular-nums">{formatMoney(account.arr)}</td>
              <td className="p-2">{t(`stage.${account.stage}`)}</td>
              <td className="p-2">{formatDate(account.renewalDate)}</td>
              <td className="p-2">{account.priority}</td>
              <td className="p-2">
                <span className="flex items-center gap-2">
                  <HealthBadge health={account.health} />
                  {trends.data?.has(account.id) && (
                    <ScoreSparkline series={trends.data.get(account.id)?.series ?? []} />
                  )}
                </span>
              </td>
              <td className="p-2 text-muted">{account.ownerName ?? t('account.unassigned')}</td>
              <td className="p-2">
                <RiskBadge level={account.churnRisk.level} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PortfolioPage({ search }: { search: PortfolioSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const seesAll = me.data?.permissions.includes('view_all_accounts') ?? false;
  const filters = portfolioFilters(search, seesAll);
  const portfolio = usePortfolio(filters);

  const set = (key: keyof PortfolioSearch, value: string) =>
    void navigate({ to: '/accounts', search: { ...search, [key]: value || undefined } });
  const sortBy = (column: string) => set('sort', search.sort === column ? `-${column}` : column);
  // The list is drawn from a deferred copy of the answer: React draws it in slices between
  // which the phone stays responsive, rather than in one long task when the answer arrives
  // (null at first even when it is already there, so the first render is sliced too).
  const loaded = useDeferredValue(portfolio.data ?? null, null);
  const accounts = loaded?.pages.flatMap((page) => page.items) ?? [];
  const wide = useWiderThan('sm');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();
  const active = (['health', 'tier', 'stage', 'priority', 'segment'] as const).filter(
    (key) => search[key],
  ).length;
  // The sentence on the month's most asked-for feature sits above everything below the title:
  // that waits for it (asked for beside the list), rather than moving down when it arrives.
  const highlight = useHighlight(useCan('view_client_feedback'));
  const heading = (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h1 className="text-2xl font-bold">{t('portfolio.title')}</h1>
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
      <div className="flex gap-2">
        <Input
          key={search.q ?? ''}
          type="search"
          aria-label={t('portfolio.search')}
          placeholder={t('portfolio.search')}
          defaultValue={search.q ?? ''}
          onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value)}
          onBlur={(e) =>
            e.currentTarget.value !== (search.q ?? '') && set('q', e.currentTarget.value)
          }
          className="flex-1"
        />
        {/* On a phone the filters fold away behind one button, so the list starts on screen. */}
        <Button
          variant={active > 0 ? 'primary' : 'secondary'}
          className="sm:hidden"
          aria-expanded={filtersOpen}
          aria-controls={panelId}
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          {t('portfolio.filters')}
          {active > 0 && ` (${active})`}
        </Button>
      </div>
      <div id={panelId} className={`${filtersOpen ? 'flex' : 'hidden'} flex-col gap-2 sm:flex`}>
        {/* Folded on a phone: drawn (and the segments asked for) once opened. */}
        {(filtersOpen || wide) && (
          <>
            <div
              role="group"
              aria-label={t('portfolio.filters')}
              className="grid grid-cols-2 gap-2 sm:grid-cols-4"
            >
              {filterNames.map((name) => (
                <FilterSelect
                  key={name}
                  name={name}
                  label={t(anyLabel[name])}
                  value={search[name]}
                  onChange={(v) => set(name, v)}
                />
              ))}
            </div>
            <SegmentBar filters={filters} search={search} choose={(id) => set('segment', id)} />
          </>
        )}
      </div>
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
          {portfolio.hasNextPage && (
            <Button
              variant="secondary"
              className="self-center"
              onClick={() => void portfolio.fetchNextPage()}
              disabled={portfolio.isFetchingNextPage}
            >
              {portfolio.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
