// SQL for the feature catalog: which event names make up which product feature.
import type { Insertable } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { UsageFeaturesTable } from '../../../../db/schema.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';

export function catalogRows(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('usage_features')
    .select(['key', 'events'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export function featureRows(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('usage_features')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('label')
    .execute();
}

export type FeatureRow = Awaited<ReturnType<typeof featureRows>>[number];

/** Defines a feature; undefined when its key is taken already. */
export function insertFeature(db: Db, feature: Insertable<UsageFeaturesTable>) {
  return db
    .insertInto('usage_features')
    .values(feature)
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Each feature with its premium and value flags. */
export function flaggedFeatureRows(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('usage_features')
    .select(['key', 'label', 'premium', 'is_value'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}
