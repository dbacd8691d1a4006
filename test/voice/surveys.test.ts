// NPS and CSAT: the arithmetic on hand-made answers; responses through the API and through the
// e-mailed link (signed, single use, bound to its contact and survey, rate limited); a detractor
// opening a follow-up for the CSM due within 24 hours through health's plays; the dashboard.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { rescore } from '../../src/modules/health/index.ts';
import { npsCategory, npsOf } from '../../src/modules/voice/surveys/nps.ts';
import { signSurveyToken } from '../../src/modules/voice/surveys/token.ts';
import { apiClient, origin, signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { runJobs, startSmtpServer, type MailCatcher } from '../notify/support.ts';

describe('NPS arithmetic (Bain)', () => {
  it('counts 9–10 as promoters, 7–8 as passives, 0–6 as detractors', () => {
    expect([10, 9, 8, 7, 6, 0].map(npsCategory)).toEqual([
      'promoter',
      'promoter',
      'passive',
      'passive',
      'detractor',
      'detractor',
    ]);
  });

  it.each([
    [[10, 9, 8, 7, 6, 0], 0],
    [[10, 10, 10, 6], 50],
    [[0, 1, 2], -100],
    [[9, 9, 9], 100],
    [[10, 8, 8, 5, 3, 9, 10], 14],
  ])('gives NPS %j → %i (promoters % − detractors %)', (scores, nps) => {
    expect(npsOf(scores).nps).toBe(nps);
  });

  it('has no NPS without answers', () => {
    expect(npsOf([])).toEqual({
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
    });
  });
});

const smtp: MailCatcher = await startSmtpServer();
const { deps, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
deps.config = { ...deps.config, smtpUrl: smtp.url, publicUrl: origin };
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);
const visitor = apiClient(app);

let workspaceId: WorkspaceId;
let csmId: UserId;
let csm: ApiClient;
let acmeId: string;
let anna: { id: string; email: string };
let oleg: { id: string; email: string };

async function contact(accountId: string, name: string, email: string) {
  const row = await deps.db
    .insertInto('contacts')
    .values({ workspace_id: workspaceId, account_id: accountId, name, email, role: 'champion' })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  return { id: row.id, email: row.email ?? '' };
}

const tokenOf = (link: string) => link.split('/s/')[1] ?? '';

async function invite(contactIds: string[], locale: 'en' | 'ru' = 'en') {
  const { data, response } = await csm.POST('/api/v1/surveys/invitations', {
    body: { contactIds, kind: 'nps', locale },
  });
  expect(response.status).toBe(201);
  return data?.items ?? [];
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(deps.db, { name: 'Northwind' })).id;
  const user = await makeUser(deps.db, workspaceId, { role: 'csm' });
  csmId = user.id;
  csm = await signedIn(app, user.email, testPassword);
  acmeId = (
    await makeAccount(deps.db, workspaceId, { name: 'Acme', owner_id: csmId, tier: 'enterprise' })
  ).id;
  anna = await contact(acmeId, 'Anna Petrova', 'anna@acme.test');
  oleg = await contact(acmeId, 'Oleg Sidorov', 'oleg@acme.test');
});

afterAll(async () => {
  vi.useRealTimers();
  await smtp.close();
});

describe('a detractor', () => {
  it('opens a follow-up task for the CSM due within 24 hours, and the verbatim becomes feedback', async () => {
    const {
      data,
      response,
      error: problem,
    } = await csm.POST('/api/v1/surveys/responses', {
      body: {
        accountId: acmeId,
        contactId: anna.id,
        score: 3,
        comment: 'Reports are too slow and export keeps failing',
      },
    });
    expect(response.status, JSON.stringify(problem)).toBe(201);
    expect(data).toMatchObject({ score: 3, category: 'detractor', kind: 'nps' });
    await run();

    const tasks = await deps.db
      .selectFrom('tasks')
      .select(['title', 'assignee_id', 'due_at', 'tags'])
      .where('account_id', '=', acmeId)
      .where('assignee_id', '=', csmId)
      .execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.title).toBe('Follow up on the NPS response — Acme');
    expect((tasks[0]?.due_at?.getTime() ?? 0) - clock.now().getTime()).toBeLessThanOrEqual(
      24 * 3600_000,
    );

    const feedback = await csm.GET('/api/v1/feedback/{id}', {
      params: { path: { id: data?.feedbackItemId ?? '' } },
    });
    expect(feedback.data).toMatchObject({
      type: 'complaint',
      source: 'survey',
      text: 'Reports are too slow and export keeps failing',
      contact: { id: anna.id },
    });

    const timeline = await deps.db
      .selectFrom('timeline_events')
      .select(['kind', 'data'])
      .where('account_id', '=', acmeId)
      .where('kind', '=', 'survey')
      .execute();
    expect(timeline[0]?.data).toMatchObject({ survey: 'nps', score: 3 });

    // Running the queue again opens nothing more: once per response.
    await run();
    const again = await deps.db
      .selectFrom('tasks')
      .select('id')
      .where('account_id', '=', acmeId)
      .execute();
    expect(again).toHaveLength(1);
  });

  it('enters the health score as an outcome', async () => {
    // The response announced that the account changed; health rescores it (as its job would).
    await rescore(deps, workspaceId, [acmeId]);
    const { data } = await csm.GET('/api/v1/health/accounts/{id}', {
      params: { path: { id: acmeId } },
    });
    const outcomes = data?.measures.find((m) => m.key === 'outcomes');
    expect(outcomes?.inputs).toMatchObject({ nps: -100 });
    expect(outcomes?.score).not.toBeNull();
  });
});

describe('bad responses', () => {
  it.each([
    ['a score above 10', { score: 11 }, 'score'],
    ['a negative score', { score: -1 }, 'score'],
    ['a CSAT score outside 1–5', { kind: 'csat' as const, score: 0 }, 'score'],
    ['an unknown account', { accountId: '00000000-0000-4000-8000-000000000000' }, 'accountId'],
  ])('refuses %s naming the field, storing nothing', async (_, change, field) => {
    const before = await deps.db.selectFrom('survey_responses').select('id').execute();
    const { response, error } = await csm.POST('/api/v1/surveys/responses', {
      body: { accountId: acmeId, score: 8, ...change },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toContain(field);
    expect(await deps.db.selectFrom('survey_responses').select('id').execute()).toHaveLength(
      before.length,
    );
  });
});

describe('the survey link', () => {
  it('is e-mailed in the chosen language and answers once, without signing in', async () => {
    const [invitation] = await invite([oleg.id], 'ru');
    await run();
    const mail = smtp.mails.find((m) => m.text?.includes(invitation?.link ?? '-'));
    expect(mail?.subject).toBe('Порекомендуете ли вы Northwind?');
    const token = tokenOf(invitation?.link ?? '');

    const view = await visitor.GET('/api/v1/public/surveys/{token}', {
      params: { path: { token } },
    });
    expect(view.data).toMatchObject({ kind: 'nps', contactName: 'Oleg Sidorov', locale: 'ru' });
    const answered = await visitor.POST('/api/v1/public/surveys/{token}', {
      params: { path: { token } },
      body: { score: 10, comment: 'Отличный продукт' },
    });
    expect(answered.response.status).toBe(204);

    const replayed = await visitor.POST('/api/v1/public/surveys/{token}', {
      params: { path: { token } },
      body: { score: 0 },
    });
    expect(replayed.response.status).toBe(409);
    expect(replayed.error?.errors?.map((e) => e.path)).toEqual(['token']);
    const responses = await csm.GET('/api/v1/surveys/responses', {
      params: { query: { accountId: acmeId } },
    });
    expect(responses.data?.items.filter((r) => r.contact?.id === oleg.id)).toHaveLength(1);
  });

  it('cannot be forged, nor used for another contact', async () => {
    const [invitation] = await invite([anna.id]);
    const token = tokenOf(invitation?.link ?? '');
    const [body = '', signature = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, string>;
    const forOleg = `${Buffer.from(JSON.stringify({ ...claims, c: oleg.id })).toString('base64url')}.${signature}`;
    const forged = signSurveyToken('00'.repeat(32), { i: claims.i ?? '', c: anna.id, k: 'nps' });
    for (const bad of [forOleg, forged, `${token}x`, 'not-a-token']) {
      const { response, error } = await visitor.POST('/api/v1/public/surveys/{token}', {
        params: { path: { token: bad } },
        body: { score: 10 },
      });
      expect(response.status, bad).toBe(404);
      expect(error?.errors?.map((e) => e.path)).toEqual(['token']);
    }
    // The real one still works: nothing was used up by the attempts.
    const { response } = await visitor.POST('/api/v1/public/surveys/{token}', {
      params: { path: { token } },
      body: { score: 9 },
    });
    expect(response.status).toBe(204);
  });

  it('expires', async () => {
    const [invitation] = await invite([anna.id]);
    clock.advance(31 * 86_400_000);
    const { response, error } = await visitor.GET('/api/v1/public/surveys/{token}', {
      params: { path: { token: tokenOf(invitation?.link ?? '') } },
    });
    expect(response.status).toBe(409);
    expect(error?.errors?.map((e) => e.path)).toEqual(['token']);
  });

  it('is rate limited per address', async () => {
    clock.advance(11 * 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const { response } = await visitor.GET('/api/v1/public/surveys/{token}', {
        params: { path: { token: 'guess.guess' } },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('the NPS dashboard', () => {
  it('gives NPS by account and by tier with the split and the verbatims', async () => {
    // A month went by in the tests above: sign in again.
    const user = await deps.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', csmId)
      .executeTakeFirstOrThrow();
    csm = await signedIn(app, user.email, testPassword);
    const byAccount = await csm.GET('/api/v1/nps', { params: { query: { groupBy: 'account' } } });
    // Acme: 3 (detractor), 10 and 9 (promoters) → (2 − 1) / 3 = 33.
    expect(byAccount.data?.overall).toMatchObject({
      responses: 3,
      promoters: 2,
      passives: 0,
      detractors: 1,
      nps: 33,
    });
    expect(byAccount.data?.groups[0]).toMatchObject({ label: 'Acme', nps: 33 });
    expect(byAccount.data?.verbatims.map((v) => v.comment)).toContain('Отличный продукт');
    const byTier = await csm.GET('/api/v1/nps', { params: { query: { groupBy: 'tier' } } });
    expect(byTier.data?.groups).toEqual([
      expect.objectContaining({ key: 'enterprise', responses: 3, nps: 33 }),
    ]);
  });
  it('gives NPS by each saved segment, over the accounts its filters find', async () => {
    const globex = await makeAccount(deps.db, workspaceId, {
      name: 'Globex',
      owner_id: csmId,
      tier: 'mid_market',
    });
    for (const score of [10, 6]) {
      const { response } = await csm.POST('/api/v1/surveys/responses', {
        body: { accountId: globex.id, score },
      });
      expect(response.status).toBe(201);
    }
    const saved = async (name: string, filters: Record<string, string>, shared = false) =>
      (await csm.POST('/api/v1/segments', { body: { name, filters, shared } })).data?.id ?? '';
    const enterprise = await saved('Enterprise book', { tier: 'enterprise' });
    const everyone = await saved('All mine', {}, true);
    const empty = await saved('Churned', { stage: 'churned' });

    const { data } = await csm.GET('/api/v1/nps', { params: { query: { groupBy: 'segment' } } });
    // Acme 3, 10, 9 and Globex 10, 6 → promoters 3, detractors 2 of 5 → 20.
    expect(data?.overall).toMatchObject({ responses: 5, promoters: 3, detractors: 2, nps: 20 });
    const bySegment = new Map(data?.groups.map((g) => [g.key, g]));
    expect(bySegment.get(enterprise)).toMatchObject({
      label: 'Enterprise book',
      responses: 3,
      nps: 33,
    });
    expect(bySegment.get(everyone)).toMatchObject({ label: 'All mine', responses: 5, nps: 20 });
    expect(bySegment.get(empty)).toMatchObject({ label: 'Churned', responses: 0, nps: null });
  });
});
