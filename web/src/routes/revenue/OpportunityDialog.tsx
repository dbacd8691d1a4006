// Turning an expansion signal (or a hunch) into a tracked opportunity: what it is, the ARR it
// adds, its stage and when it should close. The amount starts at Steward's estimate. Given an
// opportunity, the same form moves it on: a new stage, amount or close date, won or lost.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  opportunityKinds,
  opportunityStages,
  useCreateOpportunity,
  useUpdateOpportunity,
  type Money,
  type NewOpportunity,
  type Opportunity,
  type OpportunityStage,
  type SignalKind,
} from '../../api/revenue.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatDate, minorUnits, moneyFieldStep, moneyFieldText } from '../../components/format.ts';
import { Button, ErrorNote, Field, Select, TextField } from '../../components/ui.tsx';

export function OpportunityDialog({
  account,
  suggestion,
  opportunity,
  close,
}: {
  account: { id: string; name: string; currency?: string | undefined };
  suggestion: { kind: 'seats' | 'upgrade'; amount: Money; signals: SignalKind[] } | null;
  /** The tracked opportunity to change; without it, the dialog tracks a new one. */
  opportunity?: Opportunity | undefined;
  close: () => void;
}) {
  const { t } = useTranslation('revenue');
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const saving = opportunity ? update : create;
  const [kind, setKind] = useState<NewOpportunity['kind']>(
    opportunity?.kind ?? suggestion?.kind ?? 'seats',
  );
  const [title, setTitle] = useState(
    opportunity?.title ??
      t(kind === 'upgrade' ? 'opportunity.defaultUpgrade' : 'opportunity.defaultSeats', {
        account: account.name,
      }),
  );
  const currency =
    opportunity?.amount.currency ?? suggestion?.amount.currency ?? account.currency ?? 'USD';
  const startAmount = opportunity?.amount ?? suggestion?.amount;
  const [amount, setAmount] = useState(moneyFieldText(startAmount));
  const [stage, setStage] = useState<OpportunityStage>(opportunity?.stage ?? 'identified');
  const [closeBy, setCloseBy] = useState(opportunity?.expectedClose ?? '');
  const error = saving.error instanceof ApiError ? saving.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      kind,
      title,
      amount: { amount: minorUnits(Number(amount || '0'), currency), currency },
      stage,
      expectedClose: closeBy || null,
    };
    if (opportunity) update.mutate({ id: opportunity.id, ...fields }, { onSuccess: close });
    else {
      create.mutate(
        {
          accountId: account.id,
          ...fields,
          ...(suggestion ? { signals: suggestion.signals } : {}),
        },
        { onSuccess: close },
      );
    }
  };

  return (
    <Dialog
      title={t(opportunity ? 'opportunity.editTitle' : 'opportunity.title')}
      closeLabel={t('opportunity.cancel')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <p className="text-muted">{account.name}</p>
        {opportunity?.closedAt && (
          <p className="text-sm">
            {t('opportunity.closedOn', {
              stage: t(`opportunity.stages.${opportunity.stage}`),
              date: formatDate(opportunity.closedAt),
            })}
          </p>
        )}
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
          step={moneyFieldStep(currency)}
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
        <Button type="submit" disabled={saving.isPending}>
          {t(opportunity ? 'opportunity.saveChanges' : 'opportunity.save')}
        </Button>
      </form>
    </Dialog>
  );
}
