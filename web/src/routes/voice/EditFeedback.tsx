// Correcting a feedback item: the words as the customer said them, its kind, priority and
// status, who said it among the account's contacts, and the account it belongs to when it was
// logged on the wrong one. A refused change keeps what was typed and shows the server's word on
// the field; loaded only when a person opens it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useContacts } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import {
  feedbackStatuses,
  useUpdateFeedback,
  type FeedbackItem,
  type FeedbackStatus,
} from '../../api/voice.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Button, ErrorNote, SelectField, TextAreaField } from '../../components/ui.tsx';
import { AccountPicker, KindField, PriorityField } from './LogFeedbackForm.tsx';

/**
 * Who said it, among the account's contacts; `known` (the item's own contact) stays among the
 * options while they load. '' is no one in particular.
 */
function ContactField({
  accountId,
  value,
  onChange,
  known,
  error,
}: {
  accountId: string;
  value: string;
  onChange: (id: string) => void;
  known: { id: string; name: string } | null;
  error?: string | undefined;
}) {
  const { t } = useTranslation('voice');
  const contacts = useContacts(accountId).data?.items ?? [];
  const options =
    known && !contacts.some((c) => c.id === known.id) ? [known, ...contacts] : contacts;
  return (
    <SelectField
      label={t('edit.contact')}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
      options={[
        { value: '', label: t('edit.noContact') },
        ...options.map((c) => ({ value: c.id, label: c.name })),
      ]}
    />
  );
}

export function EditFeedbackDialog({ item, onClose }: { item: FeedbackItem; onClose: () => void }) {
  const { t } = useTranslation('voice');
  const update = useUpdateFeedback();
  const [accountId, setAccountId] = useState(item.accountId);
  const [text, setText] = useState(item.text);
  const [type, setType] = useState(item.type);
  const [priority, setPriority] = useState(item.priority);
  const [status, setStatus] = useState(item.status);
  const [contactId, setContactId] = useState(item.contact?.id ?? '');
  const moved = accountId !== item.accountId;
  const fields = ['accountId', 'text', 'type', 'priority', 'status', 'contactId'];
  const fieldError = (path: string) =>
    update.error instanceof ApiError ? update.error.fieldError(path) : undefined;
  // A contact of the account it leaves is no one at the new one.
  const chooseAccount = (id: string) => {
    setAccountId(id);
    setContactId(id === item.accountId ? (item.contact?.id ?? '') : '');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: item.id,
        changes: {
          text,
          type,
          priority,
          status,
          ...(moved ? { accountId } : {}),
          ...(contactId !== (item.contact?.id ?? '') ? { contactId: contactId || null } : {}),
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Dialog title={t('edit.title')} closeLabel={t('log.close')} onClose={onClose} placement="side">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <AccountPicker
          value={accountId}
          onChange={chooseAccount}
          known={{ id: item.accountId, name: item.accountName }}
          error={fieldError('accountId')}
        />
        <ContactField
          accountId={accountId}
          value={contactId}
          onChange={setContactId}
          known={moved ? null : item.contact}
          error={fieldError('contactId')}
        />
        <TextAreaField
          label={t('log.text')}
          rows={4}
          required
          maxLength={5000}
          value={text}
          error={fieldError('text')}
          onChange={(e) => setText(e.target.value)}
        />
        <KindField value={type} onChange={setType} error={fieldError('type')} />
        <div className="grid grid-cols-2 gap-2">
          <PriorityField value={priority} onChange={setPriority} error={fieldError('priority')} />
          <SelectField
            label={t('edit.status')}
            value={status}
            error={fieldError('status')}
            onChange={(e) => setStatus(e.target.value as FeedbackStatus)}
            options={feedbackStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </div>
        {update.error && !fields.some(fieldError) && <ErrorNote error={update.error} />}
        <div className="flex gap-2">
          <Button type="submit" disabled={update.isPending || !accountId}>
            {t('edit.save')}
          </Button>
          <Button type="button" variant="ghost" onClick={onClose}>
            {t('roadmap.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
