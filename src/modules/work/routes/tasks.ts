// HTTP for tasks, comments, mentions and "My work".
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { myWork } from '../myWork.ts';
import {
  commentBody,
  commentSchema,
  createTaskBody,
  myWorkSchema,
  taskSchema,
  taskStatusSchema,
  updateTaskBody,
} from '../schema/tasks.ts';
import { acknowledgeMention, commentOnTask, commentsOf } from '../tasks/comments.ts';
import { createTask, deleteTask, getTask, listTasks, updateTask } from '../tasks/service.ts';

export function taskRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/tasks',
        operationId: 'createTask',
        tags: ['Work'],
        access: 'manage_work',
        summary: 'Add a task to a project or directly to an account',
        request: {
          body: { content: { 'application/json': { schema: createTaskBody } }, required: true },
        },
        responses: { 201: json(taskSchema, 'Created'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await createTask(db, clock, actor, scopeFor(actor), c.req.valid('json')),
          201,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/tasks',
        operationId: 'listTasks',
        tags: ['Work'],
        access: 'view_work',
        summary: "An account's tasks, or a person's",
        request: {
          query: z.object({
            accountId: z.uuid().optional(),
            assigneeId: z.uuid().optional(),
            status: z
              .string()
              .transform((v) => v.split(','))
              .pipe(z.array(taskStatusSchema))
              .optional(),
            open: z
              .enum(['true', 'false'])
              .optional()
              .openapi({ description: 'Only tasks not done' }),
          }),
        },
        responses: { 200: json(z.object({ items: z.array(taskSchema) })) },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const items = await listTasks(db, scopeFor(actorOf(c)), {
          accountId: query.accountId,
          assigneeId: query.assigneeId,
          status: query.status,
          open: query.open === 'true',
        });
        return c.json({ items }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/tasks/{id}',
        operationId: 'getTask',
        tags: ['Work'],
        access: 'view_work',
        summary: 'One task',
        request: { params: idParam },
        responses: { 200: json(taskSchema), 404: problems[404] },
      }),
      async (c) => c.json(await getTask(db, scopeFor(actorOf(c)), c.req.valid('param').id), 200),
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/tasks/{id}',
        operationId: 'updateTask',
        tags: ['Work'],
        access: 'manage_work',
        summary:
          'Change a task: status, priority, tags, assignee, due date, checklist, dependencies…',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: updateTaskBody } }, required: true },
        },
        responses: { 200: json(taskSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await updateTask(
            db,
            clock,
            actor,
            scopeFor(actor),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/tasks/{id}',
        operationId: 'deleteTask',
        tags: ['Work'],
        access: 'manage_work',
        summary: 'Remove a task (kept in history)',
        request: { params: idParam },
        responses: { 204: { description: 'Removed' }, 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        await deleteTask(db, clock, actor, scopeFor(actor), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/tasks/{id}/comments',
        operationId: 'listTaskComments',
        tags: ['Work'],
        access: 'view_work',
        summary: "A task's comments, oldest first",
        request: { params: idParam },
        responses: { 200: json(z.object({ items: z.array(commentSchema) })), 404: problems[404] },
      }),
      async (c) =>
        c.json({ items: await commentsOf(db, scopeFor(actorOf(c)), c.req.valid('param').id) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/tasks/{id}/comments',
        operationId: 'createTaskComment',
        tags: ['Work'],
        access: 'manage_work',
        summary: 'Comment on a task; @name mentions the person',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: commentBody } }, required: true },
        },
        responses: { 201: json(commentSchema, 'Created'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await commentOnTask(
            db,
            clock,
            actor,
            scopeFor(actor),
            c.req.valid('param').id,
            c.req.valid('json').body,
          ),
          201,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/mentions/{id}/acknowledge',
        operationId: 'acknowledgeMention',
        tags: ['Work'],
        access: 'view_work',
        summary: 'Acknowledge a mention of you',
        request: { params: idParam },
        responses: { 204: { description: 'Acknowledged' }, 404: problems[404] },
      }),
      async (c) => {
        await acknowledgeMention(db, clock, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/my-work',
        operationId: 'getMyWork',
        tags: ['Work'],
        access: 'view_work',
        summary: 'Your open tasks across accounts: overdue, today, this week, later',
        responses: { 200: json(myWorkSchema) },
      }),
      async (c) => c.json(await myWork(db, clock, actorOf(c)), 200),
    );
}
