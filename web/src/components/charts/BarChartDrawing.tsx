// The drawing of a BarChart (BarChart.tsx): Recharts, loaded when the chart is about to show.
import {
  Bar as RechartsBar,
  BarChart as RechartsBarChart,
  LabelList,
  XAxis,
  YAxis,
  type LabelProps,
} from 'recharts';
import { animation, chartColors } from './theme.tsx';

export type Bar = {
  key: string;
  label: string;
  value: number;
  /** A short marker after the name, in the accent colour ("Premium"). */
  tag?: string | undefined;
  /** A line under the name ("12 clients, 340 users"). */
  note?: string | undefined;
};

/** How the bars are laid out: what the drawing needs, and its height before it is drawn. */
export type BarLayout = {
  bars: readonly Bar[];
  noted: boolean;
  /** Room above the first bar for its name. */
  top: number;
  height: number;
  max: number;
  written: (value: number) => string;
};

const barSize = 10;

export function BarChartDrawing({ layout }: { layout: BarLayout }) {
  const { bars, noted, top, height, max, written } = layout;

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
    <RechartsBarChart
      responsive
      layout="vertical"
      data={[...bars]}
      style={{ width: '100%', height }}
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
  );
}
