// SLA policies: every policy of the workspace in a sentence each; administrators add, change
// and delete them.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/accounts.ts';
import { useDeleteSlaPolicy, useSlaPolicies, type SlaPolicy } from '../../api/notify.ts';
import { useMe } from '../../api/session.ts';
import { formatDuration } from '../../components/format.ts';
import { Badge, Button, ErrorNote, Loading } from '../../components/ui.tsx';
import { NotifyTabs } from './controls.tsx';

export function useCanEditPolicies() {
  return useMe().data?.permissions.includes('manage_sla_policies') ?? false;
}

export function SlaPoliciesPage() {
  const { t } = useTranslation('notify');
  const policies = useSlaPolicies();
  const canEdit = useCanEditPolicies();
  const remove = useDeleteSlaPolicy();

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <NotifyTabs />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t('sla.title')}</h1>
          <p className="text-sm text-muted">{t('sla.intro')}</p>
        </div>
        {canEdit && (
          <Link
            to="/sla-policies/new"
            className="inline-flex min-h-11 items-center rounded-lg bg-accent px-4 font-medium text-accent-ink"
          >
            {t('sla.create')}
          </Link>
        )}
      </div>
      {!canEdit && <p className="text-sm text-muted">{t('sla.readOnly')}</p>}
      <ErrorNote error={policies.error ?? remove.error} />
      {policies.isPending && <Loading />}
      {policies.data?.items.length === 0 && (
        <p className="rounded-xl border border-line bg-surface p-4 text-muted">{t('sla.empty')}</p>
      )}
      <ul aria-label={t('sla.title')} className="flex flex-col gap-3">
        {policies.data?.items.map((policy) => (
          <li
            key={policy.id}
            className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <PolicySummary policy={policy} />
            {canEdit && (
              <div className="flex gap-2">
                <Link
                  to="/sla-policies/$policyId"
                  params={{ policyId: policy.id }}
                  aria-label={t('sla.edit', { name: policy.name })}
                  className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 hover:bg-raised"
                >
                  {t('sla.editShort')}
                </Link>
                <Button
                  variant="danger"
                  aria-label={t('sla.delete', { name: policy.name })}
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t('sla.confirmDelete', { name: policy.name })))
                      remove.mutate(policy.id);
                  }}
                >
                  {t('sla.deleteShort')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PolicySummary({ policy }: { policy: SlaPolicy }) {
  const { t } = useTranslation('notify');
  const users = useUsers();
  const who = (notify: string) =>
    ['assignee', 'owner', 'manager', 'managersManager'].includes(notify)
      ? t(`sla.role.${notify}`)
      : (users.data?.items.find((u) => u.id === notify)?.name ?? notify);
  const m = policy.match;
  const matching = [
    ...m.accountPriority.map((p) => `${t('sla.accountPriority')} ${p}`),
    ...m.taskPriority.map((p) => `${t('sla.taskPriority')} ${p}`),
    ...m.tier.map((tier) => t(`sla.tiers.${tier}`, { defaultValue: tier })),
    ...m.projectKind.map((kind) => t(`work:kind.${kind}`, { defaultValue: kind })),
    ...m.tags.map((tag) => `#${tag}`),
  ];
  const hours = policy.businessHours;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        {policy.name}
        {!policy.enabled && <Badge>{t('sla.disabled')}</Badge>}
      </h2>
      <p>{t(`sla.summary.${policy.metric}`, { threshold: formatDuration(policy.threshold) })}</p>
      <p className="text-sm text-muted">
        {matching.length > 0 ? matching.join(' · ') : t('sla.summary.all')}
      </p>
      <p className="text-sm text-muted">
        {t('sla.summary.warn', { percent: Math.round(policy.warnAt * 100) })}
        {' · '}
        {policy.chain.length > 0
          ? policy.chain
              .map((step) =>
                step.after
                  ? `${who(step.notify)} (+${formatDuration(step.after)})`
                  : who(step.notify),
              )
              .join(' → ')
          : t('sla.summary.noChain')}
      </p>
      {hours && (
        <p className="text-sm text-muted">
          {t('sla.summary.businessHours', {
            start: hours.start,
            end: hours.end,
            timezone: hours.timezone,
          })}
        </p>
      )}
    </div>
  );
}
