// The health widgets: the client health dashboard, churn risk, and engagement month over month.
import { useTranslation } from 'react-i18next';
import type { WidgetOf } from '../../../api/assistant.ts';
import { HealthBadge, RiskBadge } from '../../../components/badges.tsx';
import { formatDate, formatMoney } from '../../../components/format.ts';
import { AccountRows, ActiveUsers, Change, Counts } from './parts.tsx';

export function HealthDashboardWidget({ data }: { data: WidgetOf<'health_dashboard'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: t('counts.healthy'), value: data.counts.healthy, tone: 'text-healthy' },
          { label: t('counts.at_risk'), value: data.counts.at_risk, tone: 'text-risk' },
          { label: t('counts.critical'), value: data.counts.critical, tone: 'text-critical' },
          { label: t('counts.unscored'), value: data.counts.unscored },
        ]}
      />
      <AccountRows
        label={t('widget.health_dashboard')}
        items={data.accounts}
        detail={(a) => (
          <>
            <HealthBadge health={{ score: a.score, category: a.category }} />
            {a.change !== null && <Change value={a.change} unit="" />}
            {a.reason && <span className="basis-full text-xs">{a.reason}</span>}
          </>
        )}
      />
    </div>
  );
}

export function ChurnRiskWidget({ data }: { data: WidgetOf<'churn_risk'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <AccountRows
      label={t('widget.churn_risk')}
      items={data.items}
      detail={(a) => (
        <>
          <RiskBadge level={a.level} />
          <span>{formatMoney(a.arr)}</span>
          {a.renewalDate && (
            <span>
              {t('col.renewal')}: {formatDate(a.renewalDate)}
            </span>
          )}
          {a.factors[0] && <span className="basis-full text-xs">{a.factors[0]}</span>}
        </>
      )}
    />
  );
}

export function EngagementWidget({ data }: { data: WidgetOf<'engagement_trends'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: t('counts.growing'), value: data.growing, tone: 'text-healthy' },
          { label: t('counts.stable'), value: data.stable },
          { label: t('counts.declining'), value: data.declining, tone: 'text-critical' },
        ]}
      />
      <AccountRows
        label={t('widget.engagement_trends')}
        items={data.items}
        detail={(a) => (
          <ActiveUsers before={a.previousMau} now={a.mau} change={a.activeUsersChange} />
        )}
      />
    </div>
  );
}
