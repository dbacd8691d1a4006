// A line chart over time with a value axis and a few labelled dates: the title and unit
// above it, and a sentence saying what it shows for those who cannot see it.
import { formatNumber } from '../format.ts';
import { valueTicks } from './scale.ts';
import { useWidth } from './useWidth.ts';

/** `label` is an ISO date or moment; points come oldest first. */
export type LinePoint = { label: string; value: number };

type Props = {
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
};

const top = 8;
const right = 12;
const bottom = 24;
/** Room for the widest value label at 11px, about 7px a character. */
const labelWidth = (labels: string[]) => 10 + 7 * Math.max(1, ...labels.map((l) => l.length));

export function LineChart({
  title,
  unit,
  points,
  summary,
  formatLabel = (label) => label,
  height = 180,
  step = false,
}: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const values = points.map((p) => p.value);
  const ticks = valueTicks(Math.max(0, ...values), 4, values.every(Number.isInteger));
  const ceiling = ticks[ticks.length - 1] ?? 1;
  const left = labelWidth(ticks.map(formatNumber));
  const times = points.map((p) => Date.parse(p.label));
  const first = times[0] ?? 0;
  const span = Math.max(1, (times[times.length - 1] ?? first) - first);
  const plotWidth = Math.max(1, width - left - right);
  const plotHeight = height - top - bottom;
  const x = (t: number) => left + ((t - first) / span) * plotWidth;
  const y = (v: number) => top + plotHeight - (v / ceiling) * plotHeight;
  const path = points
    .map((p, i) => {
      const to = `${x(times[i] ?? first).toFixed(1)},${y(p.value).toFixed(1)}`;
      if (i === 0) return `M${to}`;
      const before = points[i - 1]?.value ?? p.value;
      return step ? `L${x(times[i] ?? first).toFixed(1)},${y(before).toFixed(1)} L${to}` : `L${to}`;
    })
    .join(' ');
  const dateTicks = width < 420 ? 3 : 5;
  const labelled = Array.from(
    { length: dateTicks },
    (_, i) => first + (span * i) / (dateTicks - 1),
  );

  return (
    <figure className="m-0 flex flex-col gap-1">
      <figcaption className="text-sm font-medium">
        {title} <span className="font-normal text-muted">({unit})</span>
      </figcaption>
      <div ref={ref} className="w-full">
        <svg width={width} height={height} role="img" aria-label={summary} className="block">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke="var(--line)" />
              <text
                x={left - 6}
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
          {points.length > 0 &&
            labelled.map((t, i) => (
              <text
                key={t}
                x={x(t)}
                y={height - 6}
                fontSize="11"
                fill="var(--muted)"
                textAnchor={i === 0 ? 'start' : i === labelled.length - 1 ? 'end' : 'middle'}
              >
                {formatLabel(new Date(t).toISOString())}
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
