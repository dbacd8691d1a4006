// HTTP for custom field definitions and saved segments.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter, problems } from '../../../http/route.ts';
import { AppError } from '../../../lib/errors.ts';
import { actorOf } from '../../auth/index.ts';
import { customFieldDefinitions, defineCustomField, describeCustomField } from '../customFields.ts';
import {
  createCustomFieldBody,
  createSegmentBody,
  customFieldSchema,
  segmentSchema,
} from '../schema.ts';
import { deleteSegment, listSegments, saveSegment } from '../segments.ts';

export function settingsRoutes({ db }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/custom-fields',
        operationId: 'listCustomFields',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: 'Custom field definitions for accounts or tasks',
        request: { query: z.object({ entity: z.enum(['account', 'task']).default('account') }) },
        responses: { 200: json(z.object({ items: z.array(customFieldSchema) })) },
      }),
      async (c) => {
        const rows = await customFieldDefinitions(
          db,
          actorOf(c).workspaceId,
          c.req.valid('query').entity,
        );
        return c.json({ items: rows.map(describeCustomField) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/custom-fields',
        operationId: 'createCustomField',
        tags: ['Accounts'],
        access: 'manage_custom_fields',
        summary: 'Define a typed custom field',
        request: {
          body: {
            content: { 'application/json': { schema: createCustomFieldBody } },
            required: true,
          },
        },
        responses: { 201: json(customFieldSchema, 'Created'), 409: problems[409] },
      }),
      async (c) => c.json(await defineCustomField(db, actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/segments',
        operationId: 'listSegments',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: 'Your saved segments and those shared with the workspace',
        responses: { 200: json(z.object({ items: z.array(segmentSchema) })) },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json({ items: await listSegments(db, actor.workspaceId, actor.userId) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/segments',
        operationId: 'createSegment',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: 'Save portfolio filters as a segment',
        request: {
          body: { content: { 'application/json': { schema: createSegmentBody } }, required: true },
        },
        responses: { 201: json(segmentSchema, 'Created') },
      }),
      async (c) => {
        const actor = actorOf(c);
        const body = c.req.valid('json');
        // Everyone may keep a segment for themself; sharing one changes the whole team's list.
        if (body.shared && !actor.permissions.has('manage_accounts')) {
          throw new AppError('auth.forbidden', { key: 'accounts.problem.shareNeedsPermission' });
        }
        return c.json(await saveSegment(db, actor, body), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/segments/{id}',
        operationId: 'deleteSegment',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: 'Delete one of your segments',
        request: { params: z.object({ id: z.uuid() }) },
        responses: { 204: { description: 'Deleted' }, 404: problems[404] },
      }),
      async (c) => {
        await deleteSegment(db, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
}
