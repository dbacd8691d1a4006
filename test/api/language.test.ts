// What the server writes for a person reads in that person's language: a CSM who chose Russian
// reads the account's health (each measure's reason, churn factors and advice), the churn-risk
// list and the timeline (owner, stage and priority changes, a note's default title, the ticket,
// the subscription and the failed payment, the health move and the play it ran) without an
// English sentence; an English reader gets no Russian. Names and text people or customers
// typed are theirs, in whatever language they wrote them.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { createPlay, rescore } from '../../src/modules/health/index.ts';
import { readStripeEvent, receiveStripeEvent } from '../../src/modules/intake/billing/index.ts';
import { receiveTicket } from '../../src/modules/intake/support/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';
import { invoice, stripeEvent, subscription } from '../intake/billing/support.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let accountId: string;
let russian: ApiClient;
let english: ApiClient;

/** What people and customers typed: exempt from the language check. */
const typed = {
  account: 'Northwind Traders',
  ticket: 'Export times out',
  play: 'Rescue call',
  plan: 'Pro monthly',
  people: ['Anna Volkova', 'Sam Admin'],
};

async function receiveStripe(type: string, object: unknown, at: string) {
  const body = stripeEvent(type, object, at);
  const read = readStripeEvent(body);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  await receiveStripeEvent(deps.db, clock, {
    workspaceId,
    read: read.read,
    rawBody: JSON.stringify(body),
  });
}

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Anna Volkova' });
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin', name: 'Sam Admin' });
  russian = await signedIn(app, csmUser.email, testPassword);
  english = await signedIn(app, adminUser.email, testPassword);
  expect((await russian.PATCH('/api/v1/me', { body: { locale: 'ru' } })).response.status).toBe(200);

  await createPlay(
    deps.db,
    { workspaceId, userId: adminUser.id },
    {
      name: typed.play,
      trigger: 'entered_critical',
      daysBeforeRenewal: null,
      templateId: null,
      taskTitle: 'Call the sponsor',
      assigneeRole: 'owner',
      dueInHours: 24,
      enabled: true,
    },
    clock.now(),
  );
  accountId = (
    await makeAccount(deps.db, workspaceId, {
      name: typed.account,
      seats: 16,
      stage: 'onboarding',
      priority: 'P2',
      renewal_date: '2027-04-01',
      arr_amount: 24_000_00,
    })
  ).id;
  // Changes people make: the admin hands the account to the CSM, who moves it on.
  await english.PATCH('/api/v1/accounts/{id}', {
    params: { path: { id: accountId } },
    body: { ownerId: csmUser.id },
  });
  await russian.PATCH('/api/v1/accounts/{id}', {
    params: { path: { id: accountId } },
    body: { stage: 'adopting', priority: 'P1' },
  });
  await russian.POST('/api/v1/accounts/{id}/timeline', {
    params: { path: { id: accountId } },
    body: {
      kind: 'note',
      body: 'Созвонились, обсудили внедрение.',
      occurredAt: '2026-07-25T10:00:00Z',
    },
  });
  // 5 of 16 seats active for two months.
  await deps.db
    .insertInto('usage_features')
    .values({ workspace_id: workspaceId, key: 'reports', label: 'Reports', events: ['Report Run'] })
    .execute();
  await addActiveUsers(
    deps.db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${'2026-11-02'}::date - d, 'reports', 'u' || u
    from generate_series(0, 59) d, generate_series(1, 5) u`,
  );
  await addUsageDays(
    deps.db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${'2026-11-02'}::date - d, 'reports', 10, 5
    from generate_series(0, 59) d`,
  );
  // Two urgent tickets still open, a subscription and two invoices whose payment failed.
  for (const externalId of ['t-1', 't-2']) {
    await receiveTicket(deps.db, clock, {
      workspaceId,
      accountId,
      rawBody: '{}',
      ticket: {
        source: 'generic',
        externalId,
        account: { externalId: null, domain: null },
        subject: typed.ticket,
        status: 'open',
        priority: 'urgent',
        requesterEmail: null,
        csat: null,
        openedAt: new Date('2026-10-30T10:00:00Z'),
        solvedAt: null,
        firstResponseAt: null,
        updatedAt: new Date('2026-10-30T10:00:00Z'),
      },
    });
  }
  await receiveStripe(
    'customer.subscription.created',
    subscription({
      id: 'sub_1',
      customer: 'cus_1',
      items: [{ unitAmount: 2_000_00 }],
      metadata: { steward_account_id: accountId },
    }),
    '2026-10-01T00:00:00Z',
  );
  for (const id of ['in_1', 'in_2']) {
    await receiveStripe(
      'invoice.payment_failed',
      invoice({ id, customer: 'cus_1', amountDue: 2_000_00, attemptCount: 2 }),
      '2026-10-28T00:00:00Z',
    );
  }
  // Usage 66, support 18, engagement 0 (a note 100 days ago), billing 40: (1980 + 360 + 0 +
  // 600) / 85 = 35, Critical; the play for Critical accounts runs.
  await rescore(deps, workspaceId);
});

/** Every sentence the server wrote in the answers a person reads about the account. */
async function serverSentences(client: ApiClient) {
  const health = (
    await client.GET('/api/v1/health/accounts/{id}', {
      params: { path: { id: accountId }, query: {} },
    })
  ).data;
  const churn = (
    await client.GET('/api/v1/churn-risk', { params: { query: { within: 'quarter' } } })
  ).data;
  const timeline = (
    await client.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: accountId }, query: {} },
    })
  ).data;
  const dashboard = (await client.GET('/api/v1/health/dashboard', { params: { query: {} } })).data;
  const listed = churn?.items.find((i) => i.accountId === accountId);
  return {
    reasons: (health?.measures ?? []).filter((m) => m.score !== null).map((m) => m.reason),
    factors: [...(health?.churnRisk?.factors ?? []), ...(listed?.factors ?? [])].map(
      (f) => f.description,
    ),
    actions: [
      ...(health?.churnRisk?.recommendedActions ?? []),
      ...(listed?.recommendedActions ?? []),
    ].map((a) => a.action),
    timeline: (timeline?.items ?? []).filter((e) => e.titleKey !== null).map((e) => e.title),
    dashboard: (dashboard?.accounts ?? []).flatMap((a) => (a.reason ? [a.reason] : [])),
    listedBecause: listed?.reason,
  };
}

/** A sentence with what people typed taken out: the server's own words. */
function serversOwnWords(sentence: string) {
  return [typed.account, typed.ticket, typed.play, typed.plan, ...typed.people].reduce(
    (rest, words) => rest.replaceAll(words, ''),
    sentence,
  );
}

// Abbreviations a Russian CSM reads as they are.
const latinWord = /\b(?!(?:MRR|CSAT|NPS|CS|P[0-3])\b)[A-Za-z]{2,}\b/;

describe('a CSM who reads Russian', () => {
  it('reads the health, churn risk and timeline of an account without an English sentence', async () => {
    const said = await serverSentences(russian);
    expect(said.listedBecause).toBe('high_risk_now');
    expect(said.reasons.length).toBeGreaterThanOrEqual(4);
    expect(said.factors.length).toBeGreaterThanOrEqual(4);
    expect(said.actions.length).toBeGreaterThanOrEqual(4);
    expect(said.timeline.length).toBeGreaterThanOrEqual(8);
    const all = [
      ...said.reasons,
      ...said.factors,
      ...said.actions,
      ...said.timeline,
      ...said.dashboard,
    ];
    for (const sentence of all) {
      const own = serversOwnWords(sentence);
      expect(own, sentence).toMatch(/[а-яё]/i);
      expect(own, sentence).not.toMatch(latinWord);
    }
    expect(said.reasons).toContain('За 30 дней использовалось лишь 5 из 16 мест (31%)');
    expect(said.reasons).toEqual(
      expect.arrayContaining([
        'Открыто 2 срочных обращения',
        'Касаний нет уже 100 дней',
        'Не оплачены 2 неудавшихся платежа',
      ]),
    );
    expect(said.timeline).toEqual(
      expect.arrayContaining([
        'Ответственный изменён: не назначен → Anna Volkova',
        'Этап изменён: онбординг → внедрение',
        'Приоритет изменён: P2 → P1',
        'Заметка',
        'Новое обращение: Export times out (приоритет: срочный)',
        'Здоровье: Нет оценки → Критично (оценка 35)',
        `Сценарий «Rescue call» для ${typed.account} (переход в «Критично»): открыта задача`,
      ]),
    );
    expect(said.timeline).toContainEqual(
      expect.stringMatching(/^Платёж не прошёл: 2\s000\s\$, попытка 2$/),
    );
  });
});

describe('a CSM who reads English', () => {
  it('reads the same account without a Russian word written by the server', async () => {
    const said = await serverSentences(english);
    const all = [
      ...said.reasons,
      ...said.factors,
      ...said.actions,
      ...said.timeline,
      ...said.dashboard,
    ];
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const sentence of all) expect(serversOwnWords(sentence), sentence).not.toMatch(/[а-яё]/i);
    expect(said.timeline).toEqual(
      expect.arrayContaining([
        'Owner changed from nobody to Anna Volkova',
        'Stage changed from onboarding to adopting',
        'Note',
        'Payment failed: $2,000, attempt 2',
      ]),
    );
  });
});
