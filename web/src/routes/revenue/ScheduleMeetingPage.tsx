// Scheduling a meeting, phone first: the account (found by name, or given by the page that sent
// the person here), the kind, when (a day, a time and a length in the organizer's zone), the
// team and the customer's contacts to invite, and the agenda — a QBR starts with one.
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount360, usePortfolio, useUsers } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { meetingKinds, useScheduleMeeting, type MeetingKind } from '../../api/revenue.ts';
import { useCan, useMe } from '../../api/session.ts';
import {
  Button,
  ErrorNote,
  Field,
  Select,
  TextAreaField,
  TextField,
} from '../../components/ui.tsx';
import { timeZones, zonedInstant } from './zonedTime.ts';

export type ScheduleSearch = { accountId?: string; kind?: MeetingKind };

const lengths = [30, 45, 60, 90, 120] as const;

function tomorrow(): string {
  return new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
}

export function ScheduleMeetingPage({ search }: { search: ScheduleSearch }) {
  const { t } = useTranslation('revenue');
  const [accountId, setAccountId] = useState(search.accountId ?? '');
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('schedule.title')}</h1>
      {accountId ? (
        <MeetingForm
          key={accountId}
          accountId={accountId}
          kind={search.kind ?? 'check_in'}
          changeAccount={() => setAccountId('')}
        />
      ) : (
        <AccountPicker pick={setAccountId} />
      )}
    </div>
  );
}

function AccountPicker({ pick }: { pick: (id: string) => void }) {
  const { t } = useTranslation('revenue');
  const seesAll = useCan('view_all_accounts');
  const [q, setQ] = useState('');
  const accounts = usePortfolio({ ...(seesAll ? {} : { owner: 'me' }), ...(q ? { q } : {}) });
  const found = accounts.data?.pages.flatMap((page) => page.items).slice(0, 12) ?? [];
  return (
    <div className="flex flex-col gap-2">
      <TextField
        label={t('schedule.searchAccount')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t('schedule.pickAccount')}</legend>
        <ul className="flex flex-col gap-1">
          {found.map((account) => (
            <li key={account.id}>
              <Button
                variant="secondary"
                className="w-full justify-start"
                onClick={() => pick(account.id)}
              >
                {account.name}
              </Button>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}

function MeetingForm({
  accountId,
  kind: initialKind,
  changeAccount,
}: {
  accountId: string;
  kind: MeetingKind;
  changeAccount: () => void;
}) {
  const { t } = useTranslation('revenue');
  const navigate = useNavigate();
  const me = useMe();
  const view = useAccount360(accountId);
  const users = useUsers();
  const schedule = useScheduleMeeting();
  const [kind, setKind] = useState<MeetingKind>(initialKind);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(tomorrow);
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState(60);
  const [zone, setZone] = useState(me.data?.timezone ?? 'UTC');
  const [location, setLocation] = useState('');
  const [agenda, setAgenda] = useState<string | null>(null);
  const [team, setTeam] = useState<string[]>([]);
  const [contacts, setContacts] = useState<string[]>([]);
  const error = schedule.error instanceof ApiError ? schedule.error : null;
  const accountName = view.data?.account.name ?? '';
  const shownTitle =
    title ||
    t('schedule.defaultTitle', { kind: t(`meetings.kinds.${kind}`), account: accountName });
  const shownAgenda = agenda ?? (kind === 'qbr' ? t('schedule.qbrAgenda') : '');

  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const startsAt = zonedInstant(date, time, zone);
    const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
    schedule.mutate(
      {
        accountId,
        kind,
        title: shownTitle,
        startsAt,
        endsAt,
        timeZone: zone,
        location: location || null,
        agenda: shownAgenda || null,
        attendees: { userIds: team, contactIds: contacts },
      },
      {
        onSuccess: (meeting) =>
          void navigate({ to: '/meetings/$meetingId', params: { meetingId: meeting.id } }),
      },
    );
  };

  const colleagues = (users.data?.items ?? []).filter(
    (u) => u.id !== me.data?.id && !u.deactivated,
  );
  const reachable = (view.data?.contacts ?? []).filter((c) => c.email);

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-raised p-3">
        <span>
          <span className="text-sm text-muted">{t('schedule.account')}: </span>
          <span className="font-semibold">{accountName}</span>
        </span>
        <Button variant="ghost" onClick={changeAccount}>
          {t('schedule.pickAccount')}
        </Button>
      </div>
      <Field label={t('schedule.kind')}>
        {(id) => (
          <Select id={id} value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
            {meetingKinds.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.kinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <TextField
        label={t('schedule.name')}
        value={shownTitle}
        onChange={(e) => setTitle(e.target.value)}
        error={error?.fieldError('title')}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t('schedule.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={error?.fieldError('startsAt')}
        />
        <TextField
          label={t('schedule.time')}
          type="time"
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('schedule.duration')} error={error?.fieldError('endsAt')}>
          {(id) => (
            <Select id={id} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {lengths.map((m) => (
                <option key={m} value={m}>
                  {t('schedule.minutes', { count: m })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('schedule.zone')} error={error?.fieldError('timeZone')}>
          {(id) => (
            <Select id={id} value={zone} onChange={(e) => setZone(e.target.value)}>
              {timeZones().map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <TextField
        label={t('schedule.location')}
        value={location}
        onChange={(e) => setLocation(e.target.value)}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium">{t('schedule.contacts')}</legend>
        {reachable.length === 0 && <p className="text-sm text-muted">{t('schedule.noContacts')}</p>}
        {reachable.map((contact) => (
          <label key={contact.id} className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="h-5 w-5 shrink-0"
              checked={contacts.includes(contact.id)}
              onChange={() => setContacts(toggle(contacts, contact.id))}
            />
            <span>
              {contact.name}
              <span className="text-sm text-muted"> · {contact.title ?? contact.email}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium">{t('schedule.team')}</legend>
        {colleagues.map((user) => (
          <label key={user.id} className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="h-5 w-5 shrink-0"
              checked={team.includes(user.id)}
              onChange={() => setTeam(toggle(team, user.id))}
            />
            <span>{user.name}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t('schedule.agenda')}
        rows={5}
        value={shownAgenda}
        onChange={(e) => setAgenda(e.target.value)}
      />
      <p className="text-sm text-muted">{t('schedule.invites')}</p>
      {error && !error.problem.errors?.length && <ErrorNote error={error} />}
      {error?.problem.errors?.some((e) => e.path.startsWith('attendees')) && (
        <ErrorNote error={error} />
      )}
      <Button type="submit" disabled={schedule.isPending || !accountName}>
        {t('schedule.submit')}
      </Button>
    </form>
  );
}
