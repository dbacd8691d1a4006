// People: who is in the workspace, their role and their manager (escalations go up that chain).
// Whoever may manage people changes those here, and can give a person a new password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/accounts.ts';
import { useCreateUser, useUpdateUser } from '../../api/admin.ts';
import { ApiError } from '../../api/client.ts';
import { useCan, useMe } from '../../api/session.ts';
import { roles, type Role } from '../../api/vocabulary.ts';
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
import { SetPasswordDialog } from './SetPasswordDialog.tsx';

type Person = { id: string; name: string };

export function PeopleSettings() {
  const { t } = useTranslation();
  const users = useUsers();
  const create = useCreateUser();
  const update = useUpdateUser();
  const isAdmin = useCan('manage_users');
  const myId = useMe().data?.id;
  const [givingPassword, setGivingPassword] = useState<Person | null>(null);
  const [passwordGiven, setPasswordGiven] = useState<Person | null>(null);
  const [draft, setDraft] = useState({
    email: '',
    name: '',
    role: 'csm' as Role,
    managerId: '',
    password: '',
  });
  const fieldError = (path: string) =>
    create.error instanceof ApiError ? create.error.fieldError(path) : undefined;

  const add = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        ...draft,
        managerId: draft.managerId || null,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      {
        onSuccess: () =>
          setDraft({ email: '', name: '', role: 'csm', managerId: '', password: '' }),
      },
    );
  };

  if (!users.data) return <Loading />;
  const people = users.data.items;
  const managerName = (id: string | null) =>
    people.find((p) => p.id === id)?.name ?? t('settings.noManager');
  return (
    <div className="flex flex-col gap-4">
      <Card title={t('settings.users')}>
        <ul className="flex flex-col divide-y divide-line">
          {people.map((person) => (
            <li
              key={person.id}
              className="flex flex-col gap-2 py-3 md:flex-row md:flex-wrap md:items-center md:gap-3"
            >
              <div className="min-w-0 md:flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{person.name}</span>
                  {person.deactivated && <Badge>{t('settings.deactivated')}</Badge>}
                </p>
                {/* An address has no spaces to wrap at: on a phone it breaks anywhere, on a
                    desk it is cut short (whole on hover) so the controls keep their column. */}
                <p className="text-sm wrap-anywhere text-muted md:truncate" title={person.email}>
                  {person.email}
                </p>
              </div>
              {isAdmin ? (
                // Fixed columns, the last kept even on one's own row, so every row's controls line up.
                <div className="grid grid-cols-2 gap-2 md:shrink-0 md:grid-cols-[9rem_11rem_10rem]">
                  <Select
                    aria-label={`${t('settings.role')}: ${person.name}`}
                    className="min-w-0"
                    value={person.role}
                    onChange={(e) => update.mutate({ id: person.id, role: e.target.value as Role })}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {t(`settings.roleNames.${role}`)}
                      </option>
                    ))}
                  </Select>
                  <Select
                    aria-label={`${t('settings.manager')}: ${person.name}`}
                    className="min-w-0"
                    value={person.managerId ?? ''}
                    onChange={(e) =>
                      update.mutate({ id: person.id, managerId: e.target.value || null })
                    }
                  >
                    <option value="">{t('settings.noManager')}</option>
                    {people
                      .filter((p) => p.id !== person.id)
                      .map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                  </Select>
                  {/* One's own password is changed on the profile, knowing the current one. */}
                  {person.id !== myId && (
                    <Button
                      variant="secondary"
                      className="col-span-2 whitespace-nowrap md:col-span-1"
                      aria-label={t('auth:give.actionFor', { name: person.name })}
                      onClick={() => {
                        setPasswordGiven(null);
                        setGivingPassword(person);
                      }}
                    >
                      {t('auth:give.action')}
                    </Button>
                  )}
                </div>
              ) : (
                <span className="text-sm text-muted">
                  <Badge tone="accent">{t(`settings.roleNames.${person.role}`)}</Badge>{' '}
                  {t('settings.manager')}: {managerName(person.managerId)}
                </span>
              )}
              {/* Said beside the person, where the admin acted: on a phone the card's end is
                  screens away. */}
              {passwordGiven?.id === person.id && (
                <p role="status" className="text-healthy md:basis-full">
                  {t('auth:give.done', { name: person.name })}
                </p>
              )}
            </li>
          ))}
        </ul>
        <ErrorNote error={update.error} />
      </Card>
      {givingPassword && (
        <SetPasswordDialog
          person={givingPassword}
          onClose={() => setGivingPassword(null)}
          onSet={() => {
            setPasswordGiven(givingPassword);
            setGivingPassword(null);
          }}
        />
      )}
      {isAdmin ? (
        <Card title={t('settings.addUser')}>
          <form onSubmit={add} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField
              label={t('settings.name')}
              error={fieldError('name')}
              required
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
            <TextField
              label={t('settings.email')}
              error={fieldError('email')}
              type="email"
              required
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.target.value })}
            />
            <Field label={t('settings.role')}>
              {(id) => (
                <Select
                  id={id}
                  value={draft.role}
                  onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(`settings.roleNames.${role}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t('settings.manager')} error={fieldError('managerId')}>
              {(id) => (
                <Select
                  id={id}
                  value={draft.managerId}
                  onChange={(e) => setDraft({ ...draft, managerId: e.target.value })}
                >
                  <option value="">{t('settings.noManager')}</option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <TextField
              label={t('settings.password')}
              error={fieldError('password')}
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.target.value })}
            />
            <div className="flex items-end">
              <Button type="submit" disabled={create.isPending}>
                {t('common.add')}
              </Button>
            </div>
            {create.error instanceof ApiError && !create.error.problem.errors ? (
              <ErrorNote error={create.error} />
            ) : null}
          </form>
        </Card>
      ) : (
        <p className="text-muted">{t('settings.adminOnly')}</p>
      )}
    </div>
  );
}
