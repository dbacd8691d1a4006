// The account's health on its 360 page: the score and its trend, each measure with its reason,
// weight and how fresh its data is, the score over time, what moved since a week ago, churn
// risk with what to do about it, and the plays Steward ran.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  useAccountHealth,
  type AccountHealth,
  type ChurnRisk,
  type HealthMeasure,
} from '../../../api/health.ts';
import { HealthBadge, RiskBadge } from '../../../components/badges.tsx';
import { LineChart } from '../../../components/charts/LineChart.tsx';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { TrendFigure } from '../../../components/scoreTrend.tsx';
import { Card, ErrorNote, Loading } from '../../../components/ui.tsx';
import { useDrawnLater } from '../../../api/drawnLater.ts';

const historyDays = 90;

export function HealthPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('health');
  const health = useDrawnLater(useAccountHealth(accountId, historyDays));
  return (
    <Card
      title={t('panel.title')}
      action={
        health.data?.scored && (
          <span className="flex flex-wrap items-center justify-end gap-2">
            <TrendFigure trend={health.data.trend} />
            <HealthBadge health={{ score: health.data.score, category: health.data.category }} />
          </span>
        )
      }
    >
      {health.isPending ? (
        <Loading />
      ) : health.error ? (
        <ErrorNote error={health.error} />
      ) : !health.data.scored ? (
        <p className="text-muted">{t('panel.notScored')}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <Measures measures={health.data.measures} />
          <History history={health.data.history} />
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <WhatChanged changes={health.data.whatChanged} />
            {health.data.churnRisk && <Risk risk={health.data.churnRisk} />}
          </div>
          {health.data.plays.length > 0 && <Plays plays={health.data.plays} />}
        </div>
      )}
    </Card>
  );
}

function Measures({ measures }: { measures: HealthMeasure[] }) {
  const { t } = useTranslation('health');
  return (
    <ul className="flex flex-col gap-3">
      {measures.map((measure) => (
        <li key={measure.key} className="flex flex-col gap-1">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-medium">{t(`measure.${measure.key}`)}</span>
            <span className="text-sm text-muted">
              {measure.effectiveWeight === null
                ? t('panel.missing')
                : // "weight 30% → 45%" only when a missing measure's share moved to this one.
                  Math.round(measure.effectiveWeight) === measure.weight
                  ? t('panel.weightKept', { weight: measure.weight })
                  : t('panel.weight', {
                      weight: measure.weight,
                      effective: Math.round(measure.effectiveWeight),
                    })}
            </span>
          </div>
          {measure.score !== null && (
            <div
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={measure.score}
              aria-label={t(`measure.${measure.key}`)}
              className="flex items-center gap-2"
            >
              <span className="h-2 flex-1 overflow-hidden rounded-full bg-raised">
                <span
                  className={`block h-full rounded-full ${measure.score >= 70 ? 'bg-healthy' : measure.score >= 40 ? 'bg-risk' : 'bg-critical'}`}
                  style={{ width: `${measure.score}%` }}
                />
              </span>
              <span className="w-8 text-right text-sm font-semibold tabular-nums">
                {measure.score}
              </span>
            </div>
          )}
          <p className="text-sm">{measure.reason}</p>
          <p className="text-xs text-muted">
            {measure.lastDataAt
              ? t('panel.freshness', { when: formatDateTime(measure.lastDataAt) })
              : t('panel.noFreshness')}
          </p>
        </li>
      ))}
    </ul>
  );
}

function History({ history }: { history: AccountHealth['history'] }) {
  const { t } = useTranslation('health');
  const points = history.flatMap((point) =>
    point.score === null ? [] : [{ label: point.day, value: point.score }],
  );
  if (points.length < 2) return null;
  return (
    <LineChart
      title={t('panel.history')}
      unit={t('panel.historyUnit')}
      max={100}
      points={points}
      formatLabel={formatDate}
      summary={t('panel.historySummary', {
        days: historyDays,
        from: points[0]?.value,
        to: points[points.length - 1]?.value,
      })}
    />
  );
}

function WhatChanged({ changes }: { changes: AccountHealth['whatChanged'] }) {
  const { t } = useTranslation('health');
  const moved = changes.filter((change) => change.change !== null && change.change !== 0);
  return (
    <section aria-label={t('panel.whatChanged')} className="flex flex-col gap-2">
      <h3 className="font-semibold">{t('panel.whatChanged')}</h3>
      {moved.length === 0 ? (
        <p className="text-sm text-muted">{t('panel.noChange')}</p>
      ) : (
        <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
          {moved.map((change) => (
            <div key={change.key} className="contents">
              <dt>{t(`measure.${change.key}`)}</dt>
              <dd
                className={`tabular-nums ${(change.change ?? 0) < 0 ? 'text-critical' : 'text-healthy'}`}
              >
                {t('panel.change', { from: change.weekAgo, to: change.now })}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Risk({ risk }: { risk: ChurnRisk }) {
  const { t } = useTranslation('health');
  return (
    <section aria-label={t('panel.risk')} className="flex flex-col gap-2">
      <h3 className="flex flex-wrap items-center gap-2 font-semibold">
        {t('panel.risk')} <RiskBadge level={risk.level} />
        <span className="text-sm font-normal text-muted">
          {t('panel.riskScore', { score: risk.score })}
        </span>
      </h3>
      {risk.factors.length > 0 && (
        <ul className="list-disc pl-5 text-sm">
          {risk.factors.map((factor) => (
            <li key={factor.description}>{factor.description}</li>
          ))}
        </ul>
      )}
      {risk.recommendedActions.length > 0 && (
        <>
          <h4 className="text-sm font-medium text-muted">{t('churn.actions')}</h4>
          <ul className="flex flex-col gap-1 text-sm">
            {risk.recommendedActions.map((action) => (
              <li key={action.action}>
                → {action.action} ({t('churn.dueIn', { count: action.dueInDays })})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Plays({ plays }: { plays: AccountHealth['plays'] }) {
  const { t } = useTranslation('health');
  return (
    <section aria-label={t('panel.plays')} className="flex flex-col gap-2">
      <h3 className="font-semibold">{t('panel.plays')}</h3>
      <ul className="flex flex-col gap-1 text-sm">
        {plays.map((run) => (
          <li key={run.id} className="flex flex-wrap items-center gap-x-3">
            <span>{run.playName}</span>
            <span className="text-muted">{formatDateTime(run.ranAt)}</span>
            {run.projectId ? (
              <Link
                to="/projects/$projectId"
                params={{ projectId: run.projectId }}
                className="text-accent underline"
              >
                {t('panel.playProject')}
              </Link>
            ) : (
              run.taskId && (
                <Link to="/work" className="text-accent underline">
                  {t('panel.playTask')}
                </Link>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
