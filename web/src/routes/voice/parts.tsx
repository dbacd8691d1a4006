// Small pieces the voice screens share: a feedback type's badge, a theme's trend, and one
// feedback item as a row, with its correction.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session.ts';
import type { FeedbackItem, FeedbackPriority, FeedbackType, Theme } from '../../api/voice.ts';
import { formatDate } from '../../components/format.ts';
import { Badge, Button } from '../../components/ui.tsx';

const EditFeedbackDialog = lazy(() =>
  import('./EditFeedback.tsx').then((m) => ({ default: m.EditFeedbackDialog })),
);

const typeTone: Record<FeedbackType, 'neutral' | 'critical' | 'risk' | 'healthy' | 'accent'> = {
  feature_request: 'accent',
  bug: 'critical',
  complaint: 'risk',
  praise: 'healthy',
  question: 'neutral',
};

/** Medium, the usual, goes unsaid on a row; the rest is worth a glance. */
const priorityTone: Record<FeedbackPriority, 'neutral' | 'critical' | 'risk'> = {
  low: 'neutral',
  medium: 'neutral',
  high: 'risk',
  critical: 'critical',
};

export function TypeBadge({ type }: { type: FeedbackType }) {
  const { t } = useTranslation('voice');
  return <Badge tone={typeTone[type]}>{t(`type.${type}`)}</Badge>;
}

export function TrendBadge({ trend }: { trend: Theme['trend'] }) {
  const { t } = useTranslation('voice');
  const arrow = { new: '✦', rising: '↑', steady: '→', falling: '↓' }[trend.direction];
  return (
    <Badge tone={trend.direction === 'rising' || trend.direction === 'new' ? 'accent' : 'neutral'}>
      <span aria-hidden="true">{arrow}</span>&nbsp;{t(`feedback.trend.${trend.direction}`)}
    </Badge>
  );
}

/** Correcting an item, for those who may log feedback: the form loads when opened. */
function EditFeedbackButton({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation('voice');
  const can = useCan('manage_feedback');
  const [open, setOpen] = useState(false);
  if (!can) return null;
  return (
    <>
      <Button
        variant="ghost"
        className="px-3 text-sm"
        aria-label={t('edit.open', { text: item.text.slice(0, 60) })}
        onClick={() => setOpen(true)}
      >
        {t('edit.short')}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <EditFeedbackDialog item={item} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

/**
 * One thing a customer said: the words, who and when, its type and where it came from, its
 * priority and status when out of the ordinary, and a way to correct it for those who may.
 */
export function FeedbackRow({
  item,
  showAccount = true,
}: {
  item: FeedbackItem;
  showAccount?: boolean;
}) {
  const { t } = useTranslation('voice');
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <p className="break-words">“{item.text}”</p>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
        <TypeBadge type={item.type} />
        {showAccount && <span className="font-medium text-ink">{item.accountName}</span>}
        {item.contact && <span>{item.contact.name}</span>}
        <span>{formatDate(item.givenAt)}</span>
        <span>· {t(`source.${item.source}`)}</span>
        {item.review === 'proposed' && <Badge tone="risk">{t('feedback.proposals.ticket')}</Badge>}
        {item.priority !== 'medium' && (
          <Badge tone={priorityTone[item.priority]}>
            {t('feedback.priority', { priority: t(`priority.${item.priority}`) })}
          </Badge>
        )}
        {item.status !== 'new' && <Badge>{t(`status.${item.status}`)}</Badge>}
        <EditFeedbackButton item={item} />
      </div>
    </div>
  );
}
