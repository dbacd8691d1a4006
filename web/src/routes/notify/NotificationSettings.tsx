// Your notification preferences: now, digest or never per kind of event; the digest's local
// hour; quiet hours and what may still come through; channels per urgency; the Slack webhook
// and your Slack link (SlackLinkCard: proven from Slack, never typed); muted accounts and
// projects.
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  activityKinds,
  channels,
  useMutedName,
  usePreferences,
  useSavePreferences,
  type ActivityKind,
  type NotificationPreferences,
} from '../../api/notify.ts';
import { Button, Card, ErrorNote, Field, Input, Loading, Select } from '../../components/ui.tsx';
import { Checkbox, CheckboxGroup } from './controls.tsx';
import { SlackLinkCard } from './SlackLinkCard.tsx';

type Rule = 'now' | 'digest' | 'off';
const hours = Array.from({ length: 24 }, (_, h) => h);
const twoDigits = (n: number) => String(n).padStart(2, '0');

export function NotificationSettings() {
  const prefs = usePreferences();
  if (prefs.isPending) return <Loading />;
  if (prefs.error) return <ErrorNote error={prefs.error} />;
  return <PreferencesForm saved={prefs.data} />;
}

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const { t } = useTranslation('notify');
  const save = useSavePreferences();
  const { timezone, ...initial } = saved;
  // The Slack member is linked from Slack (SlackLinkCard): left out of what is sent back.
  const [draft, setDraft] = useState({ ...initial, slackMemberId: undefined });
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const error = (path: string) =>
    save.error instanceof ApiError ? save.error.fieldError(path) : undefined;
  const setRule = (kind: ActivityKind, rule: Rule | '') => {
    const others = Object.entries(draft.rules).filter(([key]) => key !== kind);
    set({ rules: Object.fromEntries(rule ? [...others, [kind, rule]] : others) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Card title={t('prefs.rules')}>
        <p className="mb-3 text-sm text-muted">{t('prefs.rulesHint')}</p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {activityKinds.map((kind) => (
            <Field key={kind} label={t(`kind.${kind}`)} error={error(`rules.${kind}`)}>
              {(id) => (
                <Select
                  id={id}
                  value={draft.rules[kind] ?? ''}
                  onChange={(e) => setRule(kind, e.target.value as Rule | '')}
                >
                  <option value="">{t('prefs.rule.default')}</option>
                  {(['now', 'digest', 'off'] as const).map((rule) => (
                    <option key={rule} value={rule}>
                      {t(`prefs.rule.${rule}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ))}
        </div>
      </Card>
      <Card>
        <div className="flex flex-col gap-3">
          <Field
            label={t('prefs.digestHour')}
            hint={t('prefs.digestHint', { timezone })}
            error={error('digestHour')}
          >
            {(id) => (
              <Select
                id={id}
                value={draft.digestHour}
                onChange={(e) => set({ digestHour: Number(e.target.value) })}
                className="max-w-40"
              >
                {hours.map((h) => (
                  <option key={h} value={h}>
                    {twoDigits(h)}:00
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Link
            to="/settings/profile"
            className="inline-flex min-h-11 items-center self-start text-accent underline"
          >
            {t('common:settings.profile')}
          </Link>
        </div>
      </Card>
      <Card title={t('prefs.quiet')}>
        <div className="flex flex-col gap-3">
          <Checkbox
            label={t('prefs.quietOn')}
            checked={draft.quietHours !== null}
            onChange={(on) => set({ quietHours: on ? { start: '22:00', end: '07:00' } : null })}
          />
          {draft.quietHours && (
            <div className="grid grid-cols-2 gap-3">
              <Field label={t('prefs.quietStart')} error={error('quietHours.start')}>
                {(id) => (
                  <Input
                    id={id}
                    type="time"
                    value={draft.quietHours?.start ?? ''}
                    onChange={(e) =>
                      set({
                        quietHours: { end: '07:00', ...draft.quietHours, start: e.target.value },
                      })
                    }
                  />
                )}
              </Field>
              <Field label={t('prefs.quietEnd')} error={error('quietHours.end')}>
                {(id) => (
                  <Input
                    id={id}
                    type="time"
                    value={draft.quietHours?.end ?? ''}
                    onChange={(e) =>
                      set({
                        quietHours: { start: '22:00', ...draft.quietHours, end: e.target.value },
                      })
                    }
                  />
                )}
              </Field>
            </div>
          )}
          <CheckboxGroup
            legend={t('prefs.quietAllow')}
            options={activityKinds}
            label={(kind) => t(`kind.${kind}`)}
            value={draft.quietAllow}
            onChange={(quietAllow) => set({ quietAllow })}
            error={error('quietAllow')}
          />
        </div>
      </Card>
      <Card title={t('prefs.channels')}>
        <div className="flex flex-col gap-3">
          {(['now', 'digest'] as const).map((urgency) => (
            <CheckboxGroup
              key={urgency}
              legend={t(urgency === 'now' ? 'prefs.channelsNow' : 'prefs.channelsDigest')}
              options={channels}
              label={(channel) => t(`prefs.channel.${channel}`)}
              value={draft.channels[urgency]}
              onChange={(chosen) => set({ channels: { ...draft.channels, [urgency]: chosen } })}
              error={error(`channels.${urgency}`)}
            />
          ))}
          <Field
            label={t('prefs.slackWebhookUrl')}
            hint={t('prefs.slackHint')}
            error={error('slackWebhookUrl')}
          >
            {(id) => (
              <Input
                id={id}
                type="url"
                inputMode="url"
                value={draft.slackWebhookUrl ?? ''}
                onChange={(e) => set({ slackWebhookUrl: e.target.value.trim() || null })}
              />
            )}
          </Field>
        </div>
      </Card>
      <SlackLinkCard />
      <Card title={t('prefs.mutes')}>
        <p className="mb-2 text-sm text-muted">{t('prefs.mutesHint')}</p>
        {draft.mutedAccounts.length + draft.mutedProjects.length === 0 ? (
          <p className="text-muted">{t('prefs.noMutes')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {draft.mutedAccounts.map((id) => (
              <Muted
                key={id}
                kind="account"
                id={id}
                onUnmute={() => set({ mutedAccounts: draft.mutedAccounts.filter((a) => a !== id) })}
              />
            ))}
            {draft.mutedProjects.map((id) => (
              <Muted
                key={id}
                kind="project"
                id={id}
                onUnmute={() => set({ mutedProjects: draft.mutedProjects.filter((p) => p !== id) })}
              />
            ))}
          </ul>
        )}
      </Card>
      {save.error instanceof ApiError && !save.error.problem.errors && (
        <ErrorNote error={save.error} />
      )}
      {save.isSuccess && (
        <p role="status" className="text-healthy">
          {t('prefs.saved')}
        </p>
      )}
      <Button type="submit" disabled={save.isPending} className="self-start">
        {save.isPending ? t('common:common.saving') : t('common:common.save')}
      </Button>
    </form>
  );
}

function Muted({
  kind,
  id,
  onUnmute,
}: {
  kind: 'account' | 'project';
  id: string;
  onUnmute: () => void;
}) {
  const { t } = useTranslation('notify');
  const name = useMutedName(kind, id);
  const label = name.data ?? (name.isError ? t('prefs.unknown') : '…');
  return (
    <li className="flex items-center justify-between gap-2 py-1">
      <span>
        <span className="text-sm text-muted">
          {t(kind === 'account' ? 'prefs.mutedAccount' : 'prefs.mutedProject')}:
        </span>{' '}
        {label}
      </span>
      <Button variant="ghost" aria-label={t('prefs.unmute', { name: label })} onClick={onUnmute}>
        ✕
      </Button>
    </li>
  );
}
