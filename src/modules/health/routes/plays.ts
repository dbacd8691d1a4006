// HTTP for plays: what Steward opens on a move into At Risk / Critical or before a renewal.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { createPlay, deletePlay, listPlays, playRuns, updatePlay } from '../plays.ts';
import { playBody, playPatch, playRunSchema, playSchema } from '../schema/plays.ts';

export function playRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/health/plays',
        operationId: 'listPlays',
        tags: ['Health'],
        access: 'view_client_health',
        summary: 'The workspace’s plays',
        responses: { 200: json(z.object({ items: z.array(playSchema) })) },
      }),
      async (c) => c.json({ items: await listPlays(db, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/health/plays',
        operationId: 'createPlay',
        tags: ['Health'],
        access: 'manage_scorecards',
        summary: 'Add a play: trigger, task or template, assignee role, due offset',
        request: {
          body: { content: { 'application/json': { schema: playBody } }, required: true },
        },
        responses: { 201: json(playSchema, 'Added') },
      }),
      async (c) => c.json(await createPlay(db, actorOf(c), c.req.valid('json'), clock.now()), 201),
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/health/plays/{id}',
        operationId: 'updatePlay',
        tags: ['Health'],
        access: 'manage_scorecards',
        summary: 'Change a play',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: playPatch } }, required: true },
        },
        responses: { 200: json(playSchema), 404: problems[404] },
      }),
      async (c) =>
        c.json(
          await updatePlay(
            db,
            actorOf(c),
            c.req.valid('param').id,
            c.req.valid('json'),
            clock.now(),
          ),
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/health/plays/{id}',
        operationId: 'deletePlay',
        tags: ['Health'],
        access: 'manage_scorecards',
        summary: 'Remove a play (its past runs go with it)',
        request: { params: idParam },
        responses: { 204: { description: 'Removed' }, 404: problems[404] },
      }),
      async (c) => {
        await deletePlay(db, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/health/play-runs',
        operationId: 'listPlayRuns',
        tags: ['Health'],
        access: 'view_client_health',
        summary: 'Recent play runs in the workspace (a CSM: on their accounts), newest first',
        request: {
          query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        },
        responses: { 200: json(z.object({ items: z.array(playRunSchema) })) },
      }),
      async (c) =>
        c.json(
          {
            items: await playRuns(db, scopeFor(actorOf(c)), undefined, c.req.valid('query').limit),
          },
          200,
        ),
    );
}
