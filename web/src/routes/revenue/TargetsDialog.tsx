// An admin's targets for the CS metrics: rates in percent (retention, expansion and churn a
// year), money in the currency's major unit, health and NPS as points, time to value in days.
// "Default" puts a metric back to the persona guide's target.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useSetTargets, useTargets, type MetricTarget } from '../../api/revenue.ts';
import { Dialog } from '../../components/Dialog.tsx';
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

/** What the person types for a stored target, and back. */
const shown = (metric: string, value: number | null) =>
  value === null
    ? ''
    : percentMetrics.has(metric)
      ? String(Math.round(value * 1000) / 10)
      : moneyMetrics.has(metric)
        ? String(value / 100)
        : String(value);
const stored = (metric: string, text: string) => {
  const value = Number(text);
  if (percentMetrics.has(metric)) return Math.round(value * 10) / 1000;
  if (moneyMetrics.has(metric)) return Math.round(value * 100);
  return value;
};

export function TargetsDialog({ close }: { close: () => void }) {
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
        <TargetsForm items={targets.data.items} close={close} />
      )}
    </Dialog>
  );
}

function TargetsForm({ items, close }: { items: MetricTarget[]; close: () => void }) {
  const { t } = useTranslation('revenue');
  const save = useSetTargets();
  const [values, setValues] = useState(() =>
    Object.fromEntries(items.map((item) => [item.metric, shown(item.metric, item.value)])),
  );
  const error = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = Object.fromEntries(
      items.flatMap((item) => {
        const text = values[item.metric] ?? '';
        if (text === shown(item.metric, item.value)) return [];
        const isDefault = text === '' || text === shown(item.metric, item.defaultValue);
        return [[item.metric, isDefault ? null : stored(item.metric, text)]];
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
              label={`${t(`metrics.names.${item.metric}`)}${percentMetrics.has(item.metric) ? ' (%)' : ''}`}
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
                setValues({ ...values, [item.metric]: shown(item.metric, item.defaultValue) })
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
