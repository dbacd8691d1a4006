// A ROC curve: how many of the positives a threshold catches (y) against how many negatives it
// flags by mistake (x), both 0–100%. The dashed diagonal is chance; the closer the curve runs
// to the top left, the better the score separates them.
import { lazy } from 'react';
import { DeferredDrawing } from './Deferred.tsx';
import { ChartFigure } from './theme.tsx';
import type { RocChartProps } from './RocChartDrawing.tsx';

const Drawing = lazy(() =>
  import('./RocChartDrawing.tsx').then((m) => ({ default: m.RocChartDrawing })),
);

/** Square, so chance is the 45° diagonal; small enough for a phone. */
const size = 260;

export function RocChart(props: RocChartProps) {
  return (
    <ChartFigure title={props.title} unit="%" className="shrink-0">
      <DeferredDrawing height={size} width={size} label={props.summary}>
        <Drawing {...props} size={size} />
      </DeferredDrawing>
    </ChartFigure>
  );
}
