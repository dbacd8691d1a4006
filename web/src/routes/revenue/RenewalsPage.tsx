// Renewals: what comes up in the next weeks, by month against the target, and each renewal with
// its forecast and the reasons behind it — cards on a phone, a table on a desk. A CSM or
// manager changes a forecast with a note. The window and the forecast filter live in the URL.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  forecastCategories,
  useRenewals,
  type ForecastCategory,
  type Renewal,
  type RenewalPipeline,
} from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { HealthBadge, RiskBadge } from '../../components/badges.tsx';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { formatDate, formatMoney } from '../../components/format.ts';
import { Stat } from '../../components/Stat.tsx';
import { Button, Card, ErrorNote, Loading, Select } from '../../components/ui.tsx';
import { useWhose, WhoseToggle } from '../../components/Whose.tsx';
import { OverrideDialog } from './OverrideDialog.tsx';
import { ForecastBadge, Sentences } from './parts.tsx';

export const windows = [30, 60, 90, 180] as const;

export type RenewalsSearch = {
  within?: (typeof windows)[number] | undefined;
  category?: ForecastCategory | undefined;
};

export function RenewalsPage({ search }: { search: RenewalsSearch }) {
  const { t } = useTranslation('revenue');
  const navigate = useNavigate();
  const whose = useWhose();
  const canOverride = useCan('manage_accounts');
  const within = search.within ?? 90;
  const pipeline = useRenewals({
    within: `${within}d`,
    ...(whose.mine ? { owner: 'me' } : {}),
    ...(search.category ? { category: search.category } : {}),
  });
  const [overriding, setOverriding] = useState<Renewal | null>(null);
  const setSearch = (next: RenewalsSearch) =>
    void navigate({ to: '/renewals', search: { ...search, ...next }, replace: true });

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('renewals.title')}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <WhoseToggle whose={whose} />
          <Select
            aria-label={t('renewals.window')}
            value={within}
            onChange={(e) =>
              setSearch({ within: Number(e.target.value) as RenewalsSearch['within'] })
            }
            className="w-auto"
          >
            {windows.map((days) => (
              <option key={days} value={days}>
                {t('renewals.window')}: {t('renewals.days', { count: days })}
              </option>
            ))}
          </Select>
          <Select
            aria-label={t('renewals.byCategory')}
            value={search.category ?? ''}
            onChange={(e) =>
              setSearch({ category: (e.target.value || undefined) as ForecastCategory | undefined })
            }
            className="w-auto"
          >
            <option value="">{t('renewals.all')}</option>
            {forecastCategories.map((category) => (
              <option key={category} value={category}>
                {t(`category.${category}`)}
              </option>
            ))}
          </Select>
        </div>
      </header>
      {pipeline.isPending ? (
        <Loading />
      ) : pipeline.error ? (
        <ErrorNote error={pipeline.error} />
      ) : (
        <>
          <Totals pipeline={pipeline.data} />
          <Months pipeline={pipeline.data} />
          <RenewalList
            items={pipeline.data.items}
            onOverride={canOverride ? setOverriding : undefined}
          />
        </>
      )}
      {overriding && <OverrideDialog renewal={overriding} close={() => setOverriding(null)} />}
    </div>
  );
}

function Totals({ pipeline }: { pipeline: RenewalPipeline }) {
  const { t } = useTranslation('revenue');
  const { totals, target } = pipeline;
  const gap = totals.targetArr ? totals.forecastArr.amount - totals.targetArr.amount : null;
  return (
    <div className="flex flex-col gap-1">
      <dl className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        <Stat
          label={t('renewals.arrUp')}
          value={formatMoney(totals.arrUp)}
          detail={t('renewals.count', { count: totals.count })}
        />
        <Stat label={t('renewals.forecast')} value={formatMoney(totals.forecastArr)} />
        <Stat label={t('renewals.atRisk')} value={formatMoney(totals.atRiskArr)} />
        <Stat
          label={t('renewals.target')}
          value={formatMoney(totals.targetArr)}
          detail={
            gap === null
              ? undefined
              : gap < 0
                ? t('renewals.gap', {
                    amount: formatMoney({ amount: -gap, currency: totals.arrUp.currency }),
                  })
                : t('renewals.ahead', {
                    amount: formatMoney({ amount: gap, currency: totals.arrUp.currency }),
                  })
          }
        />
      </dl>
      {target.renewalRate !== null && (
        <p className="text-sm text-muted">
          {t('renewals.targetDetail', { rate: Math.round(target.renewalRate * 100) })}
        </p>
      )}
    </div>
  );
}

function Months({ pipeline }: { pipeline: RenewalPipeline }) {
  const { t, i18n } = useTranslation('revenue');
  if (pipeline.months.length === 0) return null;
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <Card title={t('renewals.byMonth')}>
      <BarChart
        title={t('renewals.byMonthShare')}
        bars={pipeline.months.map((m) => ({
          key: m.month,
          label: `${monthName(m.month)}: ${formatMoney(m.forecastArr)}`,
          value: m.arrUp.amount > 0 ? m.forecastArr.amount / m.arrUp.amount : 0,
          note: t('renewals.monthNote', {
            count: m.count,
            arr: formatMoney(m.arrUp),
            target: formatMoney(m.targetArr),
          }),
        }))}
        share
      />
    </Card>
  );
}

function RenewalFacts({ renewal }: { renewal: Renewal }) {
  const { t } = useTranslation('revenue');
  const trend = renewal.usageTrend;
  const facts = [
    trend.direction === 'up'
      ? t('renewals.usageUp', { points: trend.change })
      : trend.direction === 'down'
        ? t('renewals.usageDown', { points: -(trend.change ?? 0) })
        : trend.direction === 'flat'
          ? t('renewals.usageFlat')
          : null,
    renewal.openEscalations > 0
      ? t('renewals.escalations', { count: renewal.openEscalations })
      : null,
    renewal.renewalProject
      ? [
          t('renewals.project', {
            done: renewal.renewalProject.done,
            total: renewal.renewalProject.total,
          }),
          renewal.renewalProject.overdue > 0
            ? t('renewals.overdueTasks', { count: renewal.renewalProject.overdue })
            : null,
        ]
          .filter(Boolean)
          .join(', ')
      : t('renewals.noProject'),
  ].filter((fact): fact is string => fact !== null);
  return <p className="text-sm text-muted">{facts.join(' · ')}</p>;
}

function Why({ renewal }: { renewal: Renewal }) {
  const { t } = useTranslation('revenue');
  const { forecast, override } = renewal;
  return (
    <details className="text-sm">
      <summary className="flex min-h-11 cursor-pointer items-center text-muted">
        {t('renewals.why')}
      </summary>
      {override && (
        <p className="mb-1">
          {t('renewals.overridden', { name: override.byName ?? '—', note: override.note })}{' '}
          <span className="text-muted">
            {t('renewals.stewardSays', {
              category: t(`category.${forecast.steward.category}`),
              pct: Math.round(forecast.steward.probability * 100),
            })}
          </span>
        </p>
      )}
      <Sentences items={forecast.reasons} />
    </details>
  );
}

function RenewalList({
  items,
  onOverride,
}: {
  items: Renewal[];
  onOverride: ((renewal: Renewal) => void) | undefined;
}) {
  const { t } = useTranslation('revenue');
  if (items.length === 0) return <p className="text-muted">{t('renewals.none')}</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label={t('renewals.title')}>
      {items.map((renewal) => (
        <li key={renewal.accountId} className="rounded-xl border border-line bg-surface p-3">
          <div className="grid grid-cols-1 gap-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-start">
            <div className="min-w-0">
              <Link
                to="/accounts/$accountId"
                params={{ accountId: renewal.accountId }}
                className="font-semibold hover:underline"
              >
                {renewal.name}
              </Link>
              <p className="text-sm text-muted">
                {t('renewals.renews', { date: formatDate(renewal.renewalDate) })},{' '}
                {t('renewals.inDays', { count: renewal.daysToRenewal })}
                {renewal.ownerName && ` · ${renewal.ownerName}`}
              </p>
              <RenewalFacts renewal={renewal} />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold tabular-nums">{formatMoney(renewal.arr)}</span>
              <HealthBadge health={renewal.health} />
              <RiskBadge level={renewal.churnRisk} />
            </div>
            <div className="flex flex-col gap-1">
              <ForecastBadge
                category={renewal.forecast.category}
                probability={renewal.forecast.probability}
              />
              <span className="text-sm text-muted tabular-nums">
                {formatMoney(renewal.forecast.forecastArr)}
              </span>
            </div>
            {onOverride && (
              <Button variant="secondary" onClick={() => onOverride(renewal)}>
                {t('renewals.override')}
              </Button>
            )}
          </div>
          <Why renewal={renewal} />
        </li>
      ))}
    </ul>
  );
}
