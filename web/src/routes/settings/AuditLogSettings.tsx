// Settings → Audit log: who changed what, newest first, fifty at a time. The server keeps an
// action's code (`user.password_set`); the words are the reader's. A code this screen does not
// know yet (a newer server) is shown as it is rather than hidden.
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/accounts.ts';
import { useAuditLog, type AuditEntry } from '../../api/admin.ts';
import { useCan } from '../../api/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { Button, Card, ErrorNote, Loading } from '../../components/ui.tsx';

function Entry({ entry, personName }: { entry: AuditEntry; personName: string | undefined }) {
  const { t } = useTranslation('auth');
  const type = t(`audit.entities.${entry.entityType}`, { defaultValue: entry.entityType });
  // A person is named; anything else by the start of its id, enough to tell two apart.
  const name = personName ?? entry.entityId.slice(0, 8);
  return (
    <li className="flex flex-col gap-1 py-3">
      <span className="font-medium">
        {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
      </span>
      <span className="text-sm wrap-anywhere text-muted">
        {entry.actor?.name ?? t('audit.steward')} ·{' '}
        <span title={entry.entityId}>{t('audit.entity', { type, name })}</span> ·{' '}
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </span>
    </li>
  );
}

function AuditLog() {
  const { t } = useTranslation('auth');
  const log = useAuditLog();
  const people = useUsers();
  const nameOf = (entry: AuditEntry) =>
    entry.entityType === 'user'
      ? people.data?.items.find((p) => p.id === entry.entityId)?.name
      : undefined;
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title={t('audit.title')}>
      <div className="flex flex-col gap-3">
        <p className="text-muted">{t('audit.intro')}</p>
        {log.isPending ? (
          <Loading />
        ) : entries.length === 0 && !log.error ? (
          <p className="text-muted">{t('audit.none')}</p>
        ) : (
          <ol className="flex flex-col divide-y divide-line">
            {entries.map((entry) => (
              <Entry key={entry.id} entry={entry} personName={nameOf(entry)} />
            ))}
          </ol>
        )}
        {log.hasNextPage && (
          <Button
            variant="secondary"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t('audit.more')}
          </Button>
        )}
        <ErrorNote error={log.error} />
      </div>
    </Card>
  );
}

export function AuditLogSettings() {
  const { t } = useTranslation('auth');
  if (!useCan('view_audit_log')) return <p className="text-muted">{t('audit.notAllowed')}</p>;
  return <AuditLog />;
}
