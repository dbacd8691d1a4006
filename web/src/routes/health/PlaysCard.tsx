// The workspace's plays: what Steward opens on its own when an account moves into At risk or
// Critical, or a renewal nears — one task, or a project from a template — and for whom.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  playTriggers,
  useDeletePlay,
  usePlays,
  useSavePlay,
  type Play,
  type PlayInput,
} from '../../api/health.ts';
import { useTemplates } from '../../api/work.ts';
import { useCan } from '../../api/session.ts';
import { formatDuration } from '../../components/format.ts';
import {
  Badge,
  Button,
  Card,
  ErrorNote,
  Field,
  Loading,
  Select,
  TextField,
} from '../../components/ui.tsx';

const blank: PlayInput = {
  name: '',
  trigger: 'entered_at_risk',
  daysBeforeRenewal: null,
  templateId: null,
  taskTitle: '',
  assigneeRole: 'owner',
  dueInHours: 24,
  enabled: true,
};

export function PlaysCard() {
  const { t } = useTranslation('health');
  const plays = usePlays();
  const remove = useDeletePlay();
  // null: no form open; 'new' or a play's id: that form.
  const [editing, setEditing] = useState<string | null>(null);
  const canChange = useCan('manage_scorecards');

  return (
    <Card
      title={t('plays.title')}
      action={
        canChange &&
        editing === null && (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            {t('plays.add')}
          </Button>
        )
      }
    >
      <p className="mb-3 text-sm text-muted">{t('plays.intro')}</p>
      {editing === 'new' && <PlayForm play={null} close={() => setEditing(null)} />}
      {plays.isPending ? (
        <Loading />
      ) : plays.error ? (
        <ErrorNote error={plays.error} />
      ) : plays.data.items.length === 0 ? (
        <p className="text-muted">{t('plays.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {plays.data.items.map((play) =>
            editing === play.id ? (
              <li key={play.id} className="py-3">
                <PlayForm play={play} close={() => setEditing(null)} />
              </li>
            ) : (
              <li key={play.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="flex min-w-0 flex-col">
                  <span className="font-medium">
                    {play.name} {!play.enabled && <Badge>{t('plays.off')}</Badge>}
                  </span>
                  <span className="text-sm text-muted">
                    {t(`plays.triggers.${play.trigger}`)}
                    {play.daysBeforeRenewal !== null &&
                      ` · ${formatDuration(`P${play.daysBeforeRenewal}D`)}`}{' '}
                    · {t(`plays.roles.${play.assigneeRole}`)}
                  </span>
                </div>
                {canChange && (
                  <div className="flex gap-2">
                    <Button variant="secondary" onClick={() => setEditing(play.id)}>
                      {t('plays.edit')}
                    </Button>
                    <Button
                      variant="danger"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(play.id)}
                    >
                      {t('plays.delete')}
                    </Button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      <ErrorNote error={remove.error} />
    </Card>
  );
}

function PlayForm({ play, close }: { play: Play | null; close: () => void }) {
  const { t } = useTranslation('health');
  const templates = useTemplates();
  const save = useSavePlay();
  const [draft, setDraft] = useState<PlayInput>(play ?? blank);
  const patch = (change: Partial<PlayInput>) => setDraft((d) => ({ ...d, ...change }));
  const fieldError = (path: string) =>
    save.error instanceof ApiError ? save.error.fieldError(path) : undefined;

  return (
    <form
      className="mb-3 flex flex-col gap-3 rounded-lg border border-line p-3"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            id: play?.id ?? null,
            body: {
              ...draft,
              taskTitle: draft.templateId ? null : draft.taskTitle,
              daysBeforeRenewal:
                draft.trigger === 'renewal_approaching' ? draft.daysBeforeRenewal : null,
            },
          },
          { onSuccess: close },
        );
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          label={t('plays.name')}
          required
          maxLength={200}
          value={draft.name}
          error={fieldError('name')}
          onChange={(e) => patch({ name: e.target.value })}
        />
        <Field label={t('plays.trigger')} error={fieldError('trigger')}>
          {(id) => (
            <Select
              id={id}
              value={draft.trigger}
              onChange={(e) => patch({ trigger: e.target.value as PlayInput['trigger'] })}
            >
              {playTriggers.map((trigger) => (
                <option key={trigger} value={trigger}>
                  {t(`plays.triggers.${trigger}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {draft.trigger === 'renewal_approaching' && (
          <TextField
            label={t('plays.daysBeforeRenewal')}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            required
            value={draft.daysBeforeRenewal ?? ''}
            error={fieldError('daysBeforeRenewal')}
            onChange={(e) =>
              patch({ daysBeforeRenewal: e.target.value === '' ? null : Number(e.target.value) })
            }
          />
        )}
        <Field label={t('plays.template')} error={fieldError('templateId')}>
          {(id) => (
            <Select
              id={id}
              value={draft.templateId ?? ''}
              onChange={(e) => patch({ templateId: e.target.value || null })}
            >
              <option value="">{t('plays.noTemplate')}</option>
              {templates.data?.items.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {!draft.templateId && (
          <TextField
            label={t('plays.taskTitle')}
            required
            maxLength={300}
            value={draft.taskTitle ?? ''}
            error={fieldError('taskTitle')}
            onChange={(e) => patch({ taskTitle: e.target.value })}
          />
        )}
        <Field label={t('plays.assigneeRole')} error={fieldError('assigneeRole')}>
          {(id) => (
            <Select
              id={id}
              value={draft.assigneeRole}
              onChange={(e) => patch({ assigneeRole: e.target.value as PlayInput['assigneeRole'] })}
            >
              <option value="owner">{t('plays.roles.owner')}</option>
              <option value="manager">{t('plays.roles.manager')}</option>
            </Select>
          )}
        </Field>
        <TextField
          label={t('plays.dueInHours')}
          type="number"
          inputMode="numeric"
          min={1}
          max={8760}
          required
          value={draft.dueInHours ?? ''}
          error={fieldError('dueInHours')}
          onChange={(e) => patch({ dueInHours: Number(e.target.value) })}
        />
      </div>
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          className="h-5 w-5"
          checked={draft.enabled ?? true}
          onChange={(e) => patch({ enabled: e.target.checked })}
        />
        {t('plays.enabled')}
      </label>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {t('plays.save')}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t('plays.cancel')}
        </Button>
      </div>
      {save.error && !(save.error instanceof ApiError && save.error.problem.errors) && (
        <ErrorNote error={save.error} />
      )}
    </form>
  );
}
