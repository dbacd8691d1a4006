// A project and its template: saving the project as a new template, and previewing and taking
// the template's newest version (new tasks added, unstarted ones updated, finished work untouched).
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useApplyUpgrade,
  useSaveAsTemplate,
  useUpgradePreview,
  type Project,
} from '../../../api/work.ts';
import { Button, ErrorNote, Loading, TextField } from '../../../components/ui.tsx';

export function SaveAsTemplate({ project }: { project: Project }) {
  const { t } = useTranslation('work');
  const save = useSaveAsTemplate(project.id);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(t('project.templateNameDefault', { name: project.name }));
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('project.saveAsTemplate')}
      </Button>
    );
  }
  if (save.data) {
    return (
      <p role="status" className="flex flex-wrap items-center gap-2 text-healthy">
        {t('project.savedAsTemplate', { name: save.data.name })}
        <Link
          to="/templates/$templateId"
          params={{ templateId: save.data.id }}
          className="inline-flex min-h-11 items-center text-accent underline"
        >
          {t('project.openTemplate')}
        </Link>
      </p>
    );
  }
  return (
    <form
      className="flex w-full flex-col gap-2 rounded-xl border border-line bg-surface p-3 sm:max-w-md"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(name);
      }}
    >
      <TextField
        label={t('project.templateName')}
        error={save.error instanceof Error ? save.error.message : undefined}
        value={name}
        required
        onChange={(event) => setName(event.target.value)}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t('actions.saving') : t('project.saveTemplate')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('actions.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function TemplateUpgrade({ project }: { project: Project }) {
  const { t } = useTranslation('work');
  const [open, setOpen] = useState(false);
  const preview = useUpgradePreview(project.id, open);
  const apply = useApplyUpgrade(project.id);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('upgrade.button', { version: project.templateCurrentVersion ?? '' })}
      </Button>
    );
  }
  return (
    <section
      aria-labelledby="upgrade-title"
      className="flex w-full flex-col gap-2 rounded-xl border border-accent bg-surface p-3"
    >
      <h2 id="upgrade-title" className="text-lg font-semibold">
        {t('upgrade.title')}
      </h2>
      {preview.isPending ? (
        <Loading />
      ) : preview.error ? (
        <ErrorNote error={preview.error} />
      ) : (
        <>
          <p>
            {t('upgrade.versions', { from: preview.data.fromVersion, to: preview.data.toVersion })}
          </p>
          <UpgradeList
            title={t('upgrade.add')}
            items={preview.data.add.map((item) => ({ id: item.key, text: item.title }))}
          />
          <UpgradeList
            title={t('upgrade.update')}
            items={preview.data.update.map((item) => ({
              id: item.taskId,
              text: `${item.title} (${item.fields.join(', ')})`,
            }))}
          />
          <UpgradeList
            title={t('upgrade.untouched')}
            items={preview.data.untouched.map((item) => ({
              id: item.taskId,
              text: `${item.title}: ${item.reason}`,
            }))}
          />
          <ErrorNote error={apply.error} />
          {apply.isSuccess ? (
            <p role="status" className="text-healthy">
              {t('upgrade.done', { version: preview.data.toVersion })}
            </p>
          ) : (
            <div className="flex gap-2">
              <Button
                disabled={apply.isPending}
                onClick={() => apply.mutate(preview.data.toVersion)}
              >
                {t('upgrade.apply', { version: preview.data.toVersion })}
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                {t('actions.cancel')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function UpgradeList({ title, items }: { title: string; items: { id: string; text: string }[] }) {
  const { t } = useTranslation('work');
  return (
    <div>
      <h3 className="font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-muted">{t('upgrade.nothing')}</p>
      ) : (
        <ul className="list-disc pl-5 text-sm">
          {items.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A task as a card: its title opens the detail; the chip moves it without dragging. */
