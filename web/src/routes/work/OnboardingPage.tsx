// Onboarding: every onboarding customer side by side, and how stages go across customers.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOnboarding, type OnboardingReport } from '../../api/work.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Badge, ErrorNote, Loading } from '../../components/ui.tsx';
import { statusTone } from './TaskStatus.tsx';

/** A progress bar with its numbers as text for screen readers (and in a tooltip). */
export function ProgressBar({
  done,
  total,
  label,
}: {
  done: number;
  total: number;
  label: string;
}) {
  const { t } = useTranslation('work');
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const text = t('progress.text', { done, total, percent });
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        title={text}
        className="h-2 flex-1 overflow-hidden rounded-full bg-raised"
      >
        <div className="h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-sm whitespace-nowrap text-muted">{text}</span>
    </div>
  );
}

function ReportCard({ report }: { report: OnboardingReport }) {
  const { t } = useTranslation('work');
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      <div>
        <h2 className="text-lg font-semibold">
          <Link
            to="/accounts/$accountId"
            params={{ accountId: report.accountId }}
            className="text-accent underline"
          >
            {report.accountName}
          </Link>
        </h2>
        <Link
          to="/projects/$projectId"
          params={{ projectId: report.projectId }}
          className="inline-flex min-h-11 items-center underline"
        >
          {report.projectName}
        </Link>
        <p className="text-sm text-muted">
          {t('onboarding.started', { date: formatDate(report.startDate) })}
          {report.currentStage &&
            ` · ${t('onboarding.currentStage', { stage: report.currentStage.name })}`}
        </p>
      </div>
      <ProgressBar
        done={report.progress.done}
        total={report.progress.total}
        label={t('onboarding.overall', { account: report.accountName })}
      />
      <ol aria-label={t('onboarding.stages')} className="flex flex-wrap gap-1">
        {report.stages.map((stage) => {
          const state = stage.completedAt ? 'done' : stage.startedAt ? 'current' : 'upcoming';
          return (
            <li
              key={stage.id}
              className={`rounded-full border px-2 py-0.5 text-sm ${
                state === 'done'
                  ? 'border-healthy text-healthy'
                  : state === 'current'
                    ? 'border-accent font-semibold text-accent'
                    : 'border-line text-muted'
              }`}
            >
              {state === 'done' && <span aria-hidden="true">✓ </span>}
              {stage.name} {stage.progress.done}/{stage.progress.total}
              <span className="sr-only"> ({t(`onboarding.stageState.${state}`)})</span>
            </li>
          );
        })}
      </ol>
      {report.riskFactors.length > 0 && (
        <div>
          <h3 className="font-semibold text-risk">{t('onboarding.risks')}</h3>
          <ul className="list-disc pl-5 text-risk">
            {report.riskFactors.map((risk) => (
              <li key={`${risk.kind}-${risk.message}`}>{risk.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3 className="font-semibold">{t('onboarding.nextActions')}</h3>
        {report.nextActions.length === 0 ? (
          <p className="text-sm text-muted">{t('onboarding.noActions')}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {report.nextActions.map((action) => (
              <li key={action.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{action.title}</span>
                <Badge tone={statusTone[action.status]}>{t(`status.${action.status}`)}</Badge>
                <span className="text-muted">
                  {action.dueAt
                    ? t('task.due', { date: formatDate(action.dueAt) })
                    : t('task.noDue')}
                  {' · '}
                  {action.assigneeName ?? t('task.unassigned')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {report.timeToFirstValueDays !== null && (
        <p className="text-sm text-healthy">
          {t('onboarding.firstValueIn', { days: formatNumber(report.timeToFirstValueDays) })}
        </p>
      )}
    </li>
  );
}

export function OnboardingPage() {
  const { t } = useTranslation('work');
  const onboarding = useOnboarding();
  if (onboarding.isPending) return <Loading />;
  if (onboarding.error) return <ErrorNote error={onboarding.error} />;
  const { reports, statistics } = onboarding.data;
  const days = (value: number | null) =>
    value === null
      ? '—'
      : t('onboarding.days', { days: formatNumber(Math.round(value * 10) / 10) });

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('onboarding.title')}</h1>
      {reports.length === 0 ? (
        <p className="text-muted">{t('onboarding.empty')}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {reports.map((report) => (
            <ReportCard key={report.projectId} report={report} />
          ))}
        </ul>
      )}
      <section
        aria-labelledby="onboarding-stats"
        className="rounded-xl border border-line bg-surface p-4"
      >
        <h2 id="onboarding-stats" className="text-lg font-semibold">
          {t('onboarding.statistics')}
        </h2>
        <p className="mb-2 text-sm text-muted">
          {t('onboarding.summary', {
            projects: statistics.projects,
            completed: statistics.completedProjects,
          })}
          {' · '}
          {t('onboarding.averageFirstValue', {
            days: days(statistics.timeToFirstValue.averageDays),
            projects: statistics.timeToFirstValue.projects,
          })}
        </p>
        <div
          className="overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label={t('onboarding.statistics')}
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('onboarding.statistics')}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3">
                  {t('onboarding.stage')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('onboarding.projects')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('onboarding.completionRate')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('onboarding.averageDays')}
                </th>
                <th scope="col" className="py-2">
                  {t('onboarding.expectedDays')}
                </th>
              </tr>
            </thead>
            <tbody>
              {statistics.stages.map((stage) => {
                const slow =
                  stage.averageDaysToComplete !== null &&
                  stage.expectedDays !== null &&
                  stage.averageDaysToComplete > stage.expectedDays;
                return (
                  <tr key={stage.key} className="border-b border-line last:border-b-0">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {stage.name}
                    </th>
                    <td className="py-2 pr-3">{formatNumber(stage.projects)}</td>
                    <td className="py-2 pr-3">
                      {t('onboarding.percent', { value: formatNumber(stage.completionRate) })}
                    </td>
                    <td className={`py-2 pr-3 ${slow ? 'font-semibold text-risk' : ''}`}>
                      {days(stage.averageDaysToComplete)}
                      {slow && <span className="sr-only"> ({t('onboarding.overExpected')})</span>}
                    </td>
                    <td className="py-2">{days(stage.expectedDays)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
