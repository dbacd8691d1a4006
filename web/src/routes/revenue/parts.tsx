// Pieces the revenue screens share: the forecast badge, whose-clients toggle, a metric's value
// as a person reads it, and the server's sentences as a list.
import { useTranslation } from 'react-i18next';
import type { CsMetric, ForecastCategory } from '../../api/revenue.ts';
import { formatMoney, formatNumber } from '../../components/format.ts';
import { Badge, Button } from '../../components/ui.tsx';

const categoryTone = {
  commit: 'healthy',
  likely: 'accent',
  at_risk: 'risk',
  lost: 'critical',
} as const satisfies Record<ForecastCategory, string>;

export function ForecastBadge({
  category,
  probability,
}: {
  category: ForecastCategory;
  probability?: number;
}) {
  const { t } = useTranslation('revenue');
  return (
    <Badge tone={categoryTone[category]}>
      {t(`category.${category}`)}
      {probability !== undefined && ` · ${Math.round(probability * 100)}%`}
    </Badge>
  );
}

/** "My clients" or "Everyone", for people who see the whole team's accounts. */
export function WhoseToggle({
  everyone,
  setEveryone,
}: {
  everyone: boolean;
  setEveryone: (everyone: boolean) => void;
}) {
  const { t } = useTranslation('revenue');
  return (
    <div role="group" aria-label={t('whose.label')} className="flex gap-1">
      <Button
        variant={everyone ? 'secondary' : 'primary'}
        aria-pressed={!everyone}
        onClick={() => setEveryone(false)}
      >
        {t('whose.mine')}
      </Button>
      <Button
        variant={everyone ? 'primary' : 'secondary'}
        aria-pressed={everyone}
        onClick={() => setEveryone(true)}
      >
        {t('whose.everyone')}
      </Button>
    </div>
  );
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined) return '—';
  return `${formatNumber(Math.round(ratio * 100 * 10 ** digits) / 10 ** digits)}%`;
}

/** A metric's value in its unit: money in the report's currency, ratios as percentages. */
export function useMetricFormat(currency: string) {
  const { t } = useTranslation('revenue');
  return (unit: CsMetric['unit'], value: number | null | undefined): string => {
    if (value === null || value === undefined) return '—';
    switch (unit) {
      case 'money':
        return formatMoney({ amount: value, currency });
      case 'ratio':
        return formatPercent(value);
      case 'days':
        return t('metrics.days', { count: value });
      case 'score':
      case 'nps':
        return formatNumber(value);
    }
  };
}

/** Server sentences (reasons, evidence, wins, risks), already in the reader's language. */
export function Sentences({
  items,
  className = '',
}: {
  items: { key: string; text: string }[];
  className?: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul className={`flex list-disc flex-col gap-1 pl-5 ${className}`}>
      {items.map((item, i) => (
        <li key={`${item.key}-${i}`}>{item.text}</li>
      ))}
    </ul>
  );
}

export const linkClass =
  'inline-flex min-h-11 items-center rounded-lg px-3 text-sm text-muted hover:bg-raised hover:text-ink';
