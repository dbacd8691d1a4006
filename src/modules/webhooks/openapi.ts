// The bodies Steward POSTs to subscribers, described in the OpenAPI document's `webhooks`
// section (OpenAPI 3.1): one entry per event, its envelope and `data`, and the headers that
// sign it. docs/webhooks.md says how to verify the signature.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { churnRiskLevelSchema, healthCategorySchema } from '../../lib/vocabulary.ts';
import { webhookEvents, type WebhookEvent } from './events.ts';

const id = z.uuid();
const nullableId = z.uuid().nullable();

/** Each event's `data`, as events.ts writes it. */
const dataSchemas: Record<WebhookEvent, z.ZodType> = {
  'account.health_category_changed': z.object({
    accountId: id,
    from: healthCategorySchema.nullable(),
    to: healthCategorySchema,
    score: z.number().nullable(),
  }),
  'account.churn_risk_raised': z.object({
    accountId: id,
    from: churnRiskLevelSchema.nullable(),
    to: churnRiskLevelSchema,
  }),
  'escalation.raised': z.object({
    accountId: nullableId,
    projectId: z.uuid().optional(),
    taskId: z.uuid().optional(),
    escalationId: nullableId,
    policyId: nullableId.openapi({
      description: 'The SLA policy; null for an unanswered mention.',
    }),
    step: z.number().int().nullable(),
    mentionId: nullableId,
  }),
  'renewal.forecast_changed': z.object({
    accountId: id,
    renewalDate: z.iso.date().nullable(),
    from: z.enum(['commit', 'likely', 'at_risk', 'lost']).nullable(),
    to: z.enum(['commit', 'likely', 'at_risk', 'lost']),
  }),
  'survey.nps_detractor': z.object({
    accountId: id,
    responseId: id,
    contactId: nullableId,
    score: z.number().int().min(0).max(6),
  }),
  'feedback_theme.threshold_crossed': z.object({
    themeId: id,
    threshold: z.number().int().openapi({ description: 'The number of accounts it reached.' }),
    accountCount: z.number().int(),
  }),
  'roadmap_item.shipped': z.object({
    roadmapItemId: id,
    title: z.string(),
    accountIds: z.array(id).openapi({ description: 'The accounts that asked for it.' }),
  }),
  'task.created': z.object({
    accountId: nullableId,
    projectId: z.uuid().optional(),
    taskId: id,
    title: z.string().nullable(),
  }),
  'task.completed': z.object({
    accountId: nullableId,
    projectId: z.uuid().optional(),
    taskId: id,
  }),
};

const signedHeaders = z.object({
  'steward-signature': z.string().openapi({
    description:
      '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the signing secret>` (docs/webhooks.md).',
    example: 't=1764752400,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd',
  }),
  'steward-event': z.string().openapi({ example: 'task.completed' }),
  'steward-delivery': z.uuid().openapi({ description: 'This delivery; a replay is a new one.' }),
});

const operationName = (event: string) =>
  `on${event
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}`;

/** The registry of the app's OpenAPI document (app.ts passes `app.openAPIRegistry`). */
type Registry = OpenAPIHono['openAPIRegistry'];

export function registerWebhookDocs(registry: Registry): void {
  // How a receiver knows the request is Steward's: the signature header, checked against the
  // subscription's secret (docs/webhooks.md).
  registry.registerComponent('securitySchemes', 'stewardSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'Steward-Signature',
    description:
      't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the subscription\'s signing secret>',
  });
  for (const event of webhookEvents) {
    const body = z
      .object({
        id: id.openapi({
          description: 'The event: the same in every retry and replay, so repeats can be dropped.',
        }),
        type: z.literal(event),
        createdAt: z.iso.datetime(),
        workspaceId: id,
        data: dataSchemas[event],
      })
      .openapi(`WebhookEvent_${event.replace(/\./g, '_')}`);
    registry.registerWebhook({
      method: 'post',
      path: event,
      operationId: operationName(event),
      tags: ['Webhooks'],
      summary: `Sent to subscriptions for ${event}`,
      security: [{ stewardSignature: [] }],
      request: {
        headers: signedHeaders,
        body: { content: { 'application/json': { schema: body } }, required: true },
      },
      responses: {
        200: {
          description:
            'Any 2xx answer acknowledges it; anything else (or none within 10 s) is retried after 1 min, 5 min, 30 min, 2 h, 8 h and 24 h.',
        },
      },
    });
  }
}
