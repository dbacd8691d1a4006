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
  /**
   * Where a later key is computed (a view's), how many leading keys are an index's columns after
   * workspace_id, in order: a page also asks for those at or after the last page's, where the
   * index scan can start; a row comparison that holds a computed column is only a filter, so
   * without this every page would read the workspace's rows from the first.
   */
  indexedKeys?: number;
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
  // Day rows in the columns they always had, read from the month rollups (migration 0035) in
  // their key's order, then by day, so a page unnests only the month rows it returns (0036).
  usage: {
    table: 'usage_days',
    keys: ['month', 'account_id', 'feature_key', 'day'],
    indexedKeys: 3,
    omit: ['month'],
  },
  tickets: { table: 'support_tickets', keys: ['id'] },
  feedback: { table: 'feedback_items', keys: ['id'] },
  surveyResponses: { table: 'survey_responses', keys: ['id'] },
  opportunities: { table: 'opportunities', keys: ['id'] },
  meetings: { table: 'meetings', keys: ['id'] },
};

/** snake_case → camelCase, the API's spelling. */
export const camel = (name: string) =>
  name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
