// The portfolio: a table on wide screens, cards on a phone; filters live in the URL so a view
// can be shared, and saved as a segment.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortfolio, useSaveSegment, useSegments, type Account } from '../../api/accounts.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatMoney } from '../../components/format.ts';
import { Badge, Button, ErrorNote, Input, Loading, Select } from '../../components/ui.tsx';

export type PortfolioSearch = Partial<Record<'owner' | 'health' | 'tier' | 'stage' | 'priority' | 'q' | 'sort' | 'segment', string>>;

const healthTone = { healthy: 'healthy', at_risk: 'risk', critical: 'critical' } as const;

export function HealthBadge({ health }: { health: Account['health'] }) {
  const { t } = useTranslation();
  if (!health.category) return <Badge>{t('health.unscored')}</Badge>;
  return (
    <Badge tone={healthTone[health.category]}>
      {health.score} · {t(`health.${health.category}`)}
    </Badge>
  );
}

export function RiskBadge({ level }: { level: Account['churnRisk']['level'] }) {
  const { t } = useTranslation();
  if (!level) return <span className="text-muted">{t('common.none')}</span>;
  const tone = level === 'low' ? 'healthy' : level === 'medium' ? 'risk' : 'critical';
  return <Badge tone={tone}>{t(`risk.${level}`)}</Badge>;
}

const sortable = ['name', 'tier', 'arr', 'stage', 'renewalDate', 'priority', 'health'] as const;

export function PortfolioPage({ search }: { search: PortfolioSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const seesAll = me.data?.permissions.includes('view_all_accounts') ?? false;
  const filters = Object.fromEntries(Object.entries({ owner: seesAll ? undefined : 'me', ...search }).filter(([, v]) => v)) as Record<string, string>;
  const portfolio = usePortfolio(filters);
  const segments = useSegments();
  const saveSegment = useSaveSegment();
  const [segmentName, setSegmentName] = useState('');

  const set = (key: keyof PortfolioSearch, value: string) =>
    void navigate({ to: '/accounts', search: { ...search, [key]: value || undefined } });
  const sortBy = (column: string) => set('sort', search.sort === column ? `-${column}` : column);
  const accounts = portfolio.data?.pages.flatMap((page) => page.items) ?? [];

  const options = (key: string, values: readonly string[], any: string, prefix: string) => (
    <Select aria-label={any} value={search[key as keyof PortfolioSearch] ?? ''} onChange={(e) => set(key as keyof PortfolioSearch, e.target.value)}>
      <option value="">{any}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${prefix}.${v}`)}
        </option>
      ))}
    </Select>
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('portfolio.title')}</h1>
        {seesAll && (
          <div role="group" aria-label={t('portfolio.filters')} className="flex gap-1">
            <Button variant={search.owner === 'me' ? 'primary' : 'secondary'} onClick={() => set('owner', 'me')}>
              {t('portfolio.mine')}
            </Button>
            <Button variant={search.owner !== 'me' ? 'primary' : 'secondary'} onClick={() => set('owner', '')}>
              {t('portfolio.all')}
            </Button>
          </div>
        )}
      </div>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <Input
          type="search"
          aria-label={t('portfolio.search')}
          placeholder={t('portfolio.search')}
          defaultValue={search.q ?? ''}
          onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value)}
          onBlur={(e) => e.currentTarget.value !== (search.q ?? '') && set('q', e.currentTarget.value)}
          className="sm:col-span-3 lg:col-span-2"
        />
        {options('health', ['healthy', 'at_risk', 'critical', 'unscored'], t('portfolio.anyHealth'), 'health')}
        {options('tier', ['enterprise', 'mid_market', 'smb'], t('portfolio.anyTier'), 'tier')}
        {options('stage', ['onboarding', 'adopting', 'steady', 'renewing', 'churned'], t('portfolio.anyStage'), 'stage')}
        <Select aria-label={t('portfolio.segments')} value={search.segment ?? ''} onChange={(e) => set('segment', e.target.value)}>
          <option value="">{t('portfolio.noSegment')}</option>
          {segments.data?.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </div>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const { segment: _segment, ...saved } = filters;
          saveSegment.mutate({ name: segmentName, filters: saved, shared: false }, { onSuccess: () => setSegmentName('') });
        }}
      >
        <Input aria-label={t('portfolio.segmentName')} placeholder={t('portfolio.segmentName')} value={segmentName} onChange={(e) => setSegmentName(e.target.value)} required className="max-w-xs" />
        <Button type="submit" variant="secondary" disabled={saveSegment.isPending}>
          {t('portfolio.saveSegment')}
        </Button>
      </form>
      <ErrorNote error={portfolio.error ?? saveSegment.error} />
      {portfolio.isPending ? (
        <Loading />
      ) : accounts.length === 0 ? (
        <p className="text-muted">{t('portfolio.empty')}</p>
      ) : (
        <>
          <p className="text-sm text-muted" aria-live="polite">
            {t('portfolio.count', { count: accounts.length })}
          </p>
          <ul className="flex flex-col gap-2 sm:hidden" aria-label={t('portfolio.title')}>
            {accounts.map((account) => (
              <li key={account.id}>
                <Link to="/accounts/$accountId" params={{ accountId: account.id }} className="block rounded-xl border border-line bg-surface p-3">
                  <div className="flex items-start justify-between gap-2">
                    <span className="font-semibold">{account.name}</span>
                    <HealthBadge health={account.health} />
                  </div>
                  <div className="mt-1 flex flex-wrap gap-x-3 text-sm text-muted">
                    <span>{formatMoney(account.arr)}</span>
                    <span>{t(`stage.${account.stage}`)}</span>
                    <span>{account.priority}</span>
                    <span>{formatDate(account.renewalDate)}</span>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-xl border border-line bg-surface sm:block">
            <table className="w-full text-left">
              <thead className="border-b border-line text-sm text-muted">
                <tr>
                  {sortable.map((column) => (
                    <th key={column} scope="col" className="p-2" aria-sort={search.sort === column ? 'ascending' : search.sort === `-${column}` ? 'descending' : 'none'}>
                      <button type="button" className="min-h-11 font-medium hover:text-ink" onClick={() => sortBy(column)} aria-label={t('portfolio.sortBy', { column: t(`portfolio.columns.${column}`) })}>
                        {t(`portfolio.columns.${column}`)}
                        {search.sort === column ? ' ↑' : search.sort === `-${column}` ? ' ↓' : ''}
                      </button>
                    </th>
                  ))}
                  <th scope="col" className="p-2">{t('portfolio.columns.owner')}</th>
                  <th scope="col" className="p-2">{t('portfolio.columns.risk')}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id} className="border-b border-line last:border-0 hover:bg-raised">
                    <td className="p-2">
                      <Link to="/accounts/$accountId" params={{ accountId: account.id }} className="font-medium text-ink underline-offset-2 hover:underline">
                        {account.name}
                      </Link>
                    </td>
                    <td className="p-2">{t(`tier.${account.tier}`)}</td>
                    <td className="p-2 tabular-nums">{formatMoney(account.arr)}</td>
                    <td className="p-2">{t(`stage.${account.stage}`)}</td>
                    <td className="p-2">{formatDate(account.renewalDate)}</td>
                    <td className="p-2">{account.priority}</td>
                    <td className="p-2"><HealthBadge health={account.health} /></td>
                    <td className="p-2 text-muted">{account.ownerName ?? t('account.unassigned')}</td>
                    <td className="p-2"><RiskBadge level={account.churnRisk.level} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {portfolio.hasNextPage && (
            <Button variant="secondary" onClick={() => void portfolio.fetchNextPage()} disabled={portfolio.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
