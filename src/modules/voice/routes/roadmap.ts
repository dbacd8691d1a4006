// HTTP for the roadmap: items ranked by demand, added and changed with their links to themes
// and feedback, and shipped — which tells each requesting account's CSM once.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import {
  createRoadmapItem,
  getRoadmapItem,
  listRoadmap,
  updateRoadmapItem,
} from '../roadmap/items.ts';
import { shipRoadmapItem } from '../roadmap/ship.ts';
import { askerOf, oneItemRoute } from './oneItem.ts';
import {
  roadmapItemBody,
  roadmapItemPatch,
  roadmapItemSchema,
  roadmapQuery,
  shipResultSchema,
} from '../roadmapSchema.ts';

export function roadmapRoutes(deps: Deps) {
  const { db } = deps;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/roadmap-items',
        operationId: 'listRoadmapItems',
        tags: ['Voice'],
        access: 'view_product_roadmap',
        summary: 'The roadmap, ranked by requesting accounts, ARR and ARR at risk (or by quarter)',
        request: { query: roadmapQuery },
        responses: { 200: json(z.object({ items: z.array(roadmapItemSchema) })) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const items = await listRoadmap(db, scopeFor(actor), c.req.valid('query'), actor.locale);
        return c.json({ items }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/roadmap-items',
        operationId: 'createRoadmapItem',
        tags: ['Voice'],
        access: 'manage_product_roadmap',
        summary: 'Add a roadmap item, linked to the themes and feedback that asked for it',
        request: {
          body: { content: { 'application/json': { schema: roadmapItemBody } }, required: true },
        },
        responses: { 201: json(roadmapItemSchema, 'Added') },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await createRoadmapItem(deps, actor, scopeFor(actor), c.req.valid('json')),
          201,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/roadmap-items/{id}',
        operationId: 'getRoadmapItem',
        tags: ['Voice'],
        access: 'view_product_roadmap',
        summary: 'One roadmap item with the demand behind it',
        request: { params: idParam },
        responses: { 200: json(roadmapItemSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await getRoadmapItem(db, scopeFor(actor), c.req.valid('param').id, actor.locale),
          200,
        );
      },
    )
    .openapi(
      oneItemRoute({
        method: 'patch',
        path: '/roadmap-items/{id}',
        operationId: 'updateRoadmapItem',
        access: 'manage_product_roadmap',
        summary: 'Change a roadmap item or its links (lists given replace the links)',
        body: roadmapItemPatch,
        item: roadmapItemSchema,
      }),
      async (c) => {
        const { actor, scope } = askerOf(c);
        const { id } = c.req.valid('param');
        return c.json(await updateRoadmapItem(deps, actor, scope, id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/roadmap-items/{id}/ship',
        operationId: 'shipRoadmapItem',
        tags: ['Voice'],
        access: 'manage_product_roadmap',
        summary:
          'Ship it: each requesting account’s CSM gets one "tell the customer" task with a drafted message; the feedback becomes shipped',
        request: { params: idParam },
        responses: { 200: json(shipResultSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await shipRoadmapItem(deps, actor, scopeFor(actor), c.req.valid('param').id),
          200,
        );
      },
    );
}
