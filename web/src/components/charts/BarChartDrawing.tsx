// The drawing of a BarChart (BarChart.tsx): Recharts, loaded when the chart is about to show.
import {
  Bar as RechartsBar,
  BarChart as RechartsBarChart,
  LabelList,
  XAxis,
  YAxis,
  type LabelProps,
} from 'recharts';
import type { BarLayout } from './BarChart.tsx';
import { animation, chartColors } from './theme.tsx';

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
