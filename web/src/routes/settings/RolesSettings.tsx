// Roles and permissions: what each of the four roles may do, as the server enforces it and
// names it.
import { useTranslation } from 'react-i18next';
import { useRoles } from '../../api/admin.ts';
import { Card, ErrorNote, Loading } from '../../components/ui.tsx';

export function RolesSettings() {
  const { t } = useTranslation();
  const roles = useRoles();
  if (roles.error) return <ErrorNote error={roles.error} />;
  if (!roles.data) return <Loading />;
  const { permissions, labels, roles: list } = roles.data;
  return (
    <Card title={t('settings.roles')}>
      <p className="mb-3 text-sm text-muted">{t('settings.rolesIntro')}</p>
      {/* relative: the cells' screen-reader words (absolutely placed) scroll with the table
          instead of widening the page. */}
      <div
        className="relative overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label={t('settings.roles')}
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('settings.roles')}</caption>
          <thead className="border-b border-line text-muted">
            <tr>
              <th scope="col" className="p-2">
                {t('settings.permissions')}
              </th>
              {list.map((role) => (
                <th key={role.role} scope="col" className="p-2 text-center">
                  {t(`settings.roleNames.${role.role}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {permissions.map((permission) => (
              <tr key={permission} className="border-b border-line last:border-0">
                <th scope="row" className="p-2 font-normal">
                  {labels[permission]}
                  <code className="block text-xs text-muted">{permission}</code>
                </th>
                {list.map((role) => {
                  const granted = role.permissions.includes(permission);
                  return (
                    <td key={role.role} className="p-2 text-center">
                      <span aria-hidden="true" className={granted ? 'text-healthy' : 'text-muted'}>
                        {granted ? '✓' : '—'}
                      </span>
                      <span className="sr-only">
                        {granted ? t('settings.granted') : t('settings.notGranted')}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
