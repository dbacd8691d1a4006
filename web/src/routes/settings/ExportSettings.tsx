// Settings → Export: the workspace's whole data as one JSON document or a CSV file per kind of
// record — plain downloads of GET /api/v1/export and /export/{entity}, streamed by the server.
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema.d.ts';
import { useMe } from '../../api/session.ts';
import { Card } from '../../components/ui.tsx';

type ExportEntity = paths['/api/v1/export/{entity}']['get']['parameters']['path']['entity'];

/** In the order a warehouse loads them: what others point at first. */
const entities: readonly ExportEntity[] = [
  'accounts',
  'contacts',
  'contracts',
  'people',
  'customFields',
  'timeline',
  'projects',
  'tasks',
  'health',
  'usage',
  'tickets',
  'feedback',
  'surveyResponses',
  'opportunities',
  'meetings',
];

const link =
  'inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

export function ExportSettings() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data?.permissions.includes('export_data'))
    return <p className="text-muted">{t('settings.exportAdminOnly')}</p>;
  return (
    <Card title={t('settings.export')}>
      <div className="flex flex-col gap-4">
        <p className="text-muted">{t('settings.exportIntro')}</p>
        <a
          href="/api/v1/export"
          download
          className={`${link} self-start bg-accent text-accent-ink`}
        >
          {t('settings.exportJson')}
        </a>
        <section aria-labelledby="export-csv" className="flex flex-col gap-2">
          <h3 id="export-csv" className="font-semibold">
            {t('settings.exportCsvTitle')}
          </h3>
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {entities.map((entity) => (
              <li key={entity}>
                <a
                  href={`/api/v1/export/${entity}`}
                  download
                  className={`${link} w-full border border-line bg-surface text-ink hover:bg-raised`}
                >
                  {t(`settings.exportEntities.${entity}`)} · CSV
                </a>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Card>
  );
}
