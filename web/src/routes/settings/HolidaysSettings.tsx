// Settings → Holidays: the workspace's days off, which business-day due dates and business-hour
// SLA timers skip. Everyone who sees work reads them; only an admin changes them. The server
// keeps the whole list at once, so each change sends the list as shown with that one change,
// and a refused change (a day already there, an empty name) names the field it is about. When
// another admin saved first, the change is refused: the list is loaded again, what they changed
// is spelled out above it, and what was typed here stays in its field to be saved once more.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../api/session.ts';
import {
  isStaleHolidays,
  useHolidays,
  useSaveHolidays,
  type Holiday,
  type HolidayList,
} from '../../api/work.ts';
import { formatDate } from '../../components/format.ts';
import { Button, Card, ErrorNote, Loading, TextField } from '../../components/ui.tsx';

/** What a save needs besides its change: the list it was made from, and whom to tell how it went. */
type Editing = {
  list: HolidayList;
  /** Another admin's save came first: `seen` is the list this person was changing. */
  onStale: (seen: Holiday[]) => void;
  onSaved: () => void;
};

/** Saves `items` as a change of `editing.list`, telling the screen when it was stale. */
function useSaveChange({ list, onStale, onSaved }: Editing) {
  const save = useSaveHolidays();
  const mutate = (items: Holiday[], onSuccess?: () => void) =>
    save.mutate(
      { items, version: list.version },
      {
        onSuccess: () => {
          onSaved();
          onSuccess?.();
        },
        onError: (error) => {
          if (isStaleHolidays(error)) onStale(list.items);
        },
      },
    );
  return { ...save, mutate };
}

/** The server's word on one holiday's field, and its whole answer when it names no field. */
function problemsOf(error: unknown, index: number) {
  const problem = error instanceof ApiError ? error : undefined;
  return {
    day: problem?.fieldError(`items.${index}.day`),
    name: problem?.fieldError(`items.${index}.name`),
    general: problem?.problem.errors ? undefined : error,
  };
}

/** What another admin changed in the list between `seen` and `now`, by day. */
function changesBetween(seen: Holiday[], now: Holiday[]) {
  const before = new Map(seen.map((h) => [h.day, h.name]));
  const after = new Map(now.map((h) => [h.day, h.name]));
  return {
    added: now.filter((h) => !before.has(h.day)),
    removed: seen.filter((h) => !after.has(h.day)),
    renamed: now.flatMap((h) => {
      const was = before.get(h.day);
      return was !== undefined && was !== h.name ? [{ ...h, was }] : [];
    }),
  };
}

function ChangedMeanwhile({ seen, now }: { seen: Holiday[]; now: Holiday[] }) {
  const { t } = useTranslation('work');
  const { added, removed, renamed } = changesBetween(seen, now);
  const day = (holiday: Holiday) => <time dateTime={holiday.day}>{formatDate(holiday.day)}</time>;
  return (
    <div role="status" className="flex flex-col gap-2 rounded-lg border border-risk p-3">
      <p>{t('holidays.changedMeanwhile')}</p>
      {added.length + removed.length + renamed.length > 0 && <p>{t('holidays.theirChanges')}</p>}
      <ul className="flex flex-col gap-1">
        {added.map((h) => (
          <li key={`added-${h.day}`}>
            {t('holidays.added')} {day(h)} — {h.name}
          </li>
        ))}
        {removed.map((h) => (
          <li key={`removed-${h.day}`}>
            {t('holidays.removed')} {day(h)} — {h.name}
          </li>
        ))}
        {renamed.map((h) => (
          <li key={`renamed-${h.day}`}>
            {t('holidays.renamed')} {day(h)} —{' '}
            {t('holidays.renamedFrom', { was: h.was, name: h.name })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddHoliday({ editing }: { editing: Editing }) {
  const { t } = useTranslation('work');
  const save = useSaveChange(editing);
  const { items } = editing.list;
  const [draft, setDraft] = useState<Holiday>({ day: '', name: '' });
  const problems = problemsOf(save.error, items.length);
  const add = (event: FormEvent) => {
    event.preventDefault();
    save.mutate([...items, draft], () => setDraft({ day: '', name: '' }));
  };
  return (
    <form onSubmit={add} className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[auto_1fr]">
      <TextField
        label={t('holidays.day')}
        type="date"
        error={problems.day}
        value={draft.day}
        onChange={(e) => setDraft({ ...draft, day: e.target.value })}
      />
      <TextField
        label={t('holidays.name')}
        error={problems.name}
        maxLength={100}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <Button type="submit" disabled={save.isPending} className="justify-self-start">
        {t('holidays.add')}
      </Button>
      <div className="sm:col-span-2">
        <ErrorNote error={problems.general} />
      </div>
    </form>
  );
}

function HolidayRow({
  editing,
  index,
  canEdit,
}: {
  editing: Editing;
  index: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation('work');
  const save = useSaveChange(editing);
  const { items } = editing.list;
  const holiday = items[index] as Holiday;
  // The name being typed while renaming; null when not renaming.
  const [name, setName] = useState<string | null>(null);
  const problems = problemsOf(save.error, index);
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (name === null) return;
    const renamed = items.map((h, i) => (i === index ? { ...h, name } : h));
    save.mutate(renamed, () => setName(null));
  };
  const remove = () => save.mutate(items.filter((_, i) => i !== index));
  const day = <time dateTime={holiday.day}>{formatDate(holiday.day)}</time>;

  if (name !== null) {
    return (
      <li className="py-3">
        <form onSubmit={rename} className="flex flex-col gap-2">
          <TextField
            label={t('holidays.newName', { day: formatDate(holiday.day) })}
            error={problems.name}
            maxLength={100}
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={save.isPending}>
              {t('common:common.save')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setName(null);
                save.reset();
              }}
            >
              {t('common:common.cancel')}
            </Button>
          </div>
          <ErrorNote error={problems.general} />
        </form>
      </li>
    );
  }
  return (
    <li className="flex flex-col gap-2 py-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="min-w-32 text-muted">{day}</span>
        <span className="min-w-0 flex-1 font-medium wrap-anywhere">{holiday.name}</span>
        {canEdit && (
          <div className="flex gap-2">
            <Button
              variant="secondary"
              aria-label={t('holidays.renameOf', { name: holiday.name })}
              onClick={() => setName(holiday.name)}
            >
              {t('holidays.rename')}
            </Button>
            <Button
              variant="danger"
              aria-label={t('holidays.removeOf', { name: holiday.name })}
              disabled={save.isPending}
              onClick={remove}
            >
              {t('holidays.remove')}
            </Button>
          </div>
        )}
      </div>
      <ErrorNote error={save.error} />
    </li>
  );
}

export function HolidaysSettings() {
  const { t } = useTranslation('work');
  const canEdit = useCan('manage_integrations');
  const holidays = useHolidays();
  const list = holidays.data ?? { items: [], version: 0 };
  const { items } = list;
  // The list this person was changing when another admin's save came first; null otherwise.
  const [seen, setSeen] = useState<Holiday[] | null>(null);
  const editing: Editing = { list, onStale: setSeen, onSaved: () => setSeen(null) };
  return (
    <Card title={t('holidays.title')}>
      <div className="flex flex-col gap-4">
        <p className="text-muted">{t('holidays.intro')}</p>
        {canEdit ? (
          <AddHoliday editing={editing} />
        ) : (
          <p className="text-muted">{t('holidays.readOnly')}</p>
        )}
        {seen && !holidays.isFetching && <ChangedMeanwhile seen={seen} now={items} />}
        {holidays.isPending ? (
          <Loading />
        ) : items.length === 0 && !holidays.error ? (
          <p className="text-muted">{t('holidays.none')}</p>
        ) : (
          <ul aria-label={t('holidays.title')} className="flex flex-col divide-y divide-line">
            {items.map((holiday, index) => (
              <HolidayRow key={holiday.day} editing={editing} index={index} canEdit={canEdit} />
            ))}
          </ul>
        )}
        <ErrorNote error={holidays.error} />
      </div>
    </Card>
  );
}
