// Support on the Customer 360: open and solved tickets, CSAT, how fast the help desk answered
// and solved, and the latest tickets with their priority and status.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAccountTickets, type Ticket } from '../../../api/intake.ts';
import { useDrawnLater } from '../../../api/drawnLater.ts';
import { formatDate, formatNumber } from '../../../components/format.ts';
import { Stat } from '../../../components/Stat.tsx';
import { Badge, Card, ErrorNote, Loading } from '../../../components/ui.tsx';

const hourMs = 3600_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Hours between two moments of each ticket that has both. */
function hoursTaken(tickets: Ticket[], end: 'firstResponseAt' | 'solvedAt'): number[] {
  return tickets.flatMap((ticket) => {
    const to = ticket[end];
    return to ? [(Date.parse(to) - Date.parse(ticket.openedAt)) / hourMs] : [];
  });
}

/** Under two days in hours, then in days: "5 h", "3 d". */
function duration(t: TFunction<'intake'>, hours: number | null): string {
  if (hours === null) return '—';
  return hours < 48
    ? t('tickets.hours', { count: Math.max(0, Math.round(hours)) })
    : t('tickets.daysShort', { count: Math.round(hours / 24) });
}

const priorityTone = {
  urgent: 'critical',
  high: 'risk',
  normal: 'neutral',
  low: 'neutral',
} as const;

function ticketFigures(tickets: Ticket[]) {
  const rated = tickets.flatMap((ticket) => (ticket.csat === null ? [] : [ticket.csat]));
  return {
    open: tickets.filter((ticket) => ticket.status === 'open' || ticket.status === 'pending')
      .length,
    solved: tickets.filter((ticket) => ticket.status === 'solved' || ticket.status === 'closed')
      .length,
    csat: rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null,
    rated: rated.length,
    firstResponse: median(hoursTaken(tickets, 'firstResponseAt')),
    timeToSolve: median(hoursTaken(tickets, 'solvedAt')),
  };
}

export function TicketsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('intake');
  const tickets = useDrawnLater(useAccountTickets(accountId));
  const items = tickets.data?.items ?? [];
  const figures = ticketFigures(items);
  return (
    <Card title={t('tickets.title')}>
      {tickets.isPending ? (
        <Loading />
      ) : tickets.error ? (
        <ErrorNote error={tickets.error} />
      ) : items.length === 0 ? (
        <p className="text-muted">{t('tickets.none')}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <dl className="grid grid-cols-2 gap-2">
            <Stat label={t('tickets.open')} value={formatNumber(figures.open)} />
            <Stat label={t('tickets.solved')} value={formatNumber(figures.solved)} />
            <Stat
              label={t('tickets.csat')}
              value={
                figures.csat === null
                  ? '—'
                  : t('tickets.csatValue', {
                      score: formatNumber(Math.round(figures.csat * 10) / 10),
                    })
              }
              detail={figures.rated > 0 && t('tickets.csatFrom', { count: figures.rated })}
            />
            <Stat label={t('tickets.firstResponse')} value={duration(t, figures.firstResponse)} />
            <Stat label={t('tickets.timeToSolve')} value={duration(t, figures.timeToSolve)} />
          </dl>
          <section aria-label={t('tickets.latest')}>
            <h3 className="mb-2 font-medium">{t('tickets.latest')}</h3>
            <ul className="flex flex-col divide-y divide-line">
              {items.slice(0, 8).map((ticket) => (
                <li key={ticket.id} className="flex flex-col gap-1 py-2">
                  <span className="font-medium">{ticket.subject}</span>
                  <span className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <Badge tone={ticket.status === 'open' ? 'accent' : 'neutral'}>
                      {t(`tickets.status.${ticket.status}`)}
                    </Badge>
                    <Badge tone={priorityTone[ticket.priority]}>
                      {t(`tickets.priority.${ticket.priority}`)}
                    </Badge>
                    <span>{t('tickets.opened', { date: formatDate(ticket.openedAt) })}</span>
                    {ticket.solvedAt && (
                      <span>{t('tickets.solvedOn', { date: formatDate(ticket.solvedAt) })}</span>
                    )}
                    {ticket.csat !== null && (
                      <span>
                        {t('tickets.csat')} {t('tickets.csatValue', { score: ticket.csat })}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </Card>
  );
}
