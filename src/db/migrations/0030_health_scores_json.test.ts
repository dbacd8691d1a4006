// Migration 0030 on a scored account: its measures and churn risk read back as they were, its
// risk level stays where the portfolio filters on it, and the next rescore writes the json
// columns and finds the risk that rose.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../lib/ids.ts';
import { writeCurrentScores } from '../../modules/health/store/scores.ts';
import { useMigratingDatabase } from '../../../test/support/db.ts';

const database = await useMigratingDatabase();
let workspaceId: WorkspaceId;
let accountId: string;

const measures = [
  {
    key: 'usage',
    score: 40,
    reason: { key: 'health.usage.fewSeatsActive', params: { active: 2, count: 10, pct: 20 } },
    inputs: { activeUsers: 2, seats: 10 },
    lastDataAt: '2026-11-01T23:59:59.000Z',
    heard: true,
    weight: 30,
    effectiveWeight: 100,
  },
];
const churnRisk = { level: 'high', score: 70, factors: [], recommendedActions: [] };

beforeAll(async () => {
  await database.migrateTo('0029_feedback_theme_tallies');
  const { rows } = await sql<{ workspace: WorkspaceId; account: string }>`
    with w as (insert into workspaces (name, slug) values ('Old', 'old') returning id),
      a as (insert into accounts (workspace_id, name) select id, 'Acme' from w returning id)
    select w.id as workspace, a.id as account from w, a`.execute(database.db);
  workspaceId = rows[0]?.workspace as WorkspaceId;
  accountId = rows[0]?.account ?? '';
  await sql`
    insert into health_scores (account_id, workspace_id, day, score, category, measures,
      churn_risk, computed_at)
    values (${accountId}, ${workspaceId}, '2026-11-01', 40, 'critical',
      ${JSON.stringify(measures)}::jsonb, ${JSON.stringify(churnRisk)}::jsonb,
      '2026-11-02T06:00:00Z')`.execute(database.db);
  await database.migrateTo('0030_health_scores_json');
});

describe('migration 0030: current scores as json', () => {
  it("keeps a scored account's measures, churn risk and risk level", async () => {
    const row = await database.db
      .selectFrom('health_scores')
      .select(['measures', 'churn_risk', 'risk_level'])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ measures, churn_risk: churnRisk, risk_level: 'high' });
    const { rows } = await sql<{ risk_level: string; category: string }>`
      select risk_level, category from account_health where account_id = ${accountId}`.execute(
      database.db,
    );
    expect(rows).toEqual([{ risk_level: 'high', category: 'critical' }]);
  });

  it('writes the next rescore into the json columns and finds the risk that rose', async () => {
    const written = await writeCurrentScores(
      database.db,
      workspaceId,
      '2026-11-02',
      new Date('2026-11-03T06:00:00Z'),
      [
        {
          accountId,
          score: 30,
          category: 'critical',
          measures: JSON.stringify(measures),
          churnRisk: JSON.stringify({ ...churnRisk, level: 'critical' }),
        },
      ],
    );
    expect(written.riskRises).toEqual([{ accountId, from: 'high', to: 'critical' }]);
    const { rows } = await sql<{ type: string; risk_level: string }>`
      select pg_typeof(churn_risk)::text as type, risk_level from health_scores
      where account_id = ${accountId}`.execute(database.db);
    expect(rows).toEqual([{ type: 'json', risk_level: 'critical' }]);
  });
});
