// Horizontal bars, one row per feature or account: its name (and a tag such as "Premium") above
// the bar, the value written at the right, an optional note below the name. The rows are also a
// list for screen readers, so they hear "Reports: 42 users" rather than shapes.
import {
  Bar as RechartsBar,
  BarChart as RechartsBarChart,
  LabelList,
  XAxis,
  YAxis,
  type LabelProps,
} from 'recharts';
import { formatNumber } from '../format.ts';
import { animation, chartColors, ChartFigure } from './theme.tsx';

export type Bar = {
  key: string;
  label: string;
  value: number;
  /** A short marker after the name, in the accent colour ("Premium"). */
  tag?: string | undefined;
  /** A line under the name ("12 clients, 340 users"). */
  note?: string | undefined;
};

type Props = {
  title: string;
  unit: string;
  bars: readonly Bar[];
  /** Values are shares (0–1), drawn against 100% and written as percentages. */
  share?: boolean;
};

const barSize = 10;

export function BarChart({ title, unit, bars, share = false }: Props) {
  const written = (v: number) => (share ? `${Math.round(v * 100)}%` : formatNumber(v));
  const noted = bars.some((bar) => bar.note);
  // Room above each bar for its name, and for its note when there are notes.
  const rowHeight = noted ? 52 : 38;
  // Recharts centres each bar in its row; this much more at the top makes room for the first name.
  const top = noted ? 12 : 4;
  const max = share ? 1 : Math.max(1, ...bars.map((b) => b.value));

  /** Drawn by the bar's label list: the row's name, tag, note and value around its bar. */
  const rowText = ({ viewBox, parentViewBox, index }: LabelProps) => {
    const bar = index === undefined ? undefined : bars[index];
    if (!bar || !viewBox || !('x' in viewBox) || !parentViewBox || !('width' in parentViewBox))
      return null;
    const left = Number(viewBox.x);
    const right = left + Number(parentViewBox.width);
    const nameY = Number(viewBox.y) - (noted ? 22 : 6);
    return (
      <g>
        <text x={left} y={nameY} fontSize={13} fill={chartColors.ink}>
          {bar.label}
          {bar.tag && (
            <tspan dx={8} fill={chartColors.series} fontWeight={500}>
              {bar.tag}
            </tspan>
          )}
        </text>
        <text
          x={right}
          y={nameY}
          fontSize={13}
          fontWeight={500}
          textAnchor="end"
          fill={chartColors.ink}
        >
          {written(bar.value)}
        </text>
        {bar.note && (
          <text x={left} y={Number(viewBox.y) - 6} fontSize={12} fill={chartColors.text}>
            {bar.note}
          </text>
        )}
      </g>
    );
  };

  return (
    <ChartFigure title={title} unit={unit}>
      <RechartsBarChart
        responsive
        layout="vertical"
        data={[...bars]}
        style={{ width: '100%', height: top + bars.length * rowHeight }}
        margin={{ top, right: 0, bottom: 0, left: 0 }}
        barCategoryGap={0}
        accessibilityLayer={false}
        aria-hidden="true"
      >
        <XAxis type="number" hide domain={[0, max]} allowDataOverflow />
        <YAxis type="category" dataKey="key" hide />
        <RechartsBar
          dataKey="value"
          barSize={barSize}
          radius={3}
          fill={chartColors.series}
          background={{ fill: chartColors.track, radius: 3 }}
          {...animation}
        >
          <LabelList dataKey="value" content={rowText} />
        </RechartsBar>
      </RechartsBarChart>
      <ul className="sr-only">
        {bars.map((bar) => (
          <li key={bar.key}>
            {bar.label}
            {bar.tag && ` (${bar.tag})`}: {written(bar.value)} {unit}
            {bar.note && `, ${bar.note}`}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
