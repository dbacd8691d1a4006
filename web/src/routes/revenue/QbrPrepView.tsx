// The QBR prep page's content: one account on one page, from live data, laid out to print on
// paper as well as it reads on a screen (the app's bars and buttons are left off the print).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QbrPrep } from '../../api/revenue.ts';
import { HealthBadge } from '../../components/badges.tsx';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { LineChart } from '../../components/charts/LineChart.tsx';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../components/format.ts';
import { Stat } from '../../components/Stat.tsx';
import { ForecastBadge, formatPercent, Sentences } from './parts.tsx';

/** On paper: no app chrome, no buttons, sections kept whole, ink on white. */
const printStyle = `
@media print {
  header.sticky, nav, [data-no-print] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  body { background: white !important; color: black !important; }
  [data-prep] section { break-inside: avoid; border-color: #999 !important; }
  [data-prep] a { text-decoration: none; color: inherit; }
}`;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-line bg-surface p-4" aria-label={title}>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function QbrPrepView({ prep }: { prep: QbrPrep }) {
  const { t } = useTranslation('revenue');
  const { t: tv } = useTranslation('voice');
  const { account, health, usage, support, renewal, opportunities, meetings } = prep;
  return (
    <article data-prep className="flex flex-col gap-4">
      <style>{printStyle}</style>
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t('prep.title', { account: account.name })}</h1>
        <p className="text-sm text-muted">
          {t('prep.generated', { date: formatDateTime(prep.generatedAt) })}
        </p>
      </header>
      <dl className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        <Stat
          label={t('prep.arr')}
          value={formatMoney(account.arr)}
          detail={account.plan ?? undefined}
        />
        <Stat label={t('prep.renewal')} value={formatDate(account.renewalDate)} />
        <Stat label={t('prep.owner')} value={account.ownerName ?? '—'} />
        <Stat label={t('prep.since')} value={formatDate(account.customerSince)} />
      </dl>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Section title={t('prep.wins')}>
          {prep.wins.length ? (
            <Sentences items={prep.wins} />
          ) : (
            <p className="text-muted">{t('prep.noWins')}</p>
          )}
        </Section>
        <Section title={t('prep.risks')}>
          {prep.risks.length ? (
            <Sentences items={prep.risks} />
          ) : (
            <p className="text-muted">{t('prep.noRisks')}</p>
          )}
        </Section>
        <Section title={t('prep.health')}>
          <div className="mb-2">
            <HealthBadge health={{ score: health.score, category: health.category }} />
          </div>
          <ul className="mb-2 flex flex-col gap-1">
            {health.measures.map((m) => (
              <li key={m.key}>
                <span className="font-medium tabular-nums">{m.score ?? '—'}</span> · {m.reason.text}
              </li>
            ))}
          </ul>
          {health.history.filter((h) => h.score !== null).length > 1 && (
            <LineChart
              title={t('prep.healthHistory')}
              unit={t('prep.points')}
              max={100}
              height={140}
              points={health.history.flatMap((h) =>
                h.score === null ? [] : [{ label: h.day, value: h.score }],
              )}
              formatLabel={formatDate}
              summary={t('prep.healthHistory')}
            />
          )}
        </Section>
        <Section title={t('prep.usage')}>
          <dl className="mb-2 grid grid-cols-2 gap-2">
            <Stat label={t('prep.activeUsers')} value={formatNumber(usage.activeUsers.mau)} />
            <Stat
              label={t('prep.seats')}
              value={formatPercent(usage.seatUtilization, 0)}
              detail={
                usage.seats === null ? undefined : `${usage.activeUsers.mau} / ${usage.seats}`
              }
            />
            <Stat
              label={t('prep.timeToValue')}
              value={
                usage.timeToValueDays === null
                  ? '—'
                  : t('metrics.days', { count: usage.timeToValueDays })
              }
            />
          </dl>
          {usage.topFeatures.length > 0 && (
            <BarChart
              title={t('prep.topFeatures')}
              unit={t('prep.events')}
              bars={usage.topFeatures.map((f) => ({
                key: f.key,
                label: f.label,
                value: f.events,
                note: `${f.users} ${t('prep.users')}`,
              }))}
            />
          )}
        </Section>
        <Section title={t('prep.support')}>
          <dl className="mb-2 grid grid-cols-3 gap-2">
            <Stat label={t('prep.openTickets')} value={support.open} />
            <Stat label={t('prep.solved')} value={support.solved} />
            <Stat
              label={t('prep.csat')}
              value={support.csat === null ? '—' : formatNumber(Math.round(support.csat * 10) / 10)}
            />
          </dl>
          <ul className="text-sm">
            {support.recentOpen.map((ticket) => (
              <li key={`${ticket.subject}-${ticket.openedAt}`}>
                {ticket.subject} · {formatDate(ticket.openedAt)}
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t('prep.renewal')}>
          {renewal ? (
            <>
              <p className="mb-2 flex flex-wrap items-center gap-2">
                {formatDate(renewal.renewalDate)} · {formatMoney(renewal.arr)}
                <ForecastBadge
                  category={renewal.forecast.category}
                  probability={renewal.forecast.probability}
                />
              </p>
              <Sentences items={renewal.forecast.reasons} className="text-sm" />
            </>
          ) : (
            <p className="text-muted">{t('panel.noRenewal')}</p>
          )}
          <h3 className="mt-3 font-semibold">{t('prep.nps')}</h3>
          <p className="text-muted">{prep.nps === null ? t('prep.npsLater') : prep.nps}</p>
        </Section>
        <Section title={t('prep.feedback')}>
          {prep.feedback.length === 0 ? (
            <p className="text-muted">{t('prep.noFeedback')}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {prep.feedback.map((f) => (
                <li key={f.id}>
                  <p>{f.text}</p>
                  <p className="text-sm text-muted">
                    {tv(`type.${f.type}`)} · {tv(`status.${f.status}`)} · {formatDate(f.givenAt)}
                    {f.theme && ` · ${t('prep.feedbackTheme', { theme: f.theme })}`}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('prep.opportunities')}>
          {opportunities.open.length + opportunities.wonLastYear.length === 0 ? (
            <p className="text-muted">{t('prep.noOpportunities')}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {[...opportunities.open, ...opportunities.wonLastYear].map((o) => (
                <li key={o.id}>
                  {o.title} · {t(`opportunity.stages.${o.stage}`)} · {formatMoney(o.amount)}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('prep.meetings')}>
          <p>
            {meetings.next
              ? t('prep.nextMeeting', {
                  title: meetings.next.title,
                  date: formatDateTime(meetings.next.startsAt),
                })
              : t('prep.noNext')}
          </p>
          {meetings.openActionItems.length > 0 && (
            <>
              <h3 className="mt-3 font-semibold">{t('prep.openItems')}</h3>
              <ul className="flex flex-col gap-1">
                {meetings.openActionItems.map((item) => (
                  <li key={item.taskId}>
                    {item.title}
                    <span className="text-sm text-muted">
                      {item.assigneeName && ` · ${item.assigneeName}`}
                      {item.dueAt && ` · ${formatDate(item.dueAt)}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Section>
      </div>
    </article>
  );
}
