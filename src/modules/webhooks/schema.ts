// The webhooks API's shapes: subscriptions, deliveries with their attempts, and the bodies
// Steward sends (documented in the OpenAPI document's `webhooks`, openapi.ts).
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../i18n/index.ts';
import { pageOf, pageQuery } from '../../lib/pagination.ts';
import { webhookEventSchema } from './events.ts';

const url = z.string().trim().min(1).max(2048).openapi({
  description:
    'Where Steward POSTs the events: http(s), a public address (an operator may allow private hosts with STEWARD_OUTBOUND_ALLOW_HOSTS), answering without redirects.',
  example: 'https://hooks.example.com/steward',
});

const events = z
  .array(webhookEventSchema)
  .min(1)
  .max(webhookEventSchema.options.length)
  .refine(
    (list) => new Set(list).size === list.length,
    'webhooks.field.eventOnce' satisfies MessageKey,
  )
  .openapi({ example: ['task.completed', 'account.health_category_changed'] });

const description = z.string().trim().max(200).nullable().openapi({ example: 'Zapier: CRM tasks' });

export const subscriptionBody = z
  .object({ url, events, description: description.optional() })
  .openapi('WebhookSubscriptionInput');

export const subscriptionPatch = z
  .object({
    url: url.optional(),
    events: events.optional(),
    description: description.optional(),
    /** Off: nothing is sent and waiting deliveries are cancelled; on again: failures forgotten. */
    enabled: z.boolean().optional(),
  })
  .openapi('WebhookSubscriptionPatch');

export const subscriptionSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(webhookEventSchema),
    enabled: z.boolean(),
    disabledReason: z
      .enum(['admin', 'failures'])
      .nullable()
      .openapi({ description: 'Why it is off: an admin, or too many failed attempts in a row.' }),
    consecutiveFailures: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('WebhookSubscription');

export const pingSchema = z
  .object({
    status: z.number().int().nullable().openapi({ description: "The URL's answer to the ping." }),
    error: z.string().nullable().openapi({ description: 'Why there was no answer.' }),
  })
  .openapi('WebhookPing');

export const createdSubscriptionSchema = z
  .object({
    subscription: subscriptionSchema,
    secret: z.string().openapi({
      description: 'The signing secret, shown this once: keep it where the receiver can read it.',
      example: 'whsec_3q2-7wEAAAAAAA',
    }),
    ping: pingSchema,
  })
  .openapi('CreatedWebhookSubscription');

export const deliveryStatusSchema = z.enum(['pending', 'succeeded', 'failed', 'cancelled']);

export const attemptSchema = z
  .object({
    attempt: z.number().int(),
    attemptedAt: z.iso.datetime(),
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    responseBody: z
      .string()
      .nullable()
      .openapi({ description: "The start of the receiver's answer (at most 2,000 characters)." }),
  })
  .openapi('WebhookAttempt');

export const deliverySchema = z
  .object({
    id: z.uuid(),
    subscriptionId: z.uuid(),
    eventId: z.uuid(),
    event: z.string(),
    status: deliveryStatusSchema,
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable(),
    replayOf: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .openapi('WebhookDelivery');

export const deliveryDetailSchema = deliverySchema
  .extend({
    body: z.string().openapi({ description: 'The exact body sent (and signed).' }),
    attemptList: z.array(attemptSchema),
  })
  .openapi('WebhookDeliveryDetail');

export const deliveriesQuery = z.object({
  status: deliveryStatusSchema.optional(),
  ...pageQuery,
});

export const deliveryPage = pageOf(deliverySchema).openapi('WebhookDeliveryPage');

export type SubscriptionInput = z.infer<typeof subscriptionBody>;
export type SubscriptionPatch = z.infer<typeof subscriptionPatch>;
