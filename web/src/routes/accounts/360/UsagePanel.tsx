// Product usage on the Customer 360: adoption figures and charts, and whether adoption is
// declining against the month before, with the figures behind it.
import { useTranslation } from 'react-i18next';
import { usePortfolioAdoption } from '../../../api/intake.ts';
import { Badge, Card } from '../../../components/ui.tsx';
import { TrendFigures } from '../../adoption/TrendFigures.tsx';
import { AdoptionDetails } from './AdoptionDetails.tsx';

/** This account's month over month, from the same list the adoption view reads (cached). */
function MonthOverMonth({ accountId }: { accountId: string }) {
  const { t } = useTranslation('intake');
  const trends = usePortfolioAdoption('all');
  const trend = trends.data?.items.find((item) => item.accountId === accountId);
  if (!trend) return null;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line p-3">
      {trend.declining ? (
        <p>
          <Badge tone="critical">{t('usage.decliningFlag')}</Badge>
        </p>
      ) : (
        <p className="text-sm text-muted">{t('usage.steady')}</p>
      )}
      <TrendFigures trend={trend} />
    </div>
  );
}

export function UsagePanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('intake');
  return (
    <Card title={t('usage.title')}>
      <div className="flex flex-col gap-4">
        <MonthOverMonth accountId={accountId} />
        <AdoptionDetails accountId={accountId} />
      </div>
    </Card>
  );
}
