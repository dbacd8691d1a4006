// The drawing of a LineChart (LineChart.tsx): Recharts, loaded when the chart is about to show.
import {
  CartesianGrid,
  Line,
  LineChart as RechartsLineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../format.ts';
import { animation, axisProps, chartColors, TooltipBox } from './theme.tsx';

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

type Datum = { time: number; label: string; value: number };

/** About five dates evenly along the time axis, each on the nearest day the data has. */
function dateTicks(data: readonly Datum[], count = 5): number[] {
  const times = data.map((d) => d.time);
  if (times.length <= count) return times;
  const first = times[0] ?? 0;
  const span = (times[times.length - 1] ?? first) - first;
  const nearest = (target: number) =>
    times.reduce((best, t) => (Math.abs(t - target) < Math.abs(best - target) ? t : best), first);
  return [
    ...new Set(Array.from({ length: count }, (_, i) => nearest(first + (span * i) / (count - 1)))),
  ];
}

export function LineChartDrawing({
  unit,
  points,
  summary,
  formatLabel = (label) => label,
  height,
  step = false,
  max,
}: LineChartProps & { height: number }) {
  const data: Datum[] = points.map((p) => ({
    time: Date.parse(p.label),
    label: p.label,
    value: p.value,
  }));
  const labelAt = new Map(data.map((d) => [d.time, formatLabel(d.label)]));
  const ticks = dateTicks(data);
  const counts = points.every((p) => Number.isInteger(p.value));
  return (
    <RechartsLineChart
      responsive
      data={data}
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
      accessibilityLayer={false}
      role="img"
      aria-label={summary}
    >
      <CartesianGrid vertical={false} stroke={chartColors.grid} />
      <XAxis
        dataKey="time"
        type="number"
        scale="time"
        domain={['dataMin', 'dataMax']}
        ticks={ticks}
        // The first and last dates stay, moved inwards so they are not cut at the edges.
        interval="preserveStartEnd"
        minTickGap={12}
        tickFormatter={(time: number) => labelAt.get(time) ?? ''}
        {...axisProps}
      />
      <YAxis
        width="auto"
        domain={[0, max ?? 'auto']}
        allowDecimals={!counts}
        niceTicks="snap125"
        tickFormatter={(value: number) => formatNumber(value)}
        {...axisProps}
        axisLine={false}
      />
      <Tooltip
        cursor={{ stroke: chartColors.grid }}
        isAnimationActive={false}
        content={({ active, payload }) => {
          const datum = payload?.[0]?.payload as Datum | undefined;
          if (!active || !datum) return null;
          return (
            <TooltipBox
              heading={formatLabel(datum.label)}
              value={`${formatNumber(datum.value)} ${unit}`}
            />
          );
        }}
      />
      <Line
        dataKey="value"
        type={step ? 'stepAfter' : 'linear'}
        stroke={chartColors.series}
        strokeWidth={2}
        dot={false}
        activeDot={{ r: 4, fill: chartColors.series, stroke: chartColors.surface }}
        {...animation}
      />
    </RechartsLineChart>
  );
}
