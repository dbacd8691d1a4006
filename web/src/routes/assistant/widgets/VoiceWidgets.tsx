// The voice widgets: NPS by client with what people wrote, the most requested features, and
// the roadmap by quarter.
import { useTranslation } from 'react-i18next';
import type { WidgetOf } from '../../../api/assistant.ts';
import { formatDate, formatMoney } from '../../../components/format.ts';
import { Badge } from '../../../components/ui.tsx';
import { AccountRows, Counts, Rows } from './parts.tsx';

const npsTone = (nps: number | null) =>
  nps === null ? 'text-ink' : nps >= 30 ? 'text-healthy' : nps >= 0 ? 'text-risk' : 'text-critical';

export function NpsWidget({ data }: { data: WidgetOf<'nps_dashboard'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: 'NPS', value: data.overall.nps ?? '—', tone: npsTone(data.overall.nps) },
          { label: t('counts.promoters'), value: data.overall.promoters },
          { label: t('counts.passives'), value: data.overall.passives },
          { label: t('counts.detractors'), value: data.overall.detractors },
        ]}
      />
      <AccountRows
        label={t('widget.nps_dashboard')}
        items={data.items}
        detail={(g) => (
          <>
            <span className={`font-semibold ${npsTone(g.nps)}`}>{g.nps ?? '—'}</span>
            <span>{t('counts.responses', { count: g.responses })}</span>
          </>
        )}
      />
      {data.verbatims.length > 0 && (
        <ul aria-label={t('verbatims')} className="flex flex-col gap-2">
          {data.verbatims.map((v) => (
            <li
              key={`${v.accountId}-${v.respondedAt}`}
              className="rounded-lg bg-raised p-2 text-sm"
            >
              <q>{v.comment}</q>
              <span className="block text-xs text-muted">
                {v.accountName} · {v.score}/10 · {formatDate(v.respondedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function RequestsWidget({ data }: { data: WidgetOf<'feature_requests'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <Rows
      ordered
      items={data.items}
      label={t('widget.feature_requests')}
      keyOf={(theme) => theme.id}
      title={(theme) => theme.label}
      detail={(theme) => (
        <>
          {t('counts.customers', { count: theme.accountCount })} · {formatMoney(theme.arr)}
          {theme.roadmap[0] && <Badge>{theme.roadmap[0].title}</Badge>}
        </>
      )}
    />
  );
}

export function RoadmapWidget({ data }: { data: WidgetOf<'roadmap_timeline'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <Rows
      ordered
      items={data.items}
      label={t('widget.roadmap_timeline')}
      keyOf={(item) => item.id}
      title={(item) => item.title}
      detail={(item) => (
        <>
          {item.targetQuarter ?? '—'}
          <Badge tone={item.status === 'shipped' ? 'healthy' : 'neutral'}>
            {t(`roadmapStatus.${item.status}`)}
          </Badge>
          {t('counts.customers', { count: item.accountCount })}
        </>
      )}
    />
  );
}
