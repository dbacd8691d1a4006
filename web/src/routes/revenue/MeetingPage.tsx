// One meeting: when and where (in the reader's zone, with the meeting's own beside it), who,
// the agenda and notes, the invitations sent; download it for a calendar, reschedule, cancel,
// or mark it held with its action items (which become tasks). A QBR links to its prep page.
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import {
  inviteUrl,
  useCancelMeeting,
  useChangeMeeting,
  useCompleteMeeting,
  useMeeting,
  type MeetingDetail,
} from '../../api/revenue.ts';
import { useMe } from '../../api/session.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatDateTime } from '../../components/format.ts';
import {
  Badge,
  Button,
  Card,
  ErrorNote,
  Field,
  Loading,
  Select,
  TextAreaField,
  TextField,
} from '../../components/ui.tsx';
import { linkClass } from './parts.tsx';
import { wallClock, zonedInstant } from './zonedTime.ts';

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('revenue');
  const meeting = useMeeting(meetingId);
  const me = useMe();
  const canManage = me.data?.permissions.includes('manage_client_meetings') ?? false;
  const [dialog, setDialog] = useState<'reschedule' | 'cancel' | 'held' | null>(null);
  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <ErrorNote error={meeting.error} />;
  const m = meeting.data;
  const started = Date.parse(m.startsAt) <= Date.now();
  return (
    <div className="flex flex-col gap-4">
      <Link
        to="/meetings"
        className="inline-flex min-h-11 items-center self-start text-sm text-muted hover:text-ink"
      >
        ← {t('meeting.back')}
      </Link>
      <header className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold">{m.title}</h1>
        <Badge tone={m.kind === 'qbr' ? 'accent' : 'neutral'}>
          {t(`meetings.kinds.${m.kind}`)}
        </Badge>
        <Badge
          tone={m.status === 'held' ? 'healthy' : m.status === 'cancelled' ? 'critical' : 'neutral'}
        >
          {t(`meetings.status.${m.status}`)}
        </Badge>
      </header>
      <div className="flex flex-wrap gap-2">
        <a href={inviteUrl(m.id)} className={`${linkClass} border border-line`} download>
          {t('meeting.download')}
        </a>
        {m.kind === 'qbr' && (
          <Link
            to="/accounts/$accountId/qbr-prep"
            params={{ accountId: m.accountId }}
            className={`${linkClass} border border-line`}
          >
            {t('meeting.prep')}
          </Link>
        )}
        {canManage && m.status === 'scheduled' && (
          <>
            <Button variant="secondary" onClick={() => setDialog('reschedule')}>
              {t('meeting.reschedule')}
            </Button>
            {started && (
              <Button variant="secondary" onClick={() => setDialog('held')}>
                {t('meeting.held')}
              </Button>
            )}
            <Button variant="danger" onClick={() => setDialog('cancel')}>
              {t('meeting.cancel')}
            </Button>
          </>
        )}
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <dl className="grid grid-cols-1 gap-2">
            <div>
              <dt className="text-sm text-muted">{t('meeting.when')}</dt>
              <dd>
                {formatDateTime(m.startsAt)} – {formatDateTime(m.endsAt)}
                <span className="block text-sm text-muted">
                  {wallClock(m.startsAt, m.timeZone).time} {m.timeZone}
                </span>
              </dd>
            </div>
            {m.location && (
              <div>
                <dt className="text-sm text-muted">{t('meeting.where')}</dt>
                <dd>{m.location}</dd>
              </div>
            )}
            <div>
              <dt className="text-sm text-muted">{t('schedule.account')}</dt>
              <dd>
                <Link
                  to="/accounts/$accountId"
                  params={{ accountId: m.accountId }}
                  className="hover:underline"
                >
                  {m.accountName}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-muted">{t('meeting.attendees')}</dt>
              <dd>
                <ul>
                  {m.attendees.map((a) => (
                    <li key={a.userId ?? a.contactId}>
                      {a.name}
                      {a.email && <span className="text-sm text-muted"> · {a.email}</span>}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
        </Card>
        <Card title={t('meeting.agenda')}>
          <p className="whitespace-pre-line">{m.agenda ?? '—'}</p>
          {m.notes && (
            <>
              <h3 className="mt-3 font-semibold">{t('meeting.notes')}</h3>
              <p className="whitespace-pre-line">{m.notes}</p>
            </>
          )}
        </Card>
        <Card title={t('meeting.actionItems')}>
          {m.actionItems.length === 0 ? (
            <p className="text-muted">{t('meeting.noItems')}</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {m.actionItems.map((item) => (
                <li key={item.taskId}>
                  {item.title}
                  <span className="text-sm text-muted">
                    {item.assigneeName && ` · ${item.assigneeName}`}
                    {item.dueAt && ` · ${formatDateTime(item.dueAt)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {m.invites.length > 0 && (
          <Card title={t('meeting.invites')}>
            <ul className="flex flex-col gap-1 text-sm">
              {m.invites.map((invite) => (
                <li key={invite.id}>
                  {invite.email} · {t(`meeting.invite.${invite.method}`)} ·{' '}
                  {t(`meeting.invite.${invite.status}`)}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
      {dialog === 'reschedule' && <Reschedule meeting={m} close={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelMeeting meeting={m} close={() => setDialog(null)} />}
      {dialog === 'held' && <MarkHeld meeting={m} close={() => setDialog(null)} />}
    </div>
  );
}

function Reschedule({ meeting, close }: { meeting: MeetingDetail; close: () => void }) {
  const { t } = useTranslation('revenue');
  const change = useChangeMeeting(meeting.id);
  const start = wallClock(meeting.startsAt, meeting.timeZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const length = Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt);
  const error = change.error instanceof ApiError ? change.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = zonedInstant(date, time, meeting.timeZone);
    change.mutate(
      { startsAt, endsAt: new Date(Date.parse(startsAt) + length).toISOString() },
      { onSuccess: close },
    );
  };
  return (
    <Dialog
      title={t('meeting.reschedule')}
      closeLabel={t('meeting.close')}
      onClose={close}
      placement="center"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <TextField
          label={t('schedule.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={error?.fieldError('startsAt')}
        />
        <TextField
          label={`${t('schedule.time')} (${meeting.timeZone})`}
          type="time"
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
        {error && !error.problem.errors?.length && <ErrorNote error={error} />}
        <Button type="submit" disabled={change.isPending}>
          {t('meeting.saveTime')}
        </Button>
      </form>
    </Dialog>
  );
}

function CancelMeeting({ meeting, close }: { meeting: MeetingDetail; close: () => void }) {
  const { t } = useTranslation('revenue');
  const cancel = useCancelMeeting(meeting.id);
  return (
    <Dialog
      title={t('meeting.cancel')}
      closeLabel={t('meeting.close')}
      onClose={close}
      placement="center"
    >
      <p>{t('meeting.confirmCancel')}</p>
      {cancel.error && <ErrorNote error={cancel.error} />}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(undefined, { onSuccess: close })}
        >
          {t('meeting.cancel')}
        </Button>
        <Button variant="secondary" onClick={close}>
          {t('meeting.keep')}
        </Button>
      </div>
    </Dialog>
  );
}

type Item = { title: string; assigneeId: string; dueAt: string };

function MarkHeld({ meeting, close }: { meeting: MeetingDetail; close: () => void }) {
  const { t } = useTranslation('revenue');
  const complete = useCompleteMeeting(meeting.id);
  const users = useUsers();
  const [notes, setNotes] = useState(meeting.notes ?? '');
  const [items, setItems] = useState<Item[]>([]);
  const error = complete.error instanceof ApiError ? complete.error : null;
  const set = (i: number, change: Partial<Item>) =>
    setItems(items.map((item, j) => (j === i ? { ...item, ...change } : item)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate(
      {
        notes: notes || null,
        actionItems: items
          .filter((item) => item.title.trim())
          .map((item) => ({
            title: item.title,
            assigneeId: item.assigneeId || null,
            dueAt: item.dueAt ? new Date(`${item.dueAt}T17:00:00`).toISOString() : null,
          })),
      },
      { onSuccess: close },
    );
  };
  return (
    <Dialog
      title={t('meeting.heldTitle')}
      closeLabel={t('meeting.close')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <TextAreaField
          label={t('meeting.notes')}
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 font-medium">{t('meeting.actionItems')}</legend>
          {items.map((item, i) => (
            <div key={i} className="flex flex-col gap-2 rounded-lg border border-line p-2">
              <TextField
                label={t('meeting.actionItem')}
                value={item.title}
                onChange={(e) => set(i, { title: e.target.value })}
              />
              <Field
                label={t('meeting.assignee')}
                error={error?.fieldError(`actionItems.${i}.assigneeId`)}
              >
                {(id) => (
                  <Select
                    id={id}
                    value={item.assigneeId}
                    onChange={(e) => set(i, { assigneeId: e.target.value })}
                  >
                    <option value="">—</option>
                    {(users.data?.items ?? [])
                      .filter((u) => !u.deactivated)
                      .map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                  </Select>
                )}
              </Field>
              <TextField
                label={t('meeting.due')}
                type="date"
                value={item.dueAt}
                onChange={(e) => set(i, { dueAt: e.target.value })}
              />
              <Button variant="ghost" onClick={() => setItems(items.filter((_, j) => j !== i))}>
                {t('meeting.remove')}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => setItems([...items, { title: '', assigneeId: '', dueAt: '' }])}
          >
            + {t('meeting.addItem')}
          </Button>
        </fieldset>
        {error && <ErrorNote error={error} />}
        <Button type="submit" disabled={complete.isPending}>
          {t('meeting.save')}
        </Button>
      </form>
    </Dialog>
  );
}
