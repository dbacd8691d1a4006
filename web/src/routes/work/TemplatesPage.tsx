// The template library, and starting a template for one account or several at once.
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import {
  useAccountChoices,
  useInstantiate,
  useInstantiateMany,
  useTemplates,
  type Template,
} from '../../api/work.ts';
import { useCan } from '../../api/session.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatDate } from '../../components/format.ts';
import {
  Badge,
  Button,
  ErrorNote,
  Field,
  Input,
  Loading,
  Select,
  TextField,
} from '../../components/ui.tsx';

export function TemplatesPage() {
  const { t } = useTranslation('work');
  const templates = useTemplates();
  const [using, setUsing] = useState<Template | null>(null);
  const canStart = useCan('manage_work');
  const canEdit = useCan('manage_templates');

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('templates.title')}</h1>
        {canEdit && (
          <Link
            to="/templates/$templateId"
            params={{ templateId: 'new' }}
            className="inline-flex min-h-11 items-center rounded-lg bg-accent px-4 font-medium text-accent-ink"
          >
            {t('templates.new')}
          </Link>
        )}
      </div>
      {templates.isPending ? (
        <Loading />
      ) : templates.error ? (
        <ErrorNote error={templates.error} />
      ) : templates.data.items.length === 0 ? (
        <p className="text-muted">{t('templates.empty')}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {templates.data.items.map((template) => (
            <li
              key={template.id}
              className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4"
            >
              <h2 className="text-lg font-semibold">{template.name}</h2>
              <p className="flex flex-wrap gap-2">
                <Badge tone="accent">{t(`kind.${template.kind}`)}</Badge>
                <Badge>{t('templates.version', { version: template.version })}</Badge>
                <Badge>{t('templates.taskCount', { count: template.taskCount })}</Badge>
              </p>
              {template.description && <p className="text-muted">{template.description}</p>}
              <p className="text-sm text-muted">
                {t('templates.roles', {
                  roles: template.roles.map((role) => roleLabel(role)).join(', ') || '—',
                })}{' '}
                · {t('templates.updated', { date: formatDate(template.updatedAt) })}
              </p>
              <div className="mt-auto flex flex-wrap gap-2">
                {canStart && (
                  <Button
                    onClick={() => setUsing(template)}
                    aria-label={t('templates.useNamed', { name: template.name })}
                  >
                    {t('templates.use')}
                  </Button>
                )}
                {canEdit && (
                  <Link
                    to="/templates/$templateId"
                    params={{ templateId: template.id }}
                    aria-label={t('templates.editNamed', { name: template.name })}
                    className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 font-medium"
                  >
                    {t('templates.edit')}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {using && <UseTemplateDialog template={using} onClose={() => setUsing(null)} />}
    </div>
  );
}

/** `solutions_engineer` → "solutions engineer". */
export function roleLabel(role: string): string {
  return role.replace(/_/g, ' ');
}

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function UseTemplateDialog({ template, onClose }: { template: Template; onClose: () => void }) {
  const { t } = useTranslation('work');
  const navigate = useNavigate();
  const accounts = useAccountChoices();
  const people = useUsers();
  const one = useInstantiate(template.id);
  const many = useInstantiateMany(template.id);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [startDate, setStartDate] = useState(today());
  const [assignees, setAssignees] = useState<Record<string, string>>({});
  const roles = template.roles.filter((role) => role !== 'owner' && role !== 'manager');
  const error = one.error ?? many.error;
  const fieldError = (path: string) =>
    error instanceof ApiError ? error.fieldError(path) : undefined;

  const items = accounts.data?.items;
  const shown = useMemo(
    () =>
      (items ?? []).filter((account) =>
        account.name.toLowerCase().includes(search.trim().toLowerCase()),
      ),
    [items, search],
  );
  const names = new Map((items ?? []).map((account) => [account.id, account.name]));

  const submit = () => {
    const picked = Object.fromEntries(Object.entries(assignees).filter(([, id]) => id));
    const [first] = chosen;
    if (chosen.length === 1 && first) {
      one.mutate(
        { accountId: first, startDate, assignees: picked },
        {
          onSuccess: (project) =>
            void navigate({ to: '/projects/$projectId', params: { projectId: project.id } }),
        },
      );
    } else {
      many.mutate({ accountIds: chosen, startDate, assignees: picked });
    }
  };

  return (
    <Dialog
      title={t('use.title', { name: template.name })}
      closeLabel={t('use.close')}
      onClose={onClose}
      placement="center"
    >
      {many.data ? (
        <Results results={many.data.items} names={names} onClose={onClose} />
      ) : (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium">
              {t('use.accounts', { count: chosen.length })}
            </legend>
            <Input
              type="search"
              aria-label={t('use.searchAccounts')}
              placeholder={t('use.searchAccounts')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            {accounts.isPending ? (
              <Loading />
            ) : accounts.error ? (
              <ErrorNote error={accounts.error} />
            ) : (
              <ul className="max-h-60 overflow-y-auto rounded-lg border border-line">
                {shown.map((account) => (
                  <li key={account.id}>
                    <label className="flex min-h-11 items-center gap-3 px-3 hover:bg-raised">
                      <input
                        type="checkbox"
                        className="h-5 w-5"
                        checked={chosen.includes(account.id)}
                        onChange={(event) =>
                          setChosen((was) =>
                            event.target.checked
                              ? [...was, account.id]
                              : was.filter((id) => id !== account.id),
                          )
                        }
                      />
                      <span className="flex-1">{account.name}</span>
                      <span className="text-sm text-muted">{account.ownerName ?? ''}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {(fieldError('accountId') ?? fieldError('accountIds')) && (
              <p role="alert" className="text-sm text-critical">
                {fieldError('accountId') ?? fieldError('accountIds')}
              </p>
            )}
            {fieldError('renewalDate') && (
              <p role="alert" className="text-sm text-critical">
                {t('use.noRenewalDate')}
              </p>
            )}
          </fieldset>
          <TextField
            label={t('use.startDate')}
            error={fieldError('startDate')}
            hint={template.definition.anchor === 'renewal' ? t('use.renewalHint') : undefined}
            type="date"
            required
            value={startDate}
            onChange={(event) => setStartDate(event.target.value)}
          />
          <p className="text-sm text-muted">{t('use.ownerHint')}</p>
          {roles.map((role) => (
            <Field
              key={role}
              label={t('use.role', { role: roleLabel(role) })}
              error={fieldError(`assignees.${role}`)}
            >
              {(id) => (
                <Select
                  id={id}
                  value={assignees[role] ?? ''}
                  onChange={(event) =>
                    setAssignees((was) => ({ ...was, [role]: event.target.value }))
                  }
                >
                  <option value="">{t('use.nobody')}</option>
                  {(people.data?.items ?? [])
                    .filter((person) => !person.deactivated)
                    .map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name}
                      </option>
                    ))}
                </Select>
              )}
            </Field>
          ))}
          {error instanceof ApiError && !error.problem.errors?.length && (
            <ErrorNote error={error} />
          )}
          {error && !(error instanceof ApiError) && <ErrorNote error={error} />}
          <Button type="submit" disabled={chosen.length === 0 || one.isPending || many.isPending}>
            {one.isPending || many.isPending
              ? t('use.starting')
              : chosen.length > 1
                ? t('use.startMany', { count: chosen.length })
                : t('use.start')}
          </Button>
        </form>
      )}
    </Dialog>
  );
}

type Result = { accountId: string; projectId: string | null; problem: { detail?: string } | null };

function Results({
  results,
  names,
  onClose,
}: {
  results: Result[];
  names: Map<string, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation('work');
  return (
    <div className="flex flex-col gap-3">
      <p role="status">
        {t('use.resultsSummary', {
          started: results.filter((result) => result.projectId).length,
          count: results.length,
        })}
      </p>
      <ul className="flex flex-col gap-2">
        {results.map((result) => (
          <li key={result.accountId} className="flex flex-col rounded-lg border border-line p-2">
            <span className="font-medium">{names.get(result.accountId) ?? result.accountId}</span>
            {result.projectId ? (
              <Link
                to="/projects/$projectId"
                params={{ projectId: result.projectId }}
                className="inline-flex min-h-11 items-center text-accent underline"
              >
                {t('use.openProject')}
              </Link>
            ) : (
              <span className="text-sm text-critical">
                {result.problem?.detail ?? t('use.failed')}
              </span>
            )}
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={onClose}>
        {t('use.done')}
      </Button>
    </div>
  );
}
