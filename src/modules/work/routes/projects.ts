// HTTP for customer projects.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { getAccount, scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { createProject, projectsOfAccount, projectWithTasks, updateProject } from '../projects.ts';
import {
  createProjectBody,
  projectSchema,
  projectSummarySchema,
  saveAsTemplateBody,
  templateSchema,
  updateProjectBody,
  upgradePreviewSchema,
} from '../schema/projects.ts';
import { saveProjectAsTemplate } from '../templates/saveAsTemplate.ts';
import { applyTemplateUpgrade, previewTemplateUpgrade } from '../templates/upgrade.ts';
import { wholeNumber } from '../../../lib/numbers.ts';

export function projectRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/projects',
        operationId: 'createProject',
        tags: ['Work'],
        access: 'manage_work',
        summary: 'Start a project for an account (empty; see templates to start from one)',
        request: {
          body: { content: { 'application/json': { schema: createProjectBody } }, required: true },
        },
        responses: { 201: json(projectSchema, 'Created'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const scope = scopeFor(actor);
        const id = await createProject(db, clock, actor, scope, c.req.valid('json'));
        return c.json(await projectWithTasks(db, scope, id), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/projects/{id}',
        operationId: 'getProject',
        tags: ['Work'],
        access: 'view_work',
        summary: 'A project with its stages and tasks',
        request: { params: idParam },
        responses: { 200: json(projectSchema), 404: problems[404] },
      }),
      async (c) =>
        c.json(await projectWithTasks(db, scopeFor(actorOf(c)), c.req.valid('param').id), 200),
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/projects/{id}',
        operationId: 'updateProject',
        tags: ['Work'],
        access: 'manage_work',
        summary: 'Rename a project, change its status or the day it should be done by',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: updateProjectBody } }, required: true },
        },
        responses: { 200: json(projectSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const scope = scopeFor(actor);
        await updateProject(db, clock, actor, scope, c.req.valid('param').id, c.req.valid('json'));
        return c.json(await projectWithTasks(db, scope, c.req.valid('param').id), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/projects',
        operationId: 'listAccountProjects',
        tags: ['Work'],
        access: 'view_work',
        summary: "An account's projects, newest first",
        request: { params: idParam },
        responses: {
          200: json(z.object({ items: z.array(projectSummarySchema) })),
          404: problems[404],
        },
      }),
      async (c) => {
        const scope = scopeFor(actorOf(c));
        const account = await getAccount(db, scope, c.req.valid('param').id);
        return c.json({ items: await projectsOfAccount(db, scope, account.id) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/projects/{id}/save-as-template',
        operationId: 'saveProjectAsTemplate',
        tags: ['Work'],
        access: 'manage_templates',
        summary: 'Save a project as a template: dates become offsets, people become roles',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: saveAsTemplateBody } }, required: true },
        },
        responses: { 201: json(templateSchema, 'Created'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await saveProjectAsTemplate(
            db,
            actor,
            scopeFor(actor),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
          201,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/projects/{id}/template-upgrade',
        operationId: 'previewTemplateUpgrade',
        tags: ['Work'],
        access: 'view_work',
        summary: "Preview taking the template's latest version: tasks added, updated, left alone",
        request: { params: idParam },
        responses: { 200: json(upgradePreviewSchema), 404: problems[404] },
      }),
      async (c) =>
        c.json(
          await previewTemplateUpgrade(db, scopeFor(actorOf(c)), c.req.valid('param').id),
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/projects/{id}/template-upgrade',
        operationId: 'applyTemplateUpgrade',
        tags: ['Work'],
        access: 'manage_work',
        summary: "Take the template's latest version (the one previewed)",
        request: {
          params: idParam,
          body: {
            content: {
              'application/json': {
                schema: z.object({ version: wholeNumber('integer', { min: 1 }) }).strict(),
              },
            },
            required: true,
          },
        },
        responses: { 200: json(projectSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const scope = scopeFor(actor);
        const { id } = c.req.valid('param');
        await applyTemplateUpgrade(db, clock, actor, scope, id, c.req.valid('json').version);
        return c.json(await projectWithTasks(db, scope, id), 200);
      },
    );
}
