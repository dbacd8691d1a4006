// Turning an expansion signal (or a hunch) into a tracked opportunity: what it is, the ARR it
// adds, its stage and when it should close. The amount starts at Steward's estimate.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  opportunityKinds,
  opportunityStages,
  useCreateOpportunity,
  type Money,
  type NewOpportunity,
  type OpportunityStage,
  type SignalKind,
} from '../../api/revenue.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Button, ErrorNote, Field, Select, TextField } from '../../components/ui.tsx';

export function OpportunityDialog({
  account,
  suggestion,
  close,
}: {
  account: { id: string; name: string; currency?: string | undefined };
  suggestion: { kind: 'seats' | 'upgrade'; amount: Money; signals: SignalKind[] } | null;
  close: () => void;
}) {
  const { t } = useTranslation('revenue');
  const create = useCreateOpportunity();
  const [kind, setKind] = useState<NewOpportunity['kind']>(suggestion?.kind ?? 'seats');
  const [title, setTitle] = useState(
    t(kind === 'upgrade' ? 'opportunity.defaultUpgrade' : 'opportunity.defaultSeats', {
      account: account.name,
    }),
  );
  const currency = suggestion?.amount.currency ?? account.currency ?? 'USD';
  const [amount, setAmount] = useState(
    suggestion && suggestion.amount.amount > 0 ? String(suggestion.amount.amount / 100) : '',
  );
  const [stage, setStage] = useState<OpportunityStage>('identified');
  const [closeBy, setCloseBy] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        accountId: account.id,
        kind,
        title,
        amount: { amount: Math.round(Number(amount || '0') * 100), currency },
        stage,
        expectedClose: closeBy || null,
        ...(suggestion ? { signals: suggestion.signals } : {}),
      },
      { onSuccess: close },
    );
  };

  return (
    <Dialog
      title={t('opportunity.title')}
      closeLabel={t('opportunity.cancel')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <p className="text-muted">{account.name}</p>
        <TextField
          label={t('opportunity.name')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={error?.fieldError('title')}
        />
        <Field label={t('opportunity.kind')}>
          {(id) => (
            <Select id={id} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {opportunityKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`opportunity.kinds.${k}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <TextField
          label={`${t('opportunity.amount')} (${currency})`}
          type="number"
          inputMode="decimal"
          min={0}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={error?.fieldError('amount')}
        />
        <Field label={t('opportunity.stage')}>
          {(id) => (
            <Select
              id={id}
              value={stage}
              onChange={(e) => setStage(e.target.value as OpportunityStage)}
            >
              {opportunityStages.map((s) => (
                <option key={s} value={s}>
                  {t(`opportunity.stages.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <TextField
          label={t('opportunity.close')}
          type="date"
          value={closeBy}
          onChange={(e) => setCloseBy(e.target.value)}
          error={error?.fieldError('expectedClose')}
        />
        {error && !error.problem.errors?.length && <ErrorNote error={error} />}
        <Button type="submit" disabled={create.isPending}>
          {t('opportunity.save')}
        </Button>
      </form>
    </Dialog>
  );
}
