// Product adoption across clients (the persona guide's "Adoption Metrics"): active users and
// seats, feature adoption across clients, premium features bought and used, time to value,
// the clients whose adoption is declining with the figures behind it, and every client —
// one of them opened in detail.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAdoptionOverview,
  usePortfolioAdoption,
  type AdoptionScope,
  type AdoptionTrend,
} from '../../api/intake.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Loading } from '../../components/ui.tsx';
import { AdoptionDetails } from '../accounts/360/AdoptionDetails.tsx';
import { Overview } from './Overview.tsx';
import { TrendFigures } from './TrendFigures.tsx';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function ScopeSwitch({
  scope,
  onChange,
}: {
  scope: AdoptionScope;
  onChange(s: AdoptionScope): void;
}) {
  const { t } = useTranslation('intake');
  return (
    <div role="group" aria-label={t('adoption.scope')} className="flex gap-1">
      {(['me', 'all'] as const).map((value) => (
        <Button
          key={value}
          variant={scope === value ? 'primary' : 'secondary'}
          aria-pressed={scope === value}
          onClick={() => onChange(value)}
        >
          {t(value === 'me' ? 'adoption.mine' : 'adoption.everyone')}
        </Button>
      ))}
    </div>
  );
}

function Declining({ items, open }: { items: AdoptionTrend[]; open(id: string): void }) {
  const { t } = useTranslation('intake');
  const declining = items.filter((item) => item.declining);
  return (
    <Card title={t('adoption.decliningTitle')}>
      {declining.length === 0 ? (
        <p className="text-muted">{t('adoption.noneDeclining')}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
          {declining.map((item) => (
            <li
              key={item.accountId}
              className="flex flex-col gap-2 rounded-lg border border-critical p-3"
            >
              <button
                type="button"
                className="min-h-11 text-left font-semibold underline-offset-2 hover:underline"
                onClick={() => open(item.accountId)}
              >
                {item.name}
              </button>
              <TrendFigures trend={item} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ChangeCell({ value }: { value: number | null }) {
  if (value === null) return <span className="text-muted">—</span>;
  const tone = value < 0 ? 'text-critical' : value > 0 ? 'text-healthy' : 'text-muted';
  return <span className={`tabular-nums ${tone}`}>{value > 0 ? `+${value}%` : `${value}%`}</span>;
}

/** Every client: a table on wide screens, a list of cards on a phone. */
function EveryClient({ items, open }: { items: AdoptionTrend[]; open(id: string): void }) {
  const { t } = useTranslation('intake');
  const name = (item: AdoptionTrend) => (
    <button
      type="button"
      className="min-h-11 text-left font-medium underline-offset-2 hover:underline"
      onClick={() => open(item.accountId)}
    >
      {item.name}
    </button>
  );
  const signal = (item: AdoptionTrend) =>
    item.declining ? <Badge tone="critical">{t('adoption.declining')}</Badge> : null;
  return (
    <Card title={t('adoption.allClients')}>
      <ul
        aria-label={t('adoption.allClients')}
        className="flex flex-col divide-y divide-line md:hidden"
      >
        {items.map((item) => (
          <li key={item.accountId} className="flex flex-col gap-1 py-2 text-sm">
            <span className="flex flex-wrap items-center justify-between gap-2">
              {name(item)}
              {signal(item)}
            </span>
            <span className="flex flex-wrap gap-x-3 text-muted">
              <span>
                {t('adoption.columns.mau')} {formatNumber(item.mau)}{' '}
                <ChangeCell value={item.activeUsersChange} />
              </span>
              <span>
                {t('adoption.columns.seats')} {percent(item.seatUtilization)}
              </span>
              <span>
                {t('adoption.columns.usage')} <ChangeCell value={item.usageChange} />
              </span>
            </span>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full text-left text-sm">
          <thead className="text-muted">
            <tr className="border-b border-line">
              <th scope="col" className="p-2 font-medium">
                {t('adoption.columns.client')}
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                {t('adoption.columns.mau')}
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                {t('adoption.columns.seats')}
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                {t('adoption.columns.usage')}
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                {t('adoption.columns.logins')}
              </th>
              <th scope="col" className="p-2 font-medium">
                {t('adoption.columns.signals')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.accountId} className="border-b border-line last:border-0">
                <td className="p-2">{name(item)}</td>
                <td className="p-2 text-right tabular-nums">
                  {formatNumber(item.mau)} <ChangeCell value={item.activeUsersChange} />
                </td>
                <td className="p-2 text-right tabular-nums">{percent(item.seatUtilization)}</td>
                <td className="p-2 text-right tabular-nums">
                  {formatNumber(item.events)} <ChangeCell value={item.usageChange} />
                </td>
                <td className="p-2 text-right tabular-nums">
                  {formatNumber(item.logins)} <ChangeCell value={item.loginChange} />
                </td>
                <td className="p-2">
                  {signal(item)}
                  {item.abandonedFeatures.length > 0 && (
                    <span className="block text-critical">
                      {t('adoption.abandoned', { features: item.abandonedFeatures.join(', ') })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function ClientDetails({ trend }: { trend: AdoptionTrend | undefined }) {
  const { t } = useTranslation('intake');
  if (!trend)
    return (
      <Card>
        <p className="text-muted">{t('adoption.pick')}</p>
      </Card>
    );
  return (
    <Card
      title={t('adoption.details', { name: trend.name })}
      action={
        <Link
          to="/accounts/$accountId"
          params={{ accountId: trend.accountId }}
          className="inline-flex min-h-11 items-center text-sm text-accent underline-offset-2 hover:underline"
        >
          {t('adoption.open360')}
        </Link>
      }
    >
      <AdoptionDetails accountId={trend.accountId} />
    </Card>
  );
}

export function AdoptionPage() {
  const { t } = useTranslation('intake');
  const me = useMe();
  const seesAll = me.data?.permissions.includes('view_all_accounts') ?? false;
  const [scope, setScope] = useState<AdoptionScope>(seesAll ? 'all' : 'me');
  const [chosen, setChosen] = useState<string | null>(null);
  const trends = usePortfolioAdoption(scope);
  const overview = useAdoptionOverview(scope);
  const items = trends.data?.items ?? [];
  const open = (id: string) => {
    setChosen(id);
    document.getElementById('client-details')?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('adoption.title')}</h1>
          <p className="text-muted">{t('adoption.intro')}</p>
          {trends.data && (
            <p className="text-sm text-muted">
              {t('adoption.asOf', { date: formatDate(trends.data.date) })}
            </p>
          )}
        </div>
        {seesAll && <ScopeSwitch scope={scope} onChange={(s) => (setScope(s), setChosen(null))} />}
      </header>
      <ErrorNote error={trends.error ?? overview.error} />
      {trends.isPending || overview.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="text-muted">{t('adoption.noClients')}</p>
      ) : (
        <>
          {overview.data && <Overview overview={overview.data} trends={items} />}
          <Declining items={items} open={open} />
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <EveryClient items={items} open={open} />
            <div id="client-details" className="scroll-mt-20">
              <ClientDetails trend={items.find((item) => item.accountId === chosen)} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
