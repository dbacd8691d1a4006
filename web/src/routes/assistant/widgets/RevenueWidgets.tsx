// The revenue widgets: the renewal pipeline, upsell and premium-upgrade candidates, and the
// retention and expansion metrics of a period.
import { useTranslation } from 'react-i18next';
import type { WidgetOf } from '../../../api/assistant.ts';
import { HealthBadge } from '../../../components/badges.tsx';
import { formatDate, formatMoney, formatPercent } from '../../../components/format.ts';
import { Badge } from '../../../components/ui.tsx';
import { AccountRows, Counts } from './parts.tsx';

const forecastTone = {
  commit: 'healthy',
  likely: 'healthy',
  at_risk: 'risk',
  lost: 'critical',
} as const;

export function RenewalsWidget({ data }: { data: WidgetOf<'renewal_pipeline'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: t('counts.renewals'), value: data.totals.count },
          { label: t('counts.arrUp'), value: formatMoney(data.totals.arrUp) },
          { label: t('counts.forecast'), value: formatMoney(data.totals.forecastArr) },
          {
            label: t('counts.atRisk'),
            value: formatMoney(data.totals.atRiskArr),
            tone: data.totals.atRiskArr.amount > 0 ? 'text-critical' : 'text-ink',
          },
        ]}
      />
      <AccountRows
        label={t('widget.renewal_pipeline')}
        items={data.items}
        detail={(r) => (
          <>
            <span>{formatDate(r.renewalDate)}</span>
            <span>{formatMoney(r.arr)}</span>
            <Badge tone={forecastTone[r.forecast]}>
              {t(`forecast.${r.forecast}`)} · {Math.round(r.probability * 100)}%
            </Badge>
            <HealthBadge health={{ score: r.healthScore, category: r.category }} />
          </>
        )}
      />
    </div>
  );
}

export function OpportunitiesWidget({
  data,
  label,
}: {
  data: WidgetOf<'upsell_opportunities'>['data'];
  label: string;
}) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: t('counts.clients'), value: data.totals.accounts },
          { label: t('counts.potential'), value: formatMoney(data.totals.estimatedArr) },
        ]}
      />
      <AccountRows
        label={label}
        items={data.items}
        detail={(o) => (
          <>
            {o.estimatedArr && (
              <span className="font-medium text-ink">+{formatMoney(o.estimatedArr)}</span>
            )}
            {o.signals[0] && <span className="basis-full text-xs">{o.signals[0]}</span>}
          </>
        )}
      />
    </div>
  );
}

const shownMetrics = ['nrr', 'grr', 'expansionRate', 'logoChurn', 'revenueChurn', 'renewalRate'];

export function MetricsWidget({ data }: { data: WidgetOf<'revenue_metrics'>['data'] }) {
  const { t } = useTranslation('assistant');
  const money = (amount: number) => formatMoney({ amount, currency: data.currency });
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">
        {formatDate(data.period.from)} – {formatDate(data.period.to)}
      </p>
      <Counts
        items={data.metrics
          .filter((m) => shownMetrics.includes(m.key))
          .map((m) => ({
            label: t(`metric.${m.key}`),
            value: (
              <>
                {formatPercent(m.value)}
                {m.target !== null && (
                  <span className="block text-xs font-normal text-muted">
                    {t('metric.target', { value: formatPercent(m.target) })}
                  </span>
                )}
              </>
            ),
            tone: m.met === false ? 'text-critical' : m.met ? 'text-healthy' : 'text-ink',
          }))}
      />
      <Counts
        items={[
          { label: t('metric.startMrr'), value: money(data.bridge.startMrr) },
          { label: t('metric.newMrr'), value: money(data.bridge.newMrr) },
          { label: t('metric.expansionMrr'), value: money(data.bridge.expansionMrr) },
          {
            label: t('metric.lostMrr'),
            value: money(data.bridge.contractionMrr + data.bridge.churnedMrr),
          },
          { label: t('metric.endMrr'), value: money(data.bridge.endMrr) },
        ]}
      />
    </div>
  );
}
