// What can happen that someone may want to hear about. Later capabilities add kinds here.
import { z } from 'zod';

export const activityKinds = [
  'task_created',
  'task_updated',
  'task_assigned',
  'task_commented',
  'mentioned',
  'account_updated',
  'health_changed',
  'play_opened',
  'sla_warning',
  'sla_breach',
  'escalation',
  /** The weekly e-mail of the themes customers raised most (voice), to the product people. */
  'product_digest',
] as const;

export const activityKindSchema = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKindSchema>;

/** People touching a task: these restart its SLA clocks. Steward's own events do not. */
export const taskTouchKinds: ReadonlySet<ActivityKind> = new Set([
  'task_created',
  'task_updated',
  'task_assigned',
  'task_commented',
  'mentioned',
]);

export const channels = ['in_app', 'email', 'slack'] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;
