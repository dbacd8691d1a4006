// Removing an account, asked twice and saying what it does: the server hides it from every list
// and keeps its history (a soft delete). Right after, a toast offers to undo it, back to the
// account's 360; later, Removed accounts, below the portfolio, brings it back.
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemoveAccount, useRestoreAccount } from '../../../api/accounts.ts';
import { useToast, type ToastControls } from '../../../components/Toast.tsx';
import { Button, ErrorNote } from '../../../components/ui.tsx';

type Removed = { accountId: string; name: string };

/** The toast after a removal: undone, the account is back and its 360 open; refused, why. */
function UndoRemoval({ accountId, name, dismiss, keep }: Removed & ToastControls) {
  const { t } = useTranslation();
  const restore = useRestoreAccount();
  const navigate = useNavigate();
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0 flex-1 wrap-anywhere">{t('removeAccount.removed', { name })}</p>
        <Button
          variant="secondary"
          disabled={restore.isPending}
          onClick={() => {
            // Whatever the answer, it stays to be read: gone, or saying why it was refused.
            keep();
            restore.mutate(accountId, {
              onSuccess: () => {
                void navigate({ to: '/accounts/$accountId', params: { accountId } });
                dismiss();
              },
            });
          }}
        >
          {restore.isPending ? t('removedAccounts.restoring') : t('removeAccount.undo')}
        </Button>
      </div>
      <ErrorNote error={restore.error} />
    </>
  );
}

export function RemoveAccount({ accountId, name }: { accountId: string; name: string }) {
  const { t } = useTranslation();
  const remove = useRemoveAccount(accountId);
  const navigate = useNavigate();
  const showToast = useToast();
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
            remove.mutate(undefined, {
              onSuccess: () => {
                showToast((controls) => (
                  <UndoRemoval accountId={accountId} name={name} {...controls} />
                ));
                void navigate({ to: '/accounts' });
              },
            })
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
