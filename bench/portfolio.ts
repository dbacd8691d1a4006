// Portfolio benchmark: GET /api/v1/accounts over 10,000 accounts under 50 concurrent
// connections through the real app on a real socket (target p95 ≤ 50 ms). Baselines, served
// the same way under the same load: the same SQL answered by a minimal handler (node:http,
// pg and JSON.stringify, no framework — the route must reach ≥ 50% of its throughput), and a
// bare Hono route with no database at all. The plain list is also measured gzipped, as a
// browser asks for it, beside the minimal handler gzipping its answer at the same level. The
// load comes from a separate process (load.ts), as it would from real clients. Beside each
// figure, the CPU time one request cost PostgreSQL (its client backends) and the serving
// process: on a machine shared with other work the req/s move with everyone else's load, the
// CPU time per request much less. STEWARD_BENCH_PROFILE=<dir> writes a CPU profile of the
// server while it answers each variant. STEWARD_BENCH_PORTFOLIO_BEFORE=<dir> also serves an
// earlier build (see `beforeBuild`) and measures it after each variant, beside this one.
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { sql } from 'kysely';
import pg from 'pg';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../src/app.ts';
import type { Db } from '../src/db/connect.ts';
import type { Deps } from '../src/context.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { load, type Load } from './load.ts';
import { benchDatabase, ms, serveLocally, type BenchResult } from './support.ts';

const accountCount = 10_000;
const connections = 50;
const durationSeconds = 10;
const password = 'bench-password';

type Measured = Load & { cpu?: { postgres: number; server: number } };

const describeLoad = (l: Measured) =>
  `p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, ${Math.round(l.rps)} req/s` +
  (l.cpu
    ? ` (CPU per request: PostgreSQL ${l.cpu.postgres.toFixed(2)} ms, server ${l.cpu.server.toFixed(2)} ms)`
    : '') +
  (l.failed > 0 ? `, ${l.failed} FAILED` : '');

/** Milliseconds of CPU per clock tick in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const msPerTick = 10;

/**
 * CPU time so far of this process and of the embedded PostgreSQL's client backends (its
 * processes below this one serving a TCP connection), by pid; undefined without /proc.
 */
function cpuTimes(): { server: number; backends: Map<number, number> } | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const processes = new Map<number, { parent: number; ms: number; command: string }>();
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ticks = Number(fields[11]) + Number(fields[12]);
      processes.set(Number(entry), { parent: Number(fields[1]), ms: ticks * msPerTick, command });
    } catch {
      // The process ended while the list was read.
    }
  }
  const below = (pid: number) => {
    for (let at = processes.get(pid)?.parent; at !== undefined && at > 1;) {
      if (at === process.pid) return true;
      at = processes.get(at)?.parent;
    }
    return false;
  };
  const backends = new Map<number, number>();
  for (const [pid, { ms: cpu, command }] of processes) {
    if (!command.startsWith('postgres') || !below(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('127.0.0.1'))
        backends.set(pid, cpu);
    } catch {
      // Ended meanwhile.
    }
  }
  const own = process.cpuUsage();
  return { server: (own.user + own.system) / 1000, backends };
}

/** A load run with the CPU time each answered request cost PostgreSQL and this process. */
async function measured(run: () => Promise<Load>, seconds: number): Promise<Measured> {
  const before = cpuTimes();
  const result = await run();
  const after = cpuTimes();
  const requests = result.rps * seconds;
  if (!before || !after || requests === 0) return result;
  let postgres = 0;
  // A backend that started during the run (the pool reconnects after its idle timeout) spent
  // all its CPU time in it.
  for (const [pid, cpu] of after.backends) postgres += cpu - (before.backends.get(pid) ?? 0);
  return {
    ...result,
    cpu: { postgres: postgres / requests, server: (after.server - before.server) / requests },
  };
}

/** A statement as the app sent it: named ones (src/db/connect.ts `prepared`) keep their name. */
type Statement = { name?: string; text: string; values: unknown[] };

const isQueryConfig = (query: unknown): query is pg.QueryConfig =>
  typeof query === 'object' && query !== null && typeof Reflect.get(query, 'text') === 'string';

/** Every statement the app sends PostgreSQL while `request` runs, with its parameters. */
async function captureStatements(pool: pg.Pool, request: () => Promise<void>) {
  const statements: Statement[] = [];
  const originals = new Map<pg.PoolClient, pg.PoolClient['query']>();
  const onAcquire = (client: pg.PoolClient) => {
    if (originals.has(client)) return;
    const original = client.query;
    originals.set(client, original);
    const recording = (text: unknown, values?: unknown) => {
      if (typeof text === 'string') {
        statements.push({ text, values: Array.isArray(values) ? values : [] });
      } else if (isQueryConfig(text)) {
        const { name, values: configValues = [] } = text;
        statements.push({ ...(name ? { name } : {}), text: text.text, values: configValues });
      }
      return Reflect.apply(original, client, [text, values]) as unknown;
    };
    client.query = recording as pg.PoolClient['query'];
  };
  pool.on('acquire', onAcquire);
  try {
    await request();
  } finally {
    pool.off('acquire', onAcquire);
    for (const [client, original] of originals) client.query = original;
  }
  return statements;
}

/**
 * The floor for answering the route: node:http, a pool of the app's size, the statements the
 * route sent for the same request (session lookup included) one after another, named where the
 * route named them, and the last one's rows as JSON — no routing, validation, middleware or
 * mapping of rows.
 */
async function minimalHandler(connectionString: string, statements: Statement[], gzip: boolean) {
  const pool = new pg.Pool({ connectionString, max: 20 });
  const server = http.createServer((_request, response) => {
    const answer = async () => {
      let rows: unknown[] = [];
      for (const statement of statements) {
        rows = (await pool.query(statement)).rows;
      }
      const body = JSON.stringify({ items: rows });
      if (gzip) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        response.end(gzipSync(body, { level: constants.Z_BEST_SPEED }));
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(body);
      }
    };
    answer().catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

/** A CPU profile of this process (the server's) while `run` runs, when asked for. */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.STEWARD_BENCH_PROFILE;
  if (!dir) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * STEWARD_BENCH_PORTFOLIO_BEFORE=<dir>: the source tree of an earlier commit (`git archive
 * <commit> | tar -x -C <dir>`, its node_modules a link to this one's), its app served from this
 * process over the same database through a pool of its own (its named statements are its
 * own), so that a change is judged against the build before it in the same run: same data,
 * same machine, same minute. Undefined without it.
 */
async function beforeBuild(deps: Deps) {
  const dir = process.env.STEWARD_BENCH_PORTFOLIO_BEFORE;
  if (!dir) return undefined;
  const load = async <T>(file: string) =>
    (await import(pathToFileURL(path.resolve(dir, file)).href)) as T;
  const { buildApp: buildBefore } = await load<{ buildApp: typeof buildApp }>('src/app.ts');
  const { connect } = await load<typeof import('../src/db/connect.ts')>('src/db/connect.ts');
  const connection = connect(deps.config.databaseUrl ?? '');
  const server = await serveLocally(buildBefore({ ...deps, db: connection.db }).fetch);
  return {
    dir,
    url: server.url,
    close: async () => {
      await server.close();
      await connection.close();
    },
  };
}

async function signIn(url: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'csm@bench.test', password }),
  });
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
  return cookie;
}

/** One CSM signing in with `password` and owning 10,000 accounts, nine in ten scored. */
export async function seedPortfolio(db: Db) {
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
}

export async function portfolioBenchmark(): Promise<BenchResult[]> {
  const { deps, pool, stop } = await benchDatabase();
  const { db } = deps;
  const app = await serveLocally(buildApp(deps).fetch);
  const bare = new Hono().get('/bare', (c) => c.json({ ok: true }));
  const bareServer = await serveLocally(bare.fetch);
  let minimal: Awaited<ReturnType<typeof minimalHandler>> | undefined;
  let before: Awaited<ReturnType<typeof beforeBuild>>;
  try {
    await seedPortfolio(db);
    before = await beforeBuild(deps);

    const headers = { cookie: await signIn(app.url) };
    const beforeHeaders = before && { cookie: await signIn(before.url) };

    const list = `${app.url}/api/v1/accounts?limit=50`;
    const filtered = `${app.url}/api/v1/accounts?limit=50&tier=enterprise&sort=-arr`;
    const byHealth = `${app.url}/api/v1/accounts?limit=50&risk=high,critical&sort=health`;
    // Warm-up: JIT, the connection pool and PostgreSQL's caches.
    const run = (url: string, seconds = durationSeconds, gzip = false, as = headers) =>
      load({
        url,
        connections,
        seconds,
        headers: gzip ? { ...as, 'accept-encoding': 'gzip' } : as,
      });
    const connectionString = deps.config.databaseUrl ?? '';
    // A browser asks for gzip, and a page of 50 is 27 KB of JSON: the same page gzipped (the
    // minimal handler gzipping it at the same level) shows what compression costs.
    const variants = [
      { label: 'limit=50', url: list, gzip: false },
      { label: 'tier=enterprise&sort=-arr', url: filtered, gzip: false },
      { label: "risk=high,critical&sort=health (health's view)", url: byHealth, gzip: false },
      {
        label: 'limit=50, gzipped (Accept-Encoding: gzip, as a browser asks)',
        url: list,
        gzip: true,
      },
    ];
    // Each variant's statements, captured before any load runs: requests a load generator
    // abandoned at its deadline still run for a while, and would be captured too.
    const captured: Statement[][] = [];
    for (const variant of variants) {
      captured.push(
        await captureStatements(pool, async () => {
          const response = await fetch(variant.url, { headers });
          if (response.status !== 200) throw new Error(`${variant.url}: ${response.status}`);
          await response.arrayBuffer();
        }),
      );
    }
    await run(list, 2);
    await run(`${bareServer.url}/bare`, 2);
    const bareLoad = await run(`${bareServer.url}/bare`);
    const results: BenchResult[] = [];
    for (const [i, variant] of variants.entries()) {
      const statements = captured[i] ?? [];
      minimal = await minimalHandler(connectionString, statements, variant.gzip);
      await run(minimal.url, 2, variant.gzip);
      const minimalUrl = minimal.url;
      const floor = await measured(
        () => run(minimalUrl, durationSeconds, variant.gzip),
        durationSeconds,
      );
      await minimal.close();
      minimal = undefined;
      // Warmed the same way: the app's pool closed its idle connections while the minimal
      // handler ran, and would otherwise reconnect inside the measured run.
      await run(variant.url, 2, variant.gzip);
      const route = await profiled(`portfolio-${results.length}`, () =>
        measured(() => run(variant.url, durationSeconds, variant.gzip), durationSeconds),
      );
      const share = (100 * route.rps) / floor.rps;
      let earlier = '';
      if (before && beforeHeaders) {
        const url = variant.url.replace(app.url, before.url);
        await run(url, 2, variant.gzip, beforeHeaders);
        const measuredBefore = await measured(
          () => run(url, durationSeconds, variant.gzip, beforeHeaders),
          durationSeconds,
        );
        earlier = `; the build in ${before.dir}, measured next: ${describeLoad(measuredBefore)}, ${((100 * measuredBefore.rps) / floor.rps).toFixed(0)}% of the minimal handler's req/s`;
      }
      results.push({
        name: `portfolio, ${accountCount} accounts, ${variant.label}, ${connections} connections`,
        figure: `${describeLoad(route)} — ${share.toFixed(0)}% of the minimal handler's req/s`,
        baseline: `the same ${statements.length} statements (${statements.filter((s) => s.name).length} named) from a minimal node:http + pg handler: ${describeLoad(floor)}; bare Hono route, no database: ${describeLoad(bareLoad)}${earlier}`,
        target: 'p95 ≤ 50 ms and ≥ 50% of the minimal handler',
        holds: route.p95 <= 50 && route.failed === 0 && share >= 50,
      });
    }
    return results;
  } finally {
    await minimal?.close();
    await before?.close();
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
