// Portfolio benchmark: GET /api/v1/accounts over 10,000 accounts under 50 concurrent
// connections through the real app on a real socket (target p95 ≤ 50 ms). Baseline: a bare
// Hono route served the same way under the same load — throughput is printed as its share.
// The load comes from a separate process (load.ts), as it would from real clients.
import { Hono } from 'hono';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { load, type Load } from './load.ts';
import { benchDatabase, ms, serveLocally, type BenchResult } from './support.ts';

const accountCount = 10_000;
const connections = 50;
const durationSeconds = 10;
const password = 'bench-password';

const describeLoad = (l: Load) =>
  `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, ${Math.round(l.rps)} req/s` +
  (l.failed > 0 ? `, ${l.failed} FAILED` : '');

export async function portfolioBenchmark(): Promise<BenchResult[]> {
  const { deps, stop } = await benchDatabase();
  const { db } = deps;
  const app = await serveLocally(buildApp(deps).fetch);
  const bare = new Hono().get('/bare', (c) => c.json({ ok: true }));
  const bareServer = await serveLocally(bare.fetch);
  try {
    const workspace = await db
      .insertInto('workspaces')
      .values({ name: 'Bench', slug: 'bench' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const csm = await db
      .insertInto('users')
      .values({
        workspace_id: workspace.id,
        email: 'csm@bench.test',
        name: 'Bench CSM',
        role: 'csm',
        password_hash: await hashPassword(password),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // One CSM owning all 10,000: "my portfolio" at its largest. Tiers, ARR, stages and
    // renewals vary so the filtered and sorted variant has real work to do.
    await sql`insert into accounts (workspace_id, external_id, name, domain, tier, arr_amount,
        seats, stage, renewal_date, owner_id, priority)
      select ${workspace.id}::uuid, 'crm-' || g, 'Account ' || lpad(g::text, 5, '0'),
        'account-' || g || '.example',
        (array['enterprise', 'mid_market', 'smb'])[1 + g % 3],
        (g * 7919 % 1200000) * 100, 10 + g % 900,
        (array['onboarding', 'adopting', 'steady', 'renewing', 'churned'])[1 + g % 5],
        current_date + (g % 365), ${csm.id}::uuid, (array['P0', 'P1', 'P2', 'P3'])[1 + g % 4]
      from generate_series(1, ${accountCount}) g`.execute(db);
    // Nine in ten scored, as health leaves them (its own table, read through its view).
    await sql`insert into health_scores (account_id, workspace_id, day, score, category, measures,
        churn_risk, computed_at)
      select a.id, a.workspace_id, current_date, s.score,
        case when s.score >= 70 then 'healthy' when s.score >= 40 then 'at_risk' else 'critical' end,
        '[]', jsonb_build_object('level', case when s.score >= 70 then 'low'
          when s.score >= 50 then 'medium' when s.score >= 30 then 'high' else 'critical' end),
        now()
      from accounts a, lateral (select (hashtext(a.id::text) & 1023) % 101 as score) s
      where a.workspace_id = ${workspace.id} and hashtext(a.id::text) % 10 <> 0`.execute(db);
    await sql`analyze`.execute(db);

    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.url },
      body: JSON.stringify({ email: 'csm@bench.test', password }),
    });
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const headers = { cookie };

    const list = `${app.url}/api/v1/accounts?limit=50`;
    const filtered = `${app.url}/api/v1/accounts?limit=50&tier=enterprise&sort=-arr`;
    const byHealth = `${app.url}/api/v1/accounts?limit=50&risk=high,critical&sort=health`;
    // Warm-up: JIT, the connection pool and PostgreSQL's caches.
    const run = (url: string, seconds = durationSeconds) =>
      load({ url, connections, seconds, headers });
    await run(list, 2);
    await run(`${bareServer.url}/bare`, 2);
    const baseline = await run(`${bareServer.url}/bare`);
    const plain = await run(list);
    const sorted = await run(filtered);
    const healthSorted = await run(byHealth);

    const share = (l: Load) => `${((100 * l.rps) / baseline.rps).toFixed(1)}% of bare req/s`;
    return [
      {
        name: `portfolio, ${accountCount} accounts, limit=50, ${connections} connections (target p95 ≤ 50 ms)`,
        figure: `${describeLoad(plain)} (${share(plain)})`,
        baseline: `bare Hono route: ${describeLoad(baseline)}`,
      },
      {
        name: `portfolio, tier=enterprise&sort=-arr, ${connections} connections (target p95 ≤ 50 ms)`,
        figure: `${describeLoad(sorted)} (${share(sorted)})`,
        baseline: `bare Hono route: ${describeLoad(baseline)}`,
      },
      {
        name: `portfolio, risk=high,critical&sort=health (health's view), ${connections} connections (target p95 ≤ 50 ms)`,
        figure: `${describeLoad(healthSorted)} (${share(healthSorted)})`,
        baseline: `bare Hono route: ${describeLoad(baseline)}`,
      },
    ];
  } finally {
    await app.close();
    await bareServer.close();
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await portfolioBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
