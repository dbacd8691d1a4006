// The work widgets: my open tasks, a reminder to confirm as a task, escalations, and the
// onboardings in progress or behind schedule.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmTask, type WidgetOf } from '../../../api/assistant.ts';
import { useAccountChoices } from '../../../api/work.ts';
import { formatDateTime } from '../../../components/format.ts';
import { Button, ErrorNote, Field, Select } from '../../../components/ui.tsx';
import { AccountLink, Counts, Rows } from './parts.tsx';

export function MyTasksWidget({ data }: { data: WidgetOf<'my_tasks'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: t('counts.overdue'), value: data.counts.overdue, tone: 'text-critical' },
          { label: t('counts.today'), value: data.counts.today },
          { label: t('counts.thisWeek'), value: data.counts.thisWeek },
          { label: t('counts.later'), value: data.counts.later },
        ]}
      />
      <Rows
        items={data.items}
        label={t('widget.my_tasks')}
        keyOf={(task) => task.id}
        title={(task) => task.title}
        detail={(task) => (
          <>
            {task.accountName} · {task.priority}
            {task.dueAt && ` · ${formatDateTime(task.dueAt)}`}
          </>
        )}
      />
    </div>
  );
}

/**
 * A reminder the person asked for: nothing is saved until they confirm it here. A task belongs
 * to an account, so a reminder that named none asks which one first.
 */
export function TaskDraftWidget({ data }: { data: WidgetOf<'task_draft'>['data'] }) {
  const { t } = useTranslation('assistant');
  const confirm = useConfirmTask();
  const [accountId, setAccountId] = useState(data.accountId ?? '');
  const choices = useAccountChoices();
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line bg-raised p-3">
      <p className="font-medium">{data.title}</p>
      <p className="text-sm text-muted">
        {data.accountName}
        {data.dueAt && ` · ${t('draft.due', { date: formatDateTime(data.dueAt) })}`}
      </p>
      {!data.accountId && !confirm.isSuccess && (
        <Field label={t('draft.account')}>
          {(id) => (
            <Select id={id} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
              <option value="">{t('draft.chooseAccount')}</option>
              {(choices.data?.items ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      {confirm.isSuccess ? (
        <p role="status" className="font-medium text-healthy">
          {t('draft.saved')}
        </p>
      ) : (
        <div className="flex gap-2">
          <Button
            onClick={() => confirm.mutate({ ...data, accountId })}
            disabled={confirm.isPending || !accountId}
          >
            {t('draft.confirm')}
          </Button>
        </div>
      )}
      <ErrorNote error={confirm.error} />
    </div>
  );
}

export function EscalationsWidget({ data }: { data: WidgetOf<'escalations'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <Rows
      items={data.items}
      label={t('widget.escalations')}
      keyOf={(e) => e.id}
      title={(e) => e.taskTitle}
      detail={(e) => (
        <>
          <AccountLink id={e.accountId} name={e.accountName} /> · {formatDateTime(e.raisedAt)}
        </>
      )}
    />
  );
}

export function OnboardingWidget({ data }: { data: WidgetOf<'onboarding'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: t('counts.inProgress'), value: data.inProgress },
          { label: t('counts.behind'), value: data.behind, tone: 'text-critical' },
        ]}
      />
      <Rows
        items={data.items}
        label={t('widget.onboarding')}
        keyOf={(o) => o.projectId}
        title={(o) => (
          <Link
            to="/projects/$projectId"
            params={{ projectId: o.projectId }}
            className="underline-offset-2 hover:underline"
          >
            {o.projectName}
          </Link>
        )}
        detail={(o) => (
          <>
            <AccountLink id={o.accountId} name={o.accountName} />
            {o.stage && <span>{o.stage}</span>}
            <span>{t('onboarding.done', { percent: o.percent })}</span>
            {o.daysBehind !== null && (
              <span className="text-critical">
                {t('onboarding.behind', { count: o.daysBehind })}
              </span>
            )}
          </>
        )}
      />
    </div>
  );
}
