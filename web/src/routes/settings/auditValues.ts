// An audit entry's changes as an admin reads them: each field under its label (auditFields.ts)
// and each value as the rest of the app shows it — a person or record by the name the server
// sent beside the change, a code (a tier, a status) by its words, money and days formatted in
// the reader's language, and each custom field changed on its own line under its own label.
// The entry itself stays as recorded: ids and codes; only the reading is the reader's.
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../api/admin.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../components/format.ts';
import { fieldLabelKey, spelledOut, valueLabelPrefix } from './auditFields.ts';

/** One line of an entry's changes: the field's label, and before → after or the value set. */
export type ChangeLine = { key: string; label: string; change: string };

export type AuditReading = {
  t: TFunction;
  /** The labels of the custom fields of the kind of record the entry is about, by key. */
  customFieldLabels: ReadonlyMap<string, string>;
};

type Referred = AuditEntry['names'][string];
type ValueContext = { t: TFunction; names: AuditEntry['names']; codes: string | undefined };

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

const isMoney = (value: object): value is { amount: number; currency: string } =>
  'amount' in value &&
  typeof value.amount === 'number' &&
  'currency' in value &&
  typeof value.currency === 'string';

const isFields = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A person or record by its name now: marked when deactivated or deleted, unknown if not found. */
function referredName(referred: Referred, t: TFunction): string {
  if (referred.name === null) return t('auth:audit.named.unknown');
  if (!referred.removed) return referred.name;
  return t(referred.kind === 'user' ? 'auth:audit.named.deactivated' : 'auth:audit.named.deleted', {
    name: referred.name,
  });
}

/** One recorded value as the app shows it elsewhere. */
function shownValue(value: unknown, context: ValueContext): string {
  const { t, names, codes } = context;
  if (value === null || value === undefined || value === '') return t('auth:audit.empty');
  if (typeof value === 'string') {
    const referred = names[value];
    if (referred) return referredName(referred, t);
    if (codes) return t(`${codes}.${value}`, { defaultValue: value });
    if (calendarDay.test(value)) return formatDate(value);
    if (instant.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return t(value ? 'auth:audit.yes' : 'auth:audit.no');
  if (Array.isArray(value))
    return value.length === 0
      ? t('auth:audit.empty')
      : value.map((item) => shownValue(item, context)).join(', ');
  if (typeof value === 'object' && isMoney(value)) return formatMoney(value, { exact: true });
  return JSON.stringify(value);
}

const shownChange = (value: unknown, context: ValueContext) =>
  isChange(value)
    ? `${shownValue(value.from, context)} → ${shownValue(value.to, context)}`
    : shownValue(value, context);

/** Custom fields, one line each: those that differ when both sides were kept, else those set. */
function customFieldLines(value: unknown, reading: AuditReading, names: AuditEntry['names']) {
  const context: ValueContext = { t: reading.t, names, codes: undefined };
  const line = (key: string, change: string): ChangeLine => ({
    key: `customFields.${key}`,
    label: reading.customFieldLabels.get(key) ?? spelledOut(key),
    change,
  });
  if (isChange(value)) {
    const from = isFields(value.from) ? value.from : {};
    const to = isFields(value.to) ? value.to : {};
    return [...new Set([...Object.keys(from), ...Object.keys(to)])]
      .filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]))
      .map((key) => line(key, shownChange({ from: from[key], to: to[key] }, context)));
  }
  if (isFields(value))
    return Object.entries(value).map(([key, set]) => line(key, shownValue(set, context)));
  return undefined;
}

/** Every line of an entry's changes, in the order they were recorded. */
export function changeLines(
  entry: Pick<AuditEntry, 'entityType' | 'changes' | 'names'>,
  reading: AuditReading,
): ChangeLine[] {
  const { t } = reading;
  return Object.entries(entry.changes).flatMap(([field, value]): ChangeLine[] => {
    const custom = field === 'customFields' && customFieldLines(value, reading, entry.names);
    if (custom) return custom;
    const labelKey = fieldLabelKey(entry.entityType, field);
    const codes = valueLabelPrefix(entry.entityType, field);
    return [
      {
        key: field,
        label: labelKey ? t(labelKey) : spelledOut(field),
        change: shownChange(value, { t, names: entry.names, codes }),
      },
    ];
  });
}
