// An administrator gives a person a new password: the way back in when no e-mail can carry a
// reset link, or for a demo person whose password nobody knows. The server ends every session
// of the person, and the dialog says so before anything is set.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetUserPassword } from '../../api/admin.ts';
import { ApiError } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Button, ErrorNote } from '../../components/ui.tsx';

export function SetPasswordDialog({
  person,
  onClose,
  onSet,
}: {
  person: { id: string; name: string };
  onClose: () => void;
  onSet: () => void;
}) {
  const { t } = useTranslation('auth');
  const set = useSetUserPassword();
  const [password, setPassword] = useState('');
  const passwordError =
    set.error instanceof ApiError ? set.error.fieldError('password') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.mutate({ id: person.id, password }, { onSuccess: onSet });
  };

  return (
    <Dialog
      title={t('give.title', { name: person.name })}
      closeLabel={t('common:common.close')}
      onClose={onClose}
      placement="center"
    >
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <p>{t('give.intro', { name: person.name })}</p>
        <PasswordField
          label={t('give.password')}
          hint={t('give.hint')}
          error={passwordError}
          purpose="new"
          minLength={10}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {set.error && !passwordError && <ErrorNote error={set.error} />}
        <Button type="submit" disabled={set.isPending} className="self-start">
          {set.isPending ? t('give.submitting') : t('give.submit')}
        </Button>
      </form>
    </Dialog>
  );
}
