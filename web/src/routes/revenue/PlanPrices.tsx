// The plans expansion is priced with: more seats at the account's plan's list price, an upgrade
// at the cheapest premium plan costing more. A plan some accounts pay for in another currency
// is marked: their seats are priced at what they pay. Whoever may read expansion reads the list; whoever
// may set revenue targets keeps it. Prices are typed in the currency's major unit, as elsewhere.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { usePlans, useSetPlans, type PlanPrice } from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { formatMoney, majorUnits, minorUnits, moneyFieldStep } from '../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Loading, TextField } from '../../components/ui.tsx';

export function PlanPrices() {
  const { t } = useTranslation('revenue');
  const plans = usePlans();
  const canEdit = useCan('manage_revenue_targets');
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('plans.title')}
      action={
        canEdit &&
        !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('plans.edit')}
          </Button>
        )
      }
    >
      {plans.isPending ? (
        <Loading />
      ) : plans.error ? (
        <ErrorNote error={plans.error} />
      ) : editing ? (
        <PlansForm plans={plans.data.plans} close={() => setEditing(false)} />
      ) : plans.data.plans.length === 0 ? (
        <p className="text-muted">{t('plans.none')}</p>
      ) : (
        <dl className="flex flex-col">
          {plans.data.plans.map((plan) => (
            <div
              key={plan.id}
              className="flex flex-wrap items-center justify-between gap-2 border-b border-line py-2 last:border-b-0"
            >
              <dt className="flex flex-wrap items-center gap-2 font-medium">
                {plan.name}
                {plan.premium && <Badge tone="accent">{t('plans.premium')}</Badge>}
                {plan.accountsInOtherCurrency > 0 && (
                  <Badge tone="risk">{t('plans.otherCurrencyBadge')}</Badge>
                )}
              </dt>
              <dd className="text-muted tabular-nums">
                {t('plans.perSeat', { price: formatMoney(plan.seatPrice, { exact: true }) })}
              </dd>
              {plan.accountsInOtherCurrency > 0 && (
                <dd className="w-full text-sm text-muted">
                  {t('plans.otherCurrency', {
                    count: plan.accountsInOtherCurrency,
                    currency: plan.seatPrice.currency,
                  })}
                </dd>
              )}
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

/** A plan as typed: the price in the currency's major unit, blank until given. */
type Row = { name: string; price: string; currency: string; premium: boolean };

const toRow = (plan: PlanPrice): Row => ({
  name: plan.name,
  price: String(majorUnits(plan.seatPrice)),
  currency: plan.seatPrice.currency,
  premium: plan.premium,
});

const toPlan = (row: Row): PlanPrice => {
  const currency = row.currency.trim().toUpperCase();
  return {
    name: row.name,
    seatPrice: { amount: minorUnits(Number(row.price), currency), currency },
    premium: row.premium,
  };
};

function PlansForm({ plans, close }: { plans: PlanPrice[]; close: () => void }) {
  const { t } = useTranslation('revenue');
  const save = useSetPlans();
  const [rows, setRows] = useState(() => plans.map(toRow));
  // A blank price is asked for here: sent, it would read as a free plan.
  const [unpriced, setUnpriced] = useState<number[]>([]);
  const error = save.error instanceof ApiError ? save.error : null;
  const set = (i: number, change: Partial<Row>) =>
    setRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  // The server names a plan by its place in what was sent: a removed row would move its word.
  const remove = (i: number) => {
    save.reset();
    setUnpriced([]);
    setRows(rows.filter((_, j) => j !== i));
  };
  const add = () =>
    setRows([
      ...rows,
      { name: '', price: '', currency: rows.at(-1)?.currency ?? 'USD', premium: false },
    ]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blank = rows.flatMap((row, i) => (row.price.trim() === '' ? [i] : []));
    setUnpriced(blank);
    if (blank.length > 0) return;
    save.mutate(rows.map(toPlan), { onSuccess: close });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <p className="text-sm text-muted">{t('plans.hint')}</p>
      {rows.map((row, i) => (
        <fieldset key={i} className="flex flex-col gap-2 rounded-lg border border-line p-2">
          <legend className="px-1 font-medium">{t('plans.plan', { n: i + 1 })}</legend>
          <TextField
            label={t('plans.name')}
            value={row.name}
            maxLength={100}
            onChange={(e) => set(i, { name: e.target.value })}
            error={error?.fieldError(`plans.${i}.name`)}
          />
          <div className="grid grid-cols-[2fr_1fr] gap-2">
            <TextField
              label={t('plans.price')}
              type="number"
              inputMode="decimal"
              min={0}
              step={moneyFieldStep(row.currency.trim().toUpperCase())}
              value={row.price}
              onChange={(e) => set(i, { price: e.target.value })}
              error={
                unpriced.includes(i)
                  ? t('plans.priceRequired')
                  : error?.fieldError(`plans.${i}.seatPrice.amount`)
              }
            />
            <TextField
              label={t('plans.currency')}
              value={row.currency}
              maxLength={3}
              autoCapitalize="characters"
              onChange={(e) => set(i, { currency: e.target.value })}
              error={error?.fieldError(`plans.${i}.seatPrice.currency`)}
            />
          </div>
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="h-5 w-5 shrink-0"
              checked={row.premium}
              onChange={(e) => set(i, { premium: e.target.checked })}
            />
            <span>{t('plans.includesPremium')}</span>
          </label>
          <Button variant="ghost" className="self-start" onClick={() => remove(i)}>
            {t('plans.remove')}
          </Button>
        </fieldset>
      ))}
      <Button variant="secondary" className="self-start" onClick={add}>
        + {t('plans.add')}
      </Button>
      {error && !error.problem.errors?.length && <ErrorNote error={error} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          {t('plans.save')}
        </Button>
        <Button variant="ghost" onClick={close}>
          {t('plans.cancel')}
        </Button>
      </div>
    </form>
  );
}
