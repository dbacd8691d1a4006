// Adding a contact to an account, or changing or removing one (a second tap confirms).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAddContact,
  useRemoveContact,
  useUpdateContact,
  type Contact,
} from '../../../api/accounts.ts';
import { ApiError, type Schemas } from '../../../api/client.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { Button, ErrorNote, SelectField, TextField } from '../../../components/ui.tsx';

const contactRoles = [
  'champion',
  'executive_sponsor',
  'admin',
  'user',
] as const satisfies readonly Contact['role'][];

export function ContactDialog({
  accountId,
  contact,
  close,
}: {
  accountId: string;
  contact: Contact | undefined;
  close: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddContact(accountId);
  const update = useUpdateContact(accountId);
  const remove = useRemoveContact(accountId);
  const [name, setName] = useState(contact?.name ?? '');
  const [title, setTitle] = useState(contact?.title ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [role, setRole] = useState<Contact['role']>(contact?.role ?? 'user');
  const [removing, setRemoving] = useState(false);
  const failed = [add.error, update.error, remove.error].find((e) => e instanceof ApiError);
  const error = failed instanceof ApiError ? failed : null;
  const onForm = ['name', 'title', 'email', 'phone'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Schemas['CreateContact'] = {
      name: name.trim(),
      title: title.trim() || null,
      email: email.trim() || null,
      phone: phone.trim() || null,
      role,
    };
    if (contact) update.mutate({ id: contact.id, ...fields }, { onSuccess: close });
    else add.mutate(fields, { onSuccess: close });
  };

  return (
    <Dialog
      title={contact ? t('contactForm.editTitle') : t('contactForm.newTitle')}
      closeLabel={t('contactForm.cancel')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <TextField
          label={t('contactForm.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error?.fieldError('name')}
          autoComplete="off"
          required
        />
        <SelectField
          label={t('contactForm.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as Contact['role'])}
          options={contactRoles.map((r) => ({ value: r, label: t(`contactRole.${r}`) }))}
        />
        <TextField
          label={t('contactForm.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={error?.fieldError('title')}
        />
        <TextField
          label={t('contactForm.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error?.fieldError('email')}
          autoComplete="off"
        />
        <TextField
          label={t('contactForm.phone')}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={error?.fieldError('phone')}
          autoComplete="off"
        />
        {error && !onForm.some((field) => error.fieldError(field)) && <ErrorNote error={error} />}
        <Button type="submit" disabled={add.isPending || update.isPending}>
          {contact ? t('contactForm.save') : t('contactForm.add')}
        </Button>
        {contact &&
          (removing ? (
            <Button
              variant="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(contact.id, { onSuccess: close })}
            >
              {t('contactForm.confirmRemove', { name: contact.name })}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => setRemoving(true)}>
              {t('contactForm.remove')}
            </Button>
          ))}
      </form>
    </Dialog>
  );
}
