// How often each tier should have a business review. The persona guide asks for a QBR with
// every enterprise client each quarter (seeds/003, "QBR Completion"); other tiers have none
// until an admin sets one.
import type { Db } from '../../db/connect.ts';
import type { Tier } from '../../db/schema.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { tierSchema } from '../../lib/vocabulary.ts';
import * as store from './store/settings.ts';

export const tiers: Tier[] = tierSchema.options;

export const defaultCadences: Record<Tier, number | null> = {
  enterprise: 3,
  mid_market: null,
  smb: null,
};

export type Cadence = { tier: Tier; everyMonths: number | null; source: 'default' | 'set' };

export async function loadCadences(db: Db, workspaceId: WorkspaceId): Promise<Cadence[]> {
  const rows = await store.cadencesOf(db, workspaceId);
  const set = new Map(rows.map((r) => [r.tier, r.every_months]));
  return tiers.map((tier) =>
    set.has(tier)
      ? { tier, everyMonths: set.get(tier) ?? null, source: 'set' }
      : { tier, everyMonths: defaultCadences[tier], source: 'default' },
  );
}

/** Tiers with a cadence, as the QBR queries take them. */
export function onCadence(cadences: readonly Cadence[]): { tier: Tier; months: number }[] {
  return cadences.flatMap((c) =>
    c.everyMonths === null ? [] : [{ tier: c.tier, months: c.everyMonths }],
  );
}

export async function setCadences(
  db: Db,
  by: ChangeAuthor,
  at: Date,
  cadences: { tier: Tier; everyMonths: number | null }[],
) {
  await db.transaction().execute(async (trx) => {
    await store.saveCadences(trx, by.workspaceId, by.userId, at, cadences);
    await recordAudit(trx, by, {
      action: 'meetings.cadences_set',
      entityType: 'workspace',
      entityId: by.workspaceId,
      changes: { cadences },
    });
  });
  return loadCadences(db, by.workspaceId);
}
