// Horizontal bars, one row per feature or account: its name (and a tag such as "Premium") above
// the bar, the value written at the right, an optional note below the name. The rows are also a
// list for screen readers, so they hear "Reports: 42 users" rather than shapes.
import { lazy } from 'react';
import { formatNumber } from '../format.ts';
import { DeferredDrawing } from './Deferred.tsx';
import { ChartFigure } from './theme.tsx';
import type { Bar } from './BarChartDrawing.tsx';

const Drawing = lazy(() =>
  import('./BarChartDrawing.tsx').then((m) => ({ default: m.BarChartDrawing })),
);

type Props = {
  title: string;
  /** What the values count, when the title does not say it; for shares, what of ("of clients"). */
  unit?: string;
  bars: readonly Bar[];
  /** Values are shares (0–1), drawn against 100% and written as percentages. */
  share?: boolean;
};

export function BarChart({ title, unit, bars, share = false }: Props) {
  const written = (v: number) => (share ? `${Math.round(v * 100)}%` : formatNumber(v));
  const noted = bars.some((bar) => bar.note);
  // Room above each bar for its name, and for its note when there are notes.
  const rowHeight = noted ? 52 : 38;
  // Recharts centres each bar in its row; this much more at the top makes room for the first name.
  const top = noted ? 12 : 4;
  const max = share ? 1 : Math.max(1, ...bars.map((b) => b.value));
  const height = top + bars.length * rowHeight;

  return (
    <ChartFigure title={title} unit={share && unit ? `% ${unit}` : unit}>
      <DeferredDrawing height={height}>
        <Drawing layout={{ bars, noted, top, height, max, written }} />
      </DeferredDrawing>
      <ul className="sr-only">
        {bars.map((bar) => (
          <li key={bar.key}>
            {bar.label}
            {bar.tag && ` (${bar.tag})`}: {written(bar.value)}
            {unit && ` ${unit}`}
            {bar.note && `, ${bar.note}`}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
