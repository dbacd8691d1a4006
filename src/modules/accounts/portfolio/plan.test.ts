import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDeps } from '../../../../test/support/deps.ts';
import { makeUser, makeWorkspace } from '../../../../test/support/factories.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import { portfolioStatement, type PortfolioFilter } from './store.ts';

const { deps } = await useTestDeps();
const { db } = deps;
let workspaceId: WorkspaceId;
let csmId: UserId;

// A team of ten CSMs, 300 accounts each, a third of them enterprise.
beforeAll(async () => {
  const workspace = await makeWorkspace(db);
  workspaceId = workspace.id as WorkspaceId;
  const csms = [];
  for (let i = 0; i < 10; i++) csms.push(await makeUser(db, workspace.id, { role: 'csm' }));
  csmId = csms[0]?.id as UserId;
  await sql`insert into accounts (workspace_id, name, tier, arr_amount, owner_id)
    select ${workspaceId}::uuid, 'Account ' || g, (array['enterprise', 'mid_market', 'smb'])[1 + g % 3],
      (g * 7919 % 1200000) * 100, (${sql.val(csms.map((u) => u.id))}::uuid[])[1 + g % 10]
    from generate_series(1, 3000) g`.execute(db);
  await sql`analyze accounts`.execute(db);
});

type Node = {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: Node[];
};

/** How many accounts rows each scan of `accounts` read, shown or skipped, in the plan. */
function accountsRead(node: Node): number {
  const own =
    node['Relation Name'] === 'accounts'
      ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops']
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + accountsRead(child), 0);
}

/** The plan PostgreSQL keeps for the named statement after its first runs (a generic one). */
async function keptPlan(filter: PortfolioFilter, sortBy: 'arr' | 'name'): Promise<Node> {
  const statement = portfolioStatement(db, { workspaceId, onlyOwner: csmId }, filter, {
    sortBy: { column: sortBy },
    descending: sortBy === 'arr',
    after: undefined,
    limit: 50,
  });
  return db.connection().execute(async (connection) => {
    await sql`set plan_cache_mode = force_generic_plan`.execute(connection);
    try {
      const { rows } = await connection.executeQuery<{ 'QUERY PLAN': [{ Plan: Node }] }>({
        ...statement,
        sql: `explain (analyze, format json) ${statement.sql}`,
      });
      const plan = rows[0]?.['QUERY PLAN'][0].Plan;
      if (!plan) throw new Error('no plan');
      return plan;
    } finally {
      await sql`reset plan_cache_mode`.execute(connection);
    }
  });
}

describe("a CSM's portfolio in a team's workspace", () => {
  it('reads only the page of their biggest enterprise accounts, not the whole team of that tier', async () => {
    const plan = await keptPlan({ tier: ['enterprise'], custom: [] }, 'arr');
    expect(accountsRead(plan)).toBeLessThanOrEqual(51);
  });

  it('reads only the page of their accounts by name', async () => {
    const plan = await keptPlan({ custom: [] }, 'name');
    expect(accountsRead(plan)).toBeLessThanOrEqual(51);
  });
});
