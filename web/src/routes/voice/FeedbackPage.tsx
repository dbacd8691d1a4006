// Feedback: the themes Steward found in what customers said — in English and Russian alike —
// ranked by the accounts asking and their ARR, with the trend; tickets that report the same
// problem waiting for review; and logging new feedback. Cards on a phone, a table on a desk.
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  feedbackTypes,
  useProposals,
  useReviewFeedback,
  useThemes,
  windows,
  type FeedbackType,
  type Theme,
} from '../../api/voice.ts';
import { useCan } from '../../api/session.ts';
import { formatDate, formatMoney } from '../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Loading, Select } from '../../components/ui.tsx';
import { LogFeedbackForm } from './LogFeedbackForm.tsx';
import { FeedbackRow, TrendBadge, TypeBadge } from './parts.tsx';

const Dialog = lazy(() =>
  import('../../components/Dialog.tsx').then((m) => ({ default: m.Dialog })),
);

function ThemeFigures({ theme }: { theme: Theme }) {
  const { t } = useTranslation('voice');
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      <span className="font-semibold text-ink">
        {t('feedback.accounts', { count: theme.accountCount })}
      </span>
      <span>{t('feedback.items', { count: theme.itemCount })}</span>
      <span>{formatMoney(theme.arr)}</span>
      {theme.atRiskArr.amount > 0 && (
        <Badge tone="risk">{t('feedback.atRisk', { arr: formatMoney(theme.atRiskArr) })}</Badge>
      )}
      <TrendBadge trend={theme.trend} />
      {theme.proposedCount > 0 && (
        <Badge tone="risk">{t('feedback.toReview', { count: theme.proposedCount })}</Badge>
      )}
      {theme.roadmapItems.length > 0 && <Badge tone="accent">{t('feedback.onRoadmap')}</Badge>}
    </div>
  );
}

const themeLink = (theme: Theme) => ({
  to: '/feedback/themes/$themeId' as const,
  params: { themeId: theme.id },
});

function ThemeCards({ themes }: { themes: Theme[] }) {
  const { t } = useTranslation('voice');
  return (
    <ul className="flex flex-col gap-2 md:hidden" aria-label={t('feedback.themes')}>
      {themes.map((theme) => (
        <li key={theme.id} className="rounded-xl border border-line bg-surface p-3">
          <Link {...themeLink(theme)} className="flex min-h-11 flex-col gap-2">
            <span className="flex items-center gap-2 font-semibold">
              {theme.label} <TypeBadge type={theme.type} />
            </span>
            <ThemeFigures theme={theme} />
            {theme.items[0] && (
              <span className="line-clamp-2 text-sm text-muted">“{theme.items[0].text}”</span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ThemeTable({ themes }: { themes: Theme[] }) {
  const { t } = useTranslation('voice');
  return (
    <div className="hidden overflow-x-auto md:block">
      <table className="w-full text-left">
        <caption className="sr-only">{t('feedback.themes')}</caption>
        <thead className="text-sm text-muted">
          <tr className="border-b border-line">
            <th className="py-2 pr-3 font-medium">{t('feedback.columns.theme')}</th>
            <th className="py-2 pr-3 text-right font-medium">{t('feedback.columns.accounts')}</th>
            <th className="py-2 pr-3 text-right font-medium">{t('feedback.columns.items')}</th>
            <th className="py-2 pr-3 text-right font-medium">{t('feedback.columns.arr')}</th>
            <th className="py-2 pr-3 text-right font-medium">{t('feedback.columns.atRisk')}</th>
            <th className="py-2 pr-3 font-medium">{t('feedback.columns.trend')}</th>
            <th className="py-2 font-medium">{t('feedback.columns.lastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {themes.map((theme) => (
            <tr key={theme.id} className="border-b border-line align-top last:border-0">
              <td className="py-2 pr-3">
                <Link {...themeLink(theme)} className="font-semibold hover:underline">
                  {theme.label}
                </Link>
                <div className="mt-1 flex flex-wrap gap-1">
                  <TypeBadge type={theme.type} />
                  {theme.proposedCount > 0 && (
                    <Badge tone="risk">
                      {t('feedback.toReview', { count: theme.proposedCount })}
                    </Badge>
                  )}
                  {theme.roadmapItems.length > 0 && (
                    <Badge tone="accent">{t('feedback.onRoadmap')}</Badge>
                  )}
                </div>
                {theme.items[0] && (
                  <p className="mt-1 line-clamp-1 text-sm text-muted">“{theme.items[0].text}”</p>
                )}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{theme.accountCount}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{theme.itemCount}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(theme.arr)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {theme.atRiskArr.amount > 0 ? formatMoney(theme.atRiskArr) : '—'}
              </td>
              <td className="py-2 pr-3">
                <TrendBadge trend={theme.trend} />
              </td>
              <td className="py-2 text-sm text-muted">{formatDate(theme.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Tickets Steward recognised as the same problem reported by several customers. */
function Proposals() {
  const { t } = useTranslation('voice');
  const proposals = useProposals();
  const review = useReviewFeedback();
  const can = useCan('manage_feedback');
  const items = proposals.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('feedback.proposals.title')}>
      <p className="mb-3 text-sm text-muted">{t('feedback.proposals.intro')}</p>
      <ul className="flex flex-col gap-3">
        {items.map((item) => (
          <li key={item.id} className="flex flex-col gap-2 border-b border-line pb-3 last:border-0">
            <FeedbackRow item={item} />
            {item.theme && (
              <p className="text-sm text-muted">
                {t('feedback.proposals.theme')}: {item.theme.label}
              </p>
            )}
            {can && (
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  disabled={review.isPending}
                  onClick={() => review.mutate({ id: item.id, review: 'accepted' })}
                >
                  {t('feedback.proposals.accept')}
                </Button>
                <Button
                  variant="ghost"
                  disabled={review.isPending}
                  onClick={() => review.mutate({ id: item.id, review: 'dismissed' })}
                >
                  {t('feedback.proposals.dismiss')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function FeedbackPage() {
  const { t } = useTranslation('voice');
  const [since, setSince] = useState<(typeof windows)[number]>('30d');
  const [type, setType] = useState<FeedbackType | ''>('');
  const [logging, setLogging] = useState(false);
  const canLog = useCan('manage_feedback');
  const themes = useThemes(since, type || undefined);
  const list = themes.data?.items ?? [];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('feedback.title')}</h1>
        {canLog && <Button onClick={() => setLogging(true)}>+ {t('feedback.log')}</Button>}
      </div>
      <p className="text-muted">{t('feedback.intro')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label={t('feedback.window')} className="flex gap-1">
          {windows.map((w) => (
            <Button
              key={w}
              variant={since === w ? 'primary' : 'secondary'}
              aria-pressed={since === w}
              className="px-3 text-sm"
              onClick={() => setSince(w)}
            >
              {t(`window.${w}`)}
            </Button>
          ))}
        </div>
        <Select
          aria-label={t('feedback.type')}
          value={type}
          className="max-w-56"
          onChange={(e) => setType(e.target.value as FeedbackType | '')}
        >
          <option value="">{t('feedback.allTypes')}</option>
          {feedbackTypes.map((k) => (
            <option key={k} value={k}>
              {t(`type.${k}`)}
            </option>
          ))}
        </Select>
      </div>
      <Proposals />
      {themes.isPending ? (
        <Loading />
      ) : themes.error ? (
        <ErrorNote error={themes.error} />
      ) : list.length === 0 ? (
        <p className="text-muted">{t('feedback.none')}</p>
      ) : (
        <>
          <ThemeCards themes={list} />
          <ThemeTable themes={list} />
        </>
      )}
      {logging && (
        <Suspense fallback={null}>
          <Dialog
            title={t('log.title')}
            closeLabel={t('log.close')}
            onClose={() => setLogging(false)}
            placement="side"
          >
            <LogFeedbackForm />
          </Dialog>
        </Suspense>
      )}
    </div>
  );
}
