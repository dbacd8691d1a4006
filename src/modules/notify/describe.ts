// What a person reads about an event — in the inbox, the e-mail and Slack — as message keys
// and parameters, rendered in the reader's language and time zone when read (src/i18n).
import { message, messageSchema, type Message } from '../../i18n/index.ts';
import type { ActivityKind } from './kinds.ts';

export type EventFacts = {
  kind: ActivityKind;
  actorName: string | null;
  taskTitle: string | null;
  accountName: string | null;
  data: Record<string, unknown>;
};

export type Described = { message: Message; detail: Message | null };

/** Steward's own name, when Steward itself acted (a timer, a play). */
const steward = 'Steward';

/**
 * A sentence another module gave for a person (a health move's or a play's summary): its
 * message when it is one, else its words as they are (older events carried plain text).
 */
function summaryOf(value: unknown): Message | null {
  const parsed = messageSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return typeof value === 'string' ? message('notify.text', { text: value }) : null;
}

export function describeEvent(e: EventFacts): Described {
  const text = (key: string) => (typeof e.data[key] === 'string' ? (e.data[key] as string) : null);
  const params = {
    actor: e.actorName ?? steward,
    task: e.taskTitle ?? '—',
    account: e.accountName ?? '—',
    policy: text('policyName') ?? 'SLA',
  };
  const excerpt = text('excerpt');
  const said = excerpt ? message('notify.text', { text: excerpt }) : null;
  const only = (key: Parameters<typeof message>[0]): Described => ({
    message: message(key, params),
    detail: null,
  });
  switch (e.kind) {
    case 'task_created':
      return only('notify.event.taskCreated');
    case 'task_updated':
      return only('notify.event.taskUpdated');
    case 'task_assigned':
      return only('notify.event.taskAssigned');
    case 'task_commented':
      return { message: message('notify.event.taskCommented', params), detail: said };
    case 'mentioned':
      return { message: message('notify.event.mentioned', params), detail: said };
    case 'account_updated':
      return only('notify.event.accountUpdated');
    case 'health_changed':
      return {
        message: message('notify.event.healthChanged', params),
        detail: summaryOf(e.data.summary),
      };
    case 'play_opened':
      return {
        message: message('notify.event.playOpened', params),
        detail: summaryOf(e.data.summary),
      };
    case 'sla_warning': {
      // Events raised before `breachAt` was recorded carry the warning's own time.
      const dueAt = text('breachAt') ?? text('dueAt');
      return {
        message: message('notify.event.slaWarning', params),
        detail: dueAt ? message('notify.detail.breachAt', { at: { dateTime: dueAt } }) : null,
      };
    }
    case 'sla_breach':
      return only('notify.event.slaBreach');
    case 'escalation':
      return only(text('mentionId') ? 'notify.event.mentionEscalation' : 'notify.event.escalation');
    // The digest, a subscription switched off (webhooks), and the kinds no person is told of
    // (kinds.ts): each carries its own sentence.
    case 'product_digest':
    case 'webhook_disabled':
    case 'churn_risk_raised':
    case 'renewal_forecast_changed':
    case 'nps_detractor':
    case 'feedback_theme_threshold':
    case 'roadmap_item_shipped':
      return {
        message: summaryOf(e.data.summary) ?? message('notify.text', { text: '' }),
        detail: summaryOf(e.data.detail),
      };
  }
}
