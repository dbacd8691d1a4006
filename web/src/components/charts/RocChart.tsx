// A ROC curve: how many of the positives a threshold catches (y) against how many negatives it
// flags by mistake (x), both 0–100%. The dashed diagonal is chance; the closer the curve runs
// to the top left, the better the score separates them.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { animation, axisProps, chartColors, ChartFigure, TooltipBox } from './theme.tsx';

export type RocPoint = { falsePositiveRate: number; truePositiveRate: number };

type Props = {
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
/** Square, so chance is the 45° diagonal; small enough for a phone. */
const size = 260;

export function RocChart({ title, points, summary, falsePositiveLabel, truePositiveLabel }: Props) {
  const curve = [...points].sort(
    (a, b) => a.falsePositiveRate - b.falsePositiveRate || a.truePositiveRate - b.truePositiveRate,
  );
  return (
    <ChartFigure title={title} unit="%" className="shrink-0">
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
    </ChartFigure>
  );
}
