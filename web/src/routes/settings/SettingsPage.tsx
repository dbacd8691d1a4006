// Settings: a tab per area; admin-only areas say so rather than failing.
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const tabs = [
  { to: '/settings/profile', key: 'settings.profile' },
  { to: '/settings/people', key: 'settings.users' },
  { to: '/settings/roles', key: 'settings.roles' },
  { to: '/settings/fields', key: 'settings.customFields' },
  { to: '/settings/tokens', key: 'settings.tokens' },
  { to: '/settings/import', key: 'settings.import' },
  { to: '/settings/export', key: 'settings.exportTab' },
  { to: '/settings/intake', key: 'intake:settings.tab' },
  { to: '/settings/webhooks', key: 'webhooks:tab' },
  { to: '/settings/notifications', key: 'notify:prefs.title' },
] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('settings.title')}</h1>
      <nav aria-label={t('settings.title')} className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <Link
            key={tab.to}
            to={tab.to}
            className="flex min-h-11 items-center rounded-lg px-3 whitespace-nowrap text-muted hover:bg-raised"
            activeProps={{ className: 'bg-raised font-semibold text-ink', 'aria-current': 'page' }}
          >
            {t(tab.key)}
          </Link>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
