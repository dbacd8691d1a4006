// Meetings and QBRs: who is overdue for a business review (by their tier's cadence, shown and
// for some people set here), this quarter's QBR completion, and what is on the calendar — with
// "Schedule" a tap away.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetings, useOverdueQbrs } from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Stat } from '../../components/Stat.tsx';
import { Card, ErrorNote, Loading } from '../../components/ui.tsx';
import { useWhose, WhoseToggle } from '../../components/Whose.tsx';
import { formatPercent, MeetingList } from './parts.tsx';
import { QbrCadences } from './QbrCadences.tsx';

const primaryLink =
  'inline-flex min-h-11 items-center justify-center rounded-lg bg-accent px-4 font-medium text-accent-ink';

export function MeetingsPage() {
  const { t } = useTranslation('revenue');
  const whose = useWhose();
  const canSchedule = useCan('manage_client_meetings');
  const reviews = useCan('schedule_business_reviews');
  const seesCadences = useCan('view_accounts');
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('meetings.title')}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <WhoseToggle whose={whose} />
          {canSchedule && (
            <Link to="/meetings/new" search={{}} className={primaryLink}>
              {t('meetings.schedule')}
            </Link>
          )}
        </div>
      </header>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Calendar mine={whose.mine} />
        {(reviews || seesCadences) && (
          <div className="flex flex-col gap-4">
            {reviews && <OverdueQbrs mine={whose.mine} />}
            {seesCadences && <QbrCadences />}
          </div>
        )}
      </div>
    </div>
  );
}

function Calendar({ mine }: { mine: boolean }) {
  const { t } = useTranslation('revenue');
  const [from] = useState(() => new Date(Date.now() - 7 * 24 * 3600_000).toISOString());
  const meetings = useMeetings({ mine, from });
  if (meetings.isPending) return <Loading />;
  if (meetings.error) return <ErrorNote error={meetings.error} />;
  const now = Date.now();
  const upcoming = meetings.data.items.filter((m) => Date.parse(m.endsAt) >= now);
  const past = meetings.data.items.filter((m) => Date.parse(m.endsAt) < now).reverse();
  return (
    <div className="flex flex-col gap-4">
      <Card title={t('meetings.upcoming')}>
        <MeetingList items={upcoming} />
      </Card>
      {past.length > 0 && (
        <Card title={t('meetings.past')}>
          <MeetingList items={past} />
        </Card>
      )}
    </div>
  );
}

function OverdueQbrs({ mine }: { mine: boolean }) {
  const { t } = useTranslation('revenue');
  const overdue = useOverdueQbrs(mine ? 'me' : undefined);
  if (overdue.isPending) return <Loading />;
  if (overdue.error) return <ErrorNote error={overdue.error} />;
  const { quarter, items } = overdue.data;
  return (
    <Card title={t('meetings.overdue')}>
      <dl className="mb-3 grid grid-cols-1">
        <Stat
          label={t('meetings.completion', { quarter: quarter.label })}
          value={formatPercent(quarter.rate, 0)}
          detail={t('meetings.completionDetail', { held: quarter.held, due: quarter.due })}
        />
      </dl>
      {items.length === 0 ? (
        <p className="text-muted">{t('meetings.overdueNone')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {items.map((item) => (
            <li
              key={item.accountId}
              className="flex flex-wrap items-center justify-between gap-2 py-2"
            >
              <div className="min-w-0">
                <Link
                  to="/accounts/$accountId"
                  params={{ accountId: item.accountId }}
                  className="font-medium hover:underline"
                >
                  {item.name}
                </Link>
                <p className="text-sm text-muted">
                  {t('meetings.dueSince', {
                    date: formatDate(item.dueBy),
                    days: t('metrics.days', { count: item.daysOverdue }),
                  })}{' '}
                  ·{' '}
                  {item.lastQbrAt
                    ? t('meetings.lastQbr', { date: formatDate(item.lastQbrAt) })
                    : t('meetings.neverReviewed')}
                </p>
                {item.nextQbr && (
                  <p className="text-sm">
                    {t('meetings.booked', { date: formatDateTime(item.nextQbr.startsAt) })}
                  </p>
                )}
              </div>
              {!item.nextQbr && (
                <Link
                  to="/meetings/new"
                  search={{ accountId: item.accountId, kind: 'qbr' }}
                  className="inline-flex min-h-11 items-center rounded-lg border border-line px-3 text-sm hover:bg-raised"
                  aria-label={`${t('meetings.scheduleQbr')}: ${item.name}`}
                >
                  {t('meetings.scheduleQbr')}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
