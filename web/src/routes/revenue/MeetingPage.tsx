// One meeting: when and where (in the reader's zone, with the meeting's own beside it), who,
// the agenda and notes, the invitations sent; download it for a calendar, reschedule, cancel,
// mark it held, or add action items at any time before it is cancelled (each becomes a task on
// the account, linked from here). A QBR links to its prep page.
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  inviteUrl,
  useCancelMeeting,
  useChangeMeeting,
  useMeeting,
  type MeetingDetail,
} from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Loading, TextField } from '../../components/ui.tsx';
import { ActionItems, AddActionItems, MarkHeld } from './MeetingActionItems.tsx';
import { linkClass } from './parts.tsx';
import { wallClock, zonedInstant } from './zonedTime.ts';

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('revenue');
  const meeting = useMeeting(meetingId);
  const canManage = useCan('manage_client_meetings');
  const [dialog, setDialog] = useState<'reschedule' | 'cancel' | 'held' | 'items' | null>(null);
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
        <ActionItems
          meeting={m}
          onAdd={canManage && m.status !== 'cancelled' ? () => setDialog('items') : null}
        />
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
      {dialog === 'items' && <AddActionItems meeting={m} close={() => setDialog(null)} />}
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
