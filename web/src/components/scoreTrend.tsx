// Where a health score is heading, on the portfolio, the health page and the 360 alike: the
// change over 30 days in points, and a sparkline of the last days with a sentence for those
// who cannot see it.
import { useTranslation } from 'react-i18next';
import { Sparkline } from './charts/Sparkline.tsx';
import { Badge } from './ui.tsx';

type Trend = { monthOverMonth: number | null; declining: boolean } | null;

/** "−12 points in 30 days", with a Declining badge when the score is sliding. */
export function TrendFigure({ trend }: { trend: Trend }) {
  const { t } = useTranslation('health');
  if (!trend || trend.monthOverMonth === null)
    return <span className="text-sm text-muted">{t('trend.noHistory')}</span>;
  const change = trend.monthOverMonth;
  const tone = change < 0 ? 'text-critical' : change > 0 ? 'text-healthy' : 'text-muted';
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <span className={`tabular-nums ${tone}`}>
        {t('trend.points', {
          change: change > 0 ? `+${change}` : String(change),
          count: Math.abs(change),
        })}
      </span>
      {trend.declining && <Badge tone="critical">{t('trend.declining')}</Badge>}
    </span>
  );
}

/** A score's last days as a sparkline; days without a score are left out. */
export function ScoreSparkline({ series }: { series: { score: number | null }[] }) {
  const { t } = useTranslation('health');
  const scores = series.flatMap((point) => (point.score === null ? [] : [point.score]));
  if (scores.length < 2) return <span className="text-sm text-muted">—</span>;
  return (
    <Sparkline
      values={scores}
      label={t('trend.sparkline', { from: scores[0], to: scores[scores.length - 1] })}
    />
  );
}
