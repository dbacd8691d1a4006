// When an SLA policy's clock runs, as the server decides it (src/modules/notify/sla/live.ts),
// shown beside the policy so a manager knows what "untouched for 2 hours" will count.
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui.tsx';

/** The rule the server keeps (notify/sla/live.ts): clocks run only on live work. */
export function LiveWorkRule() {
  const { t } = useTranslation('notify');
  return (
    <Card title={t('sla.live.title')}>
      <div className="flex flex-col gap-2 text-sm">
        <p>{t('sla.live.intro')}</p>
        <ul className="list-disc pl-5">
          <li>{t('sla.live.started')}</li>
          <li>{t('sla.live.startDate')}</li>
          <li>{t('sla.live.dueDay')}</li>
          <li>{t('sla.live.now')}</li>
        </ul>
        <p>{t('sla.live.after')}</p>
        <p className="text-muted">{t('sla.live.paused')}</p>
        <p className="text-muted">{t('sla.live.grouped')}</p>
      </div>
    </Card>
  );
}
