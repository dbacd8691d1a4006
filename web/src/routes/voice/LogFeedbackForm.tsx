// Logging what a customer said: the account (searched by name unless the page already knows
// it), the words, the type and priority. Used on the feedback page and the account's 360; its
// account, kind and priority fields also serve correcting an item (EditFeedback.tsx).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortfolio } from '../../api/accounts.ts';
import {
  feedbackPriorities,
  feedbackTypes,
  useLogFeedback,
  type FeedbackPriority,
  type FeedbackType,
} from '../../api/voice.ts';
import { ApiError } from '../../api/client.ts';
import {
  Button,
  ErrorNote,
  Field,
  Input,
  Select,
  SelectField,
  TextArea,
} from '../../components/ui.tsx';

/**
 * The account, found by name. `known` is the one already chosen (an item's own account), kept
 * among the options whatever the search shows.
 */
export function AccountPicker({
  value,
  onChange,
  known,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  known?: { id: string; name: string };
  error?: string | undefined;
}) {
  const { t } = useTranslation('voice');
  const [q, setQ] = useState('');
  const accounts = usePortfolio(q ? { q, sort: 'name' } : { sort: 'name' });
  const found = accounts.data?.pages.flatMap((page) => page.items) ?? [];
  const options = known && !found.some((a) => a.id === known.id) ? [known, ...found] : found;
  return (
    <Field label={t('log.account')} error={error}>
      {(id) => (
        <div className="flex flex-col gap-2">
          <Input
            type="search"
            aria-label={t('log.findAccount')}
            placeholder={t('log.findAccount')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <Select id={id} required value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('log.chooseAccount')}</option>
            {options.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </Select>
        </div>
      )}
    </Field>
  );
}

/** What kind of feedback it is: a request, a bug, a complaint, praise or a question. */
export function KindField({
  value,
  onChange,
  error,
}: {
  value: FeedbackType;
  onChange: (type: FeedbackType) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('voice');
  return (
    <SelectField
      label={t('log.type')}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value as FeedbackType)}
      options={feedbackTypes.map((k) => ({ value: k, label: t(`type.${k}`) }))}
    />
  );
}

/** How much it matters to the customer: low, medium, high or critical. */
export function PriorityField({
  value,
  onChange,
  error,
}: {
  value: FeedbackPriority;
  onChange: (priority: FeedbackPriority) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('voice');
  return (
    <SelectField
      label={t('log.priority')}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value as FeedbackPriority)}
      options={feedbackPriorities.map((k) => ({ value: k, label: t(`priority.${k}`) }))}
    />
  );
}

export function LogFeedbackForm({
  accountId: fixedAccount,
  onDone,
}: {
  accountId?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation('voice');
  const log = useLogFeedback();
  const [accountId, setAccountId] = useState(fixedAccount ?? '');
  const [text, setText] = useState('');
  const [type, setType] = useState<FeedbackType>('feature_request');
  const [priority, setPriority] = useState<FeedbackPriority>('medium');
  const [done, setDone] = useState(false);
  const fieldError = (path: string) =>
    log.error instanceof ApiError ? log.error.fieldError(path) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate(
      { accountId, text, type, priority, source: 'web' },
      {
        onSuccess: () => {
          setText('');
          setDone(true);
          onDone?.();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      {!fixedAccount && <AccountPicker value={accountId} onChange={setAccountId} />}
      <Field label={t('log.text')} error={fieldError('text')}>
        {(id) => (
          <TextArea
            id={id}
            rows={3}
            required
            maxLength={5000}
            value={text}
            onChange={(e) => (setText(e.target.value), setDone(false))}
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <KindField value={type} onChange={setType} />
        <PriorityField value={priority} onChange={setPriority} />
      </div>
      {log.error && !fieldError('text') && <ErrorNote error={log.error} />}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={log.isPending || !accountId}>
          {t('log.save')}
        </Button>
        {done && (
          <p role="status" className="text-sm text-healthy">
            {t('log.saved')}
          </p>
        )}
      </div>
    </form>
  );
}
