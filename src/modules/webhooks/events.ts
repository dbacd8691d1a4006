// The events an integration can subscribe to, and which recorded activity tells each one. The
// names are a contract (docs/webhooks.md, the OpenAPI document's `webhooks`): add, never rename.
// Pure: an activity event in, the webhook events and their `data` out.
import { z } from 'zod';
import { churnRiskLevelSchema } from '../../lib/vocabulary.ts';
import type { ActivityKind } from '../accounts/index.ts';

export const webhookEvents = [
  'account.health_category_changed',
  'account.churn_risk_raised',
  'escalation.raised',
  'renewal.forecast_changed',
  'survey.nps_detractor',
  'feedback_theme.threshold_crossed',
  'roadmap_item.shipped',
  'task.created',
  'task.completed',
] as const;

export const webhookEventSchema = z.enum(webhookEvents);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** Sent once when a subscription is saved, to check the URL answers (never subscribable). */
export const pingEvent = 'ping';

/** An activity event as accounts' `findActivityEvent` answers it. */
export type RecordedActivity = {
  id: string;
  workspaceId: string;
  kind: ActivityKind | null;
  actorId: string | null;
  accountId: string | null;
  projectId: string | null;
  taskId: string | null;
  data: Record<string, unknown>;
  at: Date;
};

/** What one webhook tells: its name and the `data` of its body. */
export type Told = { event: WebhookEvent; data: Record<string, unknown> };

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Churn risk's levels, lowest first: a move along the list is a rise. */
const riskLevels: readonly string[] = churnRiskLevelSchema.options;

/**
 * The webhook event an activity is, if any. Kinds that no integration hears (comments,
 * mentions, digests) tell nothing; an escalation's first step is the breach, the rest climb.
 */
export function webhookEventsOf(activity: RecordedActivity): Told[] {
  const d = activity.data;
  const ids = {
    accountId: activity.accountId,
    ...(activity.projectId ? { projectId: activity.projectId } : {}),
    ...(activity.taskId ? { taskId: activity.taskId } : {}),
  };
  switch (activity.kind) {
    case 'task_created':
      return [{ event: 'task.created', data: { ...ids, title: text(d.title) } }];
    case 'task_updated':
    case 'task_assigned':
      // Work records the status a change left the task in; done and changed means completed.
      return list(d.changed).includes('status') && d.status === 'done'
        ? [{ event: 'task.completed', data: ids }]
        : [];
    case 'health_changed':
      return [
        {
          event: 'account.health_category_changed',
          data: {
            accountId: activity.accountId,
            from: text(d.from),
            to: text(d.to),
            score: count(d.score),
          },
        },
      ];
    case 'churn_risk_raised': {
      const from = text(d.from);
      const to = text(d.to);
      const raised = to !== null && riskLevels.indexOf(to) > riskLevels.indexOf(from ?? 'low');
      return raised
        ? [
            {
              event: 'account.churn_risk_raised',
              data: { accountId: activity.accountId, from, to },
            },
          ]
        : [];
    }
    case 'escalation':
      return [
        {
          event: 'escalation.raised',
          data: {
            ...ids,
            escalationId: text(d.escalationId),
            policyId: text(d.policyId),
            step: count(d.step),
            mentionId: text(d.mentionId),
          },
        },
      ];
    case 'renewal_forecast_changed':
      return [
        {
          event: 'renewal.forecast_changed',
          data: {
            accountId: activity.accountId,
            renewalDate: text(d.renewalDate),
            from: text(d.from),
            to: text(d.to),
          },
        },
      ];
    case 'nps_detractor':
      return [
        {
          event: 'survey.nps_detractor',
          data: {
            accountId: activity.accountId,
            responseId: text(d.responseId),
            contactId: text(d.contactId),
            score: count(d.score),
          },
        },
      ];
    case 'feedback_theme_threshold':
      return [
        {
          event: 'feedback_theme.threshold_crossed',
          data: {
            themeId: text(d.themeId),
            threshold: count(d.threshold),
            accountCount: count(d.accountCount),
          },
        },
      ];
    case 'roadmap_item_shipped':
      return [
        {
          event: 'roadmap_item.shipped',
          data: {
            roadmapItemId: text(d.roadmapItemId),
            title: text(d.title),
            accountIds: list(d.accountIds),
          },
        },
      ];
    default:
      return [];
  }
}
