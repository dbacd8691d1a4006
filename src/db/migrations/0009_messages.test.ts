// Migration 0009 on rows the English-writing code left: each timeline title Steward wrote reads
// back the same in English and in Russian from its key and parameters, a person's title stays
// theirs, payments keep their outcome in the data, and health sentences show as they were
// until the next rescore.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageSchema, renderMessage } from '../../i18n/index.ts';
import { useMigratingDatabase } from '../../../test/support/db.ts';

const database = await useMigratingDatabase();

const oldTitles = [
  ['system', 'steward', 'Owner changed from nobody to Jordan Taylor', {}],
  ['system', 'steward', 'Stage changed from onboarding to adopting', {}],
  ['system', 'steward', 'Priority changed from P2 to P1', {}],
  ['system', 'health', 'Health: Healthy → At Risk (score 62)', {}],
  ['system', 'health', 'Play "At-risk outreach": Acme turned At Risk; a task was opened', {}],
  ['ticket', 'support', 'Ticket opened: SSO login fails (high)', {}],
  ['ticket', 'support', 'Ticket solved: SSO login fails', {}],
  [
    'billing',
    'stripe',
    'Payment failed: $1,200.00, attempt 2',
    { invoice: 'in_1', amount: 120000, currency: 'usd', attempt: 2 },
  ],
  [
    'billing',
    'stripe',
    'Invoice paid: $1,200.00',
    { invoice: 'in_1', amount: 120000, currency: 'usd', attempt: 3 },
  ],
  [
    'billing',
    'stripe',
    'Expansion: MRR +$300.00 to $800.00 (Pro monthly)',
    { kind: 'expansion', amount: 30000, currency: 'USD', mrr: 80000, contract: 'sub_1' },
  ],
  ['system', 'segment', 'Created from Segment group call — review', {}],
  ['system', 'steward', 'Task completed: Hold the kickoff call', {}],
  [
    'system',
    'steward',
    'Project started from the template "Enterprise onboarding" (version 3)',
    {},
  ],
  ['note', 'steward', 'Note', {}],
  ['note', 'steward', 'QBR prep', {}],
] as const;

beforeAll(async () => {
  await database.migrateTo('0008_account_changes');
  const { rows } = await sql<{ id: string; account: string }>`
    with w as (insert into workspaces (name, slug) values ('Old', 'old') returning id),
    a as (insert into accounts (workspace_id, name, external_id, custom_fields)
      select id, 'Acme', 'acme', '{}' from w returning id, workspace_id)
    select workspace_id as id, id as account from a`.execute(database.db);
  const [made] = rows;
  if (!made) throw new Error('no account');
  for (const [i, [kind, source, title, data]] of oldTitles.entries()) {
    await sql`
      insert into timeline_events (workspace_id, account_id, kind, title, body, occurred_at,
        source, source_id, data)
      values (${made.id}, ${made.account}, ${kind}, ${title},
        ${source === 'segment' ? 'No account matched this groupId or domain.' : null},
        now() - ${`${oldTitles.length - i} minutes`}::interval, ${source},
        ${source === 'steward' ? null : `old-${i}`}, ${JSON.stringify(data)})`.execute(database.db);
  }
  await sql`
    insert into health_scores (account_id, workspace_id, day, score, category, measures,
      churn_risk, computed_at)
    values (${made.account}, ${made.id}, '2026-11-01', 35, 'critical',
      ${JSON.stringify([
        { key: 'usage', score: 20, reason: 'No active users in the last 30 days' },
        { key: 'support', score: null, reason: 'No support tickets received yet' },
      ])},
      ${JSON.stringify({
        level: 'critical',
        score: 75,
        factors: [{ source: 'usage', description: 'No active users', impact: 'high' }],
        recommendedActions: [{ action: 'Run an adoption session', source: 'usage', dueInDays: 1 }],
        trend: { monthOverMonth: null, weekOverWeek: null, declining: false },
      })}, now())`.execute(database.db);
  await database.migrateTo('0009_messages');
});

const stored = () =>
  database.db
    .selectFrom('timeline_events')
    .select(['title', 'title_message', 'body', 'data'])
    .orderBy('occurred_at')
    .execute();

const read = (row: { title: string | null; title_message: unknown }, locale: 'en' | 'ru') =>
  row.title ?? renderMessage(messageSchema.parse(row.title_message), locale);

describe('migration 0009', () => {
  it('turns every title Steward wrote into a message that reads the same in English', async () => {
    const rows = await stored();
    expect(rows.map((r) => read(r, 'en'))).toEqual([
      'Owner changed from nobody to Jordan Taylor',
      'Stage changed from onboarding to adopting',
      'Priority changed from P2 to P1',
      'Health: Healthy → At Risk (score 62)',
      'Play "At-risk outreach" ran for Acme (turned At Risk): a task was opened',
      'Ticket opened: SSO login fails (high)',
      'Ticket solved: SSO login fails',
      'Payment failed: $1,200, attempt 2',
      'Invoice paid: $1,200',
      'Expansion: MRR +$300 to $800 (Pro monthly)',
      'Created from a Segment group call without an owner: no account matched its groupId or domain — review',
      'Task completed: Hold the kickoff call',
      'Project started from the template "Enterprise onboarding" (version 3)',
      'Note',
      'QBR prep',
    ]);
    // Only the person's own title is still text.
    expect(rows.filter((r) => r.title !== null).map((r) => r.title)).toEqual(['QBR prep']);
  });

  it('lets a Russian reader read them in Russian', async () => {
    const rows = await stored();
    const russian = rows.slice(0, -1).map((r) => read(r, 'ru'));
    for (const title of russian) expect(title, title).toMatch(/[а-яё]/i);
    expect(russian.slice(0, 4)).toEqual([
      'Ответственный изменён: не назначен → Jordan Taylor',
      'Этап изменён: онбординг → внедрение',
      'Приоритет изменён: P2 → P1',
      'Здоровье: Здоров → Под риском (оценка 62)',
    ]);
  });

  it('keeps whether a payment failed in the data, where health counts it', async () => {
    const rows = await stored();
    expect(rows.flatMap((r) => (r.data.payment ? [r.data.payment] : []))).toEqual([
      'failed',
      'paid',
    ]);
    // The Segment explanation moved into the title's sentence.
    expect(rows[10]?.body).toBeNull();
  });

  it('keeps health sentences as they were written until the next rescore', async () => {
    const score = await database.db
      .selectFrom('health_scores')
      .select(['measures', 'churn_risk'])
      .executeTakeFirstOrThrow();
    const measures = score.measures as { reason: unknown }[];
    const risk = score.churn_risk as {
      factors: { description: unknown }[];
      recommendedActions: { action: unknown; factor: string }[];
    };
    const en = (m: unknown) => renderMessage(messageSchema.parse(m), 'en');
    expect(measures.map((m) => en(m.reason))).toEqual([
      'No active users in the last 30 days',
      'No support tickets received yet',
    ]);
    expect(en(risk.factors[0]?.description)).toBe('No active users');
    expect(risk.recommendedActions.map((a) => [a.factor, en(a.action)])).toEqual([
      ['usage', 'Run an adoption session'],
    ]);
  });

  it('holds a title as either a person’s text or a message, never neither', async () => {
    await expect(
      sql`update timeline_events set title = null where title = 'QBR prep'`.execute(database.db),
    ).rejects.toThrow(/timeline_events_title_check/);
  });
});
