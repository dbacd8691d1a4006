// Pieces the revenue screens share: the forecast badge, a metric's value
// as a person reads it, the server's sentences as a list, tracked opportunities, and a list of
// meetings (also Ask Steward's answer to "meetings next week").
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CsMetric, ForecastCategory, Meeting, Opportunity } from '../../api/revenue.ts';
import { formatDateTime, formatMoney, formatNumber } from '../../components/format.ts';
import { Badge } from '../../components/ui.tsx';

const categoryTone = {
  commit: 'healthy',
  likely: 'accent',
  at_risk: 'risk',
  lost: 'critical',
} as const satisfies Record<ForecastCategory, string>;

export function ForecastBadge({
  category,
  probability,
}: {
  category: ForecastCategory;
  probability?: number;
}) {
  const { t } = useTranslation('revenue');
  return (
    <Badge tone={categoryTone[category]}>
      {t(`category.${category}`)}
      {probability !== undefined && ` · ${Math.round(probability * 100)}%`}
    </Badge>
  );
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined) return '—';
  return `${formatNumber(Math.round(ratio * 100 * 10 ** digits) / 10 ** digits)}%`;
}

/** A metric's value in its unit: money in the report's currency, ratios as percentages. */
export function useMetricFormat(currency: string) {
  const { t } = useTranslation('revenue');
  return (unit: CsMetric['unit'], value: number | null | undefined): string => {
    if (value === null || value === undefined) return '—';
    switch (unit) {
      case 'money':
        return formatMoney({ amount: value, currency });
      case 'ratio':
        return formatPercent(value);
      case 'days':
        return t('metrics.days', { count: value });
      case 'score':
      case 'nps':
        return formatNumber(value);
    }
  };
}

/** Server sentences (reasons, evidence, wins, risks), already in the reader's language. */
export function Sentences({
  items,
  className = '',
}: {
  items: { key: string; text: string }[];
  className?: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul className={`flex list-disc flex-col gap-1 pl-5 ${className}`}>
      {items.map((item, i) => (
        <li key={`${item.key}-${i}`}>{item.text}</li>
      ))}
    </ul>
  );
}

/** Tracked opportunities: title, stage and ARR; each opens for whoever may change it. */
export function OpportunityList({
  items,
  onOpen,
}: {
  items: readonly Opportunity[];
  onOpen: ((opportunity: Opportunity) => void) | undefined;
}) {
  const { t } = useTranslation('revenue');
  return (
    <ul className="flex flex-col gap-1">
      {items.map((o) => {
        const line = `${o.title} · ${t(`opportunity.stages.${o.stage}`)} · ${formatMoney(o.amount)}`;
        return (
          <li key={o.id}>
            {onOpen ? (
              <button
                type="button"
                className="min-h-11 rounded-lg text-left underline decoration-dotted underline-offset-4 hover:text-accent"
                onClick={() => onOpen(o)}
              >
                {line}
              </button>
            ) : (
              line
            )}
          </li>
        );
      })}
    </ul>
  );
}

export const linkClass =
  'inline-flex min-h-11 items-center rounded-lg px-3 text-sm text-muted hover:bg-raised hover:text-ink';

/** Meetings as a calendar lists them, each opening its own page. */
export function MeetingList({
  items,
}: {
  items: Pick<Meeting, 'id' | 'title' | 'kind' | 'status' | 'startsAt' | 'accountName'>[];
}) {
  const { t } = useTranslation('revenue');
  if (items.length === 0) return <p className="text-muted">{t('meetings.none')}</p>;
  return (
    <ul className="flex flex-col divide-y divide-line">
      {items.map((meeting) => (
        <li key={meeting.id} className="py-2">
          <Link
            to="/meetings/$meetingId"
            params={{ meetingId: meeting.id }}
            className="flex min-h-11 flex-col justify-center hover:underline"
          >
            <span className="flex flex-wrap items-center gap-2 font-medium">
              {meeting.title}
              <Badge tone={meeting.kind === 'qbr' ? 'accent' : 'neutral'}>
                {t(`meetings.kinds.${meeting.kind}`)}
              </Badge>
              {meeting.status !== 'scheduled' && (
                <Badge tone={meeting.status === 'held' ? 'healthy' : 'critical'}>
                  {t(`meetings.status.${meeting.status}`)}
                </Badge>
              )}
            </span>
            <span className="text-sm text-muted">
              {formatDateTime(meeting.startsAt)} ·{' '}
              {t('meetings.with', { account: meeting.accountName })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
