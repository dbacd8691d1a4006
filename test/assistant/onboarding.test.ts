// Ask Steward about onboarding: which onboardings are behind schedule and how far along each is,
// read from the same tracking as the Onboarding page — a CSM's own clients, everyone's for a
// manager or an admin — in the question's language.
import { beforeAll, describe, expect, it } from 'vitest';
import { enterpriseOnboarding } from '../../src/modules/work/index.ts';
import { assistantEn } from '../../web/src/i18n/assistant.en.ts';
import { assistantRu } from '../../web/src/i18n/assistant.ru.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, testPassword } from '../support/factories.ts';
import { ask, makePortfolio, type Portfolio } from './fixtures.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let p: Portfolio;
let jordan: ApiClient;
let admin: ApiClient;
let manager: ApiClient;
const projects: Record<'larkspur' | 'acme' | 'kestrel', string> = {
  larkspur: '',
  acme: '',
  kestrel: '',
};

/** Lays out the enterprise onboarding for an account, as its author does from the template. */
async function startOnboarding(
  client: ApiClient,
  templateId: string,
  accountId: string,
  startDate: string,
) {
  const { data, response, error } = await client.POST('/api/v1/templates/{id}/instantiate', {
    params: { path: { id: templateId } },
    body: { accountId, startDate },
  });
  if (response.status !== 201 || !data) throw new Error(JSON.stringify(error));
  return data.id;
}

beforeAll(async () => {
  p = await makePortfolio(deps, app);
  ({ jordan, admin } = p);
  const boss = await makeUser(deps.db, p.workspaceId, { role: 'manager', name: 'Morgan Boss' });
  manager = await signedIn(app, boss.email, testPassword);
  // Jordan, a CSM, writes the template and starts both of their clients' onboardings: Larkspur's
  // five weeks ago (its first tasks long overdue), Acme's today (nothing due yet).
  const { data: template } = await jordan.POST('/api/v1/templates', {
    body: {
      name: enterpriseOnboarding.name,
      description: enterpriseOnboarding.description,
      kind: 'onboarding',
      definition: enterpriseOnboarding.definition,
    },
  });
  const templateId = template?.id ?? '';
  projects.larkspur = await startOnboarding(jordan, templateId, p.larkspurId, '2026-09-28');
  projects.acme = await startOnboarding(jordan, templateId, p.acmeId, '2026-11-02');
  // Another CSM's client, behind too: not Jordan's to see.
  projects.kestrel = await startOnboarding(admin, templateId, p.kestrelId, '2026-10-19');
  // Larkspur's kickoff is done: a tenth of its tasks, and the rest still late.
  const { data: larkspur } = await jordan.GET('/api/v1/projects/{id}', {
    params: { path: { id: projects.larkspur } },
  });
  for (const task of larkspur?.tasks.slice(0, 2) ?? []) {
    const { response } = await jordan.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: task.id } },
      body: { status: 'done' },
    });
    expect(response.status).toBe(200);
  }
});

describe('understanding onboarding questions', () => {
  it('takes lateness and progress questions, in English and Russian, for onboarding', async () => {
    for (const [q, behind] of [
      ['Which onboardings are behind schedule?', true],
      ['Show onboardings that are late', true],
      ['Onboarding progress of my clients', false],
      ['Какие онбординги отстают от графика?', true],
      ['Прогресс онбординга моих клиентов', false],
    ] as const) {
      const { data } = await ask(jordan, q);
      expect(data?.intent, q).toBe('onboarding_progress');
      expect(data?.params.overdue === true, q).toBe(behind);
    }
  });
});

describe('onboarding answers', () => {
  it("lists a CSM's own late onboardings, how late and how far along, with their links", async () => {
    const { data } = await ask(jordan, 'Which onboardings are behind schedule?');
    if (data?.widget !== 'onboarding') throw new Error(`widget ${data?.widget}`);
    expect(data.data).toMatchObject({ behindOnly: true, inProgress: 2, behind: 1 });
    expect(data.data.items).toEqual([
      {
        projectId: projects.larkspur,
        projectName: 'Enterprise onboarding — Larkspur Logistics',
        accountId: p.larkspurId,
        accountName: 'Larkspur Logistics',
        stage: 'Kickoff',
        percent: 9,
        daysBehind: 31,
      },
    ]);
    expect(data.answer).toBe(
      '1 of 2 onboardings is behind schedule. ' +
        'Larkspur Logistics is the furthest behind: 31 days late, 9% done.',
    );
    expect(data.link).toBe('/onboarding');
  });

  it('reads the same onboardings as the Onboarding page', async () => {
    const { data: page } = await jordan.GET('/api/v1/onboarding', { params: { query: {} } });
    const { data } = await ask(jordan, 'Onboarding progress of my clients');
    if (data?.widget !== 'onboarding') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => [i.projectId, i.percent, i.daysBehind])).toEqual(
      page?.reports.map((r) => [r.projectId, r.overallProgress, r.daysBehind]),
    );
    expect(data.data.behindOnly).toBe(false);
    expect(data.answer).toBe(
      '2 onboardings in progress, 5% of their tasks done on average. 1 of them is behind schedule.',
    );
  });

  it("answers the home page's onboarding quick action, in English and Russian", async () => {
    const english = await ask(jordan, assistantEn.questions.onboarding_progress);
    expect(english.data).toMatchObject({
      intent: 'onboarding_progress',
      widget: 'onboarding',
      answer:
        '2 onboardings in progress, 5% of their tasks done on average. 1 of them is behind schedule.',
    });
    const russian = await ask(jordan, assistantRu.questions.onboarding_progress);
    expect(russian.data).toMatchObject({
      intent: 'onboarding_progress',
      widget: 'onboarding',
      answer: 'В работе 2 онбординга, в среднем выполнено 5% задач. Из них 1 отстаёт от графика.',
    });
  });

  it('answers in Russian, with the Russian plurals', async () => {
    const behind = await ask(jordan, 'Какие онбординги отстают от графика?');
    expect(behind.data?.answer).toBe(
      'Отстаёт от графика 1 онбординг из 2. ' +
        'Сильнее всех отстаёт Larkspur Logistics: на 31 день, выполнено 9%.',
    );
    const progress = await ask(jordan, 'Прогресс онбординга моих клиентов');
    expect(progress.data?.answer).toBe(
      'В работе 2 онбординга, в среднем выполнено 5% задач. Из них 1 отстаёт от графика.',
    );
  });

  it("shows a manager and an admin every CSM's onboardings, and a CSM only their own", async () => {
    for (const client of [manager, admin]) {
      const { data } = await ask(client, 'Show onboardings that are late');
      if (data?.widget !== 'onboarding') throw new Error(`widget ${data?.widget}`);
      expect(data.data.items.map((i) => i.accountName)).toEqual([
        'Larkspur Logistics',
        'Kestrel Health',
      ]);
      expect(data.answer).toMatch(/^2 of 3 onboardings are behind schedule\. /);
    }
    const mine = await ask(jordan, 'Show onboardings that are late');
    expect(JSON.stringify(mine.data)).not.toContain('Kestrel');
    // A manager asking for their own clients' onboardings has none.
    const managersOwn = await ask(manager, 'Onboarding progress of my clients');
    expect(managersOwn.data?.answer).toBe('No onboardings are in progress.');
  });

  it('says when every onboarding is on schedule', async () => {
    const { data } = await ask(jordan, 'Is the Acme onboarding behind schedule?');
    if (data?.widget !== 'onboarding') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items).toEqual([]);
    expect(data.answer).toBe('1 onboarding is in progress, and it is on schedule.');
  });
});
