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
  // Told to integrations (outbound webhooks) only: people hear of each otherwise already — a
  // health move, the detractor's follow-up task, the close-the-loop task — or it has no owner.
  'churn_risk_raised',
  'renewal_forecast_changed',
  'nps_detractor',
  'feedback_theme_threshold',
  'roadmap_item_shipped',
  /** A webhook subscription switched off after failing again and again, to the admins. */
  'webhook_disabled',
] as const;

export const activityKindSchema = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKindSchema>;
