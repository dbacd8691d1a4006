// A project: a board by status (drag, or the status chip), a list by stage, a task's detail,
// changing the project, saving it as a template and bringing it up to its template's newest version.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../api/session.ts';
import { useProject, type Project } from '../../../api/work.ts';
import { formatDate } from '../../../components/format.ts';
import { Button, ErrorNote, Loading } from '../../../components/ui.tsx';
import { ProgressBar } from '../OnboardingPage.tsx';
import { Board, StageList } from './Board.tsx';
import { EditProject } from './EditProject.tsx';
import { TaskDetail } from './TaskDetail.tsx';
import { SaveAsTemplate, TemplateUpgrade } from './TemplateSync.tsx';

type View = 'board' | 'list';

/** `openTaskId`: the task whose detail is open, kept in the address by the route. */
export function ProjectPage({
  projectId,
  openTaskId,
  onOpenTask: setOpenTaskId,
}: {
  projectId: string;
  openTaskId: string | null;
  onOpenTask: (taskId: string | null) => void;
}) {
  const { t } = useTranslation('work');
  const project = useProject(projectId);
  const [view, setView] = useState<View>('board');
  if (project.isPending) return <Loading />;
  if (project.error) return <ErrorNote error={project.error} />;
  const data = project.data;
  const openTask = data.tasks.find((task) => task.id === openTaskId) ?? null;

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <ProjectHeader project={data} />
      <div role="group" aria-label={t('project.view')} className="flex gap-2">
        {(['board', 'list'] as const).map((option) => (
          <Button
            key={option}
            variant={view === option ? 'primary' : 'secondary'}
            aria-pressed={view === option}
            onClick={() => setView(option)}
          >
            {t(`project.${option}`)}
          </Button>
        ))}
      </div>
      {view === 'board' ? (
        <Board project={data} onOpen={setOpenTaskId} />
      ) : (
        <StageList project={data} onOpen={setOpenTaskId} />
      )}
      {openTask && (
        <TaskDetail
          task={openTask}
          project={data}
          onClose={() => setOpenTaskId(null)}
          onOpen={setOpenTaskId}
        />
      )}
    </div>
  );
}

function ProjectHeader({ project }: { project: Project }) {
  const { t } = useTranslation('work');
  const canManage = useCan('manage_work');
  const canSaveTemplate = useCan('manage_templates');
  const [editing, setEditing] = useState(false);
  const behind =
    project.templateVersion !== null &&
    project.templateCurrentVersion !== null &&
    project.templateVersion < project.templateCurrentVersion;
  return (
    <div className="flex flex-col gap-3">
      <div>
        <Link
          to="/accounts/$accountId"
          params={{ accountId: project.accountId }}
          className="inline-flex min-h-11 items-center text-accent underline"
        >
          {project.accountName}
        </Link>
        <h1 className="text-2xl font-bold">{project.name}</h1>
        <p className="text-sm text-muted">
          {t(`kind.${project.kind}`)} · {t(`projectStatus.${project.status}`)} ·{' '}
          {t('project.started', { date: formatDate(project.startDate) })}
          {project.targetDate &&
            ` · ${t('project.doneBy', { date: formatDate(project.targetDate) })}`}
          {project.templateName &&
            ` · ${t('project.fromTemplate', { name: project.templateName, version: project.templateVersion ?? '' })}`}
        </p>
      </div>
      <ProgressBar
        done={project.progress.done}
        total={project.progress.total}
        label={t('project.progress')}
      />
      <div className="flex flex-wrap gap-2">
        {canManage && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('project.edit')}
          </Button>
        )}
        {canSaveTemplate && <SaveAsTemplate project={project} />}
        {canManage && behind && <TemplateUpgrade project={project} />}
      </div>
      {editing && <EditProject project={project} close={() => setEditing(false)} />}
    </div>
  );
}
