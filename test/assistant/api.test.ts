// Ask Steward over HTTP on fixtures: each intent backed by data answers from the same services
// the pages use, in the question's language, within the asker's permissions and "my clients";
// proposals write nothing until confirmed; bad input gets a 4xx or a clear answer, never a 5xx.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount } from '../support/factories.ts';
import { ask, makePortfolio, type Portfolio } from './fixtures.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let p: Portfolio;
let jordan: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  p = await makePortfolio(deps, app);
  ({ jordan, admin } = p);
});

describe('answers with live data', () => {
  it("shows the CSM's own clients' health, and the one at risk", async () => {
    const { data } = await ask(jordan, 'Show me health scores for my assigned clients');
    expect(data?.intent).toBe('client_health');
    if (data?.widget !== 'health_dashboard') throw new Error(`widget ${data?.widget}`);
    expect(data.data.accounts.map((a) => a.name).sort()).toEqual([
      'Acme Corp',
      'Larkspur Logistics',
    ]);
    const risky = data.data.counts.at_risk + data.data.counts.critical;
    expect(risky).toBeGreaterThan(0);
    expect(data.answer).toContain(`${risky} of 2 clients`);
    expect(data.link).toBe('/health');
  });

  it('answers a Russian question in Russian', async () => {
    const { data } = await ask(jordan, 'Покажи здоровье моих клиентов');
    expect(data?.language).toBe('ru');
    expect(data?.answer).toMatch(/из 2 клиентов/);
  });

  it('lists the client whose adoption is falling, and only that one', async () => {
    const { data } = await ask(jordan, 'Which clients have declining product adoption?');
    if (data?.widget !== 'declining_adoption') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.name)).toEqual(['Larkspur Logistics']);
    expect(data.answer).toContain('1 of 2 clients');
    expect(data.answer).toContain('Larkspur Logistics fell 80%');
  });

  it('compares engagement month over month', async () => {
    const { data } = await ask(jordan, 'Compare client engagement trends month-over-month');
    if (data?.widget !== 'engagement_trends') throw new Error(`widget ${data?.widget}`);
    expect(data.data.declining).toBe(1);
    expect(data.data.items.find((i) => i.name === 'Larkspur Logistics')?.direction).toBe(
      'declining',
    );
    const { growing, stable } = data.data;
    expect(data.answer).toBe(
      `Month over month, of 2 clients: ${growing} growing, ${stable} stable, 1 declining.`,
    );
  });

  it('shows product adoption across clients from the rollups', async () => {
    const { data } = await ask(
      jordan,
      'Show product adoption metrics and feature usage across clients',
    );
    if (data?.widget !== 'adoption_metrics') throw new Error(`widget ${data?.widget}`);
    expect(data.data.clients).toBe(2);
    expect(data.data.activeUsers).toBe(13);
    expect(data.data.features[0]?.label).toBe('Reports');
  });

  it('lists churn risk from the health module, Larkspur first', async () => {
    const { data } = await ask(jordan, 'кто уходит?');
    expect(data?.intent).toBe('churn_risk');
    if (data?.widget !== 'churn_risk') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items[0]?.name).toBe('Larkspur Logistics');
    expect(data.answer).toMatch(/Под риском оттока/);
  });

  it("takes a name two accounts share for the asker's own client", async () => {
    // Another client named Acme that Jordan does not own, first in any order by name; gone
    // again after, as the other tests count the portfolio's clients.
    const other = await makeAccount(deps.db, p.workspaceId, { name: 'Acme Analytics' });
    try {
      const { data } = await ask(jordan, 'tell me about Acme');
      if (data?.widget !== 'account_card') throw new Error(`widget ${data?.widget}`);
      expect(data.data.name).toBe('Acme Corp');
    } finally {
      await deps.db.deleteFrom('accounts').where('id', '=', other.id).execute();
    }
  });

  it("answers one client's ARR or health from its card, and finds the asker's largest", async () => {
    const arr = await ask(jordan, 'What is the ARR of Acme Corp?');
    if (arr.data?.widget !== 'account_card') throw new Error(`widget ${arr.data?.widget}`);
    expect(arr.data.data.name).toBe('Acme Corp');
    expect(arr.data.answer).toContain('$12,000');
    const health = await ask(jordan, 'Как здоровье Larkspur Logistics?');
    if (health.data?.widget !== 'account_card') throw new Error(`widget ${health.data?.widget}`);
    expect(health.data.data.name).toBe('Larkspur Logistics');
    // Jordan's biggest is Larkspur ($480,000), not the admin's Kestrel Health ($300,000).
    const largest = await ask(jordan, 'Tell me about my largest account');
    expect(largest.data?.params).toMatchObject({ largest: true, scope: 'mine' });
    if (largest.data?.widget !== 'account_card') throw new Error(`widget ${largest.data?.widget}`);
    expect(largest.data.data.name).toBe('Larkspur Logistics');
  });

  it('names the champion and the sponsor at a client, in Russian too', async () => {
    for (const [name, role] of [
      ['Ana Lopez', 'champion'],
      ['Ben Ortiz', 'executive_sponsor'],
      ['Cleo Park', 'user'],
    ] as const) {
      await jordan.POST('/api/v1/accounts/{id}/contacts', {
        params: { path: { id: p.acmeId } },
        body: { name, role },
      });
    }
    const { data } = await ask(jordan, 'Who is the champion at Acme Corp?');
    if (data?.widget !== 'account_card') throw new Error(`widget ${data?.widget}`);
    expect(data.data.people.map((person) => [person.name, person.role])).toEqual([
      ['Ana Lopez', 'champion'],
      ['Ben Ortiz', 'executive_sponsor'],
    ]);
    expect(data.answer).toMatch(
      /Its champion is Ana Lopez\. Its executive sponsor is Ben Ortiz\.$/,
    );
    const russian = await ask(jordan, 'Кто чемпион в Acme Corp?');
    expect(russian.data?.answer).toMatch(/Чемпион — Ana Lopez\. Спонсор — Ben Ortiz\.$/);
  });

  it('says when one client renews, however far off, with its forecast', async () => {
    // Acme renews on 1 June 2027, seven months away: past the pipeline's 90 days.
    const { data } = await ask(jordan, 'When does Acme Corp renew?');
    if (data?.widget !== 'renewal_pipeline') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.name)).toEqual(['Acme Corp']);
    expect(data.answer).toMatch(
      /^Acme Corp renews on Jun 1, 2027: \$12,000 ARR, forecast (commit|likely|at risk) \(\d+%\)\.$/,
    );
    const russian = await ask(jordan, 'Когда продлевается Larkspur Logistics?');
    expect(russian.data?.answer).toMatch(/^Larkspur Logistics продлевается 20 дек\. 2026 г\./);
  });

  it('finds an account by a misspelt name and links to its page', async () => {
    const { data } = await ask(jordan, 'tell me about larksupr');
    if (data?.widget !== 'account_card') throw new Error(`widget ${data?.widget}`);
    expect(data.data.name).toBe('Larkspur Logistics');
    expect(data.link).toBe(`/accounts/${p.larkspurId}`);
  });

  it('answers a follow-up with the previous intent and the new tier', async () => {
    const first = await ask(jordan, 'health scores for my clients');
    const { data } = await ask(jordan, 'and for enterprise only?', {
      intent: first.data?.intent as never,
      params: first.data?.params as never,
    });
    expect(data?.followUp).toBe(true);
    if (data?.widget !== 'health_dashboard') throw new Error(`widget ${data?.widget}`);
    expect(data.data.accounts.map((a) => a.name)).toEqual(['Larkspur Logistics']);
  });

  it('shows my open tasks: all of them, the overdue ones, a window of days, or one account', async () => {
    const tasks = [
      { title: 'Send the renewal deck', accountId: p.larkspurId, dueAt: '2026-11-02T17:00:00Z' },
      { title: 'Chase the order form', accountId: p.acmeId, dueAt: '2026-10-30T17:00:00Z' },
      { title: 'Plan the QBR agenda', accountId: p.larkspurId, dueAt: '2026-11-10T17:00:00Z' },
      { title: 'Prepare the renewal deck', accountId: p.larkspurId },
    ];
    for (const task of tasks) {
      const { response } = await jordan.POST('/api/v1/tasks', {
        body: { ...task, assigneeId: p.jordanId },
      });
      expect(response.status).toBe(201);
    }
    const titles = async (question: string) => {
      const { data } = await ask(jordan, question);
      if (data?.widget !== 'my_tasks') throw new Error(`widget ${data?.widget}`);
      return { titles: data.data.items.map((t) => t.title), answer: data.answer };
    };

    const all = await titles('what are my tasks');
    expect(all.titles).toEqual(expect.arrayContaining(tasks.map((t) => t.title)));

    // Today's, and what is overdue besides: it is still to do today.
    const today = await titles('what are my tasks today');
    expect(today.titles).toEqual(
      expect.arrayContaining(['Send the renewal deck', 'Chase the order form']),
    );
    expect(today.titles).not.toContain('Plan the QBR agenda');
    expect(today.titles).not.toContain('Prepare the renewal deck');
    expect(today.answer).toBe('You have 1 task due on Nov 2, 2026. 1 more is overdue.');

    const overdue = await titles('my overdue tasks');
    expect(overdue.titles).toEqual(['Chase the order form']);
    expect(overdue.answer).toBe('You have 1 overdue task.');

    const nextWeek = await titles('tasks due next week');
    expect(nextWeek.titles).toEqual(['Plan the QBR agenda']);
    expect(nextWeek.answer).toBe('You have 1 task due between Nov 9, 2026 and Nov 15, 2026.');

    // A week gone by: its tasks are all overdue, and counted once.
    const lastWeek = await titles('my tasks last week');
    expect(lastWeek.titles).toEqual(['Chase the order form']);
    expect(lastWeek.answer).toBe('You have 1 task due between Oct 26, 2026 and Nov 1, 2026.');

    const larkspur = await titles('my tasks at Larkspur Logistics');
    expect(larkspur.titles.sort()).toEqual([
      'Plan the QBR agenda',
      'Prepare the renewal deck',
      'Send the renewal deck',
    ]);
    expect(larkspur.answer).toMatch(/Only the tasks at Larkspur Logistics are counted\.$/);

    const acmeToday = await titles('my tasks at Acme today');
    expect(acmeToday.titles).toEqual(['Chase the order form']);
    expect(acmeToday.answer).toBe(
      'None of your tasks is due on Nov 2, 2026. 1 is overdue. Only the tasks at Acme Corp are counted.',
    );

    const russian = await ask(jordan, 'мои просроченные задачи');
    expect(russian.data?.answer).toBe('У вас 1 просроченная задача.');
  });

  it('shows escalations, saying plainly when there are none', async () => {
    const { data } = await ask(jordan, 'show escalations');
    expect(data?.widget).toBe('escalations');
    expect(data?.answer).toBe('No escalations have been raised.');
  });
});

describe('proposals wait for a confirmation', () => {
  it('proposes a reminder as a task draft, writes nothing, and the task API saves it', async () => {
    const count = async () =>
      (
        await deps.db
          .selectFrom('tasks')
          .select('id')
          .where('workspace_id', '=', p.workspaceId)
          .execute()
      ).length;
    const before = await count();
    const { data } = await ask(jordan, 'remind me to call Larkspur tomorrow');
    if (data?.widget !== 'task_draft') throw new Error(`widget ${data?.widget}`);
    expect(data.data).toMatchObject({
      title: 'Call Larkspur',
      accountId: p.larkspurId,
      assigneeId: p.jordanId,
    });
    // 3 November, 09:00 in New York.
    expect(data.data.dueAt).toBe('2026-11-03T14:00:00.000Z');
    expect(await count()).toBe(before);
    const { response } = await jordan.POST('/api/v1/tasks', {
      body: {
        title: data.data.title,
        accountId: data.data.accountId ?? '',
        assigneeId: data.data.assigneeId,
        dueAt: data.data.dueAt ?? undefined,
      },
    });
    expect(response.status).toBe(201);
    expect(await count()).toBe(before + 1);
  });
});

describe('permissions and scope', () => {
  it("tells a CSM plainly that another CSM's client is not theirs to see, with none of its data", async () => {
    const { data } = await ask(jordan, 'tell me about Kestrel');
    expect(data?.widget).toBe('not_allowed');
    expect(data?.answer).toBe('That account is not among the clients you can see.');
    expect(JSON.stringify(data)).not.toContain(p.kestrelId);
    expect(JSON.stringify(data?.data)).not.toContain('Kestrel');
  });

  it("tells a CSM they see only their own clients when asking about the team or another CSM's", async () => {
    const team = await ask(jordan, 'health scores across the team');
    expect(team.data?.answer).toContain('You see only your own clients');
    const morgan = await ask(jordan, "Morgan's clients health");
    expect(morgan.data?.widget).toBe('not_allowed');
    expect(morgan.data?.answer).toBe('You see only your own clients, not those of Morgan Lee.');
  });

  it('tells someone without the renewal permission so, instead of an empty pipeline', async () => {
    const { data: token } = await admin.POST('/api/v1/api-tokens', {
      body: { name: 'health only', scopes: ['view_client_health', 'view_accounts'] },
    });
    const bot = apiClient(app, { token: token?.token ?? '' });
    const { data } = await ask(bot, 'Show upcoming renewals in next 90 days');
    expect(data?.intent).toBe('renewal_pipeline');
    expect(data?.widget).toBe('not_allowed');
    expect(data?.answer).toContain('view_renewal_pipeline');
  });

  it('lets a manager see every client', async () => {
    const { data } = await ask(admin, 'health scores for everyone');
    if (data?.widget !== 'health_dashboard') throw new Error(`widget ${data?.widget}`);
    expect(data.data.accounts).toHaveLength(3);
  });
});

describe('bad input', () => {
  it('refuses an empty question with a 422 naming q', async () => {
    const { status, error } = await ask(jordan, '   ');
    expect(status).toBe(422);
    expect(JSON.stringify(error)).toContain('"path":"q"');
  });

  it('refuses 10 KB of text with a 422 naming q', async () => {
    const { status, error } = await ask(jordan, 'renewals '.repeat(1200));
    expect(status).toBe(422);
    expect(JSON.stringify(error)).toContain('"path":"q"');
  });

  it.each(['🙂🙂🙂', "'; drop table accounts; --", '<img src=x onerror=alert(1)>'])(
    'answers %s with suggestions, never a guess or a 5xx',
    async (q) => {
      const { data, status } = await ask(jordan, q);
      expect(status).toBe(200);
      expect(data?.intent).toBe('unknown');
      if (data?.widget !== 'suggestions') throw new Error(`widget ${data?.widget}`);
      expect(data.data.suggestions).toHaveLength(3);
    },
  );
});

describe('recent questions', () => {
  it("remembers each person's own questions, newest first, once each", async () => {
    for (const q of ['show escalations', 'what is our NRR', 'show escalations']) {
      clock.advance(60_000);
      await ask(admin, q);
    }
    const { data } = await admin.GET('/api/v1/assistant/recent');
    expect(data?.items.slice(0, 2).map((i) => i.question)).toEqual([
      'show escalations',
      'what is our NRR',
    ]);
    expect(data?.items.filter((i) => i.question === 'show escalations')).toHaveLength(1);
    const { data: mine } = await jordan.GET('/api/v1/assistant/recent');
    expect(mine?.items.map((i) => i.question)).not.toContain('what is our NRR');
  });

  it('keeps only the twenty newest questions of a person', async () => {
    for (let day = 1; day <= 22; day++) {
      clock.advance(60_000);
      await ask(admin, `renewals in the next ${day} days`);
    }
    const kept = await deps.db
      .selectFrom('assistant_questions')
      .innerJoin('users', 'users.id', 'assistant_questions.user_id')
      .select('question')
      .where('users.role', '=', 'admin')
      .where('users.workspace_id', '=', p.workspaceId)
      .orderBy('asked_at', 'desc')
      .execute();
    expect(kept).toHaveLength(20);
    expect(kept[0]?.question).toBe('renewals in the next 22 days');
  });
});
