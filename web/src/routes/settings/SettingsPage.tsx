// Settings: a tab per area, shown to whoever may use it (a viewer sees their profile, the roles,
// the custom fields, the holidays and their notifications). An area opened by its address
// without the permission says so rather than failing.
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe, type Permission } from '../../api/session.ts';

const tabs: readonly { to: string; key: string; needs?: Permission }[] = [
  { to: '/settings/profile', key: 'settings.profile' },
  { to: '/settings/people', key: 'settings.users', needs: 'manage_users' },
  { to: '/settings/roles', key: 'settings.roles' },
  { to: '/settings/fields', key: 'settings.customFields' },
  { to: '/settings/tokens', key: 'settings.tokens', needs: 'manage_api_tokens' },
  { to: '/settings/import', key: 'settings.import', needs: 'import_data' },
  { to: '/settings/export', key: 'settings.exportTab', needs: 'export_data' },
  { to: '/settings/intake', key: 'intake:settings.tab', needs: 'manage_integrations' },
  { to: '/settings/webhooks', key: 'webhooks:tab', needs: 'manage_webhooks' },
  { to: '/settings/audit', key: 'auth:audit.tab', needs: 'view_audit_log' },
  { to: '/settings/holidays', key: 'work:holidays.tab', needs: 'view_work' },
  { to: '/settings/notifications', key: 'notify:prefs.title' },
];

export function SettingsPage() {
  const { t } = useTranslation();
  const held = useMe().data?.permissions ?? [];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('settings.title')}</h1>
      <nav aria-label={t('settings.title')} className="flex flex-wrap gap-1">
        {tabs
          .filter((tab) => !tab.needs || held.includes(tab.needs))
          .map((tab) => (
            <Link
              key={tab.to}
              to={tab.to}
              className="flex min-h-11 items-center rounded-lg px-3 whitespace-nowrap text-muted hover:bg-raised"
              activeProps={{
                className: 'bg-raised font-semibold text-ink',
                'aria-current': 'page',
              }}
            >
              {t(tab.key)}
            </Link>
          ))}
      </nav>
      <Outlet />
    </div>
  );
}
