// Sign-in: e-mail and password; the server's reason is shown when it refuses.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useSignIn } from '../api/session.ts';
import { Logo } from '../components/Logo.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { Button, ErrorNote, TextField } from '../components/ui.tsx';

/** Only a path inside the app is followed after signing in (never another site). */
function safeReturn(redirect: string | undefined): string {
  return redirect?.startsWith('/') && !redirect.startsWith('//') && !redirect.startsWith('/sign-in')
    ? redirect
    : '/accounts';
}

export function SignInPage({ redirect }: { redirect?: string | undefined }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fieldError = (path: string) =>
    signIn.error instanceof ApiError ? signIn.error.fieldError(path) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      { onSuccess: () => void navigate({ href: safeReturn(redirect), replace: true }) },
    );
  };

  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <form
        onSubmit={submit}
        className="flex w-full max-w-sm flex-col gap-4 rounded-xl border border-line bg-surface p-6"
      >
        <div className="flex items-center gap-2">
          <Logo className="h-9 w-9" />
          <h1 className="text-xl font-bold">{t('signIn.title')}</h1>
        </div>
        <TextField
          label={t('signIn.email')}
          error={fieldError('email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <PasswordField
          label={t('signIn.password')}
          error={fieldError('password')}
          purpose="current"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorNote error={signIn.error} />
        <Button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
        <Link
          to="/reset-password"
          className="inline-flex min-h-11 items-center text-sm text-accent underline"
        >
          {t('auth:forgot')}
        </Link>
        <p className="text-sm text-muted">
          {t('signIn.demo', { email: 'csm@demo.steward.dev', password: 'steward-demo' })}
        </p>
      </form>
    </main>
  );
}
