// One account's adoption: active users, seats, premium features, time to value, the daily
// active users of the last 90 days and which features they used. On the 360 and the
// adoption view alike.
import { useTranslation } from 'react-i18next';
import { useAccountAdoption, type AccountAdoption } from '../../../api/intake.ts';
import { useDrawnLater } from '../../../api/drawnLater.ts';
import { BarChart } from '../../../components/charts/BarChart.tsx';
import { LineChart } from '../../../components/charts/LineChart.tsx';
import { Sparkline } from '../../../components/charts/Sparkline.tsx';
import { formatDate, formatNumber } from '../../../components/format.ts';
import { Stat } from '../../../components/Stat.tsx';
import { ErrorNote, Loading } from '../../../components/ui.tsx';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function ActiveUsersChart({ series }: { series: AccountAdoption['series'] }) {
  const { t } = useTranslation('intake');
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last) return null;
  const values = series.map((d) => d.activeUsers);
  return (
    <LineChart
      title={t('usage.chartTitle')}
      unit={t('usage.chartUnit')}
      points={series.map((d) => ({ label: d.day, value: d.activeUsers }))}
      formatLabel={formatDate}
      summary={t('usage.chartSummary', {
        from: formatDate(first.day),
        to: formatDate(last.day),
        first: formatNumber(first.activeUsers),
        last: formatNumber(last.activeUsers),
        peak: formatNumber(Math.max(...values)),
      })}
    />
  );
}

/** Daily active users of the last days, as a small line beside the figure. */
function RecentDays({ series }: { series: AccountAdoption['series'] }) {
  const { t } = useTranslation('intake');
  const values = series.map((d) => d.activeUsers);
  if (values.length < 2) return null;
  return (
    <Sparkline
      values={values}
      label={t('usage.sparkline', {
        count: values.length,
        first: formatNumber(values[0]),
        last: formatNumber(values[values.length - 1]),
      })}
    />
  );
}

function Figures({ adoption }: { adoption: AccountAdoption }) {
  const { t } = useTranslation('intake');
  const { activeUsers, seats, premiumAdoption: premium, timeToValue: ttv } = adoption;
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      <Stat
        label={t('usage.dau')}
        value={formatNumber(activeUsers.dau)}
        detail={<RecentDays series={adoption.series.slice(-30)} />}
      />
      <Stat label={t('usage.wau')} value={formatNumber(activeUsers.wau)} />
      <Stat label={t('usage.mau')} value={formatNumber(activeUsers.mau)} />
      <Stat
        label={t('usage.seatUse')}
        value={percent(adoption.seatUtilization)}
        detail={
          seats === null
            ? t('usage.noSeats')
            : t('usage.seatsOf', { mau: formatNumber(activeUsers.mau), seats: formatNumber(seats) })
        }
      />
      <Stat
        label={t('usage.premiumAdoption')}
        value={premium.rate === null ? '—' : percent(premium.rate)}
        detail={
          premium.purchased === 0
            ? t('usage.premiumNone')
            : t('usage.premiumRate', { used: premium.used, purchased: premium.purchased })
        }
      />
      <Stat
        label={t('usage.timeToValue')}
        value={ttv.days === null ? t('usage.notReached') : t('usage.days', { count: ttv.days })}
        detail={
          ttv.reachedOn &&
          ttv.via &&
          `${t('usage.reachedOn', { date: formatDate(ttv.reachedOn) })}: ${t(`usage.via.${ttv.via}`, { threshold: ttv.eventThreshold })}`
        }
      />
    </dl>
  );
}

export function AdoptionDetails({ accountId }: { accountId: string }) {
  const { t } = useTranslation('intake');
  const adoption = useDrawnLater(useAccountAdoption(accountId));
  if (adoption.isPending) return <Loading />;
  if (adoption.error) return <ErrorNote error={adoption.error} />;
  const data = adoption.data;
  const unused = data.premiumAdoption.unused;
  const labels = new Map(data.features.map((f) => [f.key, f.label]));
  return (
    <div className="flex flex-col gap-4">
      <Figures adoption={data} />
      {data.series.some((d) => d.events > 0) ? (
        <ActiveUsersChart series={data.series} />
      ) : (
        <p className="text-muted">{t('usage.noUsage')}</p>
      )}
      {data.features.length === 0 ? (
        <p className="text-muted">{t('usage.noFeatures')}</p>
      ) : (
        <BarChart
          title={t('usage.features')}
          unit={t('usage.featureUnit')}
          bars={data.features.map((f) => ({
            key: f.key,
            label: f.label,
            value: f.users,
            tag: f.premium ? t('usage.premium') : undefined,
          }))}
        />
      )}
      {unused.length > 0 && (
        <p className="text-sm text-risk">
          {t('usage.unused', { features: unused.map((k) => labels.get(k) ?? k).join(', ') })}
        </p>
      )}
    </div>
  );
}
