// The Segment intake's public face: the tracking API, its settings, and the usage jobs.
export { trackingRoutes } from './routes/tracking.ts';
export { intakeSettingsRoutes } from './routes/settings.ts';
export { ingestMessages, type IngestOutcome } from './ingest.ts';
export { isLoginEvent } from './store/rollups.ts';
export { parseRequest, type SegmentMessage } from './payload.ts';
export { defineFeature, flaggedFeatures, featureFor } from './features.ts';
export { createWriteKey } from './writeKeys.ts';
export { usageCrontab, usageJobs, maintainUsagePartitions } from './jobs.ts';
export { ensurePartitions, dropExpiredPartitions, usagePartitions } from './partitions.ts';
export {
  backfillFeatureOf,
  upsertUsageRollups,
  type BackfillOutcome,
  type UsageDay,
} from './backfill.ts';
