// My work: the signed-in person's open tasks, by when they are due.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMyWork } from '../../api/work.ts';
import { Badge, ErrorNote, Loading } from '../../components/ui.tsx';
import { TaskRow } from './TaskStatus.tsx';

const sections = ['overdue', 'today', 'thisWeek', 'later', 'noDueDate'] as const;

export function MyWorkPage() {
  const { t } = useTranslation('work');
  const work = useMyWork();
  if (work.isPending) return <Loading />;
  if (work.error) return <ErrorNote error={work.error} />;
  const data = work.data;
  const total = sections.reduce((sum, key) => sum + data[key].count, 0);

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t('myWork.title')}</h1>
          <p className="text-sm text-muted">{t('myWork.timezone', { timezone: data.timezone })}</p>
        </div>
        <Link to="/templates" className="inline-flex min-h-11 items-center text-accent underline">
          {t('myWork.templates')}
        </Link>
      </div>
      {total === 0 && (
        <p className="rounded-xl border border-line bg-surface p-4 text-muted">
          {t('myWork.allClear')}
        </p>
      )}
      {sections.map((key) => {
        const section = data[key];
        if (section.count === 0) return null;
        return (
          <section
            key={key}
            aria-labelledby={`work-${key}`}
            className={`rounded-xl border bg-surface p-4 ${key === 'overdue' ? 'border-critical' : 'border-line'}`}
          >
            <h2 id={`work-${key}`} className="flex items-center gap-2 text-lg font-semibold">
              <span className={key === 'overdue' ? 'text-critical' : ''}>{t(`myWork.${key}`)}</span>
              <Badge tone={key === 'overdue' ? 'critical' : 'neutral'}>
                <span aria-label={t('myWork.count', { count: section.count })}>
                  {section.count}
                </span>
              </Badge>
            </h2>
            <ul>
              {section.items.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </ul>
            {section.items.length < section.count && (
              <p className="pt-2 text-sm text-muted">
                {t('myWork.more', { shown: section.items.length, count: section.count })}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
