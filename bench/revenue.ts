// Revenue benchmarks on 10,000 accounts with three years of MRR movements (new business,
// expansions and contractions every four months, churn, some coming back): GET /metrics for a
// quarter with its six-quarter trend (target ≤ 300 ms) beside one hand-written SQL aggregate
// of the same retention figures; GET /renewals?within=90d (target p95 ≤ 50 ms) beside the
// pipeline's own SQL on its own. Requests go through the real app on a real socket.
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import type { Db } from '../src/db/connect.ts';
import type { UserId, WorkspaceId } from '../src/lib/ids.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { backfillRenewals, recordRenewals } from '../src/modules/revenue/index.ts';
import {
  benchDatabase,
  ms,
  percentile,
  seconds,
  serveLocally,
  timed,
  type BenchResult,
} from './support.ts';

const accounts = 10_000;
const password = 'bench-password';

async function seedBook(db: Db) {
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: 'Bench', slug: 'bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workspaceId = workspace.id as WorkspaceId;
  const manager = await db
    .insertInto('users')
    .values({
      workspace_id: workspaceId,
      email: 'manager@bench.test',
      name: 'Bench Manager',
      role: 'manager',
      password_hash: await hashPassword(password),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ownerId = manager.id as UserId;
  await sql`insert into accounts (workspace_id, external_id, name, tier, plan, seats, arr_amount,
      stage, renewal_date, owner_id, created_at)
    select ${workspaceId}, 'acct-' || g, 'Account ' || lpad(g::text, 5, '0'),
      (array['enterprise', 'mid_market', 'smb'])[1 + g % 3],
      (array['Enterprise', 'Business', 'Team'])[1 + g % 3], 10 + g % 40,
      (100000 + (g * 7919) % 900000) * 12,
      case when g % 20 = 0 and g % 40 <> 0 then 'churned' else 'steady' end,
      current_date + (g % 400), ${ownerId}, now() - interval '3 years' - (g % 365) * interval '1 day'
    from generate_series(1, ${accounts}::int) g`.execute(db);
  await sql`insert into contracts (workspace_id, account_id, source, external_id, mrr_amount,
      currency, status, state_at)
    select workspace_id, id, 'csv', 'c-' || external_id, arr_amount / 12, 'USD', 'active', now()
    from accounts where workspace_id = ${workspaceId}`.execute(db);
  // Three years of movements: new business at the start, then every four months an expansion
  // or a contraction (never to zero); one account in twenty churns after 20 months, half of
  // them coming back eight months later.
  await sql`insert into mrr_movements (workspace_id, account_id, contract_id, kind, amount,
      currency, occurred_at, source_event_id)
    select a.workspace_id, a.id, c.id, m.kind, m.amount, 'USD',
      a.created_at + m.k * interval '120 days', 'e' || m.k
    from accounts a
    join contracts c on c.account_id = a.id
    cross join lateral (
      select k,
        case
          when k = 0 then 'new'
          when a.stage = 'churned' or (substr(a.external_id, 6)::int % 40 = 0) then
            case when k = 5 then 'churn' when k = 7 and substr(a.external_id, 6)::int % 40 = 0
              then 'reactivation' end
          when (k + substr(a.external_id, 6)::int) % 3 = 0 then 'expansion'
          when (k + substr(a.external_id, 6)::int) % 3 = 1 then 'contraction'
        end as kind,
        case
          when k = 0 then a.arr_amount / 12
          when k = 5 and (a.stage = 'churned' or substr(a.external_id, 6)::int % 40 = 0)
            then -(a.arr_amount / 12)
          when k = 7 and substr(a.external_id, 6)::int % 40 = 0 then a.arr_amount / 12
          when (k + substr(a.external_id, 6)::int) % 3 = 0 then a.arr_amount / 120
          else -(a.arr_amount / 240)
        end as amount
      from generate_series(0, 8) k
    ) m
    where a.workspace_id = ${workspaceId} and m.kind is not null
      and a.created_at + m.k * interval '120 days' < now()`.execute(db);
  // Health as health writes it, today and a month ago (the usage trend).
  await sql`insert into health_scores (account_id, workspace_id, day, score, category, measures,
      churn_risk, computed_at)
    select id, workspace_id, current_date, 40 + (g.n * 37) % 60,
      case when 40 + (g.n * 37) % 60 >= 75 then 'healthy' when 40 + (g.n * 37) % 60 >= 50
        then 'at_risk' else 'critical' end,
      '[]', json_build_object('level', (array['low', 'medium', 'high', 'critical'])[1 + g.n % 4]),
      now()
    from (select id, workspace_id, substr(external_id, 6)::int as n from accounts
      where workspace_id = ${workspaceId}) g`.execute(db);
  // Ninety days of daily history, as health keeps it: the pipeline reads two days of it.
  await sql`insert into health_history (workspace_id, account_id, day, score, category, usage)
    select workspace_id, account_id, current_date - d, score, category,
      30 + (d + score) % 60
    from health_scores, generate_series(0, 89) d
    where workspace_id = ${workspaceId}`.execute(db);
  // A renewal project with eight tasks for every account renewing within 90 days.
  await sql`insert into projects (workspace_id, account_id, name, kind, start_date, updated_at)
    select workspace_id, id, 'Renewal', 'renewal', renewal_date - 90, now()
    from accounts where workspace_id = ${workspaceId} and renewal_date <= current_date + 90`.execute(
    db,
  );
  await sql`insert into tasks (workspace_id, account_id, project_id, title, status, due_at,
      updated_at, last_activity_at)
    select p.workspace_id, p.account_id, p.id, 'Step ' || t,
      case when t < 3 then 'done' else 'todo' end, now() + (t - 2) * interval '7 days', now(), now()
    from projects p, generate_series(1, 8) t where p.workspace_id = ${workspaceId}`.execute(db);
  await recordRenewals(db, workspaceId, new Date());
  await backfillRenewals(db, workspaceId, new Date());
  await sql`analyze`.execute(db);
  return workspaceId;
}

/**
 * The retention figures the route gives for six quarters — cohort size, start and end MRR,
 * retained MRR, logos lost — as one statement written by hand: each account's MRR at every
 * boundary in one pass, then the cohort sums per quarter.
 */
function handWritten(db: Db, workspaceId: WorkspaceId, bounds: Date[]) {
  const sums = sql.join(
    bounds.map((t) => sql`coalesce(sum(amount::float8) filter (where occurred_at < ${t}), 0)`),
  );
  return sql`
    with per as (
      select account_id, array[${sums}] as mrr from mrr_movements
      where workspace_id = ${workspaceId} and currency = 'USD'
        and occurred_at < ${bounds.at(-1) ?? new Date()}
      group by account_id
    )
    select k, count(*) filter (where mrr[k] > 0) as cohort,
      sum(mrr[k]) filter (where mrr[k] > 0) as start_mrr,
      sum(greatest(mrr[k + 1], 0)) filter (where mrr[k] > 0) as end_mrr,
      sum(least(greatest(mrr[k + 1], 0), mrr[k])) filter (where mrr[k] > 0) as retained,
      count(*) filter (where mrr[k] > 0 and mrr[k + 1] <= 0) as churned
    from per, generate_series(1, ${bounds.length - 1}::int) k
    group by k order by k`.execute(db);
}

function quarterStart(at: Date, back: number): Date {
  const q = Math.floor(at.getUTCMonth() / 3) - back;
  return new Date(Date.UTC(at.getUTCFullYear(), q * 3, 1));
}

export async function revenueBenchmark(): Promise<BenchResult[]> {
  const { deps, stop } = await benchDatabase();
  const { db } = deps;
  const app = await serveLocally(buildApp(deps).fetch);
  try {
    const seeded = await timed(() => seedBook(db));
    const workspaceId = seeded.value;
    const movements = Number(
      (await sql<{ n: number }>`select count(*)::int as n from mrr_movements`.execute(db)).rows[0]
        ?.n ?? 0,
    );
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ email: 'manager@bench.test', password }),
    });
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const get = async (path: string) => {
      const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      await response.arrayBuffer();
    };

    const now = new Date();
    const period = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const bounds = Array.from({ length: 7 }, (_, i) => quarterStart(now, 5 - i));
    // Warm-up: JIT, the pool, PostgreSQL's caches.
    for (let i = 0; i < 3; i++) {
      await get(`/api/v1/metrics?period=${period}`);
      await handWritten(db, workspaceId, bounds);
    }
    const route: number[] = [];
    const aggregate: number[] = [];
    for (let i = 0; i < 10; i++) {
      route.push((await timed(() => get(`/api/v1/metrics?period=${period}`))).ms);
      aggregate.push((await timed(() => handWritten(db, workspaceId, bounds))).ms);
    }

    for (let i = 0; i < 5; i++) await get('/api/v1/renewals?within=90d');
    const renewals: number[] = [];
    for (let i = 0; i < 100; i++) {
      renewals.push((await timed(() => get('/api/v1/renewals?within=90d'))).ms);
    }
    const pipelineSql: number[] = [];
    const today = now.toISOString().slice(0, 10);
    for (let i = 0; i < 30; i++) {
      pipelineSql.push(
        (
          await timed(() =>
            sql`select a.id, a.arr_amount, hs.score, hs.risk_level
              from accounts a left join account_health hs on hs.account_id = a.id and hs.workspace_id = a.workspace_id
              where a.workspace_id = ${workspaceId} and a.deleted_at is null
                and a.renewal_date between ${today}::date and ${today}::date + 90`.execute(db),
          )
        ).ms,
      );
    }
    const due = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from accounts
          where workspace_id = ${workspaceId} and renewal_date between current_date and current_date + 90`.execute(
          db,
        )
      ).rows[0]?.n ?? 0,
    );
    return [
      {
        name: `GET /metrics?period=${period} (6-quarter trend), ${accounts} accounts × 3 years, ${movements} MRR movements (seeded in ${seconds(seeded.ms)})`,
        figure: `median ${ms(percentile(route, 50))}, p95 ${ms(percentile(route, 95))}`,
        baseline: `one hand-written SQL aggregate of the cohort retention figures (NRR, GRR, logo churn) for the same quarters: median ${ms(percentile(aggregate, 50))}, p95 ${ms(percentile(aggregate, 95))}`,
        target: 'p95 ≤ 300 ms',
        holds: percentile(route, 95) <= 300,
      },
      {
        name: `GET /renewals?within=90d, ${accounts} accounts (${due} renewing, with health, usage trend, escalations, renewal projects)`,
        figure: `p50 ${ms(percentile(renewals, 50))}, p95 ${ms(percentile(renewals, 95))}`,
        baseline: `the same accounts with their health in one plain SQL select: p95 ${ms(percentile(pipelineSql, 95))}`,
        target: 'p95 ≤ 50 ms',
        holds: percentile(renewals, 95) <= 50,
      },
    ];
  } finally {
    await app.close();
    await stop();
  }
}
