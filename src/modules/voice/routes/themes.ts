// HTTP for themes: ranked by demand, one theme, the home page's pattern, and people's
// corrections — rename, merge, split, move an item — and a recomputation on demand.
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { z } from '@hono/zod-openapi';
import { getFeedback } from '../feedback.ts';
import {
  feedbackItemSchema,
  highlightSchema,
  mergeThemeBody,
  moveItemBody,
  renameThemeBody,
  sinceSchema,
  splitThemeBody,
  themeSchema,
  themesQuery,
} from '../schema.ts';
import { mergeThemes, moveItem, renameTheme, splitTheme } from '../themes/corrections.ts';
import { getTheme, listThemes, topRequest } from '../themes/ranking.ts';
import { recomputeThemes } from '../themes/recompute.ts';

const themeQuery = z.object({
  since: sinceSchema.default('3650d'),
  items: z.coerce.number().int().min(0).max(200).default(50),
});

export function themeRoutes(deps: Deps) {
  const { db, clock } = deps;
  const theme = (actor: ReturnType<typeof actorOf>, id: string) =>
    getTheme(db, scopeFor(actor), id, { since: '3650d', items: 50 }, clock.now(), actor.locale);
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/feedback/themes',
        operationId: 'listThemes',
        tags: ['Voice'],
        access: 'view_client_feedback',
        summary: 'Themes found in feedback, ranked by demand (accounts, ARR, items) over a window',
        request: { query: themesQuery },
        responses: { 200: json(z.object({ items: z.array(themeSchema) })) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const items = await listThemes(
          db,
          scopeFor(actor),
          c.req.valid('query'),
          clock.now(),
          actor.locale,
        );
        return c.json({ items }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/feedback/highlight',
        operationId: 'getFeedbackHighlight',
        tags: ['Voice'],
        access: 'view_client_feedback',
        summary: 'The feature most customers asked for in the window ("5 customers asked for SSO")',
        request: { query: z.object({ since: sinceSchema }) },
        responses: { 200: json(highlightSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await topRequest(
            db,
            scopeFor(actor),
            c.req.valid('query').since,
            clock.now(),
            actor.locale,
          ),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/feedback/themes/{id}',
        operationId: 'getTheme',
        tags: ['Voice'],
        access: 'view_client_feedback',
        summary: 'One theme with its items',
        request: { params: idParam, query: themeQuery },
        responses: { 200: json(themeSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const query = c.req.valid('query');
        return c.json(
          await getTheme(
            db,
            scopeFor(actor),
            c.req.valid('param').id,
            query,
            clock.now(),
            actor.locale,
          ),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/feedback/themes/{id}',
        operationId: 'updateTheme',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary: 'Rename a theme (null gives it back its automatic label)',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: renameThemeBody } }, required: true },
        },
        responses: { 200: json(themeSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { id } = c.req.valid('param');
        await renameTheme(deps, actor, id, c.req.valid('json').label);
        return c.json(await theme(actor, id), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/feedback/themes/{id}/merge',
        operationId: 'mergeThemes',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary: 'Merge this theme into another; new items worded either way join it',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: mergeThemeBody } }, required: true },
        },
        responses: { 200: json(themeSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { intoThemeId } = c.req.valid('json');
        await mergeThemes(deps, actor, c.req.valid('param').id, intoThemeId);
        return c.json(await theme(actor, intoThemeId), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/feedback/themes/{id}/split',
        operationId: 'splitTheme',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary: 'Split the chosen items off into a new theme',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: splitThemeBody } }, required: true },
        },
        responses: { 201: json(themeSchema, 'The new theme'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const created = await splitTheme(deps, actor, c.req.valid('param').id, c.req.valid('json'));
        return c.json(await theme(actor, created), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/feedback/{id}/move',
        operationId: 'moveFeedback',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary: 'Move a feedback item to another theme (or to one of its own)',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: moveItemBody } }, required: true },
        },
        responses: { 200: json(feedbackItemSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { id } = c.req.valid('param');
        await moveItem(deps, actor, scopeFor(actor), id, c.req.valid('json').themeId);
        return c.json(await getFeedback(db, scopeFor(actor), id, actor.locale), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/feedback/themes/recompute',
        operationId: 'recomputeThemes',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary: 'Recompute the workspace’s themes now (they are also recomputed nightly)',
        responses: {
          200: json(z.object({ items: z.number().int(), themes: z.number().int() })),
        },
      }),
      async (c) => c.json(await recomputeThemes(deps, actorOf(c).workspaceId), 200),
    );
}
