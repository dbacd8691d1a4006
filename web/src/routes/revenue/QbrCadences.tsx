// How often each tier should have a business review: the overdue list counts from these. The
// persona guide's default is a QBR with every enterprise client each quarter; whoever may set
// revenue targets changes them here (a blank tier has no cadence, so none of it is overdue).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCadences, useSetCadences } from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { Button, Card, ErrorNote, Loading, TextField } from '../../components/ui.tsx';

type Cadence = NonNullable<ReturnType<typeof useCadences>['data']>['items'][number];

export function QbrCadences() {
  const { t } = useTranslation('revenue');
  const cadences = useCadences();
  const canEdit = useCan('manage_revenue_targets');
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('cadences.title')}
      action={
        canEdit &&
        !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('cadences.edit')}
          </Button>
        )
      }
    >
      {cadences.isPending ? (
        <Loading />
      ) : cadences.error ? (
        <ErrorNote error={cadences.error} />
      ) : editing ? (
        <CadencesForm items={cadences.data.items} close={() => setEditing(false)} />
      ) : (
        <dl className="flex flex-col">
          {cadences.data.items.map((item) => (
            <div
              key={item.tier}
              className="flex flex-wrap justify-between gap-2 border-b border-line py-2 last:border-b-0"
            >
              <dt className="font-medium">{t(`tier.${item.tier}`)}</dt>
              <dd className="text-muted">
                {item.everyMonths === null
                  ? t('cadences.none')
                  : t('cadences.every', { count: item.everyMonths })}
                {item.source === 'default' && ` · ${t('cadences.default')}`}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

function CadencesForm({ items, close }: { items: Cadence[]; close: () => void }) {
  const { t } = useTranslation('revenue');
  const save = useSetCadences();
  const shown = items.map((item) => (item.everyMonths === null ? '' : String(item.everyMonths)));
  const [months, setMonths] = useState(shown);
  // Only the tiers changed are sent: one left alone keeps following the default. The server
  // names a field by its place in what was sent.
  const [sent, setSent] = useState<Cadence['tier'][]>([]);
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldError = (tier: Cadence['tier']) =>
    sent.includes(tier)
      ? error?.fieldError(`cadences.${sent.indexOf(tier)}.everyMonths`)
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = items.flatMap((item, i) =>
      months[i] === shown[i]
        ? []
        : [{ tier: item.tier, everyMonths: months[i] ? Number(months[i]) : null }],
    );
    setSent(changed.map((c) => c.tier));
    save.mutate(changed, { onSuccess: close });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <p className="text-sm text-muted">{t('cadences.hint')}</p>
      {items.map((item, i) => (
        <TextField
          key={item.tier}
          label={`${t(`tier.${item.tier}`)} (${t('cadences.months')})`}
          type="number"
          inputMode="numeric"
          min={1}
          max={24}
          value={months[i] ?? ''}
          onChange={(e) => setMonths(months.map((m, j) => (j === i ? e.target.value : m)))}
          error={fieldError(item.tier)}
        />
      ))}
      {error && !error.problem.errors?.length && <ErrorNote error={error} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          {t('cadences.save')}
        </Button>
        <Button variant="ghost" onClick={close}>
          {t('cadences.cancel')}
        </Button>
      </div>
    </form>
  );
}
