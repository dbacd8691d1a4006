// A value over time: dates on the x axis, the value from zero on the y axis (whole-number ticks
// when the values are counts), a tooltip for each point, the title and unit above it, and a
// sentence saying what it shows for those who cannot see it.
import { lazy } from 'react';
import { DeferredDrawing } from './Deferred.tsx';
import { ChartFigure } from './theme.tsx';
import type { LineChartProps } from './LineChartDrawing.tsx';

const Drawing = lazy(() =>
  import('./LineChartDrawing.tsx').then((m) => ({ default: m.LineChartDrawing })),
);

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
