// A labelled password input with a button that shows what was typed (on a phone, typing a long
// password blind is where people get it wrong). `purpose` tells password managers which
// password this is: `current` to fill a saved one, `new` to offer a generated one.
import { useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Input } from './ui.tsx';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'id'> & {
  label: string;
  purpose: 'current' | 'new';
  error?: string | undefined;
  hint?: string | undefined;
};

export function PasswordField({ label, purpose, error, hint, ...input }: Props) {
  const { t } = useTranslation('auth');
  const [shown, setShown] = useState(false);
  return (
    <Field label={label} error={error} hint={hint}>
      {(id) => (
        <div className="flex items-center gap-2">
          <Input
            {...input}
            id={id}
            type={shown ? 'text' : 'password'}
            autoComplete={purpose === 'current' ? 'current-password' : 'new-password'}
            // Shown as text, a password must not go to a spell checker or be capitalized.
            spellCheck={false}
            autoCapitalize="none"
            autoCorrect="off"
            className="min-w-0 flex-1"
          />
          {/* One name in both states (aria-pressed says which), so it never reads "Password". */}
          <button
            type="button"
            aria-pressed={shown}
            aria-controls={id}
            onClick={() => setShown((now) => !now)}
            className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-1 rounded-lg border border-line bg-surface px-3 text-sm font-medium text-ink hover:bg-raised aria-pressed:bg-raised"
          >
            <EyeIcon crossed={shown} />
            {t('password.show')}
          </button>
        </div>
      )}
    </Field>
  );
}

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-5 w-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
      {crossed && <path d="M3 3l18 18" />}
    </svg>
  );
}
