// How a client's health and churn risk read wherever they appear (portfolio, health, the 360):
// one colour and one word for each category, so a glance means the same on every screen.
import { useTranslation } from 'react-i18next';
import type { Account } from '../api/accounts.ts';
import { Badge } from './ui.tsx';

const healthTone = { healthy: 'healthy', at_risk: 'risk', critical: 'critical' } as const;

/** "72 · Healthy", or "Unscored" before the first score. */
export function HealthBadge({ health }: { health: Account['health'] }) {
  const { t } = useTranslation();
  if (!health.category) return <Badge>{t('health.unscored')}</Badge>;
  return (
    <Badge tone={healthTone[health.category]}>
      {health.score} · {t(`health.${health.category}`)}
    </Badge>
  );
}

export function RiskBadge({ level }: { level: Account['churnRisk']['level'] }) {
  const { t } = useTranslation();
  if (!level) return <span className="text-muted">{t('common.none')}</span>;
  const tone = level === 'low' ? 'healthy' : level === 'medium' ? 'risk' : 'critical';
  return <Badge tone={tone}>{t(`risk.${level}`)}</Badge>;
}
