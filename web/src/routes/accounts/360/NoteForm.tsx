// Logging a note, call, e-mail or meeting: inline on wide screens, and on a phone a sheet
// from the bottom ("Add note" one tap away, then type and Save).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogEvent } from '../../../api/accounts.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { Button, ErrorNote, Field, Select, TextArea } from '../../../components/ui.tsx';

export function NoteForm({ accountId, onDone }: { accountId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const log = useLogEvent(accountId);
  const [body, setBody] = useState('');
  const [kind, setKind] = useState<'note' | 'call' | 'email' | 'meeting'>('note');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate({ kind, body }, { onSuccess: () => (setBody(''), onDone?.()) });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <Field label={t('account.addNote')}>
        {(id) => (
          <TextArea
            id={id}
            rows={3}
            required
            value={body}
            placeholder={t('account.notePlaceholder')}
            onChange={(e) => setBody(e.target.value)}
            autoFocus={onDone !== undefined}
          />
        )}
      </Field>
      <div className="flex gap-2">
        <Select
          aria-label={t('account.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          className="max-w-40"
        >
          {(['note', 'call', 'email', 'meeting'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`eventKind.${k}`)}
            </option>
          ))}
        </Select>
        <Button type="submit" disabled={log.isPending}>
          {log.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
      <ErrorNote error={log.error} />
    </form>
  );
}

/** On a phone, "Add note" opens this sheet from the bottom: tap, type, Save. */
export function NoteSheet({ accountId, close }: { accountId: string; close: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('account.addNote')}
      hideTitle
      closeLabel={t('common.cancel')}
      onClose={close}
      placement="center"
    >
      <NoteForm accountId={accountId} onDone={close} />
    </Dialog>
  );
}
