// The drawing of a RocChart (RocChart.tsx): Recharts, loaded when the chart is about to show.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { animation, axisProps, chartColors, TooltipBox } from './theme.tsx';

export type RocPoint = { falsePositiveRate: number; truePositiveRate: number };

export type RocChartProps = {
  title: string;
  points: readonly RocPoint[];
  /** The text alternative, e.g. "ROC curve with an area of 0.81". */
  summary: string;
  /** The x axis: what a false positive is here ("Retained accounts flagged"). */
  falsePositiveLabel: string;
  /** The y axis: what a true positive is here ("Churned accounts flagged"). */
  truePositiveLabel: string;
};

const percent = (rate: number) => `${Math.round(rate * 100)}%`;
const rateTicks = [0, 0.25, 0.5, 0.75, 1];

export function RocChartDrawing({
  points,
  summary,
  falsePositiveLabel,
  truePositiveLabel,
  size,
}: RocChartProps & { size: number }) {
  const curve = [...points].sort(
    (a, b) => a.falsePositiveRate - b.falsePositiveRate || a.truePositiveRate - b.truePositiveRate,
  );
  return (
    <LineChart
      data={curve}
      width={size}
      height={size}
      margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
      accessibilityLayer={false}
      role="img"
      aria-label={summary}
    >
      <CartesianGrid stroke={chartColors.grid} />
      <XAxis
        dataKey="falsePositiveRate"
        type="number"
        domain={[0, 1]}
        ticks={rateTicks}
        tickFormatter={percent}
        height={44}
        label={{
          value: falsePositiveLabel,
          position: 'insideBottom',
          fill: chartColors.text,
          fontSize: 11,
        }}
        {...axisProps}
      />
      <YAxis
        type="number"
        domain={[0, 1]}
        ticks={rateTicks}
        tickFormatter={percent}
        width={60}
        label={{
          value: truePositiveLabel,
          angle: -90,
          position: 'insideLeft',
          style: { textAnchor: 'middle' },
          fill: chartColors.text,
          fontSize: 11,
        }}
        {...axisProps}
      />
      <ReferenceLine
        segment={[
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ]}
        stroke={chartColors.text}
        strokeDasharray="4 4"
      />
      <Tooltip
        cursor={{ stroke: chartColors.grid }}
        isAnimationActive={false}
        content={({ active, payload }) => {
          const point = payload?.[0]?.payload as RocPoint | undefined;
          if (!active || !point) return null;
          return (
            <TooltipBox
              heading={`${falsePositiveLabel}: ${percent(point.falsePositiveRate)}`}
              value={`${truePositiveLabel}: ${percent(point.truePositiveRate)}`}
            />
          );
        }}
      />
      <Line
        dataKey="truePositiveRate"
        type="linear"
        stroke={chartColors.series}
        strokeWidth={2}
        dot={false}
        {...animation}
      />
    </LineChart>
  );
}
