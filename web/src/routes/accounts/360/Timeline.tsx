// The account's story from every source — notes and calls, work and changes, support tickets,
// billing, usage — newest first, filtered by source with one tap.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeline, type TimelineEvent } from '../../../api/accounts.ts';
import { useDrawnLater } from '../../../api/drawnLater.ts';
import { formatDateTime } from '../../../components/format.ts';
import { Badge, Button, Card, Loading, LoadMore } from '../../../components/ui.tsx';
import { NoteForm } from './NoteForm.tsx';
import { MakeFeedbackButton } from '../../voice/MakeFeedbackButton.tsx';

/** A source is a set of timeline kinds; "work and changes" are the system events. */
const sources = {
  all: undefined,
  notes: ['note', 'call', 'email', 'meeting'],
  work: ['system'],
  support: ['ticket'],
  billing: ['billing'],
} as const satisfies Record<string, readonly TimelineEvent['kind'][] | undefined>;
type Source = keyof typeof sources;

/** Where a system event came from: usage intake, a project or task, or a change to the account. */
function originOf(
  event: TimelineEvent,
): 'usage' | 'work' | 'change' | 'support' | 'billing' | null {
  if (event.kind === 'ticket') return 'support';
  if (event.kind === 'billing') return 'billing';
  if (event.kind !== 'system') return null;
  if (event.source === 'segment') return 'usage';
  return 'projectId' in event.data || 'taskId' in event.data ? 'work' : 'change';
}

function Entry({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const origin = originOf(event);
  return (
    <li className="border-l-2 border-line pl-3">
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm text-muted">
        <span className="font-medium text-ink">{t(`eventKind.${event.kind}`)}</span>
        {origin && <Badge>{t(`intake:timeline.source.${origin}`)}</Badge>}
        <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
        {event.actor && <span>· {event.actor.name}</span>}
      </div>
      <p className="font-medium">{event.title}</p>
      {event.body && <p className="whitespace-pre-line text-muted">{event.body}</p>}
      <MakeFeedbackButton event={event} />
    </li>
  );
}

export function Timeline({ accountId, canNote }: { accountId: string; canNote: boolean }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>('all');
  const timeline = useDrawnLater(useTimeline(accountId, sources[source]));
  const events = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title={t('account.timeline')}>
      {canNote && (
        <div className="mb-4 hidden sm:block">
          <NoteForm accountId={accountId} />
        </div>
      )}
      <div role="group" aria-label={t('intake:timeline.show')} className="flex flex-wrap gap-1">
        {(Object.keys(sources) as Source[]).map((key) => (
          <Button
            key={key}
            variant={source === key ? 'primary' : 'secondary'}
            aria-pressed={source === key}
            className="px-3 text-sm"
            onClick={() => setSource(key)}
          >
            {t(`intake:timeline.sources.${key}`)}
          </Button>
        ))}
      </div>
      {timeline.isPending ? (
        <Loading />
      ) : events.length === 0 ? (
        <p className="mt-4 text-muted">
          {source === 'all' ? t('account.noEvents') : t('intake:timeline.none')}
        </p>
      ) : (
        <ol className="mt-4 flex flex-col gap-3">
          {events.map((event) => (
            <Entry key={event.id} event={event} />
          ))}
        </ol>
      )}
      <LoadMore list={timeline} className="mt-3 self-start" />
    </Card>
  );
}
