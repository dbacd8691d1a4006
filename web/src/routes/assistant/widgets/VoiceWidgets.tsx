// The voice widgets: NPS by client with what people wrote, what one client said lately, the
// most requested features, and the roadmap by quarter.
import { useTranslation } from 'react-i18next';
import type { WidgetOf } from '../../../api/assistant.ts';
import { formatDate, formatMoney } from '../../../components/format.ts';
import { Badge } from '../../../components/ui.tsx';
import { AccountRows, Counts, Rows, shown } from './parts.tsx';

/** The period a widget's figures cover, said above them: "Last 30 days". */
function Period({ days }: { days: number }) {
  const { t } = useTranslation('assistant');
  return <p className="text-sm text-muted">{t('period.lastDays', { count: days })}</p>;
}

type FeedbackKind = WidgetOf<'account_feedback'>['data']['items'][number]['type'];

/** Praise reads well, a complaint or a bug badly; a request or a question is neither. */
const kindTone = (kind: FeedbackKind) =>
  kind === 'praise' ? 'healthy' : kind === 'complaint' || kind === 'bug' ? 'critical' : 'neutral';

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

export function AccountFeedbackWidget({ data }: { data: WidgetOf<'account_feedback'>['data'] }) {
  const { t } = useTranslation('assistant');
  const { t: tv } = useTranslation('voice');
  return (
    <div className="flex flex-col gap-2">
      <Period days={data.days} />
      {data.items.length === 0 ? (
        <p className="text-muted">{t('noItems')}</p>
      ) : (
        <ol aria-label={t('widget.account_feedback')} className="flex flex-col gap-2">
          {data.items.slice(0, shown).map((item) => (
            <li key={item.id} className="flex flex-col gap-1 rounded-lg bg-raised p-2 text-sm">
              <q className="break-words">{item.text}</q>
              <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <Badge tone={kindTone(item.type)}>{tv(`type.${item.type}`)}</Badge>
                {item.theme && <span>{item.theme}</span>}
                <span>{tv(`source.${item.source}`)}</span>
                {item.contactName && <span>{item.contactName}</span>}
                <time dateTime={item.givenAt}>{formatDate(item.givenAt)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {data.count > shown && (
        <p className="text-sm text-muted">{t('more', { count: data.count - shown })}</p>
      )}
    </div>
  );
}

export function RequestsWidget({ data }: { data: WidgetOf<'feature_requests'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-2">
      <Period days={data.days} />
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
    </div>
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
