// The backtest's ROC curve: how many churned accounts a score threshold flags against how many
// retained ones it flags by mistake. The diagonal is chance; the closer to the top left, the better.
import { useTranslation } from 'react-i18next';
import type { Backtest } from '../../api/health.ts';

const size = 220;
const pad = 32;

export function RocChart({ roc, auc }: { roc: Backtest['roc']; auc: number }) {
  const { t } = useTranslation('health');
  const plot = size - pad * 1.5;
  const x = (rate: number) => pad + rate * plot;
  const y = (rate: number) => size - pad - rate * plot;
  const curve = [...roc]
    .sort(
      (a, b) =>
        a.falsePositiveRate - b.falsePositiveRate || a.truePositiveRate - b.truePositiveRate,
    )
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${x(p.falsePositiveRate).toFixed(1)},${y(p.truePositiveRate).toFixed(1)}`,
    )
    .join(' ');
  return (
    <figure className="m-0 flex flex-col gap-1">
      <figcaption className="text-sm font-medium">{t('backtest.roc')}</figcaption>
      <svg
        width={size}
        height={size}
        role="img"
        aria-label={t('backtest.rocSummary', { auc: auc.toFixed(2) })}
        className="block"
      >
        <rect
          x={pad}
          y={size - pad - plot}
          width={plot}
          height={plot}
          fill="none"
          stroke="var(--line)"
        />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} stroke="var(--muted)" strokeDasharray="4 4" />
        <path d={curve} fill="none" stroke="var(--accent)" strokeWidth="2" />
        <text x={pad + plot / 2} y={size - 8} textAnchor="middle" fontSize="11" fill="var(--muted)">
          {t('backtest.falsePositive')}
        </text>
        <text
          x={12}
          y={size - pad - plot / 2}
          textAnchor="middle"
          fontSize="11"
          fill="var(--muted)"
          transform={`rotate(-90 12 ${size - pad - plot / 2})`}
        >
          {t('backtest.truePositive')}
        </text>
      </svg>
    </figure>
  );
}
