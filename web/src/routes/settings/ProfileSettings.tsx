// Your own profile: name, time zone, language and theme — saved to the server and this device —
// and your password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useMe, useUpdateMe } from '../../api/session.ts';
import {
  Button,
  Card,
  ErrorNote,
  Field,
  Loading,
  Select,
  TextField,
} from '../../components/ui.tsx';
import { setLanguage, type Language } from '../../i18n/index.ts';
import { applyTheme, type Theme } from '../../theme.ts';
import { PasswordCard } from './PasswordCard.tsx';

const knownZones = Intl.supportedValuesOf('timeZone');
/** The browser's list may lack the saved zone (Chromium leaves out "UTC"): keep it choosable. */
const zonesWith = (current: string) =>
  knownZones.includes(current) ? knownZones : [current, ...knownZones];

export function ProfileSettings() {
  return (
    <div className="flex flex-col gap-4">
      <ProfileCard />
      <PasswordCard />
    </div>
  );
}

function ProfileCard() {
  const { t } = useTranslation();
  const me = useMe();
  const update = useUpdateMe();
  const [draft, setDraft] = useState<{ name?: string; timezone?: string }>({});
  if (!me.data) return <Loading />;
  const profile = me.data;

  const fieldError = (path: string) =>
    update.error instanceof ApiError ? update.error.fieldError(path) : undefined;

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(draft);
  };
  const choose = (patch: { locale?: Language; theme?: Theme }) => {
    if (patch.locale) setLanguage(patch.locale);
    if (patch.theme) applyTheme(patch.theme);
    update.mutate(patch);
  };

  return (
    <Card title={t('settings.profile')}>
      <form onSubmit={save} className="grid max-w-xl grid-cols-1 gap-4">
        <TextField
          label={t('settings.name')}
          error={fieldError('name')}
          defaultValue={profile.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <Field label={t('settings.timezone')} error={fieldError('timezone')}>
          {(id) => (
            <Select
              id={id}
              defaultValue={profile.timezone}
              onChange={(e) => setDraft({ ...draft, timezone: e.target.value })}
            >
              {zonesWith(profile.timezone).map((zone) => (
                <option key={zone}>{zone}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('settings.language')}>
          {(id) => (
            <Select
              id={id}
              value={profile.locale}
              onChange={(e) => choose({ locale: e.target.value as Language })}
            >
              <option value="en">{t('settings.languages.en')}</option>
              <option value="ru">{t('settings.languages.ru')}</option>
            </Select>
          )}
        </Field>
        <Field label={t('settings.theme')}>
          {(id) => (
            <Select
              id={id}
              value={profile.theme}
              onChange={(e) => choose({ theme: e.target.value as Theme })}
            >
              {(['system', 'light', 'dark'] as const).map((theme) => (
                <option key={theme} value={theme}>
                  {t(`settings.themes.${theme}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <ErrorNote error={update.error} />
        {update.isSuccess && (
          <p role="status" className="text-healthy">
            {t('settings.saved')}
          </p>
        )}
        <Button type="submit" disabled={update.isPending} className="justify-self-start">
          {update.isPending ? t('common.saving') : t('common.save')}
        </Button>
      </form>
    </Card>
  );
}
