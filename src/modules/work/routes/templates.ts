// HTTP for the template library and instantiation.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { toProblem, problemSchema } from '../../../http/problem.ts';
import { readerOf } from '../../../http/reader.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { projectWithTasks } from '../projects.ts';
import {
  instantiateBody,
  instantiateManyBody,
  projectSchema,
  templateBody,
  templateSchema,
} from '../schema/projects.ts';
import { templateDefinitionSchema } from '../templates/definition.ts';
import { instantiateForAccounts, instantiateTemplate } from '../templates/instantiate.ts';
import {
  createTemplate,
  getTemplate,
  listTemplates,
  reviseTemplate,
  templateVersion,
} from '../templates/library.ts';
import { wholeNumberParam } from '../../../lib/numbers.ts';

export function templateRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/templates',
        operationId: 'listTemplates',
        tags: ['Work'],
        access: 'view_work',
        summary: 'The template library',
        responses: { 200: json(z.object({ items: z.array(templateSchema) })) },
      }),
      async (c) => c.json({ items: await listTemplates(db, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/templates',
        operationId: 'createTemplate',
        tags: ['Work'],
        access: 'manage_templates',
        summary: 'Create a template: stages, tasks with offsets, roles, checklists, dependencies',
        request: {
          body: { content: { 'application/json': { schema: templateBody } }, required: true },
        },
        responses: { 201: json(templateSchema, 'Created') },
      }),
      async (c) => c.json(await createTemplate(db, actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/templates/{id}',
        operationId: 'getTemplate',
        tags: ['Work'],
        access: 'view_work',
        summary: 'A template at its latest version',
        request: { params: idParam },
        responses: { 200: json(templateSchema), 404: problems[404] },
      }),
      async (c) =>
        c.json(await getTemplate(db, actorOf(c).workspaceId, c.req.valid('param').id), 200),
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/templates/{id}',
        operationId: 'updateTemplate',
        tags: ['Work'],
        access: 'manage_templates',
        summary: 'Edit a template: saves a new version',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: templateBody } }, required: true },
        },
        responses: { 200: json(templateSchema), 404: problems[404] },
      }),
      async (c) =>
        c.json(
          await reviseTemplate(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/templates/{id}/versions/{version}',
        operationId: 'getTemplateVersion',
        tags: ['Work'],
        access: 'view_work',
        summary: 'One earlier version of a template',
        request: {
          params: z.object({ id: z.uuid(), version: wholeNumberParam('integer', { min: 1 }) }),
        },
        responses: { 200: json(templateDefinitionSchema), 404: problems[404] },
      }),
      async (c) => {
        const { id, version } = c.req.valid('param');
        return c.json(await templateVersion(db, actorOf(c).workspaceId, id, version), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/templates/{id}/instantiate',
        operationId: 'instantiateTemplate',
        tags: ['Work'],
        access: 'manage_work',
        summary: "Create a customer's project from the template in one action",
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: instantiateBody } }, required: true },
        },
        responses: { 201: json(projectSchema, 'Created'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const scope = scopeFor(actor);
        const projectId = await instantiateTemplate(
          db,
          clock,
          actor,
          scope,
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return c.json(await projectWithTasks(db, scope, projectId), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/templates/{id}/instantiate-many',
        operationId: 'instantiateTemplateForAccounts',
        tags: ['Work'],
        access: 'manage_work',
        summary: 'Create the project for many accounts; each account is its own transaction',
        request: {
          params: idParam,
          body: {
            content: { 'application/json': { schema: instantiateManyBody } },
            required: true,
          },
        },
        responses: {
          200: json(
            z.object({
              items: z.array(
                z.object({
                  accountId: z.uuid(),
                  projectId: z.uuid().nullable(),
                  problem: problemSchema.nullable(),
                }),
              ),
            }),
          ),
          404: problems[404],
        },
      }),
      async (c) => {
        const actor = actorOf(c);
        const outcomes = await instantiateForAccounts(
          db,
          clock,
          actor,
          scopeFor(actor),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        const reader = readerOf(c);
        const items = outcomes.map(({ accountId, projectId, failure }) => ({
          accountId,
          projectId,
          problem: failure ? toProblem(failure, undefined, reader) : null,
        }));
        return c.json({ items }, 200);
      },
    );
}
