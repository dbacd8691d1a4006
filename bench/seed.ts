// Demo seed benchmark: seeding the demo workspace into an empty database, and resetting it
// (`steward demo`) over an existing one. Baseline: the same number of rows written by one
// bare INSERT … SELECT generate_series, the floor for writing that many rows, and the one
// password hash every seed pays for.
import { sql } from 'kysely';
import { seedDemoWorkspace } from '../src/demo/index.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { benchDatabase, ms, percentile, timed, type BenchResult } from './support.ts';

export async function seedBenchmark(): Promise<BenchResult[]> {
  const { deps, stop } = await benchDatabase();
  const { db } = deps;
  try {
    const first = await timed(() => seedDemoWorkspace(deps));
    const resets: number[] = [];
    for (let i = 0; i < 5; i++) resets.push((await timed(() => seedDemoWorkspace(deps))).ms);

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
        figure: `first ${ms(first.ms)}; reset over the old demo p50 ${ms(percentile(resets, 50))}, max ${ms(Math.max(...resets))}`,
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
