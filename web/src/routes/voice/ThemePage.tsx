// One theme: its figures and every item in it, and the corrections people make — rename it,
// merge it into another, split chosen items into a new theme, move one item elsewhere. What
// people correct stays across recomputation and teaches Steward where new items belong.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useMergeTheme,
  useMoveItem,
  useRenameTheme,
  useSplitTheme,
  useTheme,
  useThemes,
  type FeedbackItem,
  type Theme,
} from '../../api/voice.ts';
import { useCan } from '../../api/session.ts';
import { Stat } from '../../components/Stat.tsx';
import { formatDate, formatMoney } from '../../components/format.ts';
import {
  Badge,
  Button,
  Card,
  ErrorNote,
  Field,
  Input,
  Loading,
  Select,
} from '../../components/ui.tsx';
import { FeedbackRow, TrendBadge, TypeBadge } from './parts.tsx';

/** Other themes to merge into or move to: the year's, by demand. */
function useOtherThemes(id: string) {
  const themes = useThemes('365d');
  return (themes.data?.items ?? []).filter((theme) => theme.id !== id);
}

function Rename({ theme }: { theme: Theme }) {
  const { t } = useTranslation('voice');
  const rename = useRenameTheme();
  const [label, setLabel] = useState(theme.customLabel ?? theme.label);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ id: theme.id, label });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <Field label={t('theme.renameLabel')}>
        {(id) => (
          <Input
            id={id}
            required
            maxLength={120}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={rename.isPending}>
          {t('theme.save')}
        </Button>
        {theme.customLabel && (
          <Button
            variant="ghost"
            disabled={rename.isPending}
            onClick={() => rename.mutate({ id: theme.id, label: null })}
          >
            {t('theme.reset')}
          </Button>
        )}
      </div>
      {rename.error && <ErrorNote error={rename.error} />}
    </form>
  );
}

function Merge({ theme }: { theme: Theme }) {
  const { t } = useTranslation('voice');
  const others = useOtherThemes(theme.id);
  const merge = useMergeTheme();
  const navigate = useNavigate();
  const [into, setInto] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    merge.mutate(
      { id: theme.id, intoThemeId: into },
      {
        onSuccess: () =>
          void navigate({ to: '/feedback/themes/$themeId', params: { themeId: into } }),
      },
    );
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <Field label={t('theme.mergeInto')}>
        {(id) => (
          <Select id={id} required value={into} onChange={(e) => setInto(e.target.value)}>
            <option value="">{t('theme.chooseTheme')}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button
        type="submit"
        variant="secondary"
        disabled={!into || merge.isPending}
        className="self-start"
      >
        {t('theme.mergeButton')}
      </Button>
      {merge.error && <ErrorNote error={merge.error} />}
    </form>
  );
}

function MoveItem({ item, themeId }: { item: FeedbackItem; themeId: string }) {
  const { t } = useTranslation('voice');
  const others = useOtherThemes(themeId);
  const move = useMoveItem();
  const [to, setTo] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={t('theme.moveItem', { text: item.text.slice(0, 40) })}
        value={to}
        className="max-w-64"
        onChange={(e) => setTo(e.target.value)}
      >
        <option value="">{t('theme.moveTo')}</option>
        <option value="own">{t('theme.moveOwn')}</option>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.label}
          </option>
        ))}
      </Select>
      <Button
        variant="secondary"
        disabled={!to || move.isPending}
        onClick={() => move.mutate({ id: item.id, themeId: to === 'own' ? null : to })}
      >
        {t('theme.moveButton')}
      </Button>
    </div>
  );
}

function Items({ theme, canEdit }: { theme: Theme; canEdit: boolean }) {
  const { t } = useTranslation('voice');
  const split = useSplitTheme();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>([]);
  const [label, setLabel] = useState('');
  const toggle = (id: string) =>
    setChosen((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));
  return (
    <Card title={t('theme.items', { count: theme.items.length })}>
      <ul className="flex flex-col gap-3">
        {theme.items.map((item) => (
          <li key={item.id} className="flex gap-3 border-b border-line pb-3 last:border-0">
            {canEdit && (
              <label className="flex min-h-11 min-w-11 items-start justify-center pt-1">
                <input
                  type="checkbox"
                  className="h-5 w-5"
                  checked={chosen.includes(item.id)}
                  onChange={() => toggle(item.id)}
                  aria-label={t('theme.select', { text: item.text.slice(0, 60) })}
                />
              </label>
            )}
            <div className="flex min-w-0 flex-1 flex-col gap-2">
              <FeedbackRow item={item} />
              {item.theme?.placedByPerson && <Badge>{t('theme.placed')}</Badge>}
              {canEdit && <MoveItem item={item} themeId={theme.id} />}
            </div>
          </li>
        ))}
      </ul>
      {canEdit && chosen.length > 0 && (
        <form
          className="mt-4 flex flex-col gap-2 rounded-lg bg-raised p-3"
          onSubmit={(event) => {
            event.preventDefault();
            split.mutate(
              { id: theme.id, itemIds: chosen, ...(label ? { label } : {}) },
              {
                onSuccess: (created) =>
                  void navigate({
                    to: '/feedback/themes/$themeId',
                    params: { themeId: created.id },
                  }),
              },
            );
          }}
        >
          <Field label={t('theme.splitLabel')}>
            {(id) => (
              <Input
                id={id}
                maxLength={120}
                value={label}
                onChange={(e) => setLabel(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit" disabled={split.isPending} className="self-start">
            {t('theme.split', { count: chosen.length })}
          </Button>
          {split.error && <ErrorNote error={split.error} />}
        </form>
      )}
    </Card>
  );
}

export function ThemePage({ themeId }: { themeId: string }) {
  const { t } = useTranslation('voice');
  const theme = useTheme(themeId);
  const canEdit = useCan('manage_feedback');
  if (theme.isPending) return <Loading />;
  if (theme.error) return <ErrorNote error={theme.error} />;
  const data = theme.data;
  return (
    <div className="flex flex-col gap-4">
      <Link
        to="/feedback"
        className="inline-flex min-h-11 items-center self-start text-sm text-muted hover:text-ink"
      >
        ← {t('theme.back')}
      </Link>
      <header className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold">{data.label}</h1>
        <TypeBadge type={data.type} />
        <TrendBadge trend={data.trend} />
      </header>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label={t('feedback.columns.accounts')} value={data.accountCount} />
        <Stat label={t('feedback.columns.arr')} value={formatMoney(data.arr)} />
        <Stat label={t('feedback.columns.atRisk')} value={formatMoney(data.atRiskArr)} />
        <Stat
          label={t('theme.seen')}
          value={formatDate(data.lastSeen)}
          detail={t('theme.firstSeen', { date: formatDate(data.firstSeen) })}
        />
      </dl>
      {data.roadmapItems.length > 0 && (
        <p className="text-sm">
          {t('feedback.onRoadmap')}: {data.roadmapItems.map((r) => r.title).join(', ')}
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Items key={data.items.map((i) => i.id).join()} theme={data} canEdit={canEdit} />
        </div>
        {canEdit && (
          <div className="flex flex-col gap-4">
            <Card title={t('theme.rename')}>
              <Rename key={data.label} theme={data} />
            </Card>
            <Card title={t('theme.merge')}>
              <Merge theme={data} />
            </Card>
          </div>
        )}
      </div>
    </div>
  );
}
