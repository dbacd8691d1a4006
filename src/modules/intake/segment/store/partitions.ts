// SQL for the month partitions of raw usage events: making them, listing them, dropping them.
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';

const partitionSchema = 'usage_partitions';

/**
 * Makes the month partitions (each `from` inclusive, `to` exclusive, as ISO instants) unless
 * they exist; call inside a transaction: two callers making the same month take turns.
 */
export async function createPartitions(
  db: Db,
  partitions: Iterable<{ name: string; from: string; to: string }>,
): Promise<void> {
  // Two requests making the same month at once: one waits, then finds it made.
  await sql`select pg_advisory_xact_lock(hashtext('usage_events partitions'))`.execute(db);
  for (const { name, from, to } of partitions) {
    await sql`create table if not exists ${sql.raw(`${partitionSchema}.${name}`)}
        partition of usage_events for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(
      db,
    );
  }
}

/** The names of the partitions of usage_events, in order. */
export async function partitionNames(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'public.usage_events'::regclass
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

export async function dropPartition(db: Db, name: string): Promise<void> {
  await sql`drop table if exists ${sql.raw(`${partitionSchema}.${name}`)}`.execute(db);
}
