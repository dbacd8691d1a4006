// The vocabulary of what happened that someone may want to hear about. It sits with accounts,
// below every module that records activity (work's tasks, health's moves and plays, notify's
// SLA steps, voice's digest), so none of them imports the modules that react to it. Later
// capabilities add kinds here.
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
