// Ask Steward over HTTP on fixtures: each intent backed by data answers from the same services
// the pages use, in the question's language, within the asker's permissions and "my clients";
// proposals write nothing until confirmed; bad input gets a 4xx or a clear answer, never a 5xx.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { rescore } from '../../src/modules/health/index.ts';
import { apiClient, signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let jordanId: UserId;
let jordan: ApiClient;
let admin: ApiClient;
let larkspurId: string;
let acmeId: string;
let kestrelId: string;

async function activeUsers(accountId: string, days: { from: number; to: number }, users: number) {
  await sql`
    insert into usage_daily_users (workspace_id, account_id, day, feature_key, user_id)
    select ${workspaceId}, ${accountId}, ${'2026-11-02'}::date - d, 'reports', 'u' || u
    from generate_series(${days.from}::int, ${days.to}::int) d, generate_series(1, ${users}::int) u`.execute(
    deps.db,
  );
  await sql`
    insert into usage_daily (workspace_id, account_id, day, feature_key, events, logins)
    select ${workspaceId}, ${accountId}, ${'2026-11-02'}::date - d, 'reports', 10 * ${users}, ${users}
    from generate_series(${days.from}::int, ${days.to}::int) d`.execute(deps.db);
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin', name: 'Avery Admin' });
  const jordanUser = await makeUser(deps.db, workspaceId, {
    name: 'Jordan Taylor',
    timezone: 'America/New_York',
  });
  const morgan = await makeUser(deps.db, workspaceId, { name: 'Morgan Lee' });
  jordanId = jordanUser.id;
  jordan = await signedIn(app, jordanUser.email, testPassword);
  admin = await signedIn(app, adminUser.email, testPassword);
  await deps.db
    .insertInto('usage_features')
    .values({ workspace_id: workspaceId, key: 'reports', label: 'Reports', events: ['Report Run'] })
    .execute();
  larkspurId = (
    await makeAccount(deps.db, workspaceId, {
      name: 'Larkspur Logistics',
      owner_id: jordanId,
      tier: 'enterprise',
      // A customer since early 2025 who never had a business review.
      created_at: '2025-01-15T00:00:00Z',
      seats: 20,
      arr_amount: 48_000_000,
      renewal_date: '2026-12-20',
    })
  ).id;
  acmeId = (
    await makeAccount(deps.db, workspaceId, {
      name: 'Acme Corp',
      owner_id: jordanId,
      tier: 'smb',
      seats: 10,
      arr_amount: 1_200_000,
      renewal_date: '2027-06-01',
    })
  ).id;
  kestrelId = (
    await makeAccount(deps.db, workspaceId, {
      name: 'Kestrel Health',
      owner_id: morgan.id,
      tier: 'enterprise',
      seats: 10,
      arr_amount: 30_000_000,
    })
  ).id;
  // Acme: 9 of 10 seats active all along. Larkspur: 20 users the month before, 4 now.
  await activeUsers(acmeId, { from: 0, to: 59 }, 9);
  await activeUsers(kestrelId, { from: 0, to: 59 }, 8);
  await activeUsers(larkspurId, { from: 30, to: 59 }, 20);
  await activeUsers(larkspurId, { from: 0, to: 29 }, 4);
  await rescore(deps, workspaceId);
});

async function ask(client: ApiClient, q: string, context?: { intent: never; params: never }) {
  const { data, response, error } = await client.POST('/api/v1/assistant/query', {
    body: context ? { q, context } : { q },
  });
  return { data, status: response.status, error };
}

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

  it('finds an account by a misspelt name and links to its page', async () => {
    const { data } = await ask(jordan, 'tell me about larksupr');
    if (data?.widget !== 'account_card') throw new Error(`widget ${data?.widget}`);
    expect(data.data.name).toBe('Larkspur Logistics');
    expect(data.link).toBe(`/accounts/${larkspurId}`);
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

  it('shows my open tasks', async () => {
    await jordan.POST('/api/v1/tasks', {
      body: { title: 'Prepare the renewal deck', accountId: larkspurId, assigneeId: jordanId },
    });
    const { data } = await ask(jordan, 'what are my tasks today');
    if (data?.widget !== 'my_tasks') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((t) => t.title)).toContain('Prepare the renewal deck');
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
          .where('workspace_id', '=', workspaceId)
          .execute()
      ).length;
    const before = await count();
    const { data } = await ask(jordan, 'remind me to call Larkspur tomorrow');
    if (data?.widget !== 'task_draft') throw new Error(`widget ${data?.widget}`);
    expect(data.data).toMatchObject({
      title: 'Call Larkspur',
      accountId: larkspurId,
      assigneeId: jordanId,
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
    expect(JSON.stringify(data)).not.toContain(kestrelId);
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
      .where('users.workspace_id', '=', workspaceId)
      .orderBy('asked_at', 'desc')
      .execute();
    expect(kept).toHaveLength(20);
    expect(kept[0]?.question).toBe('renewals in the next 22 days');
  });
});

describe('revenue answers', () => {
  it('lists the renewals of the next 90 days with their ARR and forecast', async () => {
    const { data } = await ask(jordan, 'Show upcoming renewals in next 90 days');
    if (data?.widget !== 'renewal_pipeline') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.name)).toEqual(['Larkspur Logistics']);
    expect(data.data.totals.arrUp.amount).toBe(48_000_000);
    expect(data.answer).toMatch(/^1 client renews between .+: \$480,000 ARR up/);
  });

  it('answers renewals in Russian for next month, none of another CSM’s', async () => {
    const { data } = await ask(jordan, 'Какие продления в следующем месяце?');
    if (data?.widget !== 'renewal_pipeline') throw new Error(`widget ${data?.widget}`);
    expect(data.data.window).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(data.answer).toMatch(/продлевается 1 клиент/);
  });

  it('reports revenue metrics for a period with NRR and GRR', async () => {
    const { data } = await ask(admin, 'net revenue retention last quarter');
    if (data?.widget !== 'revenue_metrics') throw new Error(`widget ${data?.widget}`);
    expect(data.data.period.from).toBe('2026-07-01');
    expect(data.data.metrics.map((m) => m.key)).toContain('nrr');
    expect(data.answer).toMatch(/NRR .+, GRR .+/);
  });

  it('answers expansion and premium questions from the revenue module', async () => {
    const expansion = await ask(jordan, 'Identify expansion opportunities across my portfolio');
    expect(expansion.data?.widget).toBe('upsell_opportunities');
    const premium = await ask(jordan, 'Show clients ready for premium tier upgrade');
    expect(premium.data?.widget).toBe('premium_upgrades');
  });
});

describe('voice answers', () => {
  beforeAll(async () => {
    for (const [accountId, text] of [
      [larkspurId, 'We need a dark mode for the dashboard, the night shift struggles'],
      [acmeId, 'Please add dark mode, our team works late'],
      [acmeId, 'Export to Excel would save us hours'],
    ] as const) {
      await admin.POST('/api/v1/feedback', {
        body: { accountId, text, type: 'feature_request' },
      });
    }
    await admin.POST('/api/v1/feedback/themes/recompute', {});
    await admin.POST('/api/v1/surveys/responses', {
      body: { accountId: larkspurId, score: 3, comment: 'Too slow since the last release' },
    });
    await admin.POST('/api/v1/surveys/responses', { body: { accountId: acmeId, score: 10 } });
    await admin.POST('/api/v1/roadmap-items', {
      body: { title: 'Dark mode', targetQuarter: '2027-Q1', status: 'planned' },
    });
  });

  it('shows NPS by client with what detractors wrote, lowest first', async () => {
    const { data } = await ask(jordan, 'Show recent NPS survey results by client');
    if (data?.widget !== 'nps_dashboard') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.name)).toEqual(['Larkspur Logistics', 'Acme Corp']);
    expect(data.data.verbatims[0]?.comment).toBe('Too slow since the last release');
    expect(data.answer).toContain('NPS 0 from 2 responses');
    expect(data.answer).toContain('Larkspur Logistics scores lowest (-100)');
  });

  it('ranks feature requests by how many customers asked', async () => {
    const { data } = await ask(jordan, 'what do customers ask for the most');
    if (data?.widget !== 'feature_requests') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items[0]?.accountCount).toBe(2);
    expect(data.answer).toMatch(/is the most requested: 2 customers asked for it/);
  });

  it('shows the roadmap with what is planned next, in Russian when asked in Russian', async () => {
    const { data } = await ask(jordan, 'Дорожная карта продукта');
    if (data?.widget !== 'roadmap_timeline') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.title)).toEqual(['Dark mode']);
    expect(data.answer).toContain('следующий — Dark mode');
  });
});

describe('business reviews', () => {
  it('lists the clients overdue for a QBR, most overdue first', async () => {
    const { data } = await ask(jordan, 'Which clients need business review meetings?');
    if (data?.widget !== 'qbr_due') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items.map((i) => i.name)).toContain('Larkspur Logistics');
    expect(data.answer).toMatch(/need(s)? a business review/);
  });

  it("proposes a QBR with Acme next Tuesday at 10 in the asker's zone, and books nothing", async () => {
    const before = await deps.db.selectFrom('meetings').select('id').execute();
    const { data } = await ask(jordan, 'Schedule a QBR with Acme next Tuesday at 10');
    if (data?.widget !== 'meeting_scheduler') throw new Error(`widget ${data?.widget}`);
    // Monday 2 November 2026 → Tuesday 3 November, 10:00 in New York (EST) = 15:00 UTC.
    expect(data.data.proposals).toEqual([
      expect.objectContaining({
        accountId: acmeId,
        kind: 'qbr',
        title: 'QBR with Acme Corp',
        startsAt: '2026-11-03T15:00:00.000Z',
        endsAt: '2026-11-03T16:00:00.000Z',
        timeZone: 'America/New_York',
      }),
    ]);
    expect(data.answer).toContain('Nothing is booked until you confirm');
    expect(await deps.db.selectFrom('meetings').select('id').execute()).toHaveLength(before.length);
    const proposal = data.data.proposals[0];
    const { response } = await jordan.POST('/api/v1/meetings', {
      body: {
        accountId: proposal?.accountId ?? '',
        kind: 'qbr',
        title: proposal?.title ?? '',
        startsAt: proposal?.startsAt ?? '',
        endsAt: proposal?.endsAt ?? '',
      },
    });
    expect(response.status).toBe(201);
  });

  it('proposes QBRs for the top accounts that need one, on working days', async () => {
    const { data } = await ask(jordan, 'Schedule quarterly business reviews for top accounts');
    if (data?.widget !== 'meeting_scheduler') throw new Error(`widget ${data?.widget}`);
    expect(data.data.proposals.map((p) => p.name)).toContain('Larkspur Logistics');
    for (const p of data.data.proposals) {
      expect([0, 6]).not.toContain(new Date(p.startsAt).getUTCDay());
    }
  });
});
