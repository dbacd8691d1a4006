// The CSM's morning view: how many clients are healthy, at risk or critical, who moved this
// week, who may churn this quarter, and every account with the reason behind its score.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useChurnRisk,
  useHealthDashboard,
  type HealthCategory,
  type HealthDashboard,
} from '../../api/health.ts';
import { useMe } from '../../api/session.ts';
import { HealthBadge, RiskBadge } from '../../components/badges.tsx';
import { formatMoney } from '../../components/format.ts';
import { TrendFigure } from '../../components/scoreTrend.tsx';
import { Badge, Button, Card, ErrorNote, Loading } from '../../components/ui.tsx';
import { useWhose, WhoseToggle } from '../../components/Whose.tsx';

type Bucket = HealthCategory | 'unscored';
const buckets = ['critical', 'at_risk', 'healthy', 'unscored'] as const satisfies readonly Bucket[];
const bucketTone = {
  critical: 'text-critical',
  at_risk: 'text-risk',
  healthy: 'text-healthy',
  unscored: 'text-muted',
} as const;

export function HealthPage() {
  const { t } = useTranslation('health');
  const me = useMe();
  const whose = useWhose();
  const owner = whose.mine ? 'me' : undefined;
  const dashboard = useHealthDashboard(owner);
  const [shown, setShown] = useState<Bucket | null>(null);

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('dashboard.title')}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <WhoseToggle whose={whose} />
          {me.data?.permissions.includes('manage_scorecards') && (
            <Link
              to="/health/scorecard"
              className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm text-muted hover:bg-raised hover:text-ink"
            >
              {t('dashboard.scorecard')}
            </Link>
          )}
        </div>
      </header>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.error ? (
        <ErrorNote error={dashboard.error} />
      ) : (
        <>
          <Counts counts={dashboard.data.counts} shown={shown} show={setShown} />
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Movers movers={dashboard.data.movers} />
            <ChurnRiskCard owner={owner} />
          </div>
          <AccountList
            accounts={dashboard.data.accounts.filter(
              (account) => shown === null || (account.category ?? 'unscored') === shown,
            )}
            shown={shown}
            showAll={() => setShown(null)}
          />
        </>
      )}
    </div>
  );
}

function Counts({
  counts,
  shown,
  show,
}: {
  counts: HealthDashboard['counts'];
  shown: Bucket | null;
  show: (bucket: Bucket | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {buckets.map((bucket) => (
        <li key={bucket}>
          <button
            type="button"
            aria-pressed={shown === bucket}
            onClick={() => show(shown === bucket ? null : bucket)}
            className={`flex min-h-11 w-full flex-col items-start rounded-xl border bg-surface p-3 text-left hover:bg-raised ${shown === bucket ? 'border-accent' : 'border-line'}`}
          >
            <span className={`text-3xl font-bold tabular-nums ${bucketTone[bucket]}`}>
              {counts[bucket]}
            </span>
            <span className="text-sm text-muted">{t(`health.${bucket}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function Movers({ movers }: { movers: HealthDashboard['movers'] }) {
  const { t } = useTranslation('health');
  return (
    <Card title={t('movers.title')}>
      {movers.length === 0 ? (
        <p className="text-muted">{t('movers.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {movers.map((mover) => (
            <li key={mover.accountId} className="flex items-center justify-between gap-2 py-2">
              <Link
                to="/accounts/$accountId"
                params={{ accountId: mover.accountId }}
                className="min-w-0 truncate font-medium hover:underline"
              >
                {mover.name}
              </Link>
              <span className="flex shrink-0 items-center gap-2">
                <span
                  className={`text-sm tabular-nums ${mover.change < 0 ? 'text-critical' : 'text-healthy'}`}
                >
                  {t('movers.change', {
                    change: mover.change > 0 ? `+${mover.change}` : String(mover.change),
                    count: Math.abs(mover.change),
                  })}
                </span>
                <HealthBadge health={{ score: mover.score, category: mover.category }} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** "Clients at risk of churn this quarter", most in need of help first. */
function ChurnRiskCard({ owner }: { owner: string | undefined }) {
  const { t } = useTranslation('health');
  const risk = useChurnRisk('quarter', owner);
  return (
    <Card title={t('churn.title')}>
      {risk.isPending ? (
        <Loading />
      ) : risk.error ? (
        <ErrorNote error={risk.error} />
      ) : risk.data.items.length === 0 ? (
        <p className="text-muted">{t('churn.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {risk.data.items.map((item) => (
            <li key={item.accountId} className="flex flex-col gap-1 py-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  to="/accounts/$accountId"
                  params={{ accountId: item.accountId }}
                  className="font-medium hover:underline"
                >
                  {item.name}
                </Link>
                <RiskBadge level={item.level} />
              </div>
              <p className="flex flex-wrap gap-x-3 text-sm text-muted">
                <span>
                  {item.daysToRenewal === null
                    ? t('churn.noRenewal')
                    : t('churn.renewsIn', { count: item.daysToRenewal })}
                </span>
                <span className="tabular-nums">{formatMoney(item.arr)}</span>
                <span>{t('churn.priority', { value: item.interventionPriority })}</span>
              </p>
              {item.factors[0] && <p className="text-sm">{item.factors[0].description}</p>}
              {item.recommendedActions[0] && (
                <p className="text-sm text-muted">
                  → {item.recommendedActions[0].action} (
                  {t('churn.dueIn', { count: item.recommendedActions[0].dueInDays })})
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function AccountList({
  accounts,
  shown,
  showAll,
}: {
  accounts: HealthDashboard['accounts'];
  shown: Bucket | null;
  showAll: () => void;
}) {
  const { t } = useTranslation('health');
  return (
    <Card
      title={t('accounts.title')}
      action={
        shown && (
          <span className="flex items-center gap-2 text-sm">
            <Badge>{t('dashboard.showing', { category: t(`common:health.${shown}`) })}</Badge>
            <Button variant="ghost" onClick={showAll}>
              {t('dashboard.showAll')}
            </Button>
          </span>
        )
      }
    >
      {accounts.length === 0 ? (
        <p className="text-muted">{t('accounts.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {accounts.map((account) => (
            <li
              key={account.accountId}
              className="grid grid-cols-1 gap-1 py-3 sm:grid-cols-[minmax(10rem,1fr)_auto_2fr_auto] sm:items-center sm:gap-3"
            >
              <div className="flex min-w-0 items-center justify-between gap-2 sm:block">
                <Link
                  to="/accounts/$accountId"
                  params={{ accountId: account.accountId }}
                  className="font-medium hover:underline"
                >
                  {account.name}
                </Link>
                <p className="hidden text-sm text-muted sm:block">
                  {account.ownerName ?? t('common:account.unassigned')}
                </p>
                <span className="sm:hidden">
                  <HealthBadge health={{ score: account.score, category: account.category }} />
                </span>
              </div>
              <span className="hidden sm:block">
                <HealthBadge health={{ score: account.score, category: account.category }} />
              </span>
              <p className="text-sm">
                {account.weakestMeasure && (
                  <span className="text-muted">{t(`measure.${account.weakestMeasure}`)}: </span>
                )}
                {account.reason ?? t('accounts.noReason')}
              </p>
              <div className="flex flex-wrap items-center gap-2">
                <TrendFigure trend={account.trend} />
                {account.riskLevel && <RiskBadge level={account.riskLevel} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
