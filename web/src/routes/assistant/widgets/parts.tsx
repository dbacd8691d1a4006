// Small pieces the assistant's widgets share: a row list that links each account to its page,
// a strip of counts, and how many more there are than the widget shows.
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const shown = 8;

export function Counts({ items }: { items: { label: string; value: ReactNode; tone?: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-line bg-raised p-2">
          <dt className="text-xs text-muted">{item.label}</dt>
          {/* A count's colour is for one there is: a zero stays plain. */}
          <dd className={`text-lg font-semibold ${(item.value !== 0 && item.tone) || 'text-ink'}`}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Rows of anything — accounts, themes, tasks — the first few with their title and what matters
 * about each, and how many more there are; an empty list says so.
 */
export function Rows<T>({
  items,
  label,
  keyOf,
  title,
  detail,
  ordered = false,
}: {
  items: T[];
  label: string;
  keyOf: (item: T) => string;
  title: (item: T) => ReactNode;
  detail: (item: T) => ReactNode;
  /** A ranking or a timeline, where the order says something. */
  ordered?: boolean;
}) {
  const { t } = useTranslation('assistant');
  if (items.length === 0) return <p className="text-muted">{t('noItems')}</p>;
  const List = ordered ? 'ol' : 'ul';
  return (
    <>
      <List aria-label={label} className="divide-y divide-line rounded-lg border border-line">
        {items.slice(0, shown).map((item) => (
          <li
            key={keyOf(item)}
            className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2"
          >
            <span className="font-medium">{title(item)}</span>
            <span className="flex flex-wrap items-center gap-2 text-sm text-muted">
              {detail(item)}
            </span>
          </li>
        ))}
      </List>
      {items.length > shown && (
        <p className="text-sm text-muted">{t('more', { count: items.length - shown })}</p>
      )}
    </>
  );
}

/** An account's name, linking to its page. */
export function AccountLink({ id, name }: { id: string; name: string }) {
  return (
    <Link
      to="/accounts/$accountId"
      params={{ accountId: id }}
      className="text-ink underline-offset-2 hover:underline"
    >
      {name}
    </Link>
  );
}

/** Accounts as rows: the name links to the account; `detail` says what matters about it. */
export function AccountRows<T extends { accountId: string; name: string }>({
  items,
  label,
  detail,
}: {
  items: T[];
  label: string;
  detail: (item: T) => ReactNode;
}) {
  return (
    <Rows
      items={items}
      label={label}
      keyOf={(item) => item.accountId}
      title={(item) => <AccountLink id={item.accountId} name={item.name} />}
      detail={detail}
    />
  );
}

/** "+12%" / "−30%", coloured by direction; nothing known shows a dash. */
export function Change({ value, unit = '%' }: { value: number | null; unit?: string }) {
  if (value === null) return <span>—</span>;
  const tone = value > 0 ? 'text-healthy' : value < 0 ? 'text-critical' : 'text-muted';
  return (
    <span className={`font-medium ${tone}`}>
      {value > 0 ? '+' : value < 0 ? '−' : ''}
      {Math.abs(value)}
      {unit}
    </span>
  );
}

/** Active users this month against the last, and the change between them. */
export function ActiveUsers({
  before,
  now,
  change,
}: {
  before: number;
  now: number;
  change: number | null;
}) {
  const { t } = useTranslation('assistant');
  return (
    <>
      <span>
        {t('col.activeUsers')}: {before} → {now}
      </span>
      <Change value={change} />
    </>
  );
}
