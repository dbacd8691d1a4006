// The tables as Kysely sees them. Kept in step with migrations/ by schema.test.ts.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ChurnRiskLevel,
  HealthCategory,
  Priority,
  Role,
  Stage,
  Tier,
} from '../lib/vocabulary.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** A `date` column: read and written as `YYYY-MM-DD`. */
type DateOnly = string;

// The shared words are zod enums (lib/vocabulary.ts); their types are inferred there.
export type { ChurnRiskLevel, HealthCategory, Priority, Role, Stage, Tier };
export type ContactRole = 'champion' | 'executive_sponsor' | 'admin' | 'user';
export type CustomFieldType =
  'text' | 'number' | 'currency' | 'date' | 'select' | 'multi_select' | 'boolean';
export type TimelineKind =
  'note' | 'call' | 'email' | 'meeting' | 'ticket' | 'billing' | 'system' | 'survey';
export type CustomFieldValues = Record<string, unknown>;

export type WorkspacesTable = {
  id: Generated<string>;
  name: string;
  slug: string;
  timezone: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
};

export type UsersTable = {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  manager_id: string | null;
  password_hash: string | null;
  timezone: Generated<string>;
  locale: Generated<'en' | 'ru'>;
  theme: Generated<'system' | 'light' | 'dark'>;
  deactivated_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type SessionsTable = {
  token_hash: string;
  user_id: string;
  workspace_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
};

export type ApiTokensTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  scopes: string[];
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

/** One e-mail's or one client address's recent failed sign-ins (auth/throttle.ts). */
export type SignInThrottlesTable = {
  key: string;
  failures: number;
  last_failed_at: Timestamp;
  blocked_until: Timestamp | null;
};

export type PasswordResetsTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type AuditLogTable = {
  id: Generated<number>;
  workspace_id: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: Json<Record<string, unknown>>;
  request_id: string | null;
  at: Timestamp;
};

export type CustomFieldDefinitionsTable = {
  id: Generated<string>;
  workspace_id: string;
  entity: 'account' | 'task';
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[] | null;
  required: Generated<boolean>;
  created_at: CreatedAt;
};

export type AccountsTable = {
  id: Generated<string>;
  workspace_id: string;
  external_id: string | null;
  name: string;
  domain: string | null;
  tier: Generated<Tier>;
  plan: string | null;
  arr_amount: Generated<number>;
  currency: Generated<string>;
  seats: number | null;
  stage: Generated<Stage>;
  renewal_date: DateOnly | null;
  owner_id: string | null;
  priority: Generated<Priority>;
  custom_fields: ColumnType<CustomFieldValues, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
  /** Who removed it; null while it is live, or when they are gone. */
  deleted_by: string | null;
};

/** Accounts whose data changed since health last scored them (accounts/changes.ts). */
export type AccountChangesTable = {
  workspace_id: string;
  account_id: string;
};

export type ContactsTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  external_id: string | null;
  name: string;
  email: string | null;
  title: string | null;
  phone: string | null;
  role: Generated<ContactRole>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type SegmentsTable = {
  id: Generated<string>;
  workspace_id: string;
  owner_id: string;
  name: string;
  filters: Json<Record<string, string>>;
  shared: Generated<boolean>;
  created_at: CreatedAt;
};

export type TimelineEventsTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  kind: TimelineKind;
  /** What a person or a customer wrote; null when the server wrote the title (title_message). */
  title: string | null;
  /** The server's sentence as {key, params}, rendered in the reader's language (src/i18n). */
  title_message: ColumnType<
    { key: string; params?: Record<string, unknown> } | null,
    string | null | undefined,
    string | null
  >;
  body: string | null;
  actor_id: string | null;
  occurred_at: Timestamp;
  source: Generated<string>;
  source_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
};

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export type ImportsTable = {
  id: Generated<string>;
  workspace_id: string;
  created_by: string | null;
  entity: 'accounts' | 'contacts' | 'usage';
  file_name: string;
  file: Buffer;
  mapping: Json<Record<string, string>>;
  dry_run: boolean;
  skip_invalid: Generated<boolean>;
  status: Generated<ImportStatus>;
  total_bytes: number;
  processed_bytes: Generated<number>;
  processed_rows: Generated<number>;
  created_rows: Generated<number>;
  updated_rows: Generated<number>;
  unchanged_rows: Generated<number>;
  rejected_rows: Generated<number>;
  /** Each rejected row's line and problems: the field and why, as a message (0024). */
  rejections: ColumnType<
    { line: number; problems: (StoredMessage & { field?: string })[] }[],
    string | undefined,
    string
  >;
  /** Why the import failed: its detail and each field's problem, as messages (0024). */
  failure: ColumnType<
    { detail: StoredMessage; errors?: { path: string; problem: StoredMessage }[] } | null,
    string | null,
    string | null
  >;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
};

export type WorkKind =
  'onboarding' | 'escalation' | 'health_check' | 'qbr_prep' | 'renewal' | 'other';
export type ProjectStatus = 'active' | 'on_hold' | 'completed' | 'cancelled';
export type TaskStatus = 'todo' | 'in_progress' | 'blocked' | 'waiting_on_customer' | 'done';
export type ChecklistItem = { id: string; text: string; done: boolean };

export type WorkspaceHolidaysTable = {
  workspace_id: string;
  day: DateOnly;
  name: string;
};

/** The holiday list's version, raised by every save; no row is version 0. */
export type WorkspaceHolidayVersionsTable = {
  workspace_id: string;
  version: number;
};

export type TemplatesTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  description: string | null;
  kind: WorkKind;
  current_version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  archived_at: Timestamp | null;
};

export type TemplateVersionsTable = {
  template_id: string;
  version: number;
  workspace_id: string;
  definition: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
};

export type ProjectsTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  name: string;
  kind: WorkKind;
  status: Generated<ProjectStatus>;
  template_id: string | null;
  template_version: number | null;
  start_date: DateOnly;
  target_date: DateOnly | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
  deleted_at: Timestamp | null;
};

export type ProjectStagesTable = {
  id: Generated<string>;
  workspace_id: string;
  project_id: string;
  key: string;
  name: string;
  description: string | null;
  position: number;
  expected_days: number | null;
  success_criteria: Generated<string[]>;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
};

export type TasksTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  project_id: string | null;
  stage_id: string | null;
  parent_id: string | null;
  template_task_key: string | null;
  title: string;
  description: string | null;
  status: Generated<TaskStatus>;
  priority: Generated<Priority>;
  tags: Generated<string[]>;
  assignee_id: string | null;
  due_at: Timestamp | null;
  checklist: ColumnType<ChecklistItem[], string | undefined, string>;
  custom_fields: ColumnType<CustomFieldValues, string | undefined, string>;
  is_first_value: Generated<boolean>;
  position: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  last_activity_at: Timestamp;
  last_activity_by: string | null;
  deleted_at: Timestamp | null;
  start_at: Timestamp | null;
  late_start: Generated<boolean>;
};

export type TaskDependenciesTable = {
  workspace_id: string;
  task_id: string;
  depends_on_id: string;
};

export type TaskCommentsTable = {
  id: Generated<string>;
  workspace_id: string;
  task_id: string;
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
};

export type MentionsTable = {
  id: Generated<string>;
  workspace_id: string;
  comment_id: string;
  task_id: string;
  user_id: string;
  created_at: CreatedAt;
  acknowledged_at: Timestamp | null;
};

export type IntakeWriteKeysTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
};

export type UsageFeaturesTable = {
  id: Generated<string>;
  workspace_id: string;
  key: string;
  label: string;
  events: string[];
  premium: Generated<boolean>;
  is_value: Generated<boolean>;
  created_at: CreatedAt;
};

export type UsageUsersTable = {
  workspace_id: string;
  user_id: string;
  account_id: string | null;
  traits: ColumnType<Record<string, unknown>, string | undefined, string>;
  updated_at: Timestamp;
};

export type UsageEventsTable = {
  workspace_id: string;
  message_id: string;
  occurred_at: Timestamp;
  received_at: Timestamp;
  type: 'track' | 'page';
  event: string;
  feature_key: string;
  user_id: string | null;
  anonymous_id: string | null;
  account_id: string | null;
  properties: ColumnType<Record<string, unknown>, string | undefined, string>;
};

/** An account's use of a feature in a month: days[i] (of the month) had events[i] events. */
export type UsageMonthsTable = {
  workspace_id: string;
  /** The month's first day. */
  month: DateOnly;
  account_id: string;
  feature_key: string;
  /** Days of the month (1–31) with events, each once, in no set order. */
  days: number[];
  events: number[];
  logins: number[];
};

/** Who used a feature of an account in a month. */
export type UsageMonthUsersTable = {
  workspace_id: string;
  month: DateOnly;
  account_id: string;
  feature_key: string;
  user_id: string;
  /** Bit n - 1 set: active on day n of the month. */
  active_days: number;
};

/**
 * The month rows as day rows (migration 0035): reads of one account or a few, and reads that
 * page by the month rows' key (`month`, migration 0036).
 */
export type UsageDaysView = {
  workspace_id: string;
  account_id: string;
  day: DateOnly;
  feature_key: string;
  events: number;
  logins: number;
  month: DateOnly;
};

/** Who was active on a day, from usage_month_users (migration 0035). */
export type UsageDayUsersView = {
  workspace_id: string;
  account_id: string;
  day: DateOnly;
  feature_key: string;
  user_id: string;
};

// Billing and support intake (migration 0004).
export type StripeWebhookSecretsTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  secret: string;
  secret_prefix: string;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
};

export type BillingCustomersTable = {
  workspace_id: string;
  stripe_customer_id: string;
  account_id: string;
  created_at: CreatedAt;
};

export type StripeEventOutcome = 'applied' | 'stale' | 'ignored' | 'review';

export type StripeEventsTable = {
  workspace_id: string;
  event_id: string;
  type: string;
  created_at: Timestamp;
  received_at: Timestamp;
  outcome: StripeEventOutcome;
};

export type ContractsTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  source: 'stripe' | 'csv';
  external_id: string;
  plan: string | null;
  seats: number | null;
  mrr_amount: number;
  currency: string;
  status: string;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  current_period_end: Timestamp | null;
  state_at: Timestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type MrrMovementKind = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

export type MrrMovementsTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  contract_id: string;
  kind: MrrMovementKind;
  amount: number;
  currency: string;
  occurred_at: Timestamp;
  source_event_id: string;
};

export type InvoicesTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  external_id: string;
  subscription_id: string | null;
  amount_due: number;
  amount_paid: number;
  currency: string;
  status: string;
  attempt_count: Generated<number>;
  due_at: Timestamp | null;
  paid_at: Timestamp | null;
  state_at: Timestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type SupportWebhookSecretsTable = StripeWebhookSecretsTable;

export type TicketStatus = 'open' | 'pending' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

export type SupportTicketsTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  source: 'zendesk' | 'generic';
  external_id: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  requester_email: string | null;
  csat: number | null;
  opened_at: Timestamp;
  solved_at: Timestamp | null;
  first_response_at: Timestamp | null;
  updated_at: Timestamp;
  received_at: Timestamp;
};

export type IntakeReviewTable = {
  id: Generated<string>;
  workspace_id: string;
  source: 'stripe' | 'support';
  source_id: string;
  /** Why it was kept: a message rendered for the reader (0026). */
  reason: Json<StoredMessage>;
  payload: ColumnType<unknown, string, string>;
  received_at: Timestamp;
  resolved_at: Timestamp | null;
};

export type NotificationUrgency = 'now' | 'digest';
export type DeliveryChannel = 'email' | 'slack';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';
export type EscalationKind = 'warning' | 'breach' | 'escalation';

export type ActivityEventsTable = {
  id: Generated<string>;
  workspace_id: string;
  kind: string;
  actor_id: string | null;
  account_id: string | null;
  project_id: string | null;
  task_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  occurred_at: Timestamp;
};

export type NotificationPreferencesTable = {
  user_id: string;
  workspace_id: string;
  rules: ColumnType<Record<string, string>, string | undefined, string>;
  digest_hour: Generated<number>;
  quiet_start: string | null;
  quiet_end: string | null;
  quiet_allow: Generated<string[]>;
  channels: ColumnType<Record<string, string[]>, string | undefined, string>;
  slack_webhook_url: string | null;
  /** Slack's member id of the person (U012AB3CD), unique in the workspace (0025), proven (0027). */
  slack_member_id: string | null;
  /** The Slack team the member was linked from, and when (0027): set with the member id. */
  slack_team_id: string | null;
  slack_linked_at: Timestamp | null;
  muted_projects: Generated<string[]>;
  muted_accounts: Generated<string[]>;
  updated_at: Generated<Date>;
};

/** The Slack team a workspace answers, recorded by its first proven link (0027). */
export type SlackTeamsTable = {
  workspace_id: string;
  team_id: string;
  connected_at: Timestamp;
  connected_by: string | null;
};

/** A person's one-time code for `/steward link <code>`, kept as its SHA-256 (0027). */
export type SlackLinkCodesTable = {
  workspace_id: string;
  user_id: string;
  code_hash: string;
  expires_at: Timestamp;
  created_at: Timestamp;
};

export type DigestsTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  local_date: DateOnly;
  created_at: Timestamp;
  item_count: number;
};

/** A server sentence as stored: rendered in the reader's language when read (src/i18n). */
export type StoredMessage = { key: string; params?: Record<string, unknown> };
/** A task a grouped notification lists. */
export type NotificationItem = { taskId: string; title: string; eventId: string };

export type NotificationsTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  event_id: string;
  kind: string;
  urgency: NotificationUrgency;
  message: Json<StoredMessage>;
  detail: ColumnType<StoredMessage | null, string | null, string | null>;
  group_key: string | null;
  items: ColumnType<NotificationItem[], string | undefined, string>;
  account_id: string | null;
  task_id: string | null;
  created_at: Timestamp;
  deliver_at: Timestamp | null;
  delivered_at: Timestamp | null;
  digest_id: string | null;
  read_at: Timestamp | null;
};

export type DeliveriesTable = {
  id: Generated<string>;
  workspace_id: string;
  /** Null for someone who is no Steward user (a customer's contact): see `email`. */
  user_id: string | null;
  channel: DeliveryChannel;
  notification_id: string | null;
  digest_id: string | null;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** The recipient's address, language and zone when not read from their user row. */
  email: string | null;
  recipient_name: string | null;
  locale: 'en' | 'ru' | null;
  time_zone: string | null;
  /** A letter a module composed: its subject and paragraphs, rendered at send time. */
  subject: ColumnType<StoredMessage | null, string | null, string | null>;
  body: ColumnType<StoredMessage[] | null, string | null, string | null>;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment: string | null;
  about: string | null;
  about_version: number | null;
  dedupe_key: string | null;
};

export type SlaPoliciesTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  match: ColumnType<Record<string, unknown>, string, string>;
  metric: 'untouchedFor' | 'firstResponse';
  threshold_seconds: number;
  threshold: string;
  warn_at: number;
  chain: ColumnType<Record<string, unknown>[], string, string>;
  business_hours: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type EscalationsTable = {
  id: Generated<string>;
  workspace_id: string;
  task_id: string;
  policy_id: string | null;
  mention_id: string | null;
  epoch: Timestamp;
  step: number;
  kind: EscalationKind;
  notified_user_ids: string[];
  raised_at: Timestamp;
  resolved_at: Timestamp | null;
};

// Health (migration 0006).
export type MeasureKey = 'usage' | 'support' | 'engagement' | 'billing' | 'outcomes';
export type PlayTrigger =
  'entered_at_risk' | 'entered_critical' | 'renewal_approaching' | 'nps_detractor';

export type ScorecardsTable = {
  id: Generated<string>;
  workspace_id: string;
  tier: Tier | null;
  weights: ColumnType<Record<MeasureKey, number>, string, string>;
  healthy_min: number;
  at_risk_min: number;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type HealthScoresTable = {
  account_id: string;
  workspace_id: string;
  day: DateOnly;
  score: number | null;
  category: HealthCategory | null;
  measures: ColumnType<unknown, string, string>;
  churn_risk: ColumnType<unknown, string, string>;
  computed_at: Timestamp;
  /** `churn_risk->>'level'`, generated. */
  risk_level: ColumnType<ChurnRiskLevel | null, never, never>;
};

/** A view health owns (migration 0014): what other modules read of an account's health. */
export type AccountHealthView = {
  account_id: string;
  workspace_id: string;
  score: number | null;
  category: HealthCategory | null;
  risk_level: ChurnRiskLevel | null;
};

export type HealthHistoryTable = {
  workspace_id: string;
  account_id: string;
  day: DateOnly;
  score: number | null;
  category: HealthCategory | null;
  usage: number | null;
  support: number | null;
  engagement: number | null;
  billing: number | null;
  outcomes: number | null;
};

export type HealthMovesTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  from_category: HealthCategory | null;
  to_category: HealthCategory;
  score: number | null;
  moved_at: Timestamp;
};

export type PlaysTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  trigger: PlayTrigger;
  days_before_renewal: number | null;
  template_id: string | null;
  task_title: string | null;
  assignee_role: Generated<string>;
  due_in_hours: Generated<number>;
  enabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type PlayRunsTable = {
  id: Generated<string>;
  workspace_id: string;
  play_id: string;
  account_id: string;
  occasion: string;
  task_id: string | null;
  project_id: string | null;
  ran_at: Timestamp;
};

// Revenue and meetings (migration 0012).
export type ForecastCategory = 'commit' | 'likely' | 'at_risk' | 'lost';
export type OpportunityKind = 'seats' | 'upgrade' | 'cross_sell' | 'other';
export type OpportunityStage = 'identified' | 'qualified' | 'proposal' | 'won' | 'lost';
export type MeetingKind = 'qbr' | 'check_in' | 'kickoff' | 'renewal' | 'other';
export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

export type RevenueTargetsTable = {
  workspace_id: string;
  metric: string;
  value: number;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type RevenuePlansTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  seat_price_amount: number;
  currency: string;
  premium: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type MeetingCadencesTable = {
  workspace_id: string;
  tier: Tier;
  every_months: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type RenewalsTable = {
  workspace_id: string;
  account_id: string;
  renewal_date: DateOnly;
  arr_amount: number;
  currency: string;
  seen_at: Timestamp;
};

export type ForecastOverridesTable = {
  id: Generated<number>;
  workspace_id: string;
  account_id: string;
  renewal_date: DateOnly;
  category: ForecastCategory;
  probability: number;
  note: string;
  created_by: string | null;
  created_at: Timestamp;
};

export type OpportunitiesTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  kind: OpportunityKind;
  title: string;
  signals: Generated<string[]>;
  amount: number;
  currency: string;
  stage: OpportunityStage;
  expected_close: DateOnly | null;
  owner_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
};

export type MeetingsTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  location: string | null;
  agenda: string | null;
  notes: string | null;
  status: Generated<MeetingStatus>;
  sequence: Generated<number>;
  organizer_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  held_at: Timestamp | null;
  cancelled_at: Timestamp | null;
};

export type MeetingAttendeesTable = {
  id: Generated<string>;
  workspace_id: string;
  meeting_id: string;
  user_id: string | null;
  contact_id: string | null;
};

export type MeetingActionItemsTable = {
  workspace_id: string;
  meeting_id: string;
  task_id: string;
};

export type QbrShareLinksTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  token_hash: string;
  locale: 'en' | 'ru';
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
};

// Voice of the customer (migration 0011).
export type FeedbackType = 'feature_request' | 'bug' | 'complaint' | 'praise' | 'question';
export type FeedbackPriority = 'low' | 'medium' | 'high' | 'critical';
export type FeedbackStatus = 'new' | 'triaged' | 'planned' | 'shipped' | 'declined';
export type FeedbackSource =
  'web' | 'api' | 'timeline' | 'email' | 'support' | 'slack' | 'csv' | 'survey';
export type FeedbackReview = 'proposed' | 'accepted' | 'dismissed';
export type RoadmapStatus = 'considering' | 'planned' | 'in_progress' | 'shipped' | 'declined';
export type SurveyKind = 'nps' | 'csat';
/** A theme label's part: a lexicon concept, or a word as customers wrote it. */
export type LabelTerm = { concept: string } | { word: string };

export type FeedbackThemesTable = {
  id: Generated<string>;
  workspace_id: string;
  label_terms: ColumnType<LabelTerm[], string | undefined, string>;
  custom_label: string | null;
  centroid: ColumnType<Record<string, number>, string | undefined, string>;
  item_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type FeedbackItemsTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  contact_id: string | null;
  type: FeedbackType;
  priority: Generated<FeedbackPriority>;
  status: Generated<FeedbackStatus>;
  source: FeedbackSource;
  source_ref: string | null;
  text: string;
  arr_amount: number | null;
  currency: string | null;
  logged_by: string | null;
  review: Generated<FeedbackReview>;
  ticket_id: string | null;
  theme_id: string | null;
  theme_placed: Generated<boolean>;
  features: ColumnType<Record<string, number>, string, string>;
  surfaces: ColumnType<Record<string, string>, string | undefined, string>;
  given_at: Timestamp;
  shipped_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type FeedbackSeparationsTable = {
  workspace_id: string;
  item_id: string;
  other_item_id: string;
  created_at: Timestamp;
};

export type FeedbackTermLinksTable = {
  workspace_id: string;
  term: string;
  concept: string;
  created_at: Timestamp;
};

export type FeedbackVocabularyTable = {
  workspace_id: string;
  term: string;
  documents: number;
};

/** Items per theme, UTC day, kind and review, kept by feedback_items' triggers (0029). */
export type FeedbackThemeDaysTable = {
  workspace_id: string;
  day: DateOnly;
  theme_id: string;
  type: FeedbackType;
  review: FeedbackReview;
  items: number;
};

/** Items per theme, UTC month (its first day), kind and review, kept by feedback_items' triggers (0029). */
export type FeedbackThemeMonthsTable = {
  workspace_id: string;
  month: DateOnly;
  theme_id: string;
  type: FeedbackType;
  review: FeedbackReview;
  items: number;
};

/** Each account's latest accepted item in a theme, of any kind and of each, kept by feedback_items' triggers (0029). */
export type FeedbackThemeAccountsTable = {
  workspace_id: string;
  theme_id: string;
  account_id: string;
  last_asked_at: Timestamp;
  last_feature_request_at: Timestamp | null;
  last_bug_at: Timestamp | null;
  last_complaint_at: Timestamp | null;
  last_praise_at: Timestamp | null;
  last_question_at: Timestamp | null;
};

export type VoiceStateTable = {
  workspace_id: string;
  documents: Generated<number>;
  themes_computed_at: Timestamp | null;
  tickets_scanned_at: Timestamp | null;
  survey_key: string | null;
};

export type RoadmapItemsTable = {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  description: string | null;
  status: Generated<RoadmapStatus>;
  target_quarter: string | null;
  link: string | null;
  shipped_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RoadmapItemThemesTable = {
  workspace_id: string;
  roadmap_item_id: string;
  theme_id: string;
};

export type RoadmapItemFeedbackTable = {
  workspace_id: string;
  roadmap_item_id: string;
  feedback_item_id: string;
};

export type RoadmapShipNoticesTable = {
  workspace_id: string;
  roadmap_item_id: string;
  account_id: string;
  task_id: string | null;
  notified_at: Timestamp;
};

export type SurveyInvitationsTable = {
  id: Generated<string>;
  workspace_id: string;
  kind: SurveyKind;
  account_id: string;
  contact_id: string;
  locale: Generated<'en' | 'ru'>;
  expires_at: Timestamp;
  sent_at: Timestamp | null;
  used_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
};

export type SurveyResponsesTable = {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  contact_id: string | null;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  source: 'api' | 'link' | 'csv';
  invitation_id: string | null;
  feedback_item_id: string | null;
  responded_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
};

export type SurveyLinkHitsTable = {
  id: Generated<number>;
  ip: string;
  at: Timestamp;
};

/** A person's recent questions to Ask Steward (assistant/store.ts). */
export type AssistantQuestionsTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  question: string;
  intent: string;
  asked_at: Timestamp;
};

export type WebhookSubscriptionsTable = {
  id: Generated<string>;
  workspace_id: string;
  url: string;
  description: string | null;
  events: string[];
  /** Sealed (lib/secrets.ts). */
  secret: string;
  enabled: Generated<boolean>;
  disabled_reason: 'admin' | 'failures' | null;
  consecutive_failures: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

export type WebhookDeliveriesTable = {
  id: Generated<string>;
  workspace_id: string;
  subscription_id: string;
  event_id: string;
  event: string;
  body: string;
  status: Generated<WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  replay_of: string | null;
  replayed_by: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
};

export type WebhookAttemptsTable = {
  workspace_id: string;
  delivery_id: string;
  attempt: number;
  attempted_at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_body: string | null;
};

export type Database = {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_throttles: SignInThrottlesTable;
  password_resets: PasswordResetsTable;
  audit_log: AuditLogTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
  accounts: AccountsTable;
  account_changes: AccountChangesTable;
  contacts: ContactsTable;
  segments: SegmentsTable;
  timeline_events: TimelineEventsTable;
  imports: ImportsTable;
  workspace_holidays: WorkspaceHolidaysTable;
  workspace_holiday_versions: WorkspaceHolidayVersionsTable;
  templates: TemplatesTable;
  template_versions: TemplateVersionsTable;
  projects: ProjectsTable;
  project_stages: ProjectStagesTable;
  tasks: TasksTable;
  task_dependencies: TaskDependenciesTable;
  task_comments: TaskCommentsTable;
  mentions: MentionsTable;
  intake_write_keys: IntakeWriteKeysTable;
  usage_features: UsageFeaturesTable;
  usage_users: UsageUsersTable;
  usage_events: UsageEventsTable;
  usage_months: UsageMonthsTable;
  usage_month_users: UsageMonthUsersTable;
  usage_days: UsageDaysView;
  usage_day_users: UsageDayUsersView;
  stripe_webhook_secrets: StripeWebhookSecretsTable;
  billing_customers: BillingCustomersTable;
  stripe_events: StripeEventsTable;
  contracts: ContractsTable;
  mrr_movements: MrrMovementsTable;
  invoices: InvoicesTable;
  support_webhook_secrets: SupportWebhookSecretsTable;
  support_tickets: SupportTicketsTable;
  intake_review: IntakeReviewTable;
  activity_events: ActivityEventsTable;
  notification_preferences: NotificationPreferencesTable;
  slack_teams: SlackTeamsTable;
  slack_link_codes: SlackLinkCodesTable;
  digests: DigestsTable;
  notifications: NotificationsTable;
  deliveries: DeliveriesTable;
  sla_policies: SlaPoliciesTable;
  escalations: EscalationsTable;
  scorecards: ScorecardsTable;
  health_scores: HealthScoresTable;
  account_health: AccountHealthView;
  health_history: HealthHistoryTable;
  health_moves: HealthMovesTable;
  plays: PlaysTable;
  play_runs: PlayRunsTable;
  feedback_themes: FeedbackThemesTable;
  feedback_items: FeedbackItemsTable;
  feedback_separations: FeedbackSeparationsTable;
  feedback_term_links: FeedbackTermLinksTable;
  feedback_vocabulary: FeedbackVocabularyTable;
  feedback_theme_days: FeedbackThemeDaysTable;
  feedback_theme_months: FeedbackThemeMonthsTable;
  feedback_theme_accounts: FeedbackThemeAccountsTable;
  voice_state: VoiceStateTable;
  roadmap_items: RoadmapItemsTable;
  roadmap_item_themes: RoadmapItemThemesTable;
  roadmap_item_feedback: RoadmapItemFeedbackTable;
  roadmap_ship_notices: RoadmapShipNoticesTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
  survey_link_hits: SurveyLinkHitsTable;
  revenue_targets: RevenueTargetsTable;
  revenue_plans: RevenuePlansTable;
  meeting_cadences: MeetingCadencesTable;
  renewals: RenewalsTable;
  forecast_overrides: ForecastOverridesTable;
  opportunities: OpportunitiesTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_action_items: MeetingActionItemsTable;
  qbr_share_links: QbrShareLinksTable;
  assistant_questions: AssistantQuestionsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
};

export type TaskRow = Selectable<TasksTable>;
export type ProjectRow = Selectable<ProjectsTable>;

export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type UserRow = Selectable<UsersTable>;
export type ContactRow = Selectable<ContactsTable>;
export type TimelineEventRow = Selectable<TimelineEventsTable>;
export type CustomFieldDefinitionRow = Selectable<CustomFieldDefinitionsTable>;
