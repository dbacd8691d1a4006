// SQL for what an admin sets up for revenue: metric targets, plan prices, QBR cadences.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { Tier } from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

export function targetsOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('revenue_targets')
    .select(['metric', 'value', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Sets the given targets and removes those set to null (back to the default), in one go. */
export async function saveTargets(
  db: Db,
  workspaceId: WorkspaceId,
  by: UserId | null,
  at: Date,
  targets: Record<string, number | null>,
) {
  const set = Object.entries(targets).flatMap(([metric, value]) =>
    value === null ? [] : [{ metric, value }],
  );
  const cleared = Object.entries(targets)
    .filter(([, value]) => value === null)
    .map(([metric]) => metric);
  if (cleared.length > 0) {
    await db
      .deleteFrom('revenue_targets')
      .where('workspace_id', '=', workspaceId)
      .where('metric', 'in', cleared)
      .execute();
  }
  if (set.length > 0) {
    await db
      .insertInto('revenue_targets')
      .values(
        set.map((t) => ({
          workspace_id: workspaceId,
          metric: t.metric,
          value: t.value,
          updated_by: by,
          updated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'metric']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export function plansOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('revenue_plans')
    .select(['id', 'name', 'seat_price_amount', 'currency', 'premium', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('seat_price_amount')
    .orderBy('name')
    .execute();
}

export type PlanRow = Awaited<ReturnType<typeof plansOf>>[number];

/**
 * Makes the workspace's plan list the one given: a plan whose name (whatever its case) stays
 * keeps its id and is updated in place, the others are removed or added. Run in a transaction.
 */
export async function replacePlans(
  db: Db,
  workspaceId: WorkspaceId,
  at: Date,
  plans: { name: string; seatPrice: { amount: number; currency: string }; premium: boolean }[],
) {
  const kept = plans.map((p) => p.name.toLowerCase());
  await db
    .deleteFrom('revenue_plans')
    .where('workspace_id', '=', workspaceId)
    .$if(kept.length > 0, (q) => q.where(sql<string>`lower(name)`, 'not in', kept))
    .execute();
  if (plans.length === 0) return;
  await db
    .insertInto('revenue_plans')
    .values(
      plans.map((p) => ({
        workspace_id: workspaceId,
        name: p.name,
        seat_price_amount: p.seatPrice.amount,
        currency: p.seatPrice.currency,
        premium: p.premium,
        created_at: at,
        updated_at: at,
      })),
    )
    // revenue_plans_name_key: one plan per name, whatever its case.
    .onConflict((oc) =>
      oc.expression(sql`workspace_id, lower(name)`).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        seat_price_amount: eb.ref('excluded.seat_price_amount'),
        currency: eb.ref('excluded.currency'),
        premium: eb.ref('excluded.premium'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/**
 * Per plan, how many live accounts in scope are on it (by name, whatever its case) but pay
 * in another currency: expansion cannot price their seats with the plan's list price.
 */
export async function accountsOnPlanInOtherCurrency(db: Db, scope: AccountScope) {
  const rows = await db
    .selectFrom('revenue_plans as p')
    .innerJoin('accounts as a', (join) =>
      join
        .onRef('a.workspace_id', '=', 'p.workspace_id')
        .on(sql<string>`lower(a.plan)`, '=', sql<string>`lower(p.name)`)
        .onRef('a.currency', '<>', 'p.currency'),
    )
    .select(['p.id', (eb) => eb.fn.countAll<string>().as('accounts')])
    .where('p.workspace_id', '=', scope.workspaceId)
    .where('a.deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('a.owner_id', '=', scope.onlyOwner))
    .groupBy('p.id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.accounts)]));
}

export function cadencesOf(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('meeting_cadences')
    .select(['tier', 'every_months', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export async function saveCadences(
  db: Db,
  workspaceId: WorkspaceId,
  by: UserId | null,
  at: Date,
  cadences: { tier: Tier; everyMonths: number | null }[],
) {
  if (cadences.length === 0) return;
  await db
    .insertInto('meeting_cadences')
    .values(
      cadences.map((c) => ({
        workspace_id: workspaceId,
        tier: c.tier,
        every_months: c.everyMonths,
        updated_by: by,
        updated_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'tier']).doUpdateSet((eb) => ({
        every_months: eb.ref('excluded.every_months'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
