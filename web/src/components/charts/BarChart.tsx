// Horizontal bars, one per row (a feature, an account), the value written at the bar's end.
// The rows are also a list, so a screen reader reads "Reports: 42 users" rather than shapes.
import type { ReactNode } from 'react';
import { formatNumber } from '../format.ts';
import { useWidth } from './useWidth.ts';

export type Bar = { key: string; label: string; value: number; note?: ReactNode };

type Props = {
  title: string;
  unit: string;
  bars: readonly Bar[];
  /** Values are shares (0–1), drawn against 100% and written as percentages. */
  share?: boolean;
};

const rowHeight = 22;

export function BarChart({ title, unit, bars, share = false }: Props) {
  const [ref, width] = useWidth<HTMLUListElement>(200);
  const max = share ? 1 : Math.max(1, ...bars.map((b) => b.value));
  const written = (v: number) => (share ? `${Math.round(v * 100)}%` : formatNumber(v));
  return (
    <figure className="m-0 flex flex-col gap-1">
      <figcaption className="text-sm font-medium">
        {title} <span className="font-normal text-muted">({unit})</span>
      </figcaption>
      <ul ref={ref} className="flex flex-col gap-2">
        {bars.map((bar) => (
          <li key={bar.key} className="flex flex-col gap-0.5">
            <span className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="min-w-0 break-words">{bar.label}</span>
              <span className="flex items-center gap-2">
                {bar.note}
                <span className="font-medium tabular-nums">
                  {written(bar.value)}
                  <span className="sr-only"> {unit}</span>
                </span>
              </span>
            </span>
            <div aria-hidden="true">
              <svg width={width} height={rowHeight / 2} className="block">
                <rect
                  x={0}
                  y={0}
                  width={width}
                  height={rowHeight / 2}
                  rx={3}
                  fill="var(--raised)"
                />
                <rect
                  x={0}
                  y={0}
                  width={Math.max(bar.value > 0 ? 2 : 0, (Math.min(bar.value, max) / max) * width)}
                  height={rowHeight / 2}
                  rx={3}
                  fill="var(--accent)"
                />
              </svg>
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}
