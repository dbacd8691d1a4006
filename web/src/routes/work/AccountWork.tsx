// The account page's "Open work": its projects with progress, its open tasks, a template shortcut.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDrawnLater } from '../../api/drawnLater.ts';
import { useAccountProjects, useAccountTasks } from '../../api/work.ts';
import { useCan } from '../../api/session.ts';
import { Card, ErrorNote, Loading } from '../../components/ui.tsx';
import { ProgressBar } from './OnboardingPage.tsx';
import { TaskRow } from './TaskStatus.tsx';

export function AccountWork({ accountId }: { accountId: string }) {
  const { t } = useTranslation('work');
  const projects = useDrawnLater(useAccountProjects(accountId));
  const tasks = useDrawnLater(useAccountTasks(accountId));
  const canStart = useCan('manage_work');

  return (
    <Card
      title={t('accountWork.title')}
      action={
        canStart && (
          <Link to="/templates" className="inline-flex min-h-11 items-center text-accent underline">
            {t('accountWork.startFromTemplate')}
          </Link>
        )
      }
    >
      <h3 className="mb-1 font-semibold">{t('accountWork.projects')}</h3>
      {projects.isPending ? (
        <Loading />
      ) : projects.error ? (
        <ErrorNote error={projects.error} />
      ) : projects.data.items.length === 0 ? (
        <p className="text-muted">{t('accountWork.noProjects')}</p>
      ) : (
        <ul className="mb-4 flex flex-col gap-2">
          {projects.data.items.map((project) => (
            <li key={project.id} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  to="/projects/$projectId"
                  params={{ projectId: project.id }}
                  className="inline-flex min-h-11 items-center font-medium text-accent underline"
                >
                  {project.name}
                </Link>
                <span className="text-sm text-muted">
                  {t(`kind.${project.kind}`)} · {t(`projectStatus.${project.status}`)}
                </span>
              </div>
              <ProgressBar
                done={project.progress.done}
                total={project.progress.total}
                label={project.name}
              />
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-2 mb-1 font-semibold">{t('accountWork.tasks')}</h3>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.error ? (
        <ErrorNote error={tasks.error} />
      ) : tasks.data.items.length === 0 ? (
        <p className="text-muted">{t('accountWork.noTasks')}</p>
      ) : (
        <ul>
          {tasks.data.items.map((task) => (
            <TaskRow key={task.id} task={task} showAccount={false} />
          ))}
        </ul>
      )}
    </Card>
  );
}
