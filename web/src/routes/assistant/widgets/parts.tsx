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
          <dd className={`text-lg font-semibold ${item.tone ?? 'text-ink'}`}>{item.value}</dd>
        </div>
      ))}
    </dl>
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
  const { t } = useTranslation('assistant');
  if (items.length === 0) return <p className="text-muted">{t('noItems')}</p>;
  return (
    <>
      <ul aria-label={label} className="divide-y divide-line rounded-lg border border-line">
        {items.slice(0, shown).map((item) => (
          <li
            key={item.accountId}
            className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2"
          >
            <Link
              to="/accounts/$accountId"
              params={{ accountId: item.accountId }}
              className="font-medium text-ink underline-offset-2 hover:underline"
            >
              {item.name}
            </Link>
            <span className="flex flex-wrap items-center gap-2 text-sm text-muted">
              {detail(item)}
            </span>
          </li>
        ))}
      </ul>
      {items.length > shown && (
        <p className="text-sm text-muted">{t('more', { count: items.length - shown })}</p>
      )}
    </>
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
