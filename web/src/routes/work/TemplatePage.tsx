// The template editor: stages and tasks, relative due dates, roles, checklists and
// dependencies. Saving makes a new version; the server's field errors show beside the field.
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  priorities,
  templateKinds,
  useSaveTemplate,
  useTemplate,
  type Template,
  type TemplateInput,
  type TemplateKind,
  type TemplateTask,
} from '../../api/work.ts';
import {
  Button,
  ErrorNote,
  Field,
  Input,
  Loading,
  Select,
  TextArea,
} from '../../components/ui.tsx';
import { roleLabel } from './TemplatesPage.tsx';

type DraftStage = {
  key: string;
  name: string;
  description: string | null;
  expectedDays: string;
  criteria: string;
};
type DraftTask = {
  key: string;
  title: string;
  description: string | null;
  stage: string;
  parent: string | null;
  offsetDays: string;
  offsetUnit: 'calendar' | 'business';
  role: string;
  priority: TemplateTask['priority'] & string;
  tags: string;
  checklist: string;
  dependsOn: string[];
  firstValue: boolean;
};
type Draft = {
  name: string;
  description: string;
  kind: TemplateKind;
  allowDueBeforeStart: boolean;
  stages: DraftStage[];
  tasks: DraftTask[];
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function toDraft(template: Template | undefined): Draft {
  const definition = template?.definition ?? { stages: [], tasks: [] };
  return {
    name: template?.name ?? '',
    description: template?.description ?? '',
    kind: template?.kind ?? 'onboarding',
    allowDueBeforeStart: definition.allowDueBeforeStart ?? false,
    stages: (definition.stages ?? []).map((stage) => ({
      key: stage.key,
      name: stage.name,
      description: stage.description ?? null,
      expectedDays:
        stage.expectedDays === null || stage.expectedDays === undefined
          ? ''
          : String(stage.expectedDays),
      criteria: (stage.successCriteria ?? []).join('\n'),
    })),
    tasks: definition.tasks.map((task) => ({
      key: task.key,
      title: task.title,
      description: task.description ?? null,
      stage: task.stage ?? '',
      parent: task.parent ?? null,
      offsetDays: String(task.offsetDays ?? 0),
      offsetUnit: task.offsetUnit ?? 'calendar',
      role: task.role ?? '',
      priority: task.priority ?? 'P2',
      tags: (task.tags ?? []).join(', '),
      checklist: (task.checklist ?? []).join('\n'),
      dependsOn: task.dependsOn ?? [],
      firstValue: task.firstValue ?? false,
    })),
  };
}

function toInput(draft: Draft): TemplateInput {
  return {
    name: draft.name,
    description: draft.description.trim() || null,
    kind: draft.kind,
    definition: {
      allowDueBeforeStart: draft.allowDueBeforeStart,
      stages: draft.stages.map((stage) => ({
        key: stage.key,
        name: stage.name,
        description: stage.description,
        expectedDays: stage.expectedDays.trim() === '' ? null : Number(stage.expectedDays),
        successCriteria: lines(stage.criteria),
      })),
      tasks: draft.tasks.map((task) => ({
        key: task.key,
        title: task.title,
        description: task.description,
        stage: task.stage || null,
        parent: task.parent,
        offsetDays: Number(task.offsetDays) || 0,
        offsetUnit: task.offsetUnit,
        role: task.role.trim() || null,
        priority: task.priority,
        tags: task.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
        checklist: lines(task.checklist),
        dependsOn: task.dependsOn,
        firstValue: task.firstValue,
      })),
    },
  };
}

/** `definition.tasks.3.dependsOn` → the task's title, so a person knows where to look. */
function describePath(path: string, draft: Draft, untitled: string): string {
  const match = /^definition\.(tasks|stages)\.(\d+)/.exec(path);
  if (!match) return path;
  const item =
    match[1] === 'tasks' ? draft.tasks[Number(match[2])] : draft.stages[Number(match[2])];
  if (!item) return path;
  return ('title' in item ? item.title : item.name) || item.key || untitled;
}

function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}

function nextKey(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

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
      t(task.offsetUnit === 'business' ? 'editor.summaryBusiness' : 'editor.summaryCalendar', {
        days: task.offsetDays || '0',
      }),
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
        <Field label={t('editor.name')} error={errorsAt('name')[0]}>
          {(id) => (
            <Input
              id={id}
              required
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('editor.description')} error={errorsAt('description')[0]}>
          {(id) => (
            <TextArea
              id={id}
              rows={2}
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            />
          )}
        </Field>
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
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={draft.allowDueBeforeStart}
            onChange={(e) => setDraft({ ...draft, allowDueBeforeStart: e.target.checked })}
          />
          {t('editor.allowDueBeforeStart')}
        </label>
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
                <Field label={t('editor.key')}>
                  {(id) => (
                    <Input
                      id={id}
                      required
                      value={stage.key}
                      onChange={(e) => patchStage(index, { key: e.target.value })}
                    />
                  )}
                </Field>
                <Field label={t('editor.stageName')}>
                  {(id) => (
                    <Input
                      id={id}
                      required
                      value={stage.name}
                      onChange={(e) => patchStage(index, { name: e.target.value })}
                    />
                  )}
                </Field>
                <Field label={t('editor.expectedDays')}>
                  {(id) => (
                    <Input
                      id={id}
                      type="number"
                      min={0}
                      inputMode="numeric"
                      value={stage.expectedDays}
                      onChange={(e) => patchStage(index, { expectedDays: e.target.value })}
                    />
                  )}
                </Field>
              </div>
              <Field label={t('editor.successCriteria')} hint={t('editor.onePerLine')}>
                {(id) => (
                  <TextArea
                    id={id}
                    rows={2}
                    value={stage.criteria}
                    onChange={(e) => patchStage(index, { criteria: e.target.value })}
                  />
                )}
              </Field>
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

function Item({
  label,
  summary,
  errors,
  startOpen = true,
  onUp,
  onDown,
  onRemove,
  children,
}: {
  label: string;
  summary?: string;
  errors: string[];
  startOpen?: boolean;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('work');
  const [open, setOpen] = useState(startOpen);
  const bodyId = useId();
  const shown = open || errors.length > 0;
  return (
    <li
      className={`flex flex-col gap-3 rounded-xl border bg-surface p-4 ${errors.length ? 'border-critical' : 'border-line'}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{label || t('editor.untitled')}</h3>
        <div className="flex gap-1">
          <Button variant="ghost" onClick={onUp} aria-label={t('editor.moveUp', { name: label })}>
            ↑
          </Button>
          <Button
            variant="ghost"
            onClick={onDown}
            aria-label={t('editor.moveDown', { name: label })}
          >
            ↓
          </Button>
          <Button
            variant="danger"
            onClick={onRemove}
            aria-label={t('editor.remove', { name: label })}
          >
            ✕
          </Button>
        </div>
      </div>
      {summary && <p className="text-sm text-muted">{summary}</p>}
      {errors.map((message) => (
        <p key={message} role="alert" className="text-sm text-critical">
          {message}
        </p>
      ))}
      <Button
        variant="secondary"
        className="self-start"
        aria-expanded={shown}
        aria-controls={bodyId}
        onClick={() => setOpen(!shown)}
      >
        {shown
          ? t('editor.hideDetails')
          : t('editor.showDetails', { name: label || t('editor.untitled') })}
      </Button>
      <div id={bodyId} hidden={!shown} className="flex flex-col gap-3">
        {children}
      </div>
    </li>
  );
}

function TaskFields({
  task,
  others,
  stages,
  onChange,
}: {
  task: DraftTask;
  others: DraftTask[];
  stages: DraftStage[];
  onChange: (change: Partial<DraftTask>) => void;
}) {
  const { t } = useTranslation('work');
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('editor.key')}>
          {(id) => (
            <Input
              id={id}
              required
              value={task.key}
              onChange={(e) => onChange({ key: e.target.value })}
            />
          )}
        </Field>
        <div className="sm:col-span-2">
          <Field label={t('editor.taskTitle')}>
            {(id) => (
              <Input
                id={id}
                required
                value={task.title}
                onChange={(e) => onChange({ title: e.target.value })}
              />
            )}
          </Field>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('editor.stage')}>
          {(id) => (
            <Select
              id={id}
              value={task.stage}
              onChange={(e) => onChange({ stage: e.target.value })}
            >
              <option value="">{t('stage.none')}</option>
              {stages.map((stage) => (
                <option key={stage.key} value={stage.key}>
                  {stage.name || stage.key}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('editor.offsetDays')} hint={t('editor.offsetHint')}>
          {(id) => (
            <Input
              id={id}
              type="number"
              inputMode="numeric"
              value={task.offsetDays}
              onChange={(e) => onChange({ offsetDays: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('editor.offsetUnit')}>
          {(id) => (
            <Select
              id={id}
              value={task.offsetUnit}
              onChange={(e) =>
                onChange({ offsetUnit: e.target.value === 'business' ? 'business' : 'calendar' })
              }
            >
              <option value="calendar">{t('editor.calendar')}</option>
              <option value="business">{t('editor.business')}</option>
            </Select>
          )}
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('editor.role')} hint={t('editor.roleHint')}>
          {(id) => (
            <Input
              id={id}
              list="template-roles"
              value={task.role}
              onChange={(e) => onChange({ role: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('editor.priority')}>
          {(id) => (
            <Select
              id={id}
              value={task.priority}
              onChange={(e) => onChange({ priority: e.target.value as DraftTask['priority'] })}
            >
              {priorities.map((priority) => (
                <option key={priority} value={priority}>
                  {priority}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('editor.tags')} hint={t('editor.tagsHint')}>
          {(id) => (
            <Input id={id} value={task.tags} onChange={(e) => onChange({ tags: e.target.value })} />
          )}
        </Field>
      </div>
      <Field label={t('editor.checklist')} hint={t('editor.onePerLine')}>
        {(id) => (
          <TextArea
            id={id}
            rows={2}
            value={task.checklist}
            onChange={(e) => onChange({ checklist: e.target.value })}
          />
        )}
      </Field>
      {others.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium">{t('editor.dependsOn')}</legend>
          <ul className="flex max-h-48 flex-col overflow-y-auto">
            {others.map((other) => (
              <li key={other.key}>
                <label className="flex min-h-11 items-center gap-3">
                  <input
                    type="checkbox"
                    className="h-5 w-5"
                    checked={task.dependsOn.includes(other.key)}
                    onChange={(e) =>
                      onChange({
                        dependsOn: e.target.checked
                          ? [...task.dependsOn, other.key]
                          : task.dependsOn.filter((key) => key !== other.key),
                      })
                    }
                  />
                  {other.title || other.key}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          className="h-5 w-5"
          checked={task.firstValue}
          onChange={(e) => onChange({ firstValue: e.target.checked })}
        />
        {t('editor.firstValue')}
      </label>
    </>
  );
}
