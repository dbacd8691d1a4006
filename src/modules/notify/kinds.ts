// What notify makes of the activity vocabulary (accounts' `activityKinds`, re-exported here for
// notify's own files): which kinds touch a task, and the channels people hear them on.
import { z } from 'zod';
import type { ActivityKind } from '../accounts/index.ts';

export { activityKinds, activityKindSchema, type ActivityKind } from '../accounts/index.ts';

/** People touching a task: these restart its SLA clocks. Steward's own events do not. */
export const taskTouchKinds: ReadonlySet<ActivityKind> = new Set([
  'task_created',
  'task_updated',
  'task_assigned',
  'task_commented',
  'mentioned',
]);

/** Kinds recorded for integrations (webhooks) alone: no person is told of them here. */
export const unroutedKinds: ReadonlySet<ActivityKind> = new Set([
  'churn_risk_raised',
  'renewal_forecast_changed',
  'nps_detractor',
  'feedback_theme_threshold',
  'roadmap_item_shipped',
]);

export const channels = ['in_app', 'email', 'slack'] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;
