// The workspace's scorecards: a default, and optionally one per tier (e.g. SMB weighs usage
// more). Saved only when valid; every change is audited, and announces the accounts it scores
// as changed, so they are rescored with it within seconds rather than at the nightly rescore.
import type { Db } from '../../db/connect.ts';
import type { Tier } from '../../db/schema.ts';
import { invalid } from '../../lib/errors.ts';
import { markAccountsChanged } from '../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import { defaultScorecard, scorecardProblems, type Scorecard } from './scorecard.ts';
import * as store from './store/scorecards.ts';

export type SavedScorecard = Scorecard & {
  tier: Tier | null;
  /** False for the built-in default, never saved in this workspace. */
  saved: boolean;
  updatedAt: string | null;
};

export type Scorecards = {
  /** The workspace's default (the built-in one until an admin saves another). */
  fallback: SavedScorecard;
  all: SavedScorecard[];
  /** The scorecard an account of this tier is scored with. */
  forTier(tier: Tier): Scorecard;
};

export async function loadScorecards(db: Db, workspaceId: string): Promise<Scorecards> {
  const rows = await store.scorecardRows(db, workspaceId);
  const saved = rows.map((r): SavedScorecard => ({
    tier: r.tier,
    weights: r.weights,
    thresholds: { healthyMin: r.healthy_min, atRiskMin: r.at_risk_min },
    saved: true,
    updatedAt: r.updated_at.toISOString(),
  }));
  const fallback = saved.find((s) => s.tier === null) ?? {
    ...defaultScorecard,
    tier: null,
    saved: false,
    updatedAt: null,
  };
  const all = [fallback, ...saved.filter((s) => s.tier !== null)];
  return {
    fallback,
    all,
    forTier: (tier) => all.find((s) => s.tier === tier) ?? fallback,
  };
}

export async function saveScorecard(
  db: Db,
  by: ChangeAuthor,
  tier: Tier | null,
  card: Scorecard,
  at: Date,
): Promise<void> {
  const problems = scorecardProblems(card);
  if (problems.length > 0) throw invalid(problems, { key: 'health.problem.scorecard' });
  await db.transaction().execute(async (trx) => {
    await store.upsertScorecard(trx, by, {
      tier,
      weights: JSON.stringify(card.weights),
      healthyMin: card.thresholds.healthyMin,
      atRiskMin: card.thresholds.atRiskMin,
      at,
    });
    await recordAudit(trx, by, {
      action: 'scorecard.saved',
      entityType: 'scorecard',
      entityId: tier ?? 'default',
      changes: { weights: card.weights, thresholds: card.thresholds },
    });
    await markAccountsChanged(
      trx,
      by.workspaceId,
      await store.accountIdsScoredWith(trx, by.workspaceId, tier),
    );
  });
}

/** A tier's own scorecard removed: its accounts go back to the default, rescored with it. */
export async function removeTierScorecard(db: Db, by: ChangeAuthor, tier: Tier): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await store.deleteTierScorecard(trx, by.workspaceId, tier))) return false;
    await recordAudit(trx, by, {
      action: 'scorecard.removed',
      entityType: 'scorecard',
      entityId: tier,
      changes: {},
    });
    await markAccountsChanged(
      trx,
      by.workspaceId,
      await store.accountIdsScoredWith(trx, by.workspaceId, tier),
    );
    return true;
  });
}
