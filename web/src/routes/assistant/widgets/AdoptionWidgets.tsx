// The adoption widgets: who is slipping, and how the product is used across clients.
import { useTranslation } from 'react-i18next';
import type { WidgetOf } from '../../../api/assistant.ts';
import { formatNumber } from '../../../components/format.ts';
import { AccountRows, ActiveUsers, Counts } from './parts.tsx';

export function DecliningWidget({ data }: { data: WidgetOf<'declining_adoption'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <AccountRows
      label={t('widget.declining_adoption')}
      items={data.items}
      detail={(a) => (
        <ActiveUsers before={a.previousMau} now={a.mau} change={a.activeUsersChange} />
      )}
    />
  );
}

export function AdoptionMetricsWidget({ data }: { data: WidgetOf<'adoption_metrics'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: t('counts.clients'), value: formatNumber(data.clients) },
          { label: t('counts.activeUsers'), value: formatNumber(data.activeUsers) },
          {
            label: t('counts.seatUtilization'),
            value:
              data.seatUtilization === null ? '—' : `${Math.round(data.seatUtilization * 100)}%`,
          },
          {
            label: t('counts.timeToValue'),
            value:
              data.medianTimeToValueDays === null
                ? '—'
                : t('counts.days', { count: data.medianTimeToValueDays }),
          },
        ]}
      />
      {data.features.length === 0 ? (
        <p className="text-muted">{t('noItems')}</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">{t('widget.adoption_metrics')}</caption>
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="py-1 font-medium">
                {t('col.feature')}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t('col.clients')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {data.features.map((f) => (
              <tr key={f.key}>
                <td className="py-2">
                  {f.label}
                  {f.premium && <span className="ml-2 text-xs text-muted">★</span>}
                </td>
                <td className="py-2 text-right">
                  {f.share === null ? '—' : `${Math.round(f.share * 100)}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
