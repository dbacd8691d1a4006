// What each role may do. The first ten are the CSM persona guide's (seeds/003); the rest
// cover accounts, work and administration.
import type { Role } from '../../lib/vocabulary.ts';
import { renderMessage, type Locale } from '../../i18n/index.ts';

export const permissions = [
  'view_client_health',
  'view_product_adoption',
  'view_renewal_pipeline',
  'view_nps_scores',
  'manage_client_meetings',
  'view_upsell_opportunities',
  'view_product_roadmap',
  'view_client_feedback',
  'schedule_business_reviews',
  'view_expansion_metrics',
  'view_accounts',
  /** See every account of the workspace, not only one's own ("my clients"). */
  'view_all_accounts',
  'manage_accounts',
  'add_timeline_notes',
  'view_work',
  'manage_work',
  'manage_templates',
  'import_data',
  'manage_custom_fields',
  'manage_users',
  'manage_api_tokens',
  'manage_integrations',
  /** Health scorecards and plays: an admin's configuration. */
  'manage_scorecards',
  /** SLA policies and their escalation chains: how a team answers for its customers. */
  'manage_sla_policies',
  /** Revenue targets, plan prices and QBR cadences: what the CS metrics are held to. */
  'manage_revenue_targets',
  'view_audit_log',
  /** Log and correct feedback: themes renamed, merged, split, items moved; surveys sent. */
  'manage_feedback',
  /** Roadmap items: add, link to themes, ship (which tells the requesting accounts' CSMs). */
  'manage_product_roadmap',
  /** The weekly e-mail of the themes customers raised most: for the people who run the product. */
  'receive_product_digest',
  /** Outbound webhooks: subscribe URLs to events, read and replay deliveries (admins only). */
  'manage_webhooks',
  /** Download the whole workspace's data as JSON or CSV (admins only): every account in it. */
  'export_data',
] as const;

export type Permission = (typeof permissions)[number];

const personaGuide: Permission[] = [
  'view_client_health',
  'view_product_adoption',
  'view_renewal_pipeline',
  'view_nps_scores',
  'manage_client_meetings',
  'view_upsell_opportunities',
  'view_product_roadmap',
  'view_client_feedback',
  'schedule_business_reviews',
  'view_expansion_metrics',
];

const csm: Permission[] = [
  ...personaGuide,
  'view_accounts',
  'manage_accounts',
  'add_timeline_notes',
  'view_work',
  'manage_work',
  'manage_templates',
  'manage_api_tokens',
  'manage_feedback',
];

const manager: Permission[] = [
  ...csm,
  'view_all_accounts',
  'import_data',
  'manage_sla_policies',
  'view_audit_log',
  'manage_product_roadmap',
  'receive_product_digest',
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  manager,
  csm,
  // Product, sales and engineering colleagues: read what is shared, change nothing.
  viewer: [
    ...personaGuide.filter((p) => p.startsWith('view_')),
    'view_accounts',
    'view_all_accounts',
    'view_work',
    // The product people among them hear each week what customers asked for.
    'receive_product_digest',
  ],
};

/** Each permission's name as a person reads it, in their language. */
export function permissionLabels(locale: Locale): Record<Permission, string> {
  return Object.fromEntries(
    permissions.map((p) => [p, renderMessage({ key: `auth.permissions.${p}` }, locale)]),
  ) as Record<Permission, string>;
}
