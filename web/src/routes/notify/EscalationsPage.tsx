// Escalations: what SLA policies and unanswered mentions raised, newest first — which client,
// which task, which step of the chain, and who was told.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/accounts.ts';
import { useEscalations, type Escalation } from '../../api/notify.ts';
import { formatDateTime } from '../../components/format.ts';
import { Badge, ErrorNote, Loading, LoadMore } from '../../components/ui.tsx';
import { NotifyTabs } from './controls.tsx';

const tones = { warning: 'risk', breach: 'critical', escalation: 'critical' } as const;

export function EscalationsPage() {
  const { t } = useTranslation('notify');
  const escalations = useEscalations();
  const users = useUsers();
  const nameOf = new Map(users.data?.items.map((u) => [u.id, u.name]));
  const items = escalations.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <NotifyTabs />
      <div>
        <h1 className="text-2xl font-bold">{t('escalations.title')}</h1>
        <p className="text-sm text-muted">{t('escalations.intro')}</p>
      </div>
      <ErrorNote error={escalations.error} />
      {escalations.isPending && <Loading />}
      {escalations.isSuccess && items.length === 0 && (
        <p className="rounded-xl border border-line bg-surface p-4 text-muted">
          {t('escalations.empty')}
        </p>
      )}
      {items.length > 0 && (
        <ul
          aria-label={t('escalations.title')}
          className="flex flex-col divide-y divide-line rounded-xl border border-line bg-surface"
        >
          {items.map((escalation) => (
            <EscalationRow
              key={escalation.id}
              escalation={escalation}
              names={escalation.notifiedUserIds.map((id) => nameOf.get(id) ?? '…')}
            />
          ))}
        </ul>
      )}
      <LoadMore list={escalations} />
    </div>
  );
}

function EscalationRow({ escalation: e, names }: { escalation: Escalation; names: string[] }) {
  const { t } = useTranslation('notify');
  return (
    <li className="flex flex-col gap-1 p-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={tones[e.kind]}>{t(`escalations.kind.${e.kind}`)}</Badge>
        {/* Steps 0 and 1 are the warning and the breach; the chain's steps follow. */}
        {e.kind === 'escalation' && !e.mentionId && (
          <Badge>{t('escalations.step', { n: e.step - 1 })}</Badge>
        )}
        <span className="text-muted">{e.mentionId ? t('escalations.mention') : e.policyName}</span>
      </div>
      <p className="font-medium">{e.taskTitle}</p>
      <Link
        to="/accounts/$accountId"
        params={{ accountId: e.accountId }}
        className="inline-flex min-h-11 items-center self-start text-accent underline"
      >
        {e.accountName}
      </Link>
      <p className="text-sm text-muted">
        {names.length > 0
          ? t('escalations.notified', { names: names.join(', ') })
          : t('escalations.nobody')}
      </p>
      <p className="text-sm text-muted">
        <time dateTime={e.raisedAt}>
          {t('escalations.raisedAt', { date: formatDateTime(e.raisedAt) })}
        </time>
      </p>
    </li>
  );
}
