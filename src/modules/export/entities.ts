// What a workspace export holds: each entity, the table it is read from and the key it is
// paged by. Secrets (password hashes, tokens, signing secrets) and machinery (sessions,
// jobs, outboxes, caches) are not data a customer owns and are left out; deleted accounts,
// projects and tasks too (a re-import would bring them back).
export const exportEntities = [
  'people',
  'customFields',
  'accounts',
  'contacts',
  'contracts',
  'timeline',
  'projects',
  'tasks',
  'health',
  'usage',
  'tickets',
  'feedback',
  'surveyResponses',
  'opportunities',
  'meetings',
] as const;
export type ExportEntity = (typeof exportEntities)[number];

export type ExportSource = {
  table: string;
  keys: readonly string[];
  softDeleted?: boolean;
  /** Columns never exported. */
  omit?: readonly string[];
};

export const exportSources: Record<ExportEntity, ExportSource> = {
  people: { table: 'users', keys: ['id'], omit: ['password_hash'] },
  customFields: { table: 'custom_field_definitions', keys: ['id'] },
  accounts: { table: 'accounts', keys: ['id'], softDeleted: true },
  contacts: { table: 'contacts', keys: ['id'] },
  contracts: { table: 'contracts', keys: ['id'] },
  timeline: { table: 'timeline_events', keys: ['id'] },
  projects: { table: 'projects', keys: ['id'], softDeleted: true },
  tasks: { table: 'tasks', keys: ['id'], softDeleted: true },
  health: { table: 'health_scores', keys: ['account_id'] },
  // Day rows as they always were exported, read from the month rollups (migration 0035).
  usage: { table: 'usage_days', keys: ['account_id', 'day', 'feature_key'] },
  tickets: { table: 'support_tickets', keys: ['id'] },
  feedback: { table: 'feedback_items', keys: ['id'] },
  surveyResponses: { table: 'survey_responses', keys: ['id'] },
  opportunities: { table: 'opportunities', keys: ['id'] },
  meetings: { table: 'meetings', keys: ['id'] },
};

/** snake_case → camelCase, the API's spelling. */
export const camel = (name: string) =>
  name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
