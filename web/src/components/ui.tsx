// Small building blocks shared by every screen. Colours come from the theme tokens.
import type {
  ComponentPropsWithRef,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { useId } from 'react';
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

/** A paged list's next page, asked for by a tap; gone once the list is whole. */
export function LoadMore({
  list,
  label,
  className = 'self-center',
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  /** What the button says, when the list has a word of its own for it ("Show older entries"). */
  label?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="secondary"
      className={className}
      disabled={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      {label ?? t('common.loadMore')}
    </Button>
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

/** A labelled choice of one of `options`. */
export function SelectField({
  label,
  error,
  hint,
  options,
  ...select
}: Labelled & {
  options: readonly { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id) => (
        <Select id={id} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
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
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
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
