// The template editor: stages and tasks, relative due dates, roles, checklists and
// dependencies. Saving makes a new version; the server's field errors show beside the field.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import {
  templateKinds,
  useSaveTemplate,
  useTemplate,
  type Template,
  type TemplateKind,
} from '../../../api/work.ts';
import {
  Button,
  ErrorNote,
  Field,
  Loading,
  Select,
  TextAreaField,
  TextField,
} from '../../../components/ui.tsx';
import { roleLabel } from '../TemplatesPage.tsx';
import {
  describePath,
  move,
  nextKey,
  toDraft,
  toInput,
  type Draft,
  type DraftStage,
  type DraftTask,
} from './draft.ts';
import { Item, TaskFields } from './TemplateItems.tsx';

export function TemplatePage({ templateId }: { templateId: string }) {
  const template = useTemplate(templateId);
  if (templateId !== 'new' && template.isPending) return <Loading />;
  if (template.error) return <ErrorNote error={template.error} />;
  return <Editor key={templateId} templateId={templateId} template={template.data} />;
}

function Editor({ templateId, template }: { templateId: string; template: Template | undefined }) {
  const { t } = useTranslation('work');
  const navigate = useNavigate();
  const save = useSaveTemplate(templateId);
  const [draft, setDraft] = useState<Draft>(() => toDraft(template));
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const problem = save.error instanceof ApiError ? save.error : null;
  const errorsAt = (prefix: string) =>
    (problem?.problem.errors ?? [])
      .filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`))
      .map((e) => e.message);

  const patchStage = (index: number, change: Partial<DraftStage>) =>
    setDraft((d) => ({
      ...d,
      stages: d.stages.map((s, i) => (i === index ? { ...s, ...change } : s)),
    }));
  const patchTask = (index: number, change: Partial<DraftTask>) =>
    setDraft((d) => ({
      ...d,
      tasks: d.tasks.map((task, i) => (i === index ? { ...task, ...change } : task)),
    }));
  const [loadedTasks] = useState(() => template?.definition.tasks.length ?? 0);
  const stageName = (key: string) => draft.stages.find((stage) => stage.key === key)?.name || key;
  const taskSummary = (task: DraftTask) =>
    [
      task.stage ? stageName(task.stage) : t('stage.none'),
      t(
        `editor.${draft.anchor === 'renewal' ? 'renewalSummary' : 'summary'}${task.offsetUnit === 'business' ? 'Business' : 'Calendar'}`,
        // Counting back from the renewal reads "renewal − 30 d"; from the start, as written.
        {
          days:
            draft.anchor === 'renewal'
              ? Math.abs(Number(task.offsetDays) || 0)
              : task.offsetDays || '0',
        },
      ),
      task.role ? roleLabel(task.role) : t('task.unassigned'),
      task.priority,
      task.dependsOn.length ? t('editor.summaryDepends', { keys: task.dependsOn.join(', ') }) : '',
      task.firstValue ? `★ ${t('task.firstValue')}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  const roles = [
    ...new Set(['owner', 'manager', ...draft.tasks.map((task) => task.role).filter(Boolean)]),
  ];

  const submit = () =>
    save.mutate(toInput(draft), {
      onSuccess: (saved) => {
        setSavedVersion(saved.version);
        if (templateId === 'new')
          void navigate({ to: '/templates/$templateId', params: { templateId: saved.id } });
      },
    });

  return (
    <form
      className="mx-auto flex max-w-4xl flex-col gap-4 pb-24"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Link to="/templates" className="inline-flex min-h-11 items-center text-accent underline">
        {t('editor.back')}
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {templateId === 'new'
            ? t('editor.newTitle')
            : t('editor.title', { name: template?.name ?? '' })}
        </h1>
        {template && (
          <span className="text-muted">
            {t('templates.version', { version: savedVersion ?? template.version })}
          </span>
        )}
      </div>

      <section
        aria-labelledby="editor-about"
        className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4"
      >
        <h2 id="editor-about" className="text-lg font-semibold">
          {t('editor.about')}
        </h2>
        <TextField
          label={t('editor.name')}
          error={errorsAt('name')[0]}
          required
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <TextAreaField
          label={t('editor.description')}
          error={errorsAt('description')[0]}
          rows={2}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
        <Field label={t('editor.kind')}>
          {(id) => (
            <Select
              id={id}
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as TemplateKind })}
            >
              {templateKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label={t('editor.anchor')}
          hint={t(
            draft.anchor === 'renewal' ? 'editor.anchorRenewalHint' : 'editor.anchorStartHint',
          )}
          error={errorsAt('definition.anchor')[0]}
        >
          {(id) => (
            <Select
              id={id}
              value={draft.anchor}
              onChange={(e) =>
                setDraft({ ...draft, anchor: e.target.value === 'renewal' ? 'renewal' : 'start' })
              }
            >
              <option value="start">{t('editor.anchorStart')}</option>
              <option value="renewal">{t('editor.anchorRenewal')}</option>
            </Select>
          )}
        </Field>
        {draft.anchor === 'start' && (
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={draft.allowDueBeforeStart}
              onChange={(e) => setDraft({ ...draft, allowDueBeforeStart: e.target.checked })}
            />
            {t('editor.allowDueBeforeStart')}
          </label>
        )}
      </section>

      <section aria-labelledby="editor-stages" className="flex flex-col gap-3">
        <h2 id="editor-stages" className="text-lg font-semibold">
          {t('editor.stages')}
        </h2>
        <ol className="flex flex-col gap-3">
          {draft.stages.map((stage, index) => (
            <Item
              key={index}
              label={stage.name || stage.key}
              errors={errorsAt(`definition.stages.${index}`)}
              onUp={() => setDraft((d) => ({ ...d, stages: move(d.stages, index, -1) }))}
              onDown={() => setDraft((d) => ({ ...d, stages: move(d.stages, index, 1) }))}
              onRemove={() =>
                setDraft((d) => ({ ...d, stages: d.stages.filter((_, i) => i !== index) }))
              }
            >
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField
                  label={t('editor.key')}
                  required
                  value={stage.key}
                  onChange={(e) => patchStage(index, { key: e.target.value })}
                />
                <TextField
                  label={t('editor.stageName')}
                  required
                  value={stage.name}
                  onChange={(e) => patchStage(index, { name: e.target.value })}
                />
                <TextField
                  label={t('editor.expectedDays')}
                  type="number"
                  min={0}
                  inputMode="numeric"
                  value={stage.expectedDays}
                  onChange={(e) => patchStage(index, { expectedDays: e.target.value })}
                />
              </div>
              <TextAreaField
                label={t('editor.successCriteria')}
                hint={t('editor.onePerLine')}
                rows={2}
                value={stage.criteria}
                onChange={(e) => patchStage(index, { criteria: e.target.value })}
              />
            </Item>
          ))}
        </ol>
        <Button
          variant="secondary"
          className="self-start"
          onClick={() =>
            setDraft((d) => ({
              ...d,
              stages: [
                ...d.stages,
                {
                  key: nextKey(
                    'stage_',
                    d.stages.map((s) => s.key),
                  ),
                  name: '',
                  description: null,
                  expectedDays: '',
                  criteria: '',
                },
              ],
            }))
          }
        >
          + {t('editor.addStage')}
        </Button>
      </section>

      <section aria-labelledby="editor-tasks" className="flex flex-col gap-3">
        <h2 id="editor-tasks" className="text-lg font-semibold">
          {t('editor.tasks')}
        </h2>
        <datalist id="template-roles">
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </datalist>
        <ol className="flex flex-col gap-3">
          {draft.tasks.map((task, index) => (
            <Item
              key={index}
              label={task.title || task.key}
              summary={taskSummary(task)}
              startOpen={index >= loadedTasks}
              errors={errorsAt(`definition.tasks.${index}`)}
              onUp={() => setDraft((d) => ({ ...d, tasks: move(d.tasks, index, -1) }))}
              onDown={() => setDraft((d) => ({ ...d, tasks: move(d.tasks, index, 1) }))}
              onRemove={() =>
                setDraft((d) => ({
                  ...d,
                  tasks: d.tasks
                    .filter((_, i) => i !== index)
                    .map((other) => ({
                      ...other,
                      dependsOn: other.dependsOn.filter((key) => key !== task.key),
                    })),
                }))
              }
            >
              <TaskFields
                task={task}
                others={draft.tasks.filter((_, i) => i !== index)}
                stages={draft.stages}
                anchor={draft.anchor}
                onChange={(change) => patchTask(index, change)}
              />
            </Item>
          ))}
        </ol>
        <Button
          variant="secondary"
          className="self-start"
          onClick={() =>
            setDraft((d) => ({
              ...d,
              tasks: [
                ...d.tasks,
                {
                  key: nextKey(
                    'task_',
                    d.tasks.map((task) => task.key),
                  ),
                  title: '',
                  description: null,
                  stage: d.stages.at(-1)?.key ?? '',
                  parent: null,
                  offsetDays: '0',
                  offsetUnit: 'calendar',
                  role: 'owner',
                  priority: 'P2',
                  tags: '',
                  checklist: '',
                  dependsOn: [],
                  firstValue: false,
                },
              ],
            }))
          }
        >
          + {t('editor.addTask')}
        </Button>
      </section>

      <div className="flex flex-col gap-2 border-t border-line bg-canvas py-3 lg:sticky lg:bottom-0">
        {problem && (
          <div role="alert" className="rounded-lg border border-critical p-3 text-critical">
            <p>{problem.problem.detail}</p>
            <ul className="list-disc pl-5 text-sm">
              {(problem.problem.errors ?? []).map((e) => (
                <li key={`${e.path}-${e.message}`}>
                  {describePath(e.path, draft, t('editor.untitled'))}: {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {save.error && !problem && <ErrorNote error={save.error} />}
        {savedVersion !== null && !save.isPending && !save.error && (
          <p role="status" className="text-healthy">
            {t('editor.saved', { version: savedVersion })}
          </p>
        )}
        <Button type="submit" disabled={save.isPending} className="self-start">
          {save.isPending
            ? t('actions.saving')
            : templateId === 'new'
              ? t('editor.create')
              : t('editor.saveVersion')}
        </Button>
      </div>
    </form>
  );
}
