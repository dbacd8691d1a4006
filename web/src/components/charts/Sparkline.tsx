// A small trend line beside a number: no axes or tooltip, the text alternative says what it
// shows. Drawn as one polyline rather than through Recharts: it needs no scale beyond the
// largest value, and the portfolio draws one per row, where a chart each (and the library's
// download on the first screen) would cost more than the line itself.
import { chartColors } from './theme.tsx';

type Props = { values: readonly number[]; label: string; width?: number; height?: number };

export function Sparkline({ values, label, width = 96, height = 28 }: Props) {
  const top = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / top) * (height - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="shrink-0">
      <polyline points={points} fill="none" stroke={chartColors.series} strokeWidth="1.5" />
    </svg>
  );
}
