// Changing one's own password on the profile page: the current one, then the new one. The
// server ends every other session of the person; this one stays signed in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useChangePassword } from '../../api/session.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Button, Card, ErrorNote } from '../../components/ui.tsx';

export function PasswordCard() {
  const { t } = useTranslation('auth');
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNext] = useState('');
  const fieldError = (path: string) =>
    change.error instanceof ApiError ? change.error.fieldError(path) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
        },
      },
    );
  };

  return (
    <Card title={t('change.title')}>
      <form onSubmit={submit} className="grid max-w-xl grid-cols-1 gap-4">
        <PasswordField
          label={t('change.current')}
          error={fieldError('currentPassword')}
          purpose="current"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <PasswordField
          label={t('change.next')}
          hint={t('change.hint')}
          error={fieldError('newPassword')}
          purpose="new"
          minLength={10}
          required
          value={newPassword}
          onChange={(e) => setNext(e.target.value)}
        />
        <ErrorNote error={change.error} />
        {change.isSuccess && (
          <p role="status" className="text-healthy">
            {t('change.done')}
          </p>
        )}
        <Button type="submit" disabled={change.isPending} className="justify-self-start">
          {change.isPending ? t('change.submitting') : t('change.submit')}
        </Button>
      </form>
    </Card>
  );
}
