// The renewal pipeline's totals: ARR up, forecast and at risk over the window, and by the
// month and quarter each renewal falls in, against the renewal-rate target.
import type { ForecastCategory } from '../../db/schema.ts';
import type { Forecasted, RenewalRow } from './renewalPipeline.ts';

const categories: ForecastCategory[] = ['commit', 'likely', 'at_risk', 'lost'];

type Money = { amount: number; currency: string };

/** Months, quarters and currency codes compared as the code points they are. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `2026-11-30` → `2026-Q4`. */
const quarterLabel = (day: string) =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

function emptyBucket(currency: string, targetRate: number | null) {
  const zero = (): Money => ({ amount: 0, currency });
  return {
    count: 0,
    arrUp: zero(),
    forecastArr: zero(),
    atRiskArr: zero(),
    targetArr: targetRate === null ? null : zero(),
    byCategory: Object.fromEntries(categories.map((c) => [c, { count: 0, arr: zero() }])) as Record<
      ForecastCategory,
      { count: number; arr: Money }
    >,
  };
}

type Bucket = ReturnType<typeof emptyBucket>;

function addTo(bucket: Bucket, renewal: Forecasted, targetRate: number | null) {
  const arr = renewal.row.arrAmount;
  bucket.count += 1;
  bucket.arrUp.amount += arr;
  bucket.forecastArr.amount += renewal.forecastArr;
  if (renewal.category === 'at_risk' || renewal.category === 'lost') bucket.atRiskArr.amount += arr;
  if (bucket.targetArr && targetRate !== null) {
    bucket.targetArr.amount = Math.round(bucket.arrUp.amount * targetRate);
  }
  const byCategory = bucket.byCategory[renewal.category];
  byCategory.count += 1;
  byCategory.arr.amount += arr;
}

/** Totals over every renewal in the currency, and by the month and quarter each falls in. */
export function pipelineTotals(
  renewals: readonly Forecasted[],
  currency: string,
  targetRate: number | null,
) {
  const totals = emptyBucket(currency, targetRate);
  const months = new Map<string, Bucket>();
  const quarters = new Map<string, Bucket>();
  const bucketIn = (map: Map<string, Bucket>, label: string) => {
    let bucket = map.get(label);
    if (!bucket) map.set(label, (bucket = emptyBucket(currency, targetRate)));
    return bucket;
  };
  // Renewals come by date, so the month (and its quarter) changes seldom: look them up then.
  let monthLabel = '';
  let month = totals;
  let quarter = totals;
  for (const renewal of renewals) {
    if (renewal.row.currency !== currency) continue;
    addTo(totals, renewal, targetRate);
    if (monthLabel === '' || !renewal.row.renewalDate.startsWith(monthLabel)) {
      monthLabel = renewal.row.renewalDate.slice(0, 7);
      month = bucketIn(months, monthLabel);
      quarter = bucketIn(quarters, quarterLabel(renewal.row.renewalDate));
    }
    addTo(month, renewal, targetRate);
    addTo(quarter, renewal, targetRate);
  }
  const sorted = (map: Map<string, Bucket>) => [...map.entries()].sort(([a], [b]) => byCode(a, b));
  return {
    totals,
    months: sorted(months).map(([month, bucket]) => ({ month, ...bucket })),
    quarters: sorted(quarters).map(([quarter, bucket]) => ({ quarter, ...bucket })),
  };
}

/** The currency most of the ARR up for renewal is in: what the totals are shown in. */
export function mostArrIn(rows: readonly RenewalRow[]): string | null {
  const arr = new Map<string, number>();
  for (const row of rows) arr.set(row.currency, (arr.get(row.currency) ?? 0) + row.arrAmount);
  return [...arr].sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]))[0]?.[0] ?? null;
}
