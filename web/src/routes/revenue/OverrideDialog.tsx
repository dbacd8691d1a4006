// Changing a renewal's forecast: a category, a probability and the note that says why (the
// server refuses it without one, and keeps it beside the forecast).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  forecastCategories,
  useOverrideForecast,
  type ForecastCategory,
  type Renewal,
} from '../../api/revenue.ts';
import { Dialog } from '../../components/Dialog.tsx';
import {
  Button,
  ErrorNote,
  Field,
  Select,
  TextAreaField,
  TextField,
} from '../../components/ui.tsx';

const usual: Record<ForecastCategory, number> = { commit: 90, likely: 70, at_risk: 35, lost: 0 };

export function OverrideDialog({
  renewal,
  close,
}: {
  renewal: Pick<Renewal, 'accountId' | 'name' | 'forecast'>;
  close: () => void;
}) {
  const { t } = useTranslation('revenue');
  const override = useOverrideForecast(renewal.accountId);
  const [category, setCategory] = useState<ForecastCategory>(renewal.forecast.category);
  const [probability, setProbability] = useState(
    String(Math.round(renewal.forecast.probability * 100)),
  );
  const [note, setNote] = useState('');
  const error = override.error instanceof ApiError ? override.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    override.mutate(
      {
        category,
        note,
        ...(category === 'lost' ? {} : { probability: Number(probability) / 100 }),
      },
      { onSuccess: close },
    );
  };

  return (
    <Dialog
      title={`${t('override.title')}: ${renewal.name}`}
      closeLabel={t('override.close')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <Field label={t('override.category')}>
          {(id) => (
            <Select
              id={id}
              value={category}
              onChange={(e) => {
                const next = e.target.value as ForecastCategory;
                setCategory(next);
                setProbability(String(usual[next]));
              }}
            >
              {forecastCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {category !== 'lost' && (
          <TextField
            label={t('override.probability')}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            value={probability}
            onChange={(e) => setProbability(e.target.value)}
            error={error?.fieldError('probability')}
          />
        )}
        <TextAreaField
          label={t('override.note')}
          rows={3}
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={error?.fieldError('note')}
        />
        {error && !error.fieldError('note') && !error.fieldError('probability') && (
          <ErrorNote error={error} />
        )}
        <Button type="submit" disabled={override.isPending}>
          {t('override.save')}
        </Button>
      </form>
    </Dialog>
  );
}
