// The customer's people: champions first, as the server lists them. Whoever manages accounts
// adds one (a new champion after the last one left), corrects one, or removes one who left.
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../api/accounts.ts';
import { Button, Card } from '../../../components/ui.tsx';

// The contact form's code (and the dialog's), when a contact is first added or edited: the
// card is drawn with the 360's first paint, which would otherwise carry it.
const ContactDialog = lazy(() =>
  import('./ContactDialog.tsx').then((m) => ({ default: m.ContactDialog })),
);

export function ContactsCard({
  accountId,
  contacts,
  canManage,
}: {
  accountId: string;
  contacts: readonly Contact[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Contact | 'new' | null>(null);
  return (
    <Card
      title={t('account.contacts')}
      action={
        canManage && (
          <Button variant="ghost" onClick={() => setOpen('new')}>
            + {t('contactForm.add')}
          </Button>
        )
      }
    >
      {contacts.length === 0 ? (
        <p className="text-muted">{t('account.noContacts')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {contacts.map((contact) => (
            <li key={contact.id} className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium">
                  {contact.name}{' '}
                  <span className="text-sm text-muted">· {t(`contactRole.${contact.role}`)}</span>
                </p>
                <p className="text-sm break-words text-muted">
                  {[contact.title, contact.email, contact.phone].filter(Boolean).join(' · ')}
                </p>
              </div>
              {canManage && (
                <Button
                  variant="ghost"
                  aria-label={t('contactForm.editNamed', { name: contact.name })}
                  onClick={() => setOpen(contact)}
                >
                  {t('contactForm.edit')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <Suspense fallback={null}>
          <ContactDialog
            accountId={accountId}
            contact={open === 'new' ? undefined : open}
            close={() => setOpen(null)}
          />
        </Suspense>
      )}
    </Card>
  );
}
