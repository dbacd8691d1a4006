// An admin's targets for the CS metrics: rates in percent (retention, expansion and churn a
// year), money in the major unit of the currency the metrics are read in, health and NPS as points, time to value in days.
// "Default" puts a metric back to the persona guide's target.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useSetTargets, useTargets, type MetricTarget } from '../../api/revenue.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { majorUnits, minorUnits } from '../../components/format.ts';
import { Button, ErrorNote, Loading, TextField } from '../../components/ui.tsx';

const percentMetrics = new Set([
  'nrr',
  'grr',
  'expansionRate',
  'logoChurn',
  'revenueChurn',
  'renewalRate',
  'expansionWinRate',
  'featureAdoption',
  'qbrCompletion',
]);
const moneyMetrics = new Set([
  'mrr',
  'arr',
  'newMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'reactivationMrr',
  'expansionWon',
]);

/** What the person types for a stored target, and back; money in `currency`'s major unit. */
const shown = (metric: string, value: number | null, currency: string) =>
  value === null
    ? ''
    : percentMetrics.has(metric)
      ? String(Math.round(value * 1000) / 10)
      : moneyMetrics.has(metric)
        ? String(majorUnits({ amount: value, currency }))
        : String(value);
const stored = (metric: string, text: string, currency: string) => {
  const value = Number(text);
  if (percentMetrics.has(metric)) return Math.round(value * 10) / 1000;
  if (moneyMetrics.has(metric)) return minorUnits(value, currency);
  return value;
};

/** What a field's label adds: the unit its value is typed in. */
const unitOf = (metric: string, currency: string) =>
  percentMetrics.has(metric) ? ' (%)' : moneyMetrics.has(metric) ? ` (${currency})` : '';

export function TargetsDialog({ currency, close }: { currency: string; close: () => void }) {
  const { t } = useTranslation('revenue');
  const targets = useTargets();
  return (
    <Dialog
      title={t('metrics.targetsTitle')}
      closeLabel={t('metrics.close')}
      onClose={close}
      placement="side"
    >
      {targets.isPending ? (
        <Loading />
      ) : targets.error ? (
        <ErrorNote error={targets.error} />
      ) : (
        <TargetsForm items={targets.data.items} currency={currency} close={close} />
      )}
    </Dialog>
  );
}

function TargetsForm({
  items,
  currency,
  close,
}: {
  items: MetricTarget[];
  currency: string;
  close: () => void;
}) {
  const { t } = useTranslation('revenue');
  const save = useSetTargets();
  const [values, setValues] = useState(() =>
    Object.fromEntries(
      items.map((item) => [item.metric, shown(item.metric, item.value, currency)]),
    ),
  );
  const error = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = Object.fromEntries(
      items.flatMap((item) => {
        const text = values[item.metric] ?? '';
        if (text === shown(item.metric, item.value, currency)) return [];
        const isDefault = text === '' || text === shown(item.metric, item.defaultValue, currency);
        return [[item.metric, isDefault ? null : stored(item.metric, text, currency)]];
      }),
    );
    save.mutate(changed, { onSuccess: close });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <p className="text-sm text-muted">{t('metrics.targetsHint')}</p>
      {items.map((item) => (
        <div key={item.metric} className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              label={`${t(`metrics.names.${item.metric}`)}${unitOf(item.metric, currency)}`}
              type="number"
              inputMode="decimal"
              value={values[item.metric] ?? ''}
              onChange={(e) => setValues({ ...values, [item.metric]: e.target.value })}
              error={error?.fieldError(`targets.${item.metric}`)}
            />
          </div>
          {item.source === 'set' && (
            <Button
              variant="ghost"
              onClick={() =>
                setValues({
                  ...values,
                  [item.metric]: shown(item.metric, item.defaultValue, currency),
                })
              }
            >
              {t('metrics.reset')}
            </Button>
          )}
        </div>
      ))}
      <Button type="submit" disabled={save.isPending}>
        {t('metrics.saveTargets')}
      </Button>
    </form>
  );
}
