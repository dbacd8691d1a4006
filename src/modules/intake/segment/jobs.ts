// `usage__maintain_partitions`, daily (crontab below): makes this month's and next month's
// partitions ahead of the traffic, and drops the months past STEWARD_USAGE_RETENTION_MONTHS.
// `usage__move_feature_history`, queued when a feature is defined: moves the kept history its
// names claim to it (features.ts).
import { z } from 'zod';
import { cronPayload, type JobDefinition, type JobHandler } from '../../../jobs/registry.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { moveFeatureHistory } from './features.ts';
import { dropExpiredPartitions, ensurePartitions, monthStart } from './partitions.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      usage__maintain_partitions: z.infer<typeof cronPayload>;
      usage__move_feature_history: z.infer<typeof featureHistoryPayload>;
    }
  }
}

const featureHistoryPayload = z.object({
  workspaceId: z.uuid(),
  featureId: z.uuid(),
  featureKey: z.string(),
});

export const maintainUsagePartitions: JobHandler<'usage__maintain_partitions'> = async ({
  db,
  clock,
  config,
  logger,
}) => {
  const now = clock.now();
  await ensurePartitions(db, [monthStart(now), monthStart(now, 1)]);
  const dropped = await dropExpiredPartitions(db, now, config.usageRetentionMonths);
  if (dropped.length > 0) logger.info({ dropped }, 'dropped usage partitions past retention');
};

export const usageJobs: {
  usage__maintain_partitions: JobDefinition<'usage__maintain_partitions'>;
  usage__move_feature_history: JobDefinition<'usage__move_feature_history'>;
} = {
  usage__maintain_partitions: { payload: cronPayload, run: maintainUsagePartitions },
  usage__move_feature_history: {
    payload: featureHistoryPayload,
    run: async ({ db }, { workspaceId, featureId, featureKey }) => {
      await moveFeatureHistory(db, workspaceId as WorkspaceId, { id: featureId, key: featureKey });
    },
  },
};

/** Daily at 03:17 UTC; graphile-worker's crontab makes one job per slot across processes. */
export const usageCrontab = '17 3 * * * usage__maintain_partitions';
