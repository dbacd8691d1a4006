// The persona guide's twelve scenarios (and one Russian question per group) asked over the API
// as the demo CSM on the demo workspace: each opens the right widget with real demo data.
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/lib/clock.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { testDeps, useTestDatabase } from '../support/db.ts';
import { scenarioGroups } from './scenarios.ts';

const database = await useTestDatabase('demo');
const app = testApp(testDeps(database, systemClock));
let csm: ApiClient;

beforeAll(async () => {
  csm = await signedIn(app, 'csm@demo.steward.dev', 'steward-demo');
});

type Answer = { intent: string; widget: string; answer: string; data: unknown };

async function ask(q: string): Promise<Answer> {
  const { data, response } = await csm.POST('/api/v1/assistant/query', { body: { q } });
  expect(response.status).toBe(200);
  return data as Answer;
}

/** The widget's rows: every widget that lists accounts or items has at least one in the demo. */
function rows(data: unknown): unknown[] {
  const record = data as Record<string, unknown>;
  for (const key of ['accounts', 'items', 'features', 'metrics', 'proposals']) {
    const value = record[key];
    if (Array.isArray(value)) return value;
  }
  return [];
}

/**
 * Widgets whose data the demo workspace does not seed yet (no NPS responses or feedback in the
 * demo): the answer must say plainly that there is none, never show made-up rows.
 */
const demoLacksData: Record<string, RegExp> = {
  nps_dashboard: /^No NPS responses in this period\.$|^За этот период ответов NPS нет\.$/,
  feature_requests:
    /^No feature requests in the last \d+ days\.$|^Запросов функций за последние \d+ (день|дня|дней) нет\.$/,
};

function expectDemoData(answer: Answer) {
  const plainlyEmpty = demoLacksData[answer.widget];
  if (rows(answer.data).length === 0 && plainlyEmpty) expect(answer.answer).toMatch(plainlyEmpty);
  else expect(rows(answer.data).length).toBeGreaterThan(0);
}

describe.each(scenarioGroups)('the $group scenarios', ({ scenarios, russian }) => {
  it.each(scenarios)('"$q" opens $widget with demo data', async (scenario) => {
    const answer = await ask(scenario.q);
    expect(answer.intent).toBe(scenario.intent);
    expect(answer.widget).toBe(scenario.widget);
    expectDemoData(answer);
    expect(answer.answer.length).toBeGreaterThan(10);
  });

  it(`answers "${russian.q}" in Russian with the same widget`, async () => {
    const answer = await ask(russian.q);
    expect(answer.widget).toBe(russian.widget);
    expect(answer.answer).toMatch(/[а-яё]/i);
    expectDemoData(answer);
  });
});

describe('the demo health story', () => {
  it("counts the demo CSM's fifteen clients, some at risk", async () => {
    const answer = await ask('Show me health scores for all my assigned clients');
    expect(answer.answer).toMatch(/ of 15 clients (is|are) at risk or critical\./);
  });
});
