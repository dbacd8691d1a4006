// The Customer 360: profile, contract, custom fields, contacts, open work and the timeline,
// with "Add note" one tap away on a phone (a floating button opening a sheet).
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount360, useCustomFields, useLogEvent, useTimeline } from '../../api/accounts.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../components/format.ts';
import { Button, Card, ErrorNote, Field, Loading, Select, TextArea } from '../../components/ui.tsx';
import { AccountWork } from '../work/AccountWork.tsx';
import { HealthBadge, RiskBadge } from './PortfolioPage.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line py-2 last:border-0">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  if (value === '') return '—';
  if (typeof value === 'object' && 'amount' in value && 'currency' in value)
    return formatMoney(value as { amount: number; currency: string });
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

function NoteForm({ accountId, onDone }: { accountId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const log = useLogEvent(accountId);
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'note' | 'call' | 'email' | 'meeting'>('note');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate({ kind, body }, { onSuccess: () => (setBody(''), onDone?.()) });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <Field label={t('account.addNote')}>
        {(id) => (
          <TextArea
            id={id}
            rows={3}
            required
            value={body}
            placeholder={t('account.notePlaceholder')}
            onChange={(e) => setBody(e.target.value)}
            autoFocus={onDone !== undefined}
          />
        )}
      </Field>
      <div className="flex gap-2">
        <Select
          aria-label={t('account.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          className="max-w-40"
        >
          {(['note', 'call', 'email', 'meeting'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`eventKind.${k}`)}
            </option>
          ))}
        </Select>
        <Button type="submit" disabled={log.isPending}>
          {log.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
      <ErrorNote error={log.error} />
    </form>
  );
}

/** On a phone, "Add note" opens this sheet from the bottom: tap, type, Save. */
function NoteSheet({ accountId, close }: { accountId: string; close: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={t('account.addNote')}
      className="fixed inset-0 z-30 flex items-end bg-black/50 sm:hidden"
      onClick={(event) => event.target === event.currentTarget && close()}
    >
      <div className="w-full rounded-t-2xl border-t border-line bg-surface p-4 pb-[max(2rem,env(safe-area-inset-bottom))]">
        <NoteForm accountId={accountId} onDone={close} />
        <Button variant="ghost" className="mt-2 w-full" onClick={close}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

function Timeline({ accountId, canNote }: { accountId: string; canNote: boolean }) {
  const { t } = useTranslation();
  const timeline = useTimeline(accountId);
  const events = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card title={t('account.timeline')}>
      {canNote && (
        <div className="hidden sm:block">
          <NoteForm accountId={accountId} />
        </div>
      )}
      {timeline.isPending ? (
        <Loading />
      ) : events.length === 0 ? (
        <p className="text-muted">{t('account.noEvents')}</p>
      ) : (
        <ol className="mt-4 flex flex-col gap-3">
          {events.map((event) => (
            <li key={event.id} className="border-l-2 border-line pl-3">
              <div className="flex flex-wrap items-baseline gap-x-2 text-sm text-muted">
                <span className="font-medium text-ink">{t(`eventKind.${event.kind}`)}</span>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                {event.actor && <span>· {event.actor.name}</span>}
              </div>
              <p className="font-medium">{event.title}</p>
              {event.body && <p className="whitespace-pre-line text-muted">{event.body}</p>}
            </li>
          ))}
        </ol>
      )}
      {timeline.hasNextPage && (
        <Button variant="secondary" className="mt-3" onClick={() => void timeline.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}

export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const view = useAccount360(accountId);
  const fields = useCustomFields('account');
  const me = useMe();
  const canNote = me.data?.permissions.includes('add_timeline_notes') ?? false;
  const [noting, setNoting] = useState(false);
  if (view.isPending) return <Loading />;
  if (view.error) return <ErrorNote error={view.error} />;
  const { account, contract, contacts, owner } = view.data;
  const days = contract.daysToRenewal;

  return (
    <div className="flex flex-col gap-4">
      <Link
        to="/accounts"
        className="inline-flex min-h-11 items-center self-start text-sm text-muted hover:text-ink"
      >
        ← {t('account.back')}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{account.name}</h1>
        <HealthBadge health={account.health} />
        <span className="flex items-center gap-1 text-sm text-muted">
          {t('portfolio.columns.risk')}: <RiskBadge level={account.churnRisk.level} />
        </span>
      </header>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4">
          <Card title={t('account.profile')}>
            <dl>
              <Row label={t('portfolio.columns.tier')}>{t(`tier.${account.tier}`)}</Row>
              <Row label={t('portfolio.columns.stage')}>{t(`stage.${account.stage}`)}</Row>
              <Row label={t('account.priority')}>{account.priority}</Row>
              <Row label={t('account.owner')}>{owner?.name ?? t('account.unassigned')}</Row>
              <Row label={t('account.domain')}>{account.domain ?? '—'}</Row>
            </dl>
          </Card>
          <Card title={t('account.contract')}>
            <dl>
              <Row label={t('account.plan')}>{contract.plan ?? '—'}</Row>
              <Row label={t('account.arr')}>{formatMoney(contract.arr)}</Row>
              <Row label={t('account.mrr')}>{formatMoney(contract.mrr)}</Row>
              <Row label={t('account.seats')}>{formatNumber(contract.seats)}</Row>
              <Row label={t('account.renewal')}>
                {formatDate(contract.renewalDate)}
                {days !== null && (
                  <span className="block text-sm text-muted">
                    {days >= 0
                      ? t('account.daysToRenewal', { count: days })
                      : t('account.renewalPassed', { count: -days })}
                  </span>
                )}
              </Row>
            </dl>
          </Card>
          {fields.data && fields.data.items.length > 0 && (
            <Card title={t('account.customFields')}>
              <dl>
                {fields.data.items.map((field) => (
                  <Row key={field.key} label={field.label}>
                    {showValue(account.customFields[field.key])}
                  </Row>
                ))}
              </dl>
            </Card>
          )}
          <Card title={t('account.contacts')}>
            {contacts.length === 0 ? (
              <p className="text-muted">{t('account.noContacts')}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {contacts.map((contact) => (
                  <li key={contact.id}>
                    <p className="font-medium">
                      {contact.name}{' '}
                      <span className="text-sm text-muted">
                        · {t(`contactRole.${contact.role}`)}
                      </span>
                    </p>
                    <p className="text-sm text-muted">
                      {[contact.title, contact.email, contact.phone].filter(Boolean).join(' · ')}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-4 lg:col-span-2">
          <AccountWork accountId={accountId} />
          <Timeline accountId={accountId} canNote={canNote} />
        </div>
      </div>
      {canNote && (
        <Button
          className="fixed right-4 bottom-24 z-20 rounded-full shadow-lg sm:hidden"
          onClick={() => setNoting(true)}
        >
          + {t('account.addNote')}
        </Button>
      )}
      {noting && <NoteSheet accountId={accountId} close={() => setNoting(false)} />}
    </div>
  );
}
