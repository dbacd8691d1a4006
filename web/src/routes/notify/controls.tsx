// Pieces the notification screens share: the section's tabs, a group of checkboxes with its
// error, and a checkbox with its label.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const tabs = [
  { to: '/inbox', key: 'nav.inbox' },
  { to: '/escalations', key: 'nav.escalations' },
  { to: '/sla-policies', key: 'nav.policies' },
] as const;

export function NotifyTabs() {
  const { t } = useTranslation('notify');
  return (
    <nav aria-label={t('nav.section')} className="flex flex-wrap gap-1">
      {tabs.map((tab) => (
        <Link
          key={tab.to}
          to={tab.to}
          className="flex min-h-11 items-center rounded-lg px-3 whitespace-nowrap text-muted hover:bg-raised"
          activeOptions={{ exact: tab.to === '/inbox' }}
          activeProps={{ className: 'bg-raised font-semibold text-ink', 'aria-current': 'page' }}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex min-h-11 items-center gap-2">
      <input
        type="checkbox"
        className="h-5 w-5 shrink-0"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** Pick any of `options`; the server's message for the field shows under the legend. */
export function CheckboxGroup<T extends string | number>({
  legend,
  options,
  label,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  options: readonly T[];
  label: (option: T) => string;
  value: readonly T[];
  onChange: (value: T[]) => void;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      {error && (
        <p role="alert" className="text-sm text-critical">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-x-4">
        {options.map((option) => (
          <Checkbox
            key={option}
            label={label(option)}
            checked={value.includes(option)}
            onChange={(checked) =>
              onChange(
                checked
                  ? options.filter((o) => o === option || value.includes(o))
                  : value.filter((o) => o !== option),
              )
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
