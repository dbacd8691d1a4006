// Month over month, the figures behind a "declining adoption" flag: active users, events and
// logins in the last 30 days against the 30 before, and the features no longer used.
import { useTranslation } from 'react-i18next';
import type { AdoptionTrend } from '../../api/intake.ts';
import { formatNumber } from '../../components/format.ts';

function Change({ value }: { value: number | null }) {
  const { t } = useTranslation('intake');
  if (value === null) return <span className="text-muted">{t('trend.noBefore')}</span>;
  const tone = value < 0 ? 'text-critical' : value > 0 ? 'text-healthy' : 'text-muted';
  return (
    <span className={`font-medium tabular-nums ${tone}`}>
      {t('trend.change', { change: value > 0 ? `+${value}` : String(value) })}
    </span>
  );
}

export function TrendFigures({ trend }: { trend: AdoptionTrend }) {
  const { t } = useTranslation('intake');
  const rows = [
    ['activeUsers', trend.previousMau, trend.mau, trend.activeUsersChange],
    ['events', trend.previousEvents, trend.events, trend.usageChange],
    ['logins', trend.previousLogins, trend.logins, trend.loginChange],
  ] as const;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <dl className="flex flex-col gap-1">
        {rows.map(([key, previous, current, change]) => (
          <div key={key} className="flex flex-wrap justify-between gap-x-3">
            <dt className="text-muted">{t(`trend.${key}`)}</dt>
            <dd className="flex gap-2 tabular-nums">
              {t('trend.figures', {
                previous: formatNumber(previous),
                current: formatNumber(current),
              })}
              <Change value={change} />
            </dd>
          </div>
        ))}
      </dl>
      {trend.abandonedFeatures.length > 0 && (
        <p className="text-critical">
          {t('adoption.abandoned', { features: trend.abandonedFeatures.join(', ') })}
        </p>
      )}
    </div>
  );
}
