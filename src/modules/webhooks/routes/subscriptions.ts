// HTTP for webhook subscriptions: list, add (the secret shown once), read, change or switch off.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import {
  createdSubscriptionSchema,
  subscriptionBody,
  subscriptionPatch,
  subscriptionSchema,
} from '../schema.ts';
import {
  createSubscription,
  getSubscription,
  listSubscriptions,
  updateSubscription,
} from '../subscriptions.ts';

export function subscriptionRoutes(deps: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/webhook-subscriptions',
        operationId: 'listWebhookSubscriptions',
        tags: ['Webhooks'],
        access: 'manage_webhooks',
        summary: "The workspace's webhook subscriptions",
        responses: { 200: json(z.object({ items: z.array(subscriptionSchema) })) },
      }),
      async (c) => c.json({ items: await listSubscriptions(deps, actorOf(c)) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/webhook-subscriptions',
        operationId: 'createWebhookSubscription',
        tags: ['Webhooks'],
        access: 'manage_webhooks',
        summary: 'Subscribe a URL to events; answers the signing secret, shown this once',
        description:
          'The URL is checked (http or https, no private, loopback or link-local address unless the operator allowed the host) and sent a `ping` event; a URL that answers with a redirect is refused.',
        request: {
          body: { content: { 'application/json': { schema: subscriptionBody } }, required: true },
        },
        responses: { 201: json(createdSubscriptionSchema, 'Subscribed') },
      }),
      async (c) => c.json(await createSubscription(deps, actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/webhook-subscriptions/{id}',
        operationId: 'getWebhookSubscription',
        tags: ['Webhooks'],
        access: 'manage_webhooks',
        summary: 'One webhook subscription',
        request: { params: idParam },
        responses: { 200: json(subscriptionSchema), 404: problems[404] },
      }),
      async (c) => c.json(await getSubscription(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/webhook-subscriptions/{id}',
        operationId: 'updateWebhookSubscription',
        tags: ['Webhooks'],
        access: 'manage_webhooks',
        summary: 'Change a subscription’s URL, events or description, or switch it off or on',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: subscriptionPatch } }, required: true },
        },
        responses: { 200: json(subscriptionSchema), 404: problems[404] },
      }),
      async (c) =>
        c.json(
          await updateSubscription(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    );
}
