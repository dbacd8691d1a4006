// The CS metrics dashboard: every figure for a month or a quarter beside its target (met or
// not), its trend over the periods before, and the MRR bridge from start to end. A card opens
// its trend as a chart. Admins change the targets. Period and scope live in the URL.
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMetrics, type CsMetric, type CsMetrics, type MetricKey } from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { tiers, type Tier } from '../../api/vocabulary.ts';
import { LineChart } from '../../components/charts/LineChart.tsx';
import { Sparkline } from '../../components/charts/Sparkline.tsx';
import { formatMoney, majorUnits } from '../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Loading, Select } from '../../components/ui.tsx';
import { TargetsDialog } from './TargetsDialog.tsx';
import { useMetricFormat } from './parts.tsx';

export type MetricsSearch = {
  period?: string;
  scope?: 'mine' | 'team' | 'all';
  tier?: Tier;
  focus?: MetricKey;
};

/** The periods to pick from: this and the last seven quarters, this and the last 11 months. */
export function periodChoices(today: Date) {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const quarters = Array.from({ length: 8 }, (_, i) => {
    const q = Math.floor(month / 3) - i;
    const y = year + Math.floor(q / 4);
    return `${y}-Q${(((q % 4) + 4) % 4) + 1}`;
  });
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - i, 1));
    return d.toISOString().slice(0, 7);
  });
  return { quarters, months };
}

/** A period's first day, where its point sits on a time axis. */
export function periodStart(label: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter)
    return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${label}-01`;
}

const headline: MetricKey[] = [
  'nrr',
  'grr',
  'arr',
  'expansionRate',
  'renewalRate',
  'averageHealth',
];

export function MetricsPage({ search }: { search: MetricsSearch }) {
  const { t } = useTranslation('revenue');
  const navigate = useNavigate();
  const seesAll = useCan('view_all_accounts');
  const canSetTargets = useCan('manage_revenue_targets');
  const [editing, setEditing] = useState(false);
  const choices = periodChoices(new Date());
  const period = search.period ?? choices.quarters[0] ?? '';
  const scope = seesAll ? (search.scope ?? 'all') : 'mine';
  const metrics = useMetrics({
    period,
    ...(scope === 'mine' ? { owner: 'me' } : scope === 'team' ? { team: 'me' } : {}),
    ...(search.tier ? { tier: search.tier } : {}),
  });
  const setSearch = (next: MetricsSearch) =>
    void navigate({ to: '/metrics', search: { ...search, ...next }, replace: true });

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('metrics.title')}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <Select
            aria-label={t('metrics.period')}
            value={period}
            onChange={(e) => setSearch({ period: e.target.value })}
            className="w-auto"
          >
            <optgroup label={t('metrics.quarters')}>
              {choices.quarters.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('metrics.months')}>
              {choices.months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </optgroup>
          </Select>
          {seesAll && (
            <Select
              aria-label={t('metrics.scope')}
              value={scope}
              onChange={(e) => setSearch({ scope: e.target.value as MetricsSearch['scope'] })}
              className="w-auto"
            >
              <option value="all">{t('common:whose.everyone')}</option>
              <option value="team">{t('metrics.team')}</option>
              <option value="mine">{t('common:whose.mine')}</option>
            </Select>
          )}
          <Select
            aria-label={t('metrics.anyTier')}
            value={search.tier ?? ''}
            onChange={(e) =>
              setSearch({ tier: (e.target.value || undefined) as MetricsSearch['tier'] })
            }
            className="w-auto"
          >
            <option value="">{t('metrics.anyTier')}</option>
            {tiers.map((tier) => (
              <option key={tier} value={tier}>
                {t(`tier.${tier}`)}
              </option>
            ))}
          </Select>
          {canSetTargets && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('metrics.editTargets')}
            </Button>
          )}
        </div>
      </header>
      {metrics.isPending ? (
        <Loading />
      ) : metrics.error ? (
        <ErrorNote error={metrics.error} />
      ) : (
        <Dashboard
          data={metrics.data}
          focus={search.focus ?? 'nrr'}
          setFocus={(focus) => setSearch({ focus })}
        />
      )}
      {editing && metrics.data && (
        <TargetsDialog currency={metrics.data.currency} close={() => setEditing(false)} />
      )}
    </div>
  );
}

function Dashboard({
  data,
  focus,
  setFocus,
}: {
  data: CsMetrics;
  focus: MetricKey;
  setFocus: (key: MetricKey) => void;
}) {
  const { t } = useTranslation('revenue');
  const ordered = [
    ...headline.flatMap((key) => data.metrics.filter((m) => m.key === key)),
    ...data.metrics.filter((m) => !headline.includes(m.key)),
  ];
  const focused = data.metrics.find((m) => m.key === focus) ?? ordered[0];
  return (
    <>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-4">
        {ordered.map((metric) => (
          <li key={metric.key}>
            <MetricCard
              metric={metric}
              currency={data.currency}
              focused={metric.key === focused?.key}
              onFocus={() => setFocus(metric.key)}
            />
          </li>
        ))}
      </ul>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {focused && <TrendCard metric={focused} currency={data.currency} />}
        <Bridge data={data} />
      </div>
      {!data.sources.nps && <p className="text-sm text-muted">{t('metrics.npsLater')}</p>}
    </>
  );
}

function TargetLine({ metric, currency }: { metric: CsMetric; currency: string }) {
  const { t } = useTranslation('revenue');
  const format = useMetricFormat(currency);
  if (!metric.target) return <p className="text-sm text-muted">{t('metrics.noTarget')}</p>;
  const bound = t(metric.target.direction === 'min' ? 'metrics.atLeast' : 'metrics.atMost');
  const value = `${bound} ${format(metric.unit, metric.target.value)}`;
  return (
    <p className="text-sm text-muted">
      {metric.target.yearly
        ? t('metrics.targetYearly', { value, asSet: format(metric.unit, metric.target.asSet) })
        : t('metrics.target', { value })}
    </p>
  );
}

function MetricCard({
  metric,
  currency,
  focused,
  onFocus,
}: {
  metric: CsMetric;
  currency: string;
  focused: boolean;
  onFocus: () => void;
}) {
  const { t } = useTranslation('revenue');
  const format = useMetricFormat(currency);
  const name = t(`metrics.names.${metric.key}`);
  const values = metric.trend.flatMap((p) => (p.value === null ? [] : [p.value]));
  return (
    <button
      type="button"
      aria-pressed={focused}
      onClick={onFocus}
      className={`flex h-full w-full flex-col gap-1 rounded-xl border bg-surface p-3 text-left hover:bg-raised ${focused ? 'border-accent' : 'border-line'}`}
    >
      <span className="text-sm text-muted">{name}</span>
      <span className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-2xl font-bold tabular-nums">{format(metric.unit, metric.value)}</span>
        {values.length > 1 && (
          <Sparkline
            values={values}
            label={t('metrics.trendSummary', {
              name,
              first: format(metric.unit, values[0]),
              last: format(metric.unit, values[values.length - 1]),
              from: metric.trend[0]?.period,
              to: metric.trend[metric.trend.length - 1]?.period,
            })}
          />
        )}
      </span>
      <TargetLine metric={metric} currency={currency} />
      {metric.met !== null && (
        <span>
          <Badge tone={metric.met ? 'healthy' : 'risk'}>
            {t(metric.met ? 'metrics.met' : 'metrics.missed')}
          </Badge>
        </span>
      )}
    </button>
  );
}

function TrendCard({ metric, currency }: { metric: CsMetric; currency: string }) {
  const { t } = useTranslation('revenue');
  const format = useMetricFormat(currency);
  const name = t(`metrics.names.${metric.key}`);
  const points = metric.trend.flatMap((p) =>
    p.value === null ? [] : [{ label: periodStart(p.period), value: p.value }],
  );
  const labels = new Map(metric.trend.map((p) => [periodStart(p.period), p.period]));
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <Card title={t('metrics.trend', { name, count: metric.trend.length })}>
      {points.length === 0 ? (
        <p className="text-muted">{t('metrics.noData')}</p>
      ) : (
        <LineChart
          title={name}
          unit={metric.unit === 'money' ? currency : metric.unit === 'ratio' ? '%' : ''}
          points={
            metric.unit === 'ratio'
              ? points.map((p) => ({ ...p, value: p.value * 100 }))
              : metric.unit === 'money'
                ? points.map((p) => ({ ...p, value: majorUnits({ amount: p.value, currency }) }))
                : points
          }
          formatLabel={(label) => labels.get(label) ?? label}
          summary={t('metrics.trendSummary', {
            name,
            first: format(metric.unit, first?.value),
            last: format(metric.unit, last?.value),
            from: labels.get(first?.label ?? ''),
            to: labels.get(last?.label ?? ''),
          })}
        />
      )}
      <TargetLine metric={metric} currency={currency} />
    </Card>
  );
}

function Bridge({ data }: { data: CsMetrics }) {
  const { t } = useTranslation('revenue');
  const money = (amount: number) => formatMoney({ amount, currency: data.currency });
  // A step that moved nothing is "0", not "+0" or "−0".
  const step = (sign: '+' | '−', amount: number) =>
    amount === 0 ? money(0) : `${sign}${money(Math.abs(amount))}`;
  const b = data.bridge;
  const rows: [string, string][] = [
    [t('metrics.bridgeStart'), money(b.startMrr)],
    [t('metrics.bridgeNew'), step('+', b.newMrr)],
    [t('metrics.bridgeExpansion'), step('+', b.expansionMrr)],
    [t('metrics.bridgeReactivation'), step('+', b.reactivationMrr)],
    [t('metrics.bridgeContraction'), step('−', b.contractionMrr)],
    [t('metrics.bridgeChurn'), step('−', b.churnedMrr)],
    [t('metrics.bridgeEnd'), money(b.endMrr)],
  ];
  return (
    <Card title={`${t('metrics.bridge')} · ${data.period.label}`}>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        {rows.map(([label, value], i) => (
          <div key={label} className={`contents ${i === rows.length - 1 ? 'font-semibold' : ''}`}>
            <dt>{label}</dt>
            <dd className="text-right tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
