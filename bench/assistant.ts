// Ask Steward benchmark, over the demo workspace. (1) The understanding step alone — words,
// names, windows, intent — for every question of the labelled set against the demo's accounts
// and people (target p95 ≤ 30 ms); baseline: reading the words alone (normalize + tokenize).
// (2) End to end with data through the real app on a real socket, as the demo CSM, the twelve
// scenarios and their Russian ones one after another (target p95 ≤ 100 ms); baseline: GET
// /api/v1/me on the same server, the cheapest signed-in route.
import { buildApp } from '../src/app.ts';
import { seedDemoWorkspace } from '../src/demo/index.ts';
import { portfolio, portfolioQuery } from '../src/modules/accounts/index.ts';
import { listUsers } from '../src/modules/auth/index.ts';
import type { UserId, WorkspaceId } from '../src/lib/ids.ts';
import { prepareNames, understandQuestion } from '../src/modules/assistant/index.ts';
import { tokenize } from '../src/modules/assistant/understand/text.ts';
import { labelledQuestions } from '../test/assistant/questions.ts';
import { allScenarios } from '../test/assistant/scenarios.ts';
import { benchDatabase, ms, percentile, serveLocally, type BenchResult } from './support.ts';

const rounds = 20;

const describe = (samples: number[]) =>
  `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, max ${ms(Math.max(...samples))} (${samples.length} runs)`;

async function timeEach(count: number, run: (i: number) => Promise<unknown> | unknown) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function assistantBenchmark(): Promise<BenchResult[]> {
  const { deps, stop } = await benchDatabase();
  const server = await serveLocally(buildApp(deps).fetch);
  try {
    await seedDemoWorkspace(deps);
    const csm = await deps.db
      .selectFrom('users')
      .select(['workspace_id', 'id', 'timezone'])
      .where('email', '=', 'csm@demo.steward.dev')
      .executeTakeFirstOrThrow();
    const workspaceId = csm.workspace_id as WorkspaceId;

    // (1) Understanding alone, with the names the service reads for each question.
    const accounts = await portfolio(
      deps.db,
      deps.clock,
      { scope: { workspaceId, onlyOwner: null }, userId: csm.id as UserId },
      { query: portfolioQuery.parse({ limit: 500 }), custom: {} },
    );
    const people = (await listUsers(deps.db, workspaceId)).map((u) => ({ id: u.id, name: u.name }));
    const questions = labelledQuestions.map((l) => l.q);
    const total = questions.length * 5;
    const understand = (i: number) =>
      understandQuestion(questions[i % questions.length] ?? '', {
        now: deps.clock.now(),
        timeZone: csm.timezone,
        locale: 'en',
        accounts: prepareNames(accounts.items),
        people: prepareNames(people),
      });
    await timeEach(questions.length, understand);
    const understanding = await timeEach(total, understand);
    const words = await timeEach(total, (i) => tokenize(questions[i % questions.length] ?? ''));

    // (2) End to end over HTTP as the demo CSM.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: 'csm@demo.steward.dev', password: 'steward-demo' }),
    });
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const ask = async (q: string) => {
      const response = await fetch(`${server.url}/api/v1/assistant/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie },
        body: JSON.stringify({ q }),
      });
      if (response.status !== 200) throw new Error(`"${q}" answered ${response.status}`);
      await response.json();
    };
    const me = async () => {
      const response = await fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
      await response.json();
    };
    const scenarioCount = allScenarios.length * rounds;
    const question = (i: number) => allScenarios[i % allScenarios.length]?.q ?? '';
    await timeEach(allScenarios.length * 2, (i) => ask(question(i)));
    await timeEach(50, me);
    const endToEnd = await timeEach(scenarioCount, (i) => ask(question(i)));
    const bare = await timeEach(scenarioCount, me);
    const byQuestion = new Map<string, number[]>();
    endToEnd.forEach((sample, i) => {
      const q = question(i);
      byQuestion.set(q, [...(byQuestion.get(q) ?? []), sample]);
    });
    const slowestMedians = [...byQuestion]
      .map(([q, samples]) => [q, percentile(samples, 50)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([q, p50]) => `"${q}" p50 ${ms(p50)}`)
      .join(', ');
    // The answers that read adoption's portfolio (this month against the last, per account).
    const adoptionMedians = allScenarios
      .filter((s) => s.intent === 'declining_adoption' || s.intent === 'engagement_trends')
      .map((s) => `"${s.q}" p50 ${ms(percentile(byQuestion.get(s.q) ?? [], 50))}`)
      .join(', ');
    return [
      {
        name: `understanding alone, ${questions.length} labelled questions against ${accounts.items.length} demo accounts and ${people.length} people (target p95 ≤ 30 ms)`,
        figure: describe(understanding),
        baseline: `normalize + tokenize alone: ${describe(words)}`,
        holds: percentile(understanding, 95) <= 30,
      },
      {
        name: `POST /assistant/query end to end with data, the demo CSM's ${allScenarios.length} scenario questions (target p95 ≤ 100 ms)`,
        figure: `${describe(endToEnd)}; slowest by median: ${slowestMedians}; reading adoption's portfolio: ${adoptionMedians}`,
        baseline: `GET /api/v1/me on the same server: ${describe(bare)}`,
        holds: percentile(endToEnd, 95) <= 100,
      },
    ];
  } finally {
    await server.close();
    await stop();
  }
}

if (import.meta.main) {
  for (const result of await assistantBenchmark()) {
    process.stdout.write(`${result.name}\n  ${result.figure}\n  baseline: ${result.baseline}\n`);
  }
}
