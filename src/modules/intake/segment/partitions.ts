// Raw usage events live in one partition per calendar month (UTC), made on demand when a
// month is first written to and ahead of time by the daily job, and dropped whole once they
// fall out of the retention window: dropping a partition is instant, deleting rows is not.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';

const partitionSchema = 'usage_partitions';

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
  for (const at of instants) {
    const month = monthStart(at);
    const name = partitionName(month);
    if (!seen.has(name)) missing.set(name, month);
  }
  if (missing.size === 0) return;
  await db.transaction().execute(async (trx) => {
    // Two requests making the same month at once: one waits, then finds it made.
    await sql`select pg_advisory_xact_lock(hashtext('usage_events partitions'))`.execute(trx);
    for (const [name, month] of missing) {
      const from = month.toISOString();
      const to = monthStart(month, 1).toISOString();
      await sql`create table if not exists ${sql.raw(`${partitionSchema}.${name}`)}
        partition of usage_events for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(
        trx,
      );
    }
  });
  for (const name of missing.keys()) seen.add(name);
}

/** The month partitions that exist, oldest first. */
export async function usagePartitions(db: Db): Promise<{ name: string; month: Date }[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'public.usage_events'::regclass
    order by c.relname`.execute(db);
  return rows.flatMap(({ name }) => {
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
    await sql`drop table if exists ${sql.raw(`${partitionSchema}.${name}`)}`.execute(db);
  }
  forgetKnownPartitions(db);
  return expired.map((p) => p.name);
}
