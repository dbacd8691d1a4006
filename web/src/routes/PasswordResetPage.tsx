// Resetting a forgotten password, outside the signed-in app: without a token, ask for a link
// by e-mail (the answer is the same whether or not the e-mail has an account); with the
// link's token, choose a new password, after which every session of the person has ended.
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useRequestPasswordReset, useResetPassword } from '../api/session.ts';
import { Logo } from '../components/Logo.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { Button, ErrorNote, TextField } from '../components/ui.tsx';

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  const { t } = useTranslation('auth');
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="flex w-full max-w-sm flex-col gap-4 rounded-xl border border-line bg-surface p-6">
        <div className="flex items-center gap-2">
          <Logo className="h-9 w-9" />
          <h1 className="text-xl font-bold">{title}</h1>
        </div>
        {children}
        <Link
          to="/sign-in"
          className="inline-flex min-h-11 items-center text-sm text-accent underline"
        >
          {t('backToSignIn')}
        </Link>
      </div>
    </main>
  );
}

function AskForLink() {
  const { t } = useTranslation('auth');
  const ask = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const fieldError = (path: string) =>
    ask.error instanceof ApiError ? ask.error.fieldError(path) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate({ email });
  };
  return (
    <Frame title={t('reset.title')}>
      {ask.isSuccess ? (
        <p role="status">{t('reset.sent', { email })}</p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4">
          <p className="text-sm text-muted">{t('reset.intro')}</p>
          <TextField
            label={t('reset.email')}
            error={fieldError('email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <ErrorNote error={ask.error} />
          <Button type="submit" disabled={ask.isPending}>
            {ask.isPending ? t('reset.sending') : t('reset.send')}
          </Button>
        </form>
      )}
    </Frame>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const { t } = useTranslation('auth');
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const fieldError = (path: string) =>
    reset.error instanceof ApiError ? reset.error.fieldError(path) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ token, password });
  };
  return (
    <Frame title={t('reset.newTitle')}>
      {reset.isSuccess ? (
        <p role="status">{t('reset.done')}</p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4">
          <PasswordField
            label={t('reset.password')}
            hint={t('reset.hint')}
            error={fieldError('password')}
            purpose="new"
            minLength={10}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorNote error={reset.error} />
          <Button type="submit" disabled={reset.isPending}>
            {reset.isPending ? t('reset.saving') : t('reset.save')}
          </Button>
        </form>
      )}
    </Frame>
  );
}

export function PasswordResetPage({ token }: { token: string | undefined }) {
  return token ? <ChooseNewPassword token={token} /> : <AskForLink />;
}
