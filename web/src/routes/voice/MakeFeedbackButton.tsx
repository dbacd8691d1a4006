// "Make this feedback" on a timeline note or e-mail: one tap logs what it says as feedback on
// the account, once (the event is its origin, so a second tap finds the same item); the server
// guesses its type from the words, and a person can change it.
import { useTranslation } from 'react-i18next';
import { useLogFeedback } from '../../api/voice.ts';
import { useCan } from '../../api/session.ts';

export function MakeFeedbackButton({
  event,
}: {
  event: { id: string; accountId: string; kind: string; title: string | null; body: string | null };
}) {
  const { t } = useTranslation('voice');
  const can = useCan('manage_feedback');
  const log = useLogFeedback();
  const text = (event.body ?? event.title ?? '').trim();
  if (
    !can ||
    !text ||
    (event.kind !== 'note' &&
      event.kind !== 'email' &&
      event.kind !== 'call' &&
      event.kind !== 'meeting')
  ) {
    return null;
  }
  if (log.isSuccess) {
    return (
      <p role="status" className="text-sm text-healthy">
        {t('timeline.made')}
      </p>
    );
  }
  return (
    <button
      type="button"
      disabled={log.isPending}
      className="inline-flex min-h-11 items-center self-start text-sm text-accent underline disabled:opacity-50"
      onClick={() =>
        log.mutate({
          accountId: event.accountId,
          text: text.slice(0, 5000),
          source: event.kind === 'email' ? 'email' : 'timeline',
          sourceRef: event.id,
        })
      }
    >
      {t('timeline.makeFeedback')}
    </button>
  );
}
