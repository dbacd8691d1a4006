// One stage or task row of the template editor (reorder, remove, expand) and a task's fields.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities } from '../../../api/work.ts';
import { Button, Field, Select, TextAreaField, TextField } from '../../../components/ui.tsx';
import type { DraftStage, DraftTask, TemplateAnchor } from './draft.ts';

export function Item({
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

export function TaskFields({
  task,
  others,
  stages,
  anchor,
  onChange,
}: {
  task: DraftTask;
  others: DraftTask[];
  stages: DraftStage[];
  anchor: TemplateAnchor;
  onChange: (change: Partial<DraftTask>) => void;
}) {
  const { t } = useTranslation('work');
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          label={t('editor.key')}
          required
          value={task.key}
          onChange={(e) => onChange({ key: e.target.value })}
        />
        <div className="sm:col-span-2">
          <TextField
            label={t('editor.taskTitle')}
            required
            value={task.title}
            onChange={(e) => onChange({ title: e.target.value })}
          />
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
        <TextField
          label={t(anchor === 'renewal' ? 'editor.offsetDaysRenewal' : 'editor.offsetDays')}
          hint={t(anchor === 'renewal' ? 'editor.offsetHintRenewal' : 'editor.offsetHint')}
          type="number"
          inputMode="numeric"
          value={task.offsetDays}
          onChange={(e) => onChange({ offsetDays: e.target.value })}
        />
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
        <TextField
          label={t('editor.role')}
          hint={t('editor.roleHint')}
          list="template-roles"
          value={task.role}
          onChange={(e) => onChange({ role: e.target.value })}
        />
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
        <TextField
          label={t('editor.tags')}
          hint={t('editor.tagsHint')}
          value={task.tags}
          onChange={(e) => onChange({ tags: e.target.value })}
        />
      </div>
      <TextAreaField
        label={t('editor.checklist')}
        hint={t('editor.onePerLine')}
        rows={2}
        value={task.checklist}
        onChange={(e) => onChange({ checklist: e.target.value })}
      />
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
