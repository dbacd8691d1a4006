// One error type for everything a caller can get wrong, with stable codes.
// `httpStatus` maps each code to its status; a new code does not compile until it is mapped.
// What a person reads (the detail, each field's message) is rendered in their language when the
// problem is answered: the detail is always a message key and its parameters (`Message`) — the
// call site's own, in the area's catalog, or the code's own detail (`codeDetail`:
// `errors.detail.<code>` in src/i18n/, which every code must have).
import { renderMessage, type Message, type MessageKey, type MessageParam } from '../i18n/index.ts';

export type ErrorCode =
  | 'request.invalid'
  | 'request.malformed'
  | 'request.too_large'
  | 'request.invalid_cursor'
  | 'request.not_found'
  | 'auth.unauthenticated'
  | 'auth.invalid_credentials'
  | 'auth.throttled'
  | 'auth.forbidden'
  | 'auth.cross_origin'
  /** A password reset link that is altered, used, expired or for a deactivated person. */
  | 'password_reset.invalid'
  | 'user.not_found'
  | 'user.email_taken'
  | 'user.manager_cycle'
  | 'api_token.not_found'
  | 'account.not_found'
  | 'account.external_id_taken'
  /** A restore of an account that was never removed, or is back already. */
  | 'account.not_removed'
  | 'contact.not_found'
  | 'custom_field.not_found'
  | 'custom_field.key_taken'
  | 'segment.not_found'
  | 'import.not_found'
  | 'import.invalid_file'
  | 'template.not_found'
  | 'project.not_found'
  | 'task.not_found'
  | 'task.not_allowed'
  | 'mention.not_found'
  /** A save of the holiday list made from a version another save has replaced. */
  | 'holidays.changed'
  | 'intake.invalid_message'
  /** 400, not 413: Segment answers an oversized message or batch so, and its SDKs drop it. */
  | 'intake.too_large'
  | 'write_key.not_found'
  | 'feature.key_taken'
  | 'webhook.invalid_signature'
  | 'webhook.invalid_payload'
  | 'webhook_secret.not_found'
  | 'contract_import.invalid_rows'
  | 'notification.not_found'
  | 'sla_policy.not_found'
  | 'opportunity.not_found'
  | 'meeting.not_found'
  | 'meeting.not_allowed'
  | 'qbr_link.not_found'
  | 'feedback.not_found'
  | 'feedback_theme.not_found'
  | 'roadmap_item.not_found'
  | 'survey.link_not_found'
  | 'survey.link_used'
  | 'survey.link_expired'
  | 'survey.throttled'
  | 'slack.invalid_signature'
  | 'webhook_subscription.not_found'
  | 'webhook_delivery.not_found'
  | 'webhook_subscription.disabled'
  /** PostgreSQL ended the request's transaction to break a deadlock (or a serialization failure). */
  | 'database.busy'
  /** The database refused or dropped the connection. */
  | 'database.unavailable';

/** A schema's issue (zod's), with the value it is about: zod words it in each language. */
export type SchemaIssue = {
  readonly code: string;
  readonly message: string;
  readonly input?: unknown;
};

/**
 * A field's problem, rendered for the reader when answered: `text`, a message key (built with
 * `fieldProblem`), or a schema's `issue` (src/lib/issues.ts). `message` is its English, for a
 * log or the CLI.
 */
export type FieldError = { path: string; message: string } & (
  { text: Message; issue?: undefined } | { text?: undefined; issue: SchemaIssue }
);

/**
 * A field's problem in its area's words (`<area>.field.<name>`, or `errors.field.<name>` for
 * what every area says): rendered for the reader when answered, English for a log or the CLI.
 */
export function fieldProblem(
  path: string,
  key: MessageKey,
  params?: Record<string, MessageParam>,
): FieldError {
  const text: Message = params ? { key, params } : { key };
  return { path, message: renderMessage(text, 'en'), text };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** What went wrong, for a person: rendered in the reader's language when answered. */
  readonly detail: Message;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    detail: Message,
    options: { errors?: FieldError[]; cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    // The log's `message` is English, whoever the problem is answered for.
    super(`${code}: ${renderMessage(detail, 'en')}`, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

/** The code's own detail, for a call site with nothing more precise to say. */
export function codeDetail(code: ErrorCode): Message {
  return { key: `errors.detail.${code}` satisfies MessageKey };
}

/** A request whose fields are wrong: 422 naming each field. */
export function invalid(
  errors: FieldError[],
  detail: Message = codeDetail('request.invalid'),
): AppError {
  return new AppError('request.invalid', detail, { errors });
}

export function httpStatus(code: ErrorCode): 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503 {
  switch (code) {
    case 'request.malformed':
    case 'request.invalid_cursor':
    case 'import.invalid_file':
    case 'intake.invalid_message':
    case 'intake.too_large':
    case 'webhook.invalid_signature':
    case 'webhook.invalid_payload':
    case 'password_reset.invalid':
      return 400;
    case 'auth.unauthenticated':
    case 'auth.invalid_credentials':
    case 'slack.invalid_signature':
      return 401;
    case 'auth.forbidden':
    case 'auth.cross_origin':
      return 403;
    case 'request.not_found':
    case 'user.not_found':
    case 'api_token.not_found':
    case 'account.not_found':
    case 'contact.not_found':
    case 'custom_field.not_found':
    case 'segment.not_found':
    case 'import.not_found':
    case 'template.not_found':
    case 'project.not_found':
    case 'task.not_found':
    case 'mention.not_found':
    case 'write_key.not_found':
    case 'notification.not_found':
    case 'sla_policy.not_found':
    case 'webhook_secret.not_found':
    case 'feedback.not_found':
    case 'feedback_theme.not_found':
    case 'roadmap_item.not_found':
    case 'survey.link_not_found':
    case 'opportunity.not_found':
    case 'meeting.not_found':
    case 'qbr_link.not_found':
    case 'webhook_subscription.not_found':
    case 'webhook_delivery.not_found':
      return 404;
    case 'user.email_taken':
    case 'account.external_id_taken':
    case 'account.not_removed':
    case 'custom_field.key_taken':
    case 'feature.key_taken':
    case 'survey.link_used':
    case 'survey.link_expired':
    case 'meeting.not_allowed':
    case 'webhook_subscription.disabled':
    case 'holidays.changed':
      return 409;
    case 'request.too_large':
      return 413;
    case 'request.invalid':
    case 'user.manager_cycle':
    case 'task.not_allowed':
    case 'contract_import.invalid_rows':
      return 422;
    case 'auth.throttled':
    case 'survey.throttled':
      return 429;
    case 'database.busy':
    case 'database.unavailable':
      return 503;
  }
}
