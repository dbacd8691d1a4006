// Settings → Audit log: who changed what, newest first, fifty at a time, narrowed by person,
// action and days, or to one record's history from any entry about it. The server keeps an
// action's code (`user.password_set`); the words are the reader's. A code this screen does not
// know yet (a newer server) is shown as it is rather than hidden. Each entry names its record as
// it is called now, or says it was deleted, and lists what changed, field by field, each field
// by its label and each value as the app shows it elsewhere (auditValues.ts). The filters live
// in the address, so a filtered view can be shared and survives a reload.
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCustomFields, useUsers } from '../../api/accounts.ts';
import {
  auditActions,
  useAuditLog,
  type AuditAction,
  type AuditEntityType,
  type AuditEntry,
  type AuditFilters,
} from '../../api/admin.ts';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../api/session.ts';
import { formatDateTime } from '../../components/format.ts';
import {
  Button,
  Card,
  ErrorNote,
  Loading,
  SelectField,
  TextField,
  LoadMore,
} from '../../components/ui.tsx';
import type { AuditSearch } from './auditSearch.ts';
import { changeLines } from './auditValues.ts';

/** The record an entry is about, in words: its kind, and its name now, or that it was deleted. */
function recordWords(entry: AuditEntry, t: TFunction<'auth'>): string {
  const type = t(`audit.entities.${entry.entityType}`, { defaultValue: entry.entityType });
  const name = entry.entityName;
  const removed = entry.entityType === 'user' ? 'audit.entityDeactivated' : 'audit.entityDeleted';
  if (name !== null) return t(entry.entityDeleted ? removed : 'audit.entity', { type, name });
  return entry.entityDeleted ? t('audit.entityGone', { type }) : type;
}

function RecordName({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('auth');
  return <span title={entry.entityId}>{recordWords(entry, t)}</span>;
}

/** The server's word on a filter it refused, shown on that filter. */
const filterProblem = (error: unknown, filter: keyof AuditFilters) =>
  error instanceof ApiError ? error.fieldError(`query.${filter}`) : undefined;
const filterKeys = ['actorId', 'action', 'from', 'to'] as const satisfies (keyof AuditFilters)[];

/** The labels of the custom fields of accounts and of tasks, by key: the kinds that have them. */
function useCustomFieldLabels() {
  const labelsOf = (items: { key: string; label: string }[] = []) =>
    new Map(items.map((field) => [field.key, field.label]));
  const account = useCustomFields('account').data?.items;
  const task = useCustomFields('task').data?.items;
  return { account: labelsOf(account), task: labelsOf(task) };
}

type CustomFieldLabels = ReturnType<typeof useCustomFieldLabels>;

/** An entry's record, as a button that narrows the log to that record's history. */
function RecordButton({
  entry,
  narrow,
}: {
  entry: AuditEntry;
  narrow: (entry: AuditEntry) => void;
}) {
  const { t } = useTranslation('auth');
  return (
    <button
      type="button"
      className="cursor-pointer underline decoration-dotted underline-offset-2 hover:text-ink"
      aria-description={t('audit.filters.onlyRecord')}
      onClick={() => narrow(entry)}
    >
      <RecordName entry={entry} />
    </button>
  );
}

function Entry({
  entry,
  customFields,
  narrow,
}: {
  entry: AuditEntry;
  customFields: CustomFieldLabels;
  /** Narrows the log to the entry's record; absent when it shows that record's history. */
  narrow: ((entry: AuditEntry) => void) | undefined;
}) {
  const { t } = useTranslation('auth');
  const customFieldLabels =
    entry.entityType === 'account' || entry.entityType === 'task'
      ? customFields[entry.entityType]
      : new Map<string, string>();
  const changes = changeLines(entry, { t, customFieldLabels });
  return (
    <li className="flex flex-col gap-1 py-3">
      <span className="font-medium">
        {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
      </span>
      <span className="text-sm wrap-anywhere text-muted">
        {entry.actor?.name ?? t('audit.steward')} ·{' '}
        {narrow ? <RecordButton entry={entry} narrow={narrow} /> : <RecordName entry={entry} />} ·{' '}
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </span>
      {changes.length > 0 && (
        <dl aria-label={t('audit.changes')} className="flex flex-col gap-0.5 text-sm">
          {changes.map((line) => (
            <div key={line.key} className="flex flex-wrap gap-x-2">
              <dt className="text-muted">{line.label}:</dt>
              <dd className="wrap-anywhere">{line.change}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/**
 * Person, action, first and last day: each narrows the log as soon as it is chosen; and the
 * record whose history it shows, when one was chosen from an entry (`record`: an entry about it).
 */
function Filters({
  filters,
  record,
  narrowed,
  set,
  error,
}: {
  filters: AuditFilters;
  record: AuditEntry | undefined;
  narrowed: boolean;
  set: (filters: AuditFilters) => void;
  error: unknown;
}) {
  const { t } = useTranslation('auth');
  const people = useUsers().data?.items ?? [];
  const fieldError = (filter: keyof AuditFilters) => filterProblem(error, filter);
  const change = (key: keyof AuditFilters, value: string) =>
    set({ ...filters, [key]: value || undefined });
  const actions = auditActions
    .map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <form
      aria-label={t('audit.filters.title')}
      className="grid grid-cols-2 gap-2 md:grid-cols-4"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="col-span-2 md:col-span-1">
        <SelectField
          label={t('audit.filters.person')}
          value={filters.actorId ?? ''}
          error={fieldError('actorId')}
          onChange={(e) => change('actorId', e.target.value)}
          options={[
            { value: '', label: t('audit.filters.anyone') },
            ...people.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
      </div>
      <div className="col-span-2 md:col-span-1">
        <SelectField
          label={t('audit.filters.action')}
          value={filters.action ?? ''}
          error={fieldError('action')}
          onChange={(e) => change('action', e.target.value as AuditAction | '')}
          options={[{ value: '', label: t('audit.filters.anyAction') }, ...actions]}
        />
      </div>
      <TextField
        type="date"
        label={t('audit.filters.from')}
        value={filters.from ?? ''}
        max={filters.to}
        error={fieldError('from')}
        onChange={(e) => change('from', e.target.value)}
      />
      <TextField
        type="date"
        label={t('audit.filters.to')}
        value={filters.to ?? ''}
        min={filters.from}
        error={fieldError('to')}
        onChange={(e) => change('to', e.target.value)}
      />
      {(filters.entityType || filters.entityId) && (
        <p className="col-span-2 flex flex-wrap items-center gap-x-2 md:col-span-4">
          {t('audit.filters.record', {
            record: record
              ? recordWords(record, t)
              : filters.entityType
                ? t(`audit.entities.${filters.entityType}`)
                : filters.entityId,
          })}
          <Button
            type="button"
            variant="ghost"
            onClick={() => set({ ...filters, entityType: undefined, entityId: undefined })}
          >
            {t('audit.filters.everyRecord')}
          </Button>
        </p>
      )}
      {narrowed && (
        <Button
          type="button"
          variant="ghost"
          className="col-span-2 justify-self-start md:col-span-4"
          onClick={() => set({})}
        >
          {t('audit.filters.clear')}
        </Button>
      )}
    </form>
  );
}

function AuditLog({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const setFilters = (next: AuditFilters) => void navigate({ to: '/settings/audit', search: next });
  const log = useAuditLog(filters);
  const customFields = useCustomFieldLabels();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const narrowed = Object.values(filters).some((v) => v !== undefined);
  const filterRefused = filterKeys.some((filter) => filterProblem(log.error, filter));
  // A record's whole history: the other filters would hide part of it.
  const showHistory = (entry: AuditEntry) =>
    setFilters({ entityType: entry.entityType as AuditEntityType, entityId: entry.entityId });
  return (
    <Card title={t('audit.title')}>
      <div className="flex flex-col gap-3">
        <p className="text-muted">{t('audit.intro')}</p>
        <Filters
          filters={filters}
          record={filters.entityId ? entries[0] : undefined}
          narrowed={narrowed}
          set={setFilters}
          error={log.error}
        />
        {log.isPending ? (
          <Loading />
        ) : entries.length === 0 && !log.error ? (
          <p className="text-muted">{t(narrowed ? 'audit.noneFound' : 'audit.none')}</p>
        ) : (
          <ol className="flex flex-col divide-y divide-line">
            {entries.map((entry) => (
              <Entry
                key={entry.id}
                entry={entry}
                customFields={customFields}
                narrow={filters.entityId ? undefined : showHistory}
              />
            ))}
          </ol>
        )}
        <LoadMore list={log} label={t('audit.more')} />
        {!filterRefused && <ErrorNote error={log.error} />}
      </div>
    </Card>
  );
}

export function AuditLogSettings({ search }: { search: AuditSearch }) {
  const { t } = useTranslation('auth');
  if (!useCan('view_audit_log')) return <p className="text-muted">{t('audit.notAllowed')}</p>;
  return <AuditLog filters={search} />;
}
