// My work: the signed-in person's open tasks, by when they are due. What needs doing now —
// overdue and today — comes first and open; the rest are folded, so a phone shows a page
// to act on, not every task of the quarter.
import { Link } from '@tanstack/react-router';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyWork, type Task } from '../../api/work.ts';
import { useCan } from '../../api/session.ts';
import { Badge, Button, ErrorNote, Loading } from '../../components/ui.tsx';
import { TaskRow } from './TaskStatus.tsx';

const sections = ['overdue', 'today', 'thisWeek', 'later', 'noDueDate'] as const;
type SectionKey = (typeof sections)[number];
const now: readonly SectionKey[] = ['overdue', 'today'];

/** Tasks a section lists before "Show all": enough to act on, few enough to scroll past. */
const firstShown = 10;

function Section({
  name,
  count,
  items,
  open: openAtFirst,
}: {
  name: SectionKey;
  count: number;
  items: Task[];
  open: boolean;
}) {
  const { t } = useTranslation('work');
  const [open, setOpen] = useState(openAtFirst);
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, firstShown);
  const urgent = name === 'overdue';
  return (
    <details
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className={`rounded-xl border bg-surface ${urgent ? 'border-critical' : 'border-line'}`}
    >
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 p-4 text-lg font-semibold">
        <h2 id={`work-${name}`} className="flex items-center gap-2">
          <span className={urgent ? 'text-critical' : ''}>{t(`myWork.${name}`)}</span>
          <Badge tone={urgent ? 'critical' : 'neutral'}>
            <span aria-label={t('myWork.count', { count })}>{count}</span>
          </Badge>
        </h2>
      </summary>
      {open && (
        <div className="px-4 pb-4">
          <ul aria-labelledby={`work-${name}`}>
            {shown.map((task) => (
              <TaskRow key={task.id} task={task} />
            ))}
          </ul>
          {shown.length < items.length && (
            <Button variant="secondary" onClick={() => setAll(true)}>
              {t('myWork.showAll', { count: items.length })}
            </Button>
          )}
          {all && items.length < count && (
            <p className="pt-2 text-sm text-muted">
              {t('myWork.more', { shown: items.length, count })}
            </p>
          )}
        </div>
      )}
    </details>
  );
}

export function MyWorkPage() {
  const { t } = useTranslation('work');
  const canStart = useCan('manage_work');
  const work = useMyWork();
  // Drawn from a deferred copy of the answer: in slices the phone can answer a tap between.
  // Null at first even when the answer is already there (preloaded with the page): the page's
  // first render is then a transition too, rather than one long task.
  const data = useDeferredValue(work.data ?? null, null);
  if (work.error) return <ErrorNote error={work.error} />;
  if (!data) return <Loading />;
  const total = sections.reduce((sum, key) => sum + data[key].count, 0);
  // Nothing due now: the next section with work in it opens instead.
  const nothingNow = now.every((key) => data[key].count === 0);
  const firstLater = sections.find((key) => !now.includes(key) && data[key].count > 0);

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t('myWork.title')}</h1>
          <p className="text-sm text-muted">{t('myWork.timezone', { timezone: data.timezone })}</p>
        </div>
        {canStart && (
          <Link to="/templates" className="inline-flex min-h-11 items-center text-accent underline">
            {t('myWork.templates')}
          </Link>
        )}
      </div>
      {total === 0 && (
        <p className="rounded-xl border border-line bg-surface p-4 text-muted">
          {t('myWork.allClear')}
        </p>
      )}
      {sections.map((key) =>
        data[key].count === 0 ? null : (
          <Section
            key={key}
            name={key}
            count={data[key].count}
            items={data[key].items}
            open={now.includes(key) || (nothingNow && key === firstLater)}
          />
        ),
      )}
    </div>
  );
}
