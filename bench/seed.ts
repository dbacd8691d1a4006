// Demo seed benchmark: seeding the demo workspace into an empty database, and resetting it
// (`steward demo`) over an existing one, with the first seed's time per step (from the seed's
// own log line). Baseline: the same number of rows written by one bare INSERT … SELECT
// generate_series, the floor for writing that many rows, and the one password hash every
// seed pays for.
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import { seedDemoWorkspace } from '../src/demo/index.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { benchDatabase, ms, percentile, seconds, timed, type BenchResult } from './support.ts';

const resetCount = 3;

type SeedLog = { steps?: Record<string, number>; intake?: { ms?: Record<string, number> } };

/** A logger that keeps the seed's "seeded the demo workspace" lines and drops the rest. */
function seedLogs() {
  const lines: SeedLog[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line.includes('seeded the demo workspace')) lines.push(JSON.parse(line) as SeedLog);
      }
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** `accounts 0.30 s, work 1.10 s, …, intake 6.90 s (backfill 3.10 s, …)`. */
function stepsOf(log: SeedLog | undefined): string {
  if (!log?.steps) return 'steps n/a';
  const intake = Object.entries(log.intake?.ms ?? {})
    .map(([step, took]) => `${step} ${seconds(took)}`)
    .join(', ');
  return Object.entries(log.steps)
    .map(
      ([step, took]) =>
        `${step} ${seconds(took)}${step === 'intake' && intake ? ` (${intake})` : ''}`,
    )
    .join(', ');
}

export async function seedBenchmark(): Promise<BenchResult[]> {
  const { deps: benchDeps, stop } = await benchDatabase();
  const logs = seedLogs();
  const deps = { ...benchDeps, logger: logs.logger };
  const { db } = deps;
  try {
    const first = await timed(() => seedDemoWorkspace(deps));
    const resets: number[] = [];
    for (let i = 0; i < resetCount; i++) {
      resets.push((await timed(() => seedDemoWorkspace(deps))).ms);
    }

    const counted = await sql<{ accounts: number; contacts: number; events: number }>`
      select (select count(*)::int from accounts) as accounts,
        (select count(*)::int from contacts) as contacts,
        (select count(*)::int from timeline_events) as events`.execute(db);
    const counts = counted.rows[0] ?? { accounts: 0, contacts: 0, events: 0 };
    const rows = counts.accounts + counts.contacts + counts.events;
    const account = await db
      .selectFrom('accounts')
      .select(['id', 'workspace_id'])
      .executeTakeFirstOrThrow();
    const bare = await timed(() =>
      sql`insert into timeline_events (workspace_id, account_id, kind, title, occurred_at)
        select ${account.workspace_id}::uuid, ${account.id}::uuid, 'note', 'Bare ' || g, now()
        from generate_series(1, ${rows}) g`.execute(db),
    );
    // The seed hashes the demo password once; scrypt is slow on purpose.
    const hash = await timed(() => hashPassword('steward-demo'));
    return [
      {
        name: `demo seed: ${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.events} events, with a year of usage, tickets and billing through the intake and its health history`,
        figure: `first ${seconds(first.ms)} — ${stepsOf(logs.lines[0])}; reset over the old demo p50 ${seconds(percentile(resets, 50))}, max ${seconds(Math.max(...resets))} (${resetCount} resets)`,
        baseline: `${rows} bare rows in one INSERT … generate_series: ${ms(bare.ms)}; one scrypt password hash: ${ms(hash.ms)}`,
      },
    ];
  } finally {
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await seedBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
