// Raw usage events live in one partition per calendar month (UTC), made on demand when a
// month is first written to and ahead of time by the daily job, and dropped whole once they
// fall out of the retention window: dropping a partition is instant, deleting rows is not.
import type { Db } from '../../../db/connect.ts';
import * as store from './store/partitions.ts';

/** The first instant of the month (UTC) `offset` months from the month of `at`. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

export function partitionName(month: Date): string {
  return `usage_events_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Events before this instant are past retention: the current month and the `months - 1`
 * before it are kept (13 by default, so this month can be compared with a year ago).
 */
export function retentionCutoff(now: Date, months: number): Date {
  return monthStart(now, -(months - 1));
}

/** Partitions known to exist, per database, so a request does not ask the catalog each time. */
const known = new WeakMap<object, Set<string>>();

export function forgetKnownPartitions(db: Db): void {
  known.delete(db);
}

/** Makes the month partitions for these instants, if they are missing. Own transaction. */
export async function ensurePartitions(db: Db, instants: Iterable<Date>): Promise<void> {
  const seen = known.get(db) ?? new Set<string>();
  known.set(db, seen);
  const missing = new Map<string, Date>();
  // A batch's instants mostly share a month: one comparison each, a name per month met.
  let from = Number.NaN;
  let to = Number.NaN;
  for (const at of instants) {
    const time = at.getTime();
    if (time >= from && time < to) continue;
    const month = monthStart(at);
    from = month.getTime();
    to = monthStart(month, 1).getTime();
    const name = partitionName(month);
    if (!seen.has(name)) missing.set(name, month);
  }
  if (missing.size === 0) return;
  await db.transaction().execute((trx) =>
    store.createPartitions(
      trx,
      [...missing].map(([name, month]) => ({
        name,
        from: month.toISOString(),
        to: monthStart(month, 1).toISOString(),
      })),
    ),
  );
  for (const name of missing.keys()) seen.add(name);
}

/** The month partitions that exist, oldest first. */
export async function usagePartitions(db: Db): Promise<{ name: string; month: Date }[]> {
  return (await store.partitionNames(db)).flatMap((name) => {
    const match = /^usage_events_(\d{4})_(\d{2})$/.exec(name);
    return match
      ? [{ name, month: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) }]
      : [];
  });
}

/** Drops the partitions wholly before the retention cutoff; answers their names. */
export async function dropExpiredPartitions(
  db: Db,
  now: Date,
  retentionMonths: number,
): Promise<string[]> {
  const cutoff = retentionCutoff(now, retentionMonths);
  const expired = (await usagePartitions(db)).filter((p) => monthStart(p.month, 1) <= cutoff);
  for (const { name } of expired) {
    await store.dropPartition(db, name);
  }
  forgetKnownPartitions(db);
  return expired.map((p) => p.name);
}
