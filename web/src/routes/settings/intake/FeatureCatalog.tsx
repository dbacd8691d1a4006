// The feature catalog: which events make up which feature, premium and value flags.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefineFeature, useFeatures } from '../../../api/intake.ts';
import {
  Badge,
  Button,
  Card,
  ErrorNote,
  Field,
  Input,
  Loading,
  TextArea,
} from '../../../components/ui.tsx';
import { fieldErrorOf } from './parts.tsx';

type DefinedFeature = NonNullable<ReturnType<typeof useDefineFeature>['data']>;

export function FeatureCatalog() {
  const { t } = useTranslation('intake');
  const features = useFeatures();
  const define = useDefineFeature();
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [events, setEvents] = useState('');
  const [premium, setPremium] = useState(false);
  const [value, setValue] = useState(false);
  const [defined, setDefined] = useState<DefinedFeature | null>(null);
  const fieldError = fieldErrorOf(define.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const names = events
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    define.mutate(
      { key, label, events: names, premium, value },
      {
        onSuccess: (feature) => (
          setDefined(feature),
          setKey(''),
          setLabel(''),
          setEvents(''),
          setPremium(false),
          setValue(false)
        ),
      },
    );
  };
  return (
    <Card title={t('settings.features.title')}>
      <p className="mb-3 text-sm text-muted">{t('settings.features.intro')}</p>
      <form onSubmit={submit} className="flex flex-col gap-3">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={t('settings.features.label')} error={fieldError('label')}>
            {(id) => (
              <Input
                id={id}
                required
                maxLength={200}
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('settings.features.key')} error={fieldError('key')}>
            {(id) => (
              <Input
                id={id}
                required
                maxLength={100}
                pattern="[a-z0-9][a-z0-9_.\-]*"
                value={key}
                onChange={(e) => setKey(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field label={t('settings.features.events')} error={fieldError('events')}>
          {(id) => (
            <TextArea
              id={id}
              required
              rows={3}
              value={events}
              onChange={(e) => setEvents(e.target.value)}
            />
          )}
        </Field>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={premium}
            onChange={(e) => setPremium(e.target.checked)}
          />
          {t('settings.features.premium')}
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={value}
            onChange={(e) => setValue(e.target.checked)}
          />
          {t('settings.features.value')}
        </label>
        <ErrorNote error={define.error} />
        <Button type="submit" disabled={define.isPending} className="self-start">
          {t('settings.features.add')}
        </Button>
      </form>
      {defined && <HistoryNote feature={defined} />}
      {features.isPending ? (
        <Loading />
      ) : features.data?.items.length ? (
        <ul className="mt-3 flex flex-col divide-y divide-line">
          {features.data.items.map((feature) => (
            <li key={feature.id} className="flex flex-col gap-1 py-2">
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{feature.label}</span>
                <code className="text-sm text-muted">{feature.key}</code>
                {feature.premium && (
                  <Badge tone="accent">{t('settings.features.premiumBadge')}</Badge>
                )}
                {feature.value && <Badge tone="healthy">{t('settings.features.valueBadge')}</Badge>}
              </span>
              <span className="text-sm break-words text-muted">{feature.events.join(', ')}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-muted">{t('settings.features.none')}</p>
      )}
    </Card>
  );
}

/**
 * What a feature just defined takes over from the kept history: being counted and moved by a
 * background job, or nothing when the workspace keeps no usage yet.
 */
function HistoryNote({ feature }: { feature: DefinedFeature }) {
  const { t } = useTranslation('intake');
  return (
    <p role="status" className="mt-3 rounded-lg border border-accent p-3 text-sm">
      {feature.history.counting
        ? t('settings.features.counting', { feature: feature.label })
        : t('settings.features.nothingKept', { feature: feature.label })}
    </p>
  );
}
