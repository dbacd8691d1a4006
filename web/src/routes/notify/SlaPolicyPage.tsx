// The SLA policy editor: which tasks, what to measure, the threshold (minutes, hours or days),
// business hours, the warning share and the escalation chain. The server checks it all; its
// message for a field shows next to that field.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import {
  useSaveSlaPolicy,
  useSlaPolicies,
  type SlaPolicy,
  type SlaPolicyInput,
} from '../../api/notify.ts';
import { useMe } from '../../api/session.ts';
import { priorities, tiers } from '../../api/vocabulary.ts';
import { templateKinds } from '../../api/work.ts';
import { Button, Card, ErrorNote, Field, Input, Loading, Select } from '../../components/ui.tsx';
import { Checkbox, CheckboxGroup, DurationField } from './controls.tsx';
import { LiveWorkRule } from './LiveWorkRule.tsx';
import { useCanEditPolicies } from './SlaPoliciesPage.tsx';

const roles = ['assignee', 'owner', 'manager', 'managersManager'] as const;
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const zones = Intl.supportedValuesOf('timeZone');

type Draft = {
  name: string;
  enabled: boolean;
  match: Required<NonNullable<SlaPolicyInput['match']>>;
  tags: string;
  metric: SlaPolicy['metric'];
  threshold: string;
  warnPercent: string;
  chain: { notify: string; after: string }[];
  businessHours: NonNullable<SlaPolicy['businessHours']> | null;
};

function draftOf(policy: SlaPolicy | undefined): Draft {
  return {
    name: policy?.name ?? '',
    enabled: policy?.enabled ?? true,
    // The server answers only values it accepted, so a saved policy's lists fit the input's.
    match: (policy?.match as Draft['match'] | undefined) ?? {
      accountPriority: [],
      taskPriority: [],
      tier: [],
      projectKind: [],
      tags: [],
    },
    tags: policy?.match.tags.join(', ') ?? '',
    metric: policy?.metric ?? 'untouchedFor',
    threshold: policy?.threshold ?? 'PT2H',
    warnPercent: String(Math.round((policy?.warnAt ?? 0.75) * 100)),
    chain: policy?.chain.map((s) => ({ notify: s.notify, after: s.after ?? '' })) ?? [
      { notify: 'manager', after: '' },
    ],
    businessHours: policy?.businessHours ?? null,
  };
}

export function SlaPolicyPage({ policyId }: { policyId?: string }) {
  const { t } = useTranslation('notify');
  const policies = useSlaPolicies();
  const me = useMe();
  const canEdit = useCanEditPolicies();
  if (policies.isPending || !me.data) return <Loading />;
  if (policies.error) return <ErrorNote error={policies.error} />;
  const policy = policyId ? policies.data.items.find((p) => p.id === policyId) : undefined;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <Link to="/sla-policies" className="inline-flex min-h-11 items-center text-accent underline">
        ← {t('sla.back')}
      </Link>
      <h1 className="text-2xl font-bold">{t(policyId ? 'sla.editTitle' : 'sla.newTitle')}</h1>
      {!canEdit && <p className="text-muted">{t('sla.readOnly')}</p>}
      {!canEdit && <LiveWorkRule />}
      {policyId && !policy ? (
        <p role="alert" className="text-critical">
          {t('sla.notFound')}
        </p>
      ) : (
        canEdit && <PolicyForm policy={policy} timezone={me.data.timezone} />
      )}
    </div>
  );
}

function PolicyForm({ policy, timezone }: { policy: SlaPolicy | undefined; timezone: string }) {
  const { t } = useTranslation('notify');
  const save = useSaveSlaPolicy();
  const users = useUsers();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(policy));
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setMatch = (patch: Partial<Draft['match']>) =>
    setDraft({ ...draft, match: { ...draft.match, ...patch } });
  const error = (path: string) =>
    save.error instanceof ApiError ? save.error.fieldError(path) : undefined;
  const hours = draft.businessHours;
  const setHours = (patch: Partial<NonNullable<Draft['businessHours']>>) =>
    hours && set({ businessHours: { ...hours, ...patch } });
  const setStep = (i: number, patch: Partial<Draft['chain'][number]>) =>
    set({ chain: draft.chain.map((step, j) => (j === i ? { ...step, ...patch } : step)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        ...(policy ? { id: policy.id } : {}),
        name: draft.name,
        enabled: draft.enabled,
        match: {
          ...draft.match,
          tags: draft.tags
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        },
        metric: draft.metric,
        threshold: draft.threshold.trim(),
        warnAt: Number(draft.warnPercent) / 100,
        chain: draft.chain.map((step) =>
          step.after.trim()
            ? { notify: step.notify, after: step.after.trim() }
            : { notify: step.notify },
        ),
        businessHours: draft.businessHours,
      },
      { onSuccess: () => void navigate({ to: '/sla-policies' }) },
    );
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Card>
        <div className="flex flex-col gap-3">
          <Field label={t('sla.name')} error={error('name')}>
            {(id) => (
              <Input
                id={id}
                required
                value={draft.name}
                onChange={(e) => set({ name: e.target.value })}
              />
            )}
          </Field>
          <Checkbox
            label={t('sla.enabled')}
            checked={draft.enabled}
            onChange={(enabled) => set({ enabled })}
          />
        </div>
      </Card>
      <Card title={t('sla.match')}>
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted">{t('sla.matchHint')}</p>
          <CheckboxGroup
            legend={t('sla.accountPriority')}
            options={priorities}
            label={(p) => p}
            value={draft.match.accountPriority}
            onChange={(accountPriority) => setMatch({ accountPriority })}
            error={error('match.accountPriority')}
          />
          <CheckboxGroup
            legend={t('sla.taskPriority')}
            options={priorities}
            label={(p) => p}
            value={draft.match.taskPriority}
            onChange={(taskPriority) => setMatch({ taskPriority })}
            error={error('match.taskPriority')}
          />
          <CheckboxGroup
            legend={t('sla.tier')}
            options={tiers}
            label={(tier) => t(`common:tier.${tier}`)}
            value={draft.match.tier}
            onChange={(tier) => setMatch({ tier })}
            error={error('match.tier')}
          />
          <CheckboxGroup
            legend={t('sla.projectKind')}
            options={templateKinds}
            label={(kind) => t(`work:kind.${kind}`)}
            value={draft.match.projectKind}
            onChange={(projectKind) => setMatch({ projectKind })}
            error={error('match.projectKind')}
          />
          <Field label={t('sla.tags')} hint={t('sla.tagsHint')} error={error('match.tags')}>
            {(id) => (
              <Input id={id} value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />
            )}
          </Field>
        </div>
      </Card>
      <Card>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Field label={t('sla.metric')} error={error('metric')}>
            {(id) => (
              <Select
                id={id}
                value={draft.metric}
                onChange={(e) => set({ metric: e.target.value as Draft['metric'] })}
              >
                {(['untouchedFor', 'firstResponse'] as const).map((metric) => (
                  <option key={metric} value={metric}>
                    {t(`sla.metrics.${metric}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <DurationField
            label={t('sla.threshold')}
            error={error('threshold')}
            value={draft.threshold}
            onChange={(threshold) => set({ threshold })}
          />
          <Field label={t('sla.warnAt')} error={error('warnAt')}>
            {(id) => (
              <Input
                id={id}
                type="number"
                inputMode="numeric"
                min={1}
                max={99}
                value={draft.warnPercent}
                onChange={(e) => set({ warnPercent: e.target.value })}
              />
            )}
          </Field>
        </div>
      </Card>
      <LiveWorkRule />
      <Card>
        <div className="flex flex-col gap-3">
          <Checkbox
            label={t('sla.businessHours')}
            checked={hours !== null}
            // A new calendar starts in the editor's own zone, Monday to Friday, nine to five.
            onChange={(on) =>
              set({
                businessHours: on
                  ? { timezone, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }
                  : null,
              })
            }
          />
          {error('businessHours') && !hours && (
            <p role="alert" className="text-sm text-critical">
              {error('businessHours')}
            </p>
          )}
          {hours && (
            <>
              <Field label={t('sla.timezone')} error={error('businessHours.timezone')}>
                {(id) => (
                  <Select
                    id={id}
                    value={hours.timezone}
                    onChange={(e) => setHours({ timezone: e.target.value })}
                  >
                    {(zones.includes(hours.timezone) ? zones : [hours.timezone, ...zones]).map(
                      (zone) => (
                        <option key={zone}>{zone}</option>
                      ),
                    )}
                  </Select>
                )}
              </Field>
              <CheckboxGroup
                legend={t('sla.days')}
                options={weekdays}
                label={(day) => t(`sla.day.${day}`)}
                value={hours.days as (typeof weekdays)[number][]}
                onChange={(days) => setHours({ days })}
                error={error('businessHours.days')}
              />
              <div className="grid grid-cols-2 gap-3">
                <Field label={t('sla.start')} error={error('businessHours.start')}>
                  {(id) => (
                    <Input
                      id={id}
                      type="time"
                      value={hours.start}
                      onChange={(e) => setHours({ start: e.target.value })}
                    />
                  )}
                </Field>
                <Field label={t('sla.end')} error={error('businessHours.end')}>
                  {(id) => (
                    <Input
                      id={id}
                      type="time"
                      value={hours.end}
                      onChange={(e) => setHours({ end: e.target.value })}
                    />
                  )}
                </Field>
              </div>
            </>
          )}
        </div>
      </Card>
      <Card title={t('sla.chain')}>
        <div className="flex flex-col gap-3">
          <p className="text-sm text-muted">{t('sla.chainHint')}</p>
          <ol className="flex flex-col gap-3">
            {draft.chain.map((step, i) => (
              <li
                key={i}
                aria-label={t('sla.step', { n: i + 1 })}
                className="grid grid-cols-1 gap-2 border-b border-line pb-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
              >
                <Field label={t('sla.notify')} error={error(`chain.${i}.notify`)}>
                  {(id) => (
                    <Select
                      id={id}
                      value={step.notify}
                      onChange={(e) => setStep(i, { notify: e.target.value })}
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {t(`sla.role.${role}`)}
                        </option>
                      ))}
                      <optgroup label={t('sla.people')}>
                        {users.data?.items
                          .filter((u) => !u.deactivated)
                          .map((u) => (
                            <option key={u.id} value={u.id}>
                              {u.name}
                            </option>
                          ))}
                      </optgroup>
                    </Select>
                  )}
                </Field>
                <DurationField
                  label={t('sla.after')}
                  error={error(`chain.${i}.after`)}
                  value={step.after}
                  onChange={(after) => setStep(i, { after })}
                />
                <Button
                  variant="ghost"
                  aria-label={t('sla.removeStep', { n: i + 1 })}
                  onClick={() => set({ chain: draft.chain.filter((_, j) => j !== i) })}
                >
                  ✕
                </Button>
              </li>
            ))}
          </ol>
          <Button
            variant="secondary"
            className="self-start"
            onClick={() => set({ chain: [...draft.chain, { notify: 'manager', after: '' }] })}
          >
            {t('sla.addStep')}
          </Button>
        </div>
      </Card>
      {save.error instanceof ApiError && !save.error.problem.errors && (
        <ErrorNote error={save.error} />
      )}
      <Button type="submit" disabled={save.isPending} className="self-start">
        {save.isPending ? t('common:common.saving') : t('common:common.save')}
      </Button>
    </form>
  );
}
