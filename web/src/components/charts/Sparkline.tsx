// A small trend line beside a number: no axes, the text alternative says what it shows.
import { niceCeiling } from './scale.ts';

type Props = { values: readonly number[]; label: string; width?: number; height?: number };

export function Sparkline({ values, label, width = 96, height = 28 }: Props) {
  const top = niceCeiling(Math.max(0, ...values));
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / top) * (height - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="shrink-0">
      <polyline points={points} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
    </svg>
  );
}
