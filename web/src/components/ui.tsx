// Small building blocks shared by every screen. Colours come from the theme tokens.
import type {
  ComponentPropsWithRef,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import * as RadixDialog from '@radix-ui/react-dialog';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

const control =
  'min-h-11 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink placeholder:text-muted';

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ComponentPropsWithRef<'button'> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
}) {
  const look = {
    primary: 'bg-accent text-accent-ink hover:ring-2 hover:ring-accent hover:ring-offset-2',
    secondary: 'border border-line bg-surface text-ink hover:bg-raised',
    danger: 'border border-critical text-critical hover:bg-raised',
    ghost: 'text-ink hover:bg-raised',
  }[variant];
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg px-4 font-medium disabled:opacity-50 ${look} ${className}`}
    />
  );
}

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (id: string) => ReactNode;
};

/** A labelled control with its error below it, announced to screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children(id)}
      {hint && <p className="text-sm text-muted">{hint}</p>}
      {error && (
        <p role="alert" className="text-sm text-critical">
          {error}
        </p>
      )}
    </div>
  );
}

export const Input = (props: InputHTMLAttributes<HTMLInputElement>) => (
  <input {...props} className={`${control} ${props.className ?? ''}`} />
);
export const Select = (props: SelectHTMLAttributes<HTMLSelectElement>) => (
  <select {...props} className={`${control} ${props.className ?? ''}`} />
);
export const TextArea = (props: TextareaHTMLAttributes<HTMLTextAreaElement>) => (
  <textarea {...props} className={`${control} py-2 ${props.className ?? ''}`} />
);

type Labelled = Omit<FieldProps, 'children'>;

/** The common case of a field: a labelled text input. */
export function TextField({
  label,
  error,
  hint,
  ...input
}: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id) => <Input id={id} {...input} />}
    </Field>
  );
}

/** A labelled multi-line text input. */
export function TextAreaField({
  label,
  error,
  hint,
  ...textArea
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id) => <TextArea id={id} {...textArea} />}
    </Field>
  );
}

export function Card({
  title,
  action,
  children,
  className = '',
}: {
  title?: string;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      className={`rounded-xl border border-line bg-surface p-4 ${className}`}
      aria-label={title}
    >
      {(title || action) && (
        <div className="mb-3 flex items-center justify-between gap-2">
          {title && <h2 className="text-lg font-semibold">{title}</h2>}
          {action}
        </div>
      )}
      {children}
    </section>
  );
}

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'healthy' | 'risk' | 'critical' | 'accent';
  children: ReactNode;
}) {
  const look = {
    neutral: 'border-line text-muted',
    healthy: 'border-healthy text-healthy',
    risk: 'border-risk text-risk',
    critical: 'border-critical text-critical',
    accent: 'border-accent text-accent',
  }[tone];
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-sm font-medium whitespace-nowrap ${look}`}
    >
      {children}
    </span>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="p-4 text-muted">
      {t('common.loading')}
    </p>
  );
}

/** An error as a person reads it: the server's own explanation. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.problem.detail : t('common.error');
  return (
    <p role="alert" className="rounded-lg border border-critical p-3 text-critical">
      {message}
    </p>
  );
}

/** The first control a person would fill in, inside `root`. */
const firstField = (root: HTMLElement | null) =>
  root?.querySelector<HTMLElement>(
    'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])',
  ) ?? null;

/**
 * A modal panel: a bottom sheet on a phone; on wide screens docked at the right (`side`) or
 * centred (`center`). Radix keeps the focus inside while it is open, gives it back to what
 * had it on close, and locks the page's scroll; Escape, a tap on the backdrop and ✕ close it.
 */
export function Dialog({
  title,
  closeLabel,
  onClose,
  placement,
  focusClose = false,
  hideTitle = false,
  children,
}: {
  title: ReactNode;
  closeLabel: string;
  onClose: () => void;
  placement: 'side' | 'center';
  /** Start with the focus on ✕ (a panel to read, not a form to fill); else on the first field. */
  focusClose?: boolean;
  /** The title is read out but not shown, when the first field already says it ("Add note"). */
  hideTitle?: boolean;
  children: ReactNode;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // Opened by the page rather than a Radix trigger: remember what had the focus, to give it back.
  const [opener] = useState(() => document.activeElement);
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay
          className={`fixed inset-0 z-40 flex items-end bg-black/50 ${placement === 'side' ? 'lg:items-stretch lg:justify-end' : 'sm:items-center sm:justify-center'}`}
        >
          <RadixDialog.Content
            aria-describedby={undefined}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
            }}
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              (focusClose
                ? closeRef.current
                : (firstField(bodyRef.current) ?? closeRef.current)
              )?.focus();
            }}
            className={`relative flex w-full flex-col gap-4 overflow-y-auto rounded-t-2xl border border-line bg-surface p-4 pb-[max(1rem,env(safe-area-inset-bottom))] text-ink shadow-xl ${hideTitle ? 'pt-10' : ''} ${placement === 'side' ? 'max-h-[88vh] lg:max-h-none lg:w-[30rem] lg:rounded-none' : 'max-h-[92vh] sm:max-w-lg sm:rounded-2xl'}`}
          >
            <div
              className={`flex items-start justify-between gap-2 ${hideTitle ? 'absolute top-2 right-2' : ''}`}
            >
              <RadixDialog.Title className={hideTitle ? 'sr-only' : 'text-xl font-semibold'}>
                {title}
              </RadixDialog.Title>
              <RadixDialog.Close asChild>
                <Button ref={closeRef} variant="ghost" aria-label={closeLabel}>
                  ✕
                </Button>
              </RadixDialog.Close>
            </div>
            <div ref={bodyRef} className="contents">
              {children}
            </div>
          </RadixDialog.Content>
        </RadixDialog.Overlay>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
