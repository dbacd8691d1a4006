// Pieces the notification screens share: the section's tabs, a group of checkboxes with its
// error, a checkbox with its label, and a duration typed as an amount of minutes, hours or days.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { durationAmount, isoDuration, type DurationUnit } from '../../components/duration.ts';
import { Field, Input, Select } from '../../components/ui.tsx';

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

/**
 * An ISO 8601 duration (`PT2H`) typed as an amount and a unit. An empty amount is no duration
 * (''), for an optional one; what the amount cannot be (2.5 hours) the server says under it.
 */
export function DurationField({
  label,
  error,
  value,
  onChange,
}: {
  label: string;
  error: string | undefined;
  value: string;
  onChange: (iso: string) => void;
}) {
  const { t } = useTranslation('notify');
  const [start] = useState(() => durationAmount(value));
  const [amount, setAmount] = useState(start ? String(start.amount) : '');
  const [unit, setUnit] = useState<DurationUnit>(start?.unit ?? 'hour');
  const change = (nextAmount: string, nextUnit: DurationUnit) => {
    setAmount(nextAmount);
    setUnit(nextUnit);
    onChange(nextAmount.trim() === '' ? '' : isoDuration(Number(nextAmount), nextUnit));
  };
  return (
    <Field label={label} error={error}>
      {(id) => (
        <div className="flex gap-2">
          <Input
            id={id}
            type="number"
            inputMode="numeric"
            min={1}
            className="w-24"
            value={amount}
            onChange={(e) => change(e.target.value, unit)}
          />
          <Select
            aria-label={t('sla.unit', { field: label })}
            className="w-auto"
            value={unit}
            onChange={(e) => change(amount, e.target.value as DurationUnit)}
          >
            {(['minute', 'hour', 'day'] as const).map((u) => (
              <option key={u} value={u}>
                {t(`sla.units.${u}`)}
              </option>
            ))}
          </Select>
        </div>
      )}
    </Field>
  );
}
