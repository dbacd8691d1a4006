// HTTP for SLA policies, the escalations they raised, and the outbox's failed deliveries.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { pageQuery } from '../../../lib/pagination.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import {
  deliverySchema,
  escalationSchema,
  listDeliveries,
  listEscalations,
} from '../escalations.ts';
import { listPolicies, slaPolicyBody, slaPolicySchema } from '../sla/policy.ts';
import { createSlaPolicy, deleteSlaPolicy, publicShape, updateSlaPolicy } from '../sla/policies.ts';

const body = {
  body: { content: { 'application/json': { schema: slaPolicyBody } }, required: true },
};

export function slaRoutes(deps: Deps) {
  const { db } = deps;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/sla-policies',
        operationId: 'listSlaPolicies',
        tags: ['Notifications'],
        access: 'view_work',
        summary: "The workspace's SLA policies",
        responses: { 200: json(z.object({ items: z.array(slaPolicySchema) })) },
      }),
      async (c) => {
        const policies = await listPolicies(db, actorOf(c).workspaceId);
        return c.json({ items: policies.map(publicShape) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/sla-policies',
        operationId: 'createSlaPolicy',
        tags: ['Notifications'],
        access: 'manage_sla_policies',
        summary: 'Add an SLA policy; its timers start on every open task it matches',
        request: body,
        responses: { 201: json(slaPolicySchema, 'Created') },
      }),
      async (c) => c.json(await createSlaPolicy(deps, actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/sla-policies/{id}',
        operationId: 'updateSlaPolicy',
        tags: ['Notifications'],
        access: 'manage_sla_policies',
        summary: 'Replace an SLA policy',
        request: { params: idParam, ...body },
        responses: { 200: json(slaPolicySchema), 404: problems[404] },
      }),
      async (c) =>
        c.json(
          await updateSlaPolicy(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/sla-policies/{id}',
        operationId: 'deleteSlaPolicy',
        tags: ['Notifications'],
        access: 'manage_sla_policies',
        summary: 'Remove an SLA policy; its timers stop',
        request: { params: idParam },
        responses: { 204: { description: 'Removed' }, 404: problems[404] },
      }),
      async (c) => {
        await deleteSlaPolicy(db, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/escalations',
        operationId: 'listEscalations',
        tags: ['Notifications'],
        access: 'view_work',
        summary: 'Warnings, breaches and escalations raised, newest first',
        request: { query: z.object(pageQuery) },
        responses: {
          200: json(
            z.object({ items: z.array(escalationSchema), nextCursor: z.string().nullable() }),
          ),
          400: problems[400],
        },
      }),
      async (c) =>
        c.json(await listEscalations(db, scopeFor(actorOf(c)), c.req.valid('query')), 200),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/deliveries',
        operationId: 'listDeliveries',
        tags: ['Notifications'],
        access: 'manage_sla_policies',
        summary: 'Outgoing e-mail and Slack messages by status (failed ones for follow-up)',
        request: {
          query: z.object({
            status: z.enum(['pending', 'sent', 'failed']).default('failed'),
            limit: pageQuery.limit,
          }),
        },
        responses: { 200: json(z.object({ items: z.array(deliverySchema) })) },
      }),
      async (c) => {
        const query = c.req.valid('query');
        return c.json(
          { items: await listDeliveries(db, actorOf(c).workspaceId, query.status, query.limit) },
          200,
        );
      },
    );
}
