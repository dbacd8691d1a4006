// HTTP for resolving the review list (GET /intake/review lives with billing, which keeps it).
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import { assignReviewItem, dismissReviewItem } from './resolve.ts';

const assignBody = z.object({ accountId: z.uuid() }).openapi('AssignReviewItem');

const assignedSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    outcome: z.string().openapi({
      description: 'What applying it did: applied, unchanged, stale, ignored',
      example: 'applied',
    }),
  })
  .openapi('AssignedReviewItem');

export function intakeReviewRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/intake/review/{id}/assign',
        operationId: 'assignReviewItem',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Apply a delivery kept for review to the account it is about',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: assignBody } }, required: true },
        },
        responses: { 200: json(assignedSchema), 404: problems[404] },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const { accountId } = c.req.valid('json');
        return c.json(await assignReviewItem(db, clock, actorOf(c), id, accountId), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/intake/review/{id}/dismiss',
        operationId: 'dismissReviewItem',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Dismiss a delivery kept for review: it is about no customer of ours',
        request: { params: idParam },
        responses: { 204: { description: 'Dismissed' }, 404: problems[404] },
      }),
      async (c) => {
        await dismissReviewItem(db, clock, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
}
