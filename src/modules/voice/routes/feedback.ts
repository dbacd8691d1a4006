// HTTP for feedback items: log one (from the app, the API, a timeline note or e-mail), list,
// read, change, and review those recognised in support tickets.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { pageOf } from '../../../lib/pagination.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import {
  getFeedback,
  listFeedback,
  logFeedback,
  reviewFeedback,
  updateFeedback,
} from '../feedback.ts';
import { importBody, importFeedback, importResultSchema } from '../importCsv.ts';
import { askerOf, oneItemRoute } from './oneItem.ts';
import {
  feedbackItemSchema,
  feedbackQuery,
  logFeedbackBody,
  updateFeedbackBody,
} from '../schema.ts';

export function feedbackRoutes(deps: Deps) {
  const { db, clock } = deps;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/feedback',
        operationId: 'createFeedback',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary: 'Log what a customer said: a request, a bug, a complaint, praise or a question',
        description:
          'The same origin (`source` and `sourceRef`, e.g. a timeline note made into feedback) twice is one item: the second call answers 200 with the first.',
        request: {
          body: { content: { 'application/json': { schema: logFeedbackBody } }, required: true },
        },
        responses: {
          201: json(feedbackItemSchema, 'Logged'),
          200: json(feedbackItemSchema, 'Already logged from the same origin'),
        },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { item, created } = await logFeedback(
          deps,
          actor,
          scopeFor(actor),
          c.req.valid('json'),
        );
        return created ? c.json(item, 201) : c.json(item, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/feedback/import',
        operationId: 'importFeedback',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary:
          'Import feedback from CSV (columns account, text, and optionally type, priority, contact_email, date)',
        description:
          'Every rejected row is reported; with any, nothing is imported unless skipInvalid is set. dryRun only checks.',
        request: {
          body: { content: { 'application/json': { schema: importBody } }, required: true },
        },
        responses: { 200: json(importResultSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(await importFeedback(deps, actor, scopeFor(actor), c.req.valid('json')), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/feedback',
        operationId: 'listFeedback',
        tags: ['Voice'],
        access: 'view_client_feedback',
        summary: 'Feedback, newest first (a CSM sees their own clients’)',
        request: { query: feedbackQuery },
        responses: { 200: json(pageOf(feedbackItemSchema)), 400: problems[400] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await listFeedback(db, scopeFor(actor), c.req.valid('query'), clock.now(), actor.locale),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/feedback/{id}',
        operationId: 'getFeedback',
        tags: ['Voice'],
        access: 'view_client_feedback',
        summary: 'One feedback item',
        request: { params: idParam },
        responses: { 200: json(feedbackItemSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await getFeedback(db, scopeFor(actor), c.req.valid('param').id, actor.locale),
          200,
        );
      },
    )
    .openapi(
      oneItemRoute({
        method: 'patch',
        path: '/feedback/{id}',
        operationId: 'updateFeedback',
        access: 'manage_feedback',
        summary: 'Change a feedback item: account, type, priority, status, text, contact',
        body: updateFeedbackBody,
        item: feedbackItemSchema,
      }),
      async (c) => {
        const { actor, scope } = askerOf(c);
        const { id } = c.req.valid('param');
        return c.json(await updateFeedback(deps, actor, scope, id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      oneItemRoute({
        method: 'post',
        path: '/feedback/{id}/review',
        operationId: 'reviewFeedback',
        access: 'manage_feedback',
        summary: 'Accept or dismiss an item Steward recognised in support tickets',
        body: z
          .object({ review: z.enum(['accepted', 'dismissed']) })
          .openapi('FeedbackReviewInput'),
        item: feedbackItemSchema,
      }),
      async (c) => {
        const { actor, scope } = askerOf(c);
        const { id } = c.req.valid('param');
        return c.json(
          await reviewFeedback(deps, actor, scope, id, c.req.valid('json').review),
          200,
        );
      },
    );
}
