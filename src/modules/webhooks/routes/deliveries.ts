// HTTP for webhook deliveries: a subscription's deliveries, one with its attempts, a replay.
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import { getDelivery, listDeliveries, replayDelivery } from '../deliveries.ts';
import { deliveriesQuery, deliveryDetailSchema, deliveryPage } from '../schema.ts';

export function deliveryRoutes(deps: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/webhook-subscriptions/{id}/deliveries',
        operationId: 'listWebhookDeliveries',
        tags: ['Webhooks'],
        access: 'manage_webhooks',
        summary: "A subscription's deliveries, newest first",
        request: { params: idParam, query: deliveriesQuery },
        responses: { 200: json(deliveryPage), 404: problems[404] },
      }),
      async (c) =>
        c.json(
          await listDeliveries(deps, actorOf(c), c.req.valid('param').id, c.req.valid('query')),
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/webhook-deliveries/{id}',
        operationId: 'getWebhookDelivery',
        tags: ['Webhooks'],
        access: 'manage_webhooks',
        summary: 'One delivery with the body sent and every attempt',
        request: { params: idParam },
        responses: { 200: json(deliveryDetailSchema), 404: problems[404] },
      }),
      async (c) => c.json(await getDelivery(deps, actorOf(c), c.req.valid('param').id), 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/webhook-deliveries/{id}/replay',
        operationId: 'replayWebhookDelivery',
        tags: ['Webhooks'],
        access: 'manage_webhooks',
        summary: 'Send a delivery again now (the same body, signed anew), as a new delivery',
        request: { params: idParam },
        responses: {
          202: json(deliveryDetailSchema, 'Queued'),
          404: problems[404],
          409: problems[409],
        },
      }),
      async (c) => c.json(await replayDelivery(deps, actorOf(c), c.req.valid('param').id), 202),
    );
}
