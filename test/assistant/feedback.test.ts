// Ask Steward about what customers said: one client's own feedback ("What did Larkspur say
// recently?"), newest first and never its card, and what customers ask for, counted over the
// same 30 days as the portfolio's top request and saying so.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount } from '../support/factories.ts';
import { ask, makePortfolio, type Portfolio } from './fixtures.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let p: Portfolio;
let jordan: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  p = await makePortfolio(deps, app);
  ({ jordan, admin } = p);
  await makeAccount(deps.db, p.workspaceId, { name: 'Wrenford Analytics', owner_id: p.jordanId });
  const said = [
    [p.larkspurId, 'complaint', 'The dashboard is too slow since the last release', '10-28'],
    [p.larkspurId, 'feature_request', 'We need a dark mode for the dashboard', '10-20'],
    [p.larkspurId, 'praise', 'Support answered within the hour, thank you', '06-01'],
    [p.acmeId, 'feature_request', 'Please add a dark mode, our team works late', '10-25'],
    // Asked for by all three clients, but in the spring: a year's top request, not this month's.
    [p.larkspurId, 'feature_request', 'Single sign-on with Okta is a must for us', '04-08'],
    [p.acmeId, 'feature_request', 'We need single sign-on with Okta', '04-09'],
    [p.kestrelId, 'feature_request', 'Single sign-on with Okta, please', '04-10'],
  ] as const;
  for (const [accountId, type, text, day] of said) {
    const { response } = await admin.POST('/api/v1/feedback', {
      body: { accountId, type, text, givenAt: `2026-${day}T15:00:00Z` },
    });
    expect(response.status).toBe(201);
  }
  await admin.POST('/api/v1/feedback/themes/recompute', {});
});

describe("one client's feedback", () => {
  it('answers "what did X say recently?" with its feedback, newest first, not its card', async () => {
    const { data } = await ask(jordan, 'What did Larkspur say recently?');
    if (data?.widget !== 'account_feedback') throw new Error(`widget ${data?.widget}`);
    expect(data.intent).toBe('account_feedback');
    expect(data.data.items.map((i) => [i.type, i.givenAt.slice(0, 10)])).toEqual([
      ['complaint', '2026-10-28'],
      ['feature_request', '2026-10-20'],
    ]);
    expect(data.data.items[0]?.source).toBe('api');
    expect(data.answer).toBe(
      'Larkspur Logistics gave 2 pieces of feedback in the last 30 days. The newest (a complaint, ' +
        'Oct 28, 2026): “The dashboard is too slow since the last release”',
    );
    expect(data.link).toBe(`/accounts/${p.larkspurId}`);
  });

  it('answers in Russian, with the Russian plural', async () => {
    const { data } = await ask(jordan, 'Что говорил Ларкспур в последнее время?');
    if (data?.widget !== 'account_feedback') throw new Error(`widget ${data?.widget}`);
    expect(data.answer).toBe(
      'От Larkspur Logistics за последние 30 дней 2 отзыва. Последний (жалоба, 28 окт. 2026 г.): ' +
        '«The dashboard is too slow since the last release»',
    );
    const one = await ask(jordan, 'Какие отзывы у Акме?');
    expect(one.data?.answer).toMatch(/^От Acme Corp за последние 90 дней 1 отзыв\. /);
  });

  it('looks back a quarter when no period is named, and names the theme of each item', async () => {
    const { data } = await ask(jordan, 'Any feedback from Acme?');
    if (data?.widget !== 'account_feedback') throw new Error(`widget ${data?.widget}`);
    expect(data.data.days).toBe(90);
    expect(data.data.items.map((i) => i.text)).toEqual([
      'Please add a dark mode, our team works late',
    ]);
    expect(data.data.items[0]?.theme).toEqual(expect.any(String));
    expect(data.answer).toMatch(/^Acme Corp gave 1 piece of feedback in the last 90 days\. /);
  });

  it('says plainly when a client said nothing in the period, and when it last did', async () => {
    const { data } = await ask(admin, 'Any feedback from Kestrel Health?');
    if (data?.widget !== 'account_feedback') throw new Error(`widget ${data?.widget}`);
    expect(data.data.items).toEqual([]);
    expect(data.data.latestAt?.slice(0, 10)).toBe('2026-04-10');
    expect(data.answer).toBe(
      'No feedback from Kestrel Health in the last 90 days. The latest was given on Apr 10, 2026.',
    );
    const inRussian = await ask(admin, 'Что писали из Кестрел?');
    expect(inRussian.data?.answer).toBe(
      'От Kestrel Health за последние 90 дней отзывов нет. Последний отзыв был 10 апр. 2026 г.',
    );
    const never = await ask(jordan, 'What has Wrenford been saying?');
    expect(never.data?.answer).toBe('No feedback from Wrenford Analytics has been logged yet.');
  });

  it('counts every piece of feedback in the period, beyond the newest it lists', async () => {
    const quillon = await makeAccount(deps.db, p.workspaceId, {
      name: 'Quillon Media',
      owner_id: p.jordanId,
    });
    // 520 items in the last 30 days (one an hour), and one older than that.
    await sql`
      insert into feedback_items
        (workspace_id, account_id, type, source, text, features, given_at, created_at, updated_at)
      select ${p.workspaceId}::uuid, ${quillon.id}::uuid, 'complaint', 'api', 'Export #' || n, '{}'::jsonb,
        timestamptz '2026-11-01T12:00:00Z' - n * interval '1 hour', now(), now()
      from generate_series(0, 519) n
      union all
      select ${p.workspaceId}::uuid, ${quillon.id}::uuid, 'praise', 'api', 'Long ago', '{}'::jsonb,
        timestamptz '2026-06-01T12:00:00Z', now(), now()`.execute(deps.db);
    const { data } = await ask(jordan, 'What did Quillon say recently?');
    if (data?.widget !== 'account_feedback') throw new Error(`widget ${data?.widget}`);
    expect(data.data.count).toBe(520);
    expect(data.data.items.map((i) => i.text).slice(0, 2)).toEqual(['Export #0', 'Export #1']);
    expect(data.data.items.length).toBeLessThan(520);
    expect(data.answer).toMatch(
      /^Quillon Media gave 520 pieces of feedback in the last 30 days\. The newest /,
    );
  });

  it("does not read another CSM's client's feedback to a CSM", async () => {
    const { data } = await ask(jordan, 'What did Kestrel Health say recently?');
    expect(data?.widget).toBe('not_allowed');
    expect(JSON.stringify(data)).not.toContain('Okta');
  });
});

describe('what customers ask for', () => {
  it('names the same top request as the portfolio banner, over the same 30 days, saying so', async () => {
    const { data: banner } = await admin.GET('/api/v1/feedback/highlight', {
      params: { query: {} },
    });
    const { data } = await ask(admin, 'What are customers asking for?');
    if (data?.widget !== 'feature_requests') throw new Error(`widget ${data?.widget}`);
    expect(banner?.days).toBe(30);
    expect(data.data.days).toBe(30);
    expect(banner?.theme?.id).toEqual(expect.any(String));
    expect(data.data.items[0]?.id).toBe(banner?.theme?.id);
    expect(data.data.items[0]?.accountCount).toBe(2);
    expect(data.answer).toMatch(
      /^“.+” is the most requested in the last 30 days: 2 customers asked for it \(\$492,000 ARR\)\.$/,
    );
    const inRussian = await ask(admin, 'Что просят клиенты?');
    expect(inRussian.data?.answer).toMatch(
      /^Чаще всего за последние 30 дней просили «.+»: 2 клиента \(ARR .+\)\.$/,
    );
  });

  it('counts a longer period when the question names one, and says which', async () => {
    const { data } = await ask(admin, 'What have customers asked for this year?');
    if (data?.widget !== 'feature_requests') throw new Error(`widget ${data?.widget}`);
    expect(data.data.days).toBe(305);
    expect(data.data.items[0]?.accountCount).toBe(3);
    expect(data.answer).toMatch(/ is the most requested in the last 305 days: 3 customers /);
  });

  it('says which period had no requests', async () => {
    const { data } = await ask(jordan, 'what did customers request yesterday');
    expect(data?.answer).toBe('No feature requests in the last day.');
  });
});
