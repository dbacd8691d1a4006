// Work benchmarks: instantiating a 25-task template (target ≤ 100 ms), for 100 accounts at
// once (≤ 5 s), and "My work" for a CSM with 5,000 open tasks (p95 ≤ 50 ms). Each figure is
// printed beside a baseline measured in the same run on the same database.
import { sql } from 'kysely';
import type { UserId, WorkspaceId } from '../src/lib/ids.ts';
import {
  createTemplate,
  enterpriseOnboarding,
  instantiateTemplate,
} from '../src/modules/work/index.ts';
import { myWork } from '../src/modules/work/myWork.ts';
import { benchDatabase, ms, percentile, timed, type BenchResult } from './support.ts';

export async function workBenchmark(): Promise<BenchResult[]> {
  const { deps, stop } = await benchDatabase();
  const { db, clock } = deps;
  try {
    const workspace = await db
      .insertInto('workspaces')
      .values({ name: 'Bench', slug: 'bench' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const workspaceId = workspace.id as WorkspaceId;
    const csm = await db
      .insertInto('users')
      .values({
        workspace_id: workspaceId,
        email: 'csm@bench.test',
        name: 'Bench CSM',
        role: 'csm',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const userId = csm.id as UserId;
    const by = { workspaceId, userId };
    const scope = { workspaceId, onlyOwner: null };
    const extra = [
      'Plan the executive review',
      'Share the adoption report',
      'Confirm the renewal owner',
    ].map((title, i) => ({
      ...enterpriseOnboarding.definition.tasks[0],
      key: `extra-${i}`,
      title,
      offsetDays: 30 + i,
      dependsOn: [],
      checklist: [],
    })) as typeof enterpriseOnboarding.definition.tasks;
    const template = await createTemplate(db, by, {
      name: 'Bench onboarding',
      description: null,
      kind: 'onboarding',
      definition: {
        ...enterpriseOnboarding.definition,
        tasks: [...enterpriseOnboarding.definition.tasks, ...extra],
      },
    });
    await sql`insert into accounts (workspace_id, name, owner_id)
      select ${workspaceId}::uuid, 'Account ' || g, ${userId}::uuid from generate_series(1, 400) g`.execute(
      db,
    );
    const accounts = (
      await db.selectFrom('accounts').select('id').where('workspace_id', '=', workspaceId).execute()
    ).map((a) => a.id);

    const instantiate = (accountId: string) =>
      instantiateTemplate(db, clock, by, scope, template.id, {
        accountId,
        startDate: '2026-11-02',
        assignees: {},
      });

    // Single instantiation: 40 runs after 5 warm-ups.
    for (const accountId of accounts.slice(0, 5)) await instantiate(accountId);
    const singles: number[] = [];
    for (const accountId of accounts.slice(5, 45))
      singles.push((await timed(() => instantiate(accountId))).ms);
    // Baseline: the same rows written by one hand-written multi-row INSERT of 25 tasks.
    const baselines: number[] = [];
    for (const accountId of accounts.slice(45, 85)) {
      baselines.push(
        (
          await timed(() =>
            sql`insert into tasks (workspace_id, account_id, title, last_activity_at, updated_at)
              select ${workspaceId}::uuid, ${accountId}::uuid, 'Task ' || g, now(), now() from generate_series(1, 25) g`.execute(
              db,
            ),
          )
        ).ms,
      );
    }

    const bulk = await timed(async () => {
      for (const accountId of accounts.slice(100, 200)) await instantiate(accountId);
    });

    // "My work" for a CSM with 5,000 open tasks (200 projects × 25).
    for (const accountId of accounts.slice(200, 400)) await instantiate(accountId);
    // Fresh planner statistics after the bulk load, as autovacuum would provide in production.
    await sql`analyze`.execute(db);
    const open = await db
      .selectFrom('tasks')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('assignee_id', '=', userId)
      .where('status', '<>', 'done')
      .executeTakeFirstOrThrow();
    const myWorkSamples: number[] = [];
    const countSamples: number[] = [];
    for (let i = 0; i < 100; i++) {
      myWorkSamples.push((await timed(() => myWork(db, clock, by))).ms);
      countSamples.push(
        (
          await timed(() =>
            db
              .selectFrom('tasks')
              .select(sql`count(*)`.as('n'))
              .where('assignee_id', '=', userId)
              .where('status', '<>', 'done')
              .execute(),
          )
        ).ms,
      );
    }

    return [
      {
        name: 'instantiate a 25-task template (target ≤ 100 ms)',
        figure: `p50 ${ms(percentile(singles, 50))}, p95 ${ms(percentile(singles, 95))}`,
        baseline: `one multi-row INSERT of 25 bare tasks: p50 ${ms(percentile(baselines, 50))} (×${(percentile(singles, 50) / percentile(baselines, 50)).toFixed(1)})`,
        holds: percentile(singles, 95) <= 100,
      },
      {
        name: 'instantiate for 100 accounts (target ≤ 5 s)',
        figure: ms(bulk.ms),
        baseline: `100 × single p50 = ${ms(100 * percentile(singles, 50))}`,
        holds: bulk.ms <= 5_000,
      },
      {
        name: `"My work" with ${open.n} open tasks (target p95 ≤ 50 ms)`,
        figure: `p50 ${ms(percentile(myWorkSamples, 50))}, p95 ${ms(percentile(myWorkSamples, 95))}`,
        baseline: `count(*) of the same tasks: p95 ${ms(percentile(countSamples, 95))}`,
        holds: percentile(myWorkSamples, 95) <= 50,
      },
    ];
  } finally {
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await workBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
