// Correcting a feedback item: the words as the customer said them, its kind, and the account
// it belongs to when it was logged on the wrong one. A refused change keeps what was typed and
// shows the server's word on the field; loaded only when a person opens it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useUpdateFeedback, type FeedbackItem } from '../../api/voice.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Button, ErrorNote, TextAreaField } from '../../components/ui.tsx';
import { AccountPicker, KindField } from './LogFeedbackForm.tsx';

export function EditFeedbackDialog({ item, onClose }: { item: FeedbackItem; onClose: () => void }) {
  const { t } = useTranslation('voice');
  const update = useUpdateFeedback();
  const [accountId, setAccountId] = useState(item.accountId);
  const [text, setText] = useState(item.text);
  const [type, setType] = useState(item.type);
  const fieldError = (path: string) =>
    update.error instanceof ApiError ? update.error.fieldError(path) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: item.id,
        changes: { text, type, ...(accountId !== item.accountId ? { accountId } : {}) },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Dialog title={t('edit.title')} closeLabel={t('log.close')} onClose={onClose} placement="side">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <AccountPicker
          value={accountId}
          onChange={setAccountId}
          known={{ id: item.accountId, name: item.accountName }}
          error={fieldError('accountId')}
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
        {update.error && !['accountId', 'text', 'type'].some(fieldError) && (
          <ErrorNote error={update.error} />
        )}
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
