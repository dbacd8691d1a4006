// A line chart with a value axis and a few labelled dates: the title and unit above it, and a
// sentence saying what it shows for those who cannot see it.
import { formatNumber } from '../format.ts';
import { labelledIndexes, valueTicks } from './scale.ts';
import { useWidth } from './useWidth.ts';

export type LinePoint = { label: string; value: number };

type Props = {
  title: string;
  /** What the values count, e.g. "active users"; shown beside the title. */
  unit: string;
  points: readonly LinePoint[];
  /** The text alternative: what the chart says, in a sentence. */
  summary: string;
  formatLabel?: (label: string) => string;
  height?: number;
};

const margin = { top: 8, right: 12, bottom: 24, left: 40 };

export function LineChart({
  title,
  unit,
  points,
  summary,
  formatLabel = (l) => l,
  height = 180,
}: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const ticks = valueTicks(Math.max(0, ...points.map((p) => p.value)));
  const top = ticks[ticks.length - 1] ?? 1;
  const plotWidth = Math.max(1, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const x = (i: number) =>
    margin.left + (points.length > 1 ? (i / (points.length - 1)) * plotWidth : plotWidth / 2);
  const y = (v: number) => margin.top + plotHeight - (v / top) * plotHeight;
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const labels = labelledIndexes(points.length, width < 420 ? 3 : 5);

  return (
    <figure className="m-0 flex flex-col gap-1">
      <figcaption className="text-sm font-medium">
        {title} <span className="font-normal text-muted">({unit})</span>
      </figcaption>
      <div ref={ref} className="w-full">
        <svg width={width} height={height} role="img" aria-label={summary} className="block">
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={margin.left}
                x2={width - margin.right}
                y1={y(tick)}
                y2={y(tick)}
                stroke="var(--line)"
              />
              <text
                x={margin.left - 6}
                y={y(tick)}
                dy="0.32em"
                textAnchor="end"
                fontSize="11"
                fill="var(--muted)"
              >
                {formatNumber(tick)}
              </text>
            </g>
          ))}
          {labels.map((i) => (
            <text
              key={i}
              x={x(i)}
              y={height - 6}
              fontSize="11"
              fill="var(--muted)"
              textAnchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}
            >
              {formatLabel(points[i]?.label ?? '')}
            </text>
          ))}
          <path
            d={path}
            fill="none"
            stroke="var(--accent)"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
      </div>
    </figure>
  );
}
