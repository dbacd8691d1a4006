// Adding an account by hand, or changing one: who the customer is (name, domain), where it stands
// (tier, stage, priority, owner) and its contract (plan, ARR, seats, renewal). A change sends
// only the fields that moved, so a value an import wrote in a shape the form would not is kept.
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateAccount, useUpdateAccount, useUsers, type Account } from '../../api/accounts.ts';
import { ApiError, type Schemas } from '../../api/client.ts';
import { useCan, useMe } from '../../api/session.ts';
import { priorities, stages, tiers } from '../../api/vocabulary.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { minorUnits, moneyFieldStep, moneyFieldText } from '../../components/format.ts';
import { Button, ErrorNote, SelectField, TextField } from '../../components/ui.tsx';

type Fields = Required<Omit<Schemas['UpdateAccount'], 'externalId' | 'customFields'>>;

/** The form's text for each field, as the inputs hold it. */
type Draft = {
  name: string;
  domain: string;
  tier: Fields['tier'];
  stage: Fields['stage'];
  priority: Fields['priority'];
  ownerId: string;
  plan: string;
  arr: string;
  currency: string;
  seats: string;
  renewalDate: string;
};

function draftOf(account: Account | undefined, myId: string | undefined): Draft {
  return {
    name: account?.name ?? '',
    domain: account?.domain ?? '',
    tier: account?.tier ?? 'mid_market',
    stage: account?.stage ?? 'onboarding',
    priority: account?.priority ?? 'P2',
    ownerId: account ? (account.ownerId ?? '') : (myId ?? ''),
    plan: account?.plan ?? '',
    arr: moneyFieldText(account?.arr),
    currency: account?.arr.currency ?? 'USD',
    seats: account?.seats === null || account?.seats === undefined ? '' : String(account.seats),
    renewalDate: account?.renewalDate ?? '',
  };
}

function fieldsOf(draft: Draft): Fields {
  const currency = draft.currency.trim().toUpperCase();
  return {
    name: draft.name.trim(),
    domain: draft.domain.trim() || null,
    tier: draft.tier,
    stage: draft.stage,
    priority: draft.priority,
    ownerId: draft.ownerId.trim() || null,
    plan: draft.plan.trim() || null,
    arr: {
      amount: minorUnits(Number(draft.arr || '0'), currency),
      currency,
    },
    seats: draft.seats.trim() === '' ? null : Number(draft.seats),
    renewalDate: draft.renewalDate.trim() || null,
  };
}

/** The fields whose value differs from the account's now. */
function changedFields(before: Fields, after: Fields): Partial<Fields> {
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof Fields]),
    ),
  );
}

export function AccountDialog({
  account,
  close,
}: {
  /** The account to change; without it, the dialog adds one. */
  account?: Account | undefined;
  close: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const users = useUsers();
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? '');
  const saving = account ? update : create;
  const seesEveryone = useCan('view_all_accounts');
  const [draft, setDraft] = useState(() => draftOf(account, me.data?.id));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const error = saving.error instanceof ApiError ? saving.error : null;
  const onForm = ['name', 'domain', 'ownerId', 'plan', 'arr', 'seats', 'renewalDate'];
  const owners = (users.data?.items ?? []).filter(
    (u) => (!u.deactivated && u.role !== 'viewer') || u.id === account?.ownerId,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = fieldsOf(draft);
    if (!account) {
      create.mutate(fields, {
        onSuccess: (created) =>
          void navigate({ to: '/accounts/$accountId', params: { accountId: created.id } }),
      });
      return;
    }
    update.mutate(changedFields(fieldsOf(draftOf(account, undefined)), fields), {
      onSuccess: (changed) => {
        // Given to someone else, a CSM's client leaves the book they can open.
        if (!seesEveryone && changed.ownerId !== me.data?.id) void navigate({ to: '/accounts' });
        else close();
      },
    });
  };

  return (
    <Dialog
      title={account ? t('accountForm.editTitle') : t('accountForm.newTitle')}
      closeLabel={t('accountForm.cancel')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <TextField
          label={t('accountForm.name')}
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          error={error?.fieldError('name')}
          required
        />
        <TextField
          label={t('account.domain')}
          hint={t('accountForm.domainHint')}
          value={draft.domain}
          onChange={(e) => set('domain', e.target.value)}
          error={error?.fieldError('domain')}
        />
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label={t('portfolio.columns.tier')}
            value={draft.tier}
            onChange={(e) => set('tier', e.target.value as Draft['tier'])}
            options={tiers.map((v) => ({ value: v, label: t(`tier.${v}`) }))}
          />
          <SelectField
            label={t('portfolio.columns.stage')}
            value={draft.stage}
            onChange={(e) => set('stage', e.target.value as Draft['stage'])}
            options={stages.map((v) => ({ value: v, label: t(`stage.${v}`) }))}
          />
          <SelectField
            label={t('account.priority')}
            value={draft.priority}
            onChange={(e) => set('priority', e.target.value as Draft['priority'])}
            options={priorities.map((v) => ({ value: v, label: v }))}
          />
          <SelectField
            label={t('account.owner')}
            value={draft.ownerId}
            onChange={(e) => set('ownerId', e.target.value)}
            error={error?.fieldError('ownerId')}
            options={[
              ...(seesEveryone || draft.ownerId === ''
                ? [{ value: '', label: t('account.unassigned') }]
                : []),
              ...owners.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        </div>
        <TextField
          label={t('account.plan')}
          value={draft.plan}
          onChange={(e) => set('plan', e.target.value)}
          error={error?.fieldError('plan')}
        />
        <div className="grid grid-cols-[1fr_6rem] gap-3">
          <TextField
            label={t('account.arr')}
            type="number"
            inputMode="decimal"
            min={0}
            step={moneyFieldStep(draft.currency.trim().toUpperCase())}
            value={draft.arr}
            onChange={(e) => set('arr', e.target.value)}
            error={error?.fieldError('arr.amount')}
          />
          <TextField
            label={t('accountForm.currency')}
            value={draft.currency}
            maxLength={3}
            autoCapitalize="characters"
            onChange={(e) => set('currency', e.target.value)}
            error={error?.fieldError('arr.currency')}
          />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label={t('account.seats')}
            type="number"
            inputMode="numeric"
            min={0}
            value={draft.seats}
            onChange={(e) => set('seats', e.target.value)}
            error={error?.fieldError('seats')}
          />
          <TextField
            label={t('account.renewal')}
            type="date"
            value={draft.renewalDate}
            onChange={(e) => set('renewalDate', e.target.value)}
            error={error?.fieldError('renewalDate')}
          />
        </div>
        {error && !onForm.some((field) => error.fieldError(field)) && <ErrorNote error={error} />}
        <Button type="submit" disabled={saving.isPending}>
          {account ? t('accountForm.save') : t('accountForm.add')}
        </Button>
      </form>
    </Dialog>
  );
}
