// NPS (seeds/003, "NPS dashboard by client"): the score with its promoter/passive/detractor
// split, month by month, by account or tier with each group's trend, CSAT, and what customers
// wrote — detractors first, since they are who a CSM calls.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNps, type NpsGrouping, type NpsReport } from '../../api/voice.ts';
import { LineChart } from '../../components/charts/LineChart.tsx';
import { Stat } from '../../components/Stat.tsx';
import { formatDate } from '../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Loading } from '../../components/ui.tsx';

const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

/** The split as one bar of three parts, with the counts written beside it. */
function Split({ split }: { split: NpsReport['overall'] }) {
  const { t } = useTranslation('voice');
  const total = Math.max(1, split.responses);
  const parts = [
    { key: 'promoters', n: split.promoters, tone: 'bg-healthy' },
    { key: 'passives', n: split.passives, tone: 'bg-line' },
    { key: 'detractors', n: split.detractors, tone: 'bg-critical' },
  ] as const;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex h-3 overflow-hidden rounded-full bg-raised" aria-hidden="true">
        {parts.map((p) => (
          <div key={p.key} className={p.tone} style={{ width: `${(100 * p.n) / total}%` }} />
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 text-sm">
        {parts.map((p) => (
          <li key={p.key}>
            {t(`nps.${p.key}`)}: <span className="font-semibold tabular-nums">{p.n}</span> (
            {Math.round((100 * p.n) / total)}%)
          </li>
        ))}
      </ul>
    </div>
  );
}

const titles = {
  account: 'nps.byAccount',
  tier: 'nps.byTier',
  segment: 'nps.bySegment',
} as const satisfies Record<NpsGrouping, string>;

export function NpsPage() {
  const { t } = useTranslation('voice');
  const [groupBy, setGroupBy] = useState<NpsGrouping>('account');
  const nps = useNps(groupBy);
  if (nps.isPending) return <Loading />;
  if (nps.error) return <ErrorNote error={nps.error} />;
  const report = nps.data;
  const label = (g: NpsReport['groups'][number]) =>
    groupBy === 'tier' ? t(`nps.tierNames.${g.key}`, { defaultValue: g.label }) : g.label;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('nps.title')}</h1>
      {report.overall.responses === 0 ? (
        <p className="text-muted">{t('nps.none')}</p>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat
              label={t('nps.overall')}
              value={signed(report.overall.nps)}
              detail={t('nps.responses', { count: report.overall.responses })}
            />
            <Stat
              label={t('nps.csat')}
              value={
                report.csat.average === null
                  ? '—'
                  : t('nps.csatValue', { value: report.csat.average })
              }
              detail={t('nps.responses', { count: report.csat.responses })}
            />
          </dl>
          <Card title={t('nps.split')}>
            <Split split={report.overall} />
          </Card>
          {report.trend.length > 1 && (
            <Card>
              <LineChart
                title={t('nps.trend')}
                unit={t('nps.unit')}
                points={report.trend.map((m) => ({ label: `${m.month}-01`, value: m.nps ?? 0 }))}
                formatLabel={(label) => formatDate(label)}
                summary={t('nps.trendSummary', {
                  first: signed(report.trend[0]?.nps ?? null),
                  last: signed(report.trend.at(-1)?.nps ?? null),
                })}
              />
            </Card>
          )}
          <Card
            title={t(titles[groupBy])}
            action={
              <div role="group" aria-label={t('nps.groupBy')} className="flex gap-1">
                {(['account', 'tier', 'segment'] as const).map((g) => (
                  <Button
                    key={g}
                    variant={groupBy === g ? 'primary' : 'secondary'}
                    aria-pressed={groupBy === g}
                    className="px-3 text-sm"
                    onClick={() => setGroupBy(g)}
                  >
                    {t(`nps.${g}`)}
                  </Button>
                ))}
              </div>
            }
          >
            {groupBy === 'segment' && report.groups.length === 0 && (
              <p className="text-muted">{t('nps.noSegments')}</p>
            )}
            <ul className="flex flex-col">
              {report.groups.map((g) => (
                <li
                  key={g.key}
                  className="flex min-h-11 flex-wrap items-center justify-between gap-2 border-b border-line py-2 last:border-0"
                >
                  <span className="font-medium">{label(g)}</span>
                  <span className="flex items-center gap-2 text-sm">
                    <span className="text-lg font-semibold tabular-nums">{signed(g.nps)}</span>
                    <span className="text-muted">{t('nps.responses', { count: g.responses })}</span>
                    <Badge
                      tone={g.trend === 'down' ? 'risk' : g.trend === 'up' ? 'healthy' : 'neutral'}
                    >
                      {t(`nps.trendWord.${g.trend}`)}
                    </Badge>
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('nps.verbatims')}>
            <ul className="flex flex-col gap-3">
              {[...report.verbatims]
                .sort((a, b) => a.score - b.score)
                .map((v) => (
                  <li
                    key={v.id}
                    className="flex flex-col gap-1 border-b border-line pb-3 last:border-0"
                  >
                    <p>“{v.comment}”</p>
                    <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                      <Badge
                        tone={
                          v.category === 'detractor'
                            ? 'critical'
                            : v.category === 'promoter'
                              ? 'healthy'
                              : 'neutral'
                        }
                      >
                        {v.score} · {t(`nps.category.${v.category ?? 'passive'}`)}
                      </Badge>
                      <span className="font-medium text-ink">{v.accountName}</span>
                      {v.contact && <span>{v.contact.name}</span>}
                      <span>{formatDate(v.respondedAt)}</span>
                    </p>
                  </li>
                ))}
            </ul>
          </Card>
        </>
      )}
    </div>
  );
}
