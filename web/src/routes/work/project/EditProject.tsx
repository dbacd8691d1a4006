// Changing a project: its name, where it stands and the day it should be done by. Only what moved
// is sent; a refusal shows under its field and the form keeps what was typed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { useUpdateProject, type Project } from '../../../api/work.ts';
import { formatDate } from '../../../components/format.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { Button, ErrorNote, SelectField, TextField } from '../../../components/ui.tsx';

const projectStatuses = ['active', 'on_hold', 'completed', 'cancelled'] as const;
type Draft = { name: string; status: Project['status']; targetDate: string };

export function EditProject({ project, close }: { project: Project; close: () => void }) {
  const { t } = useTranslation('work');
  const update = useUpdateProject(project.id);
  const [draft, setDraft] = useState<Draft>({
    name: project.name,
    status: project.status,
    targetDate: project.targetDate ?? '',
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const error = update.error instanceof ApiError ? update.error : null;
  const onForm = ['name', 'status', 'targetDate'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.name.trim();
    const targetDate = draft.targetDate || null;
    const changes = {
      ...(name !== project.name ? { name } : {}),
      ...(draft.status !== project.status ? { status: draft.status } : {}),
      ...(targetDate !== project.targetDate ? { targetDate } : {}),
    };
    if (Object.keys(changes).length === 0) close();
    else update.mutate(changes, { onSuccess: close });
  };

  return (
    <Dialog
      title={t('projectForm.title')}
      closeLabel={t('actions.cancel')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <TextField
          label={t('projectForm.name')}
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          error={error?.fieldError('name')}
          required
        />
        <TextField
          label={t('projectForm.targetDate')}
          hint={t('projectForm.targetDateHint', { date: formatDate(project.startDate) })}
          type="date"
          min={project.startDate}
          value={draft.targetDate}
          onChange={(e) => set('targetDate', e.target.value)}
          error={error?.fieldError('targetDate')}
        />
        <SelectField
          label={t('projectForm.status')}
          value={draft.status}
          onChange={(e) => set('status', e.target.value as Draft['status'])}
          error={error?.fieldError('status')}
          options={projectStatuses.map((v) => ({ value: v, label: t(`projectStatus.${v}`) }))}
        />
        {!onForm.some((field) => error?.fieldError(field)) && <ErrorNote error={update.error} />}
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? t('actions.saving') : t('projectForm.save')}
        </Button>
      </form>
    </Dialog>
  );
}
