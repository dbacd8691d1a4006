// What Ask Steward can answer (API.md, "Assistant intents"): each intent, the widget that shows
// it and the permission it needs (the persona guide's ten, seeds/003, and work's own).
import type { Permission } from '../auth/index.ts';

export const intents = [
  'client_health',
  'declining_adoption',
  'churn_risk',
  'engagement_trends',
  'product_adoption',
  'renewal_pipeline',
  'expansion_opportunities',
  'premium_upgrades',
  'revenue_metrics',
  'nps_feedback',
  'account_feedback',
  'qbr_due',
  'top_feature_requests',
  'schedule_qbr',
  'upcoming_meetings',
  'product_roadmap',
  'account_lookup',
  'my_tasks',
  'escalations',
  'onboarding_progress',
  'unknown',
] as const;

export type Intent = (typeof intents)[number];
export type KnownIntent = Exclude<Intent, 'unknown'>;
export const knownIntents = intents.filter((i): i is KnownIntent => i !== 'unknown');

/** The permission a person needs to be shown each intent's data. */
export const intentPermission: Record<KnownIntent, Permission> = {
  client_health: 'view_client_health',
  declining_adoption: 'view_product_adoption',
  churn_risk: 'view_client_health',
  engagement_trends: 'view_client_health',
  product_adoption: 'view_product_adoption',
  renewal_pipeline: 'view_renewal_pipeline',
  expansion_opportunities: 'view_upsell_opportunities',
  premium_upgrades: 'view_upsell_opportunities',
  revenue_metrics: 'view_expansion_metrics',
  nps_feedback: 'view_nps_scores',
  account_feedback: 'view_client_feedback',
  qbr_due: 'schedule_business_reviews',
  top_feature_requests: 'view_client_feedback',
  schedule_qbr: 'manage_client_meetings',
  // The meetings calendar's own permission (GET /meetings).
  upcoming_meetings: 'view_accounts',
  product_roadmap: 'view_product_roadmap',
  account_lookup: 'view_accounts',
  my_tasks: 'view_work',
  escalations: 'view_work',
  // The Onboarding page's own permission (GET /onboarding).
  onboarding_progress: 'view_work',
};

/** The seven quick actions of the persona guide, in its order, each a question and its intent. */
export const quickActions = [
  'client_health',
  'product_adoption',
  'renewal_pipeline',
  'nps_feedback',
  'expansion_opportunities',
  'product_roadmap',
  'schedule_qbr',
] as const satisfies readonly KnownIntent[];
