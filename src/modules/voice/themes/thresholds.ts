// A theme that a new item brings to 5, 10, 25, 50 or 100 asking accounts is recorded, once per
// crossing, for integrations (webhooks' `feedback_theme.threshold_crossed`): product tools
// want to hear when demand reaches a size, not every item. Only a new item's placement counts;
// a nightly recomputation regroups themes without announcing them.
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { recordActivity } from '../../accounts/index.ts';
import { themeAccountsAround } from '../store/themes.ts';

export const themeThresholds = [5, 10, 25, 50, 100] as const;

/** The threshold a count reached by going from `before` to `after`, if any. */
export function crossedThreshold(before: number, after: number): number | null {
  return themeThresholds.find((t) => before < t && after >= t) ?? null;
}

export async function announceThemeThreshold(
  db: Db,
  placed: { workspaceId: WorkspaceId; themeId: string; itemId: string; at: Date },
): Promise<void> {
  const around = await themeAccountsAround(db, placed.workspaceId, placed.themeId, placed.itemId);
  // The item's account was already asking: the count did not move.
  if (around.others_of_account > 0) return;
  const threshold = crossedThreshold(around.accounts - 1, around.accounts);
  if (threshold === null) return;
  await recordActivity(db, {
    workspaceId: placed.workspaceId,
    kind: 'feedback_theme_threshold',
    actorId: null,
    data: { themeId: placed.themeId, threshold, accountCount: around.accounts },
    at: placed.at,
  });
}
