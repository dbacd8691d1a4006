// What every chart shares: colours from the theme tokens (so dark mode is the same switch as
// the rest of the app), legible axis text, and a figure with its title and unit above it.
import type { ReactNode } from 'react';

/** SVG paints read the CSS variables directly, so a theme change needs no re-render. */
export const chartColors = {
  series: 'var(--accent)',
  grid: 'var(--line)',
  text: 'var(--muted)',
  track: 'var(--raised)',
  ink: 'var(--ink)',
  surface: 'var(--surface)',
} as const;

/** Axis ticks at 11 px in the muted ink, without tick marks. */
export const axisProps = {
  tick: { fill: chartColors.text, fontSize: 11 },
  tickLine: false,
  axisLine: { stroke: chartColors.grid },
} as const;

/** Short enough to feel alive, and off entirely for people who ask for reduced motion. */
export const animation = { isAnimationActive: 'auto', animationDuration: 400 } as const;

export function ChartFigure({
  title,
  unit,
  className = 'min-w-0',
  children,
}: {
  title: string;
  /** What the values count, e.g. "users"; shown beside the title. */
  unit?: string | undefined;
  /** By default the figure shrinks with its container; a fixed-size chart says `shrink-0`. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <figure className={`m-0 flex flex-col gap-1 ${className}`}>
      <figcaption className="text-sm font-medium">
        {title} {unit && <span className="font-normal text-muted">({unit})</span>}
      </figcaption>
      {children}
    </figure>
  );
}

/** The tooltip a pointer or a tap brings up: the moment, then the value with its unit. */
export function TooltipBox({ heading, value }: { heading: string; value: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface px-2 py-1 text-sm text-ink shadow-md">
      <div className="text-muted">{heading}</div>
      <div className="font-medium tabular-nums">{value}</div>
    </div>
  );
}
