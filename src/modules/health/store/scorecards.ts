// SQL for the workspace's scorecards: the default (tier null) and one per tier at most.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { Tier } from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';

export function scorecardRows(db: Db, workspaceId: string) {
  return db
    .selectFrom('scorecards')
    .select(['tier', 'weights', 'healthy_min', 'at_risk_min', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Saves the scorecard of a tier (or the default), replacing the one saved before. */
export function upsertScorecard(
  db: Db,
  by: { workspaceId: WorkspaceId; userId: UserId | null },
  card: { tier: Tier | null; weights: string; healthyMin: number; atRiskMin: number; at: Date },
) {
  return sql`
      insert into scorecards (workspace_id, tier, weights, healthy_min, at_risk_min, updated_by, updated_at)
      values (${by.workspaceId}, ${card.tier}, ${card.weights}::jsonb,
        ${card.healthyMin}, ${card.atRiskMin}, ${by.userId}, ${card.at})
      on conflict (workspace_id, tier) do update set weights = excluded.weights,
        healthy_min = excluded.healthy_min, at_risk_min = excluded.at_risk_min,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`.execute(db);
}

/** Removes a tier's own scorecard; true when there was one. */
export async function deleteTierScorecard(
  db: Db,
  workspaceId: WorkspaceId,
  tier: Tier,
): Promise<boolean> {
  const removed = await db
    .deleteFrom('scorecards')
    .where('workspace_id', '=', workspaceId)
    .where('tier', '=', tier)
    .executeTakeFirst();
  return removed.numDeletedRows !== 0n;
}

/**
 * The live accounts a scorecard scores: a tier's own scores its tier; the default scores every
 * tier without one of its own.
 */
export async function accountIdsScoredWith(
  db: Db,
  workspaceId: WorkspaceId,
  tier: Tier | null,
): Promise<string[]> {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      tier === null
        ? eb(
            'tier',
            'not in',
            eb
              .selectFrom('scorecards')
              .select('scorecards.tier')
              .where('scorecards.workspace_id', '=', workspaceId)
              .where('scorecards.tier', 'is not', null),
          )
        : eb('tier', '=', tier),
    )
    .execute();
  return rows.map((r) => r.id);
}
