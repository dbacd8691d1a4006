// The adoption view's headline figures and feature adoption across clients.
import { useTranslation } from 'react-i18next';
import type { AdoptionOverview, AdoptionTrend } from '../../api/intake.ts';
import { BarChart } from '../../components/charts/BarChart.tsx';
import { formatNumber } from '../../components/format.ts';
import { Stat } from '../../components/Stat.tsx';
import { Card } from '../../components/ui.tsx';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** Seat utilization across clients: their active users over the seats they bought. */
function seatUse(trends: AdoptionTrend[]) {
  const known = trends.filter((item) => item.seats !== null && item.seats > 0);
  const seats = known.reduce((sum, item) => sum + (item.seats ?? 0), 0);
  const mau = known.reduce((sum, item) => sum + item.mau, 0);
  return { seats, mau, share: seats > 0 ? mau / seats : null };
}

export function Overview({
  overview,
  trends,
}: {
  overview: AdoptionOverview;
  trends: AdoptionTrend[];
}) {
  const { t } = useTranslation('intake');
  const mau = trends.reduce((sum, item) => sum + item.mau, 0);
  const previousMau = trends.reduce((sum, item) => sum + item.previousMau, 0);
  const seats = seatUse(trends);
  const { premiumAdoption: premium, timeToValue: ttv } = overview;
  return (
    <>
      <dl className="grid grid-cols-2 gap-2 md:grid-cols-3 xl:grid-cols-6">
        <Stat label={t('adoption.clients')} value={formatNumber(overview.clients)} />
        <Stat
          label={t('adoption.monthlyActive')}
          value={formatNumber(mau)}
          detail={t('adoption.before', { value: formatNumber(previousMau) })}
        />
        <Stat
          label={t('adoption.seatUtilization')}
          value={percent(seats.share)}
          detail={t('usage.seatsOf', {
            mau: formatNumber(seats.mau),
            seats: formatNumber(seats.seats),
          })}
        />
        <Stat
          label={t('adoption.declining')}
          value={formatNumber(trends.filter((item) => item.declining).length)}
          detail={t('adoption.ofClients', { count: trends.length })}
        />
        <Stat
          label={t('adoption.premium')}
          value={percent(premium.rate)}
          detail={
            premium.purchased === 0
              ? t('usage.premiumNone')
              : t('usage.premiumRate', { used: premium.used, purchased: premium.purchased })
          }
        />
        <Stat
          label={t('adoption.timeToValue')}
          value={
            ttv.medianDays === null ? '—' : t('usage.days', { count: Math.round(ttv.medianDays) })
          }
          detail={t('adoption.ttvDetail', {
            reached: ttv.reached,
            clients: overview.clients,
            within: ttv.withinTarget,
            target: ttv.targetDays,
          })}
        />
      </dl>
      <Card title={t('adoption.featuresAcross')}>
        {overview.features.length === 0 ? (
          <p className="text-muted">{t('usage.noFeatures')}</p>
        ) : (
          <BarChart
            title={t('adoption.featuresShare')}
            unit={t('adoption.shareUnit')}
            share
            bars={overview.features.map((f) => ({
              key: f.key,
              label: f.label,
              value: f.share ?? 0,
              tag: f.premium ? t('usage.premium') : undefined,
              note: t('adoption.featureClients', {
                count: f.accounts,
                users: formatNumber(f.users),
              }),
            }))}
          />
        )}
      </Card>
    </>
  );
}
