// A value over time: dates on the x axis, the value from zero on the y axis (whole-number ticks
// when the values are counts), a tooltip for each point, the title and unit above it, and a
// sentence saying what it shows for those who cannot see it.
import { lazy } from 'react';
import { DeferredDrawing } from './Deferred.tsx';
import { ChartFigure } from './theme.tsx';

const Drawing = lazy(() =>
  import('./LineChartDrawing.tsx').then((m) => ({ default: m.LineChartDrawing })),
);

/** `label` is an ISO date or moment; points come oldest first. */
export type LinePoint = { label: string; value: number };

export type LineChartProps = {
  title: string;
  /** What the values count, e.g. "users"; shown beside the title. */
  unit: string;
  points: readonly LinePoint[];
  /** The text alternative: what the chart says, in a sentence. */
  summary: string;
  formatLabel?: (label: string) => string;
  height?: number;
  /** A value that holds until the next point (MRR after each movement) draws as steps. */
  step?: boolean;
  /** The top of the value axis when the scale has one (a score out of 100). */
  max?: number;
};

export function LineChart(props: LineChartProps) {
  const height = props.height ?? 180;
  return (
    <ChartFigure title={props.title} unit={props.unit}>
      <DeferredDrawing height={height} label={props.summary}>
        <Drawing {...props} height={height} />
      </DeferredDrawing>
    </ChartFigure>
  );
}
