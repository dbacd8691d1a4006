// Removing an account, asked twice and saying what it does: the server hides it from every list
// and keeps its history (a soft delete); Removed accounts, below the portfolio, brings it back.
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoveAccount } from '../../../api/accounts.ts';
import { Button, ErrorNote } from '../../../components/ui.tsx';

export function RemoveAccount({ accountId, name }: { accountId: string; name: string }) {
  const { t } = useTranslation();
  const remove = useRemoveAccount(accountId);
  const navigate = useNavigate();
  const [asked, setAsked] = useState(false);
  if (!asked) {
    return (
      <Button variant="secondary" className="self-start" onClick={() => setAsked(true)}>
        {t('removeAccount.button')}
      </Button>
    );
  }
  return (
    <section
      aria-labelledby="remove-account"
      className="flex flex-col gap-2 rounded-xl border border-critical p-3"
    >
      <h2 id="remove-account" className="font-semibold">
        {t('removeAccount.title', { name })}
      </h2>
      <ul className="list-disc pl-5 text-sm">
        <li>{t('removeAccount.leaves')}</li>
        <li>{t('removeAccount.kept')}</li>
        <li>{t('removeAccount.final')}</li>
      </ul>
      <ErrorNote error={remove.error} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(undefined, { onSuccess: () => void navigate({ to: '/accounts' }) })
          }
        >
          {t('removeAccount.confirm', { name })}
        </Button>
        <Button variant="ghost" onClick={() => setAsked(false)}>
          {t('removeAccount.keep')}
        </Button>
      </div>
    </section>
  );
}
