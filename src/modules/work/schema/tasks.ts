// The shapes of tasks at the edge: a task, its create and update bodies, comments, and My work.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../../i18n/index.ts';
import { wholeNumber } from '../../../lib/numbers.ts';
import { prioritySchema } from '../../../lib/vocabulary.ts';

export const taskStatusSchema = z.enum([
  'todo',
  'in_progress',
  'blocked',
  'waiting_on_customer',
  'done',
]);
export { prioritySchema };
const dateTime = z.iso.datetime({ offset: true });

const checklistItem = z.object({ id: z.string(), text: z.string(), done: z.boolean() });

/** Examples integrators see in the API description. */
export const taskExample = {
  id: '5a1f3c7e-2b4d-4c6e-8f1a-3b5c7d9e1f20',
  accountId: '0b9a3c1e-5d2f-4f8a-9c61-2f4e8d7a1b30',
  accountName: 'Acme Corp',
  projectId: '9c2e4a6b-8d1f-4a3c-b5e7-1d3f5a7c9e2b',
  projectName: 'Acme onboarding',
  stageId: null,
  parentId: null,
  title: 'Kick-off call with the champion',
  description: null,
  status: 'in_progress',
  priority: 'P1',
  tags: ['kickoff'],
  assigneeId: '7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b',
  assigneeName: 'Dana Reyes',
  dueAt: '2026-12-07T17:00:00.000Z',
  startAt: null,
  lateStart: false,
  checklist: [{ id: 'agenda', text: 'Send the agenda', done: true }],
  customFields: {},
  isFirstValue: false,
  dependsOn: [],
  blockedBy: [],
  subtaskCount: 0,
  commentCount: 2,
  position: 0,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-02T15:30:00.000Z',
  startedAt: '2026-12-02T15:30:00.000Z',
  completedAt: null,
  lastActivityAt: '2026-12-02T15:30:00.000Z',
  lastActivityBy: '7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b',
};

export const taskSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    projectId: z.uuid().nullable(),
    projectName: z.string().nullable(),
    stageId: z.uuid().nullable(),
    parentId: z.uuid().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    status: taskStatusSchema,
    priority: prioritySchema,
    tags: z.array(z.string()),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    dueAt: z.string().nullable(),
    startAt: z.string().nullable().openapi({
      description: 'When work on it is meant to begin; its SLA clocks wait for it',
    }),
    lateStart: z.boolean().openapi({
      description:
        'The template wanted it due before the project could start (a renewal closer than ' +
        "the template's span): it is due on the first day instead",
    }),
    checklist: z.array(checklistItem),
    customFields: z.record(z.string(), z.unknown()),
    isFirstValue: z.boolean(),
    dependsOn: z.array(z.uuid()),
    blockedBy: z.array(z.object({ id: z.uuid(), title: z.string() })),
    subtaskCount: z.number().int(),
    commentCount: z.number().int(),
    position: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    lastActivityAt: z.string(),
    lastActivityBy: z.uuid().nullable(),
  })
  .openapi('Task', { example: taskExample });

const tag = z.string().trim().toLowerCase().min(1).max(50);
const taskFields = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).nullable(),
  status: taskStatusSchema,
  priority: prioritySchema,
  tags: z.array(tag).max(20),
  assigneeId: z.uuid().nullable(),
  dueAt: dateTime.nullable(),
  startAt: dateTime.nullable(),
  checklist: z
    .array(
      z.object({
        id: z.string().optional(),
        text: z.string().trim().min(1).max(300),
        done: z.boolean().default(false),
      }),
    )
    .max(100),
  customFields: z.record(z.string(), z.unknown()),
  dependsOn: z.array(z.uuid()).max(50),
  parentId: z.uuid().nullable(),
  stageId: z.uuid().nullable(),
  position: wholeNumber('integer', { min: 0 }),
  isFirstValue: z.boolean(),
});

export const createTaskBody = taskFields
  .partial()
  .extend({
    title: taskFields.shape.title,
    accountId: z.uuid().optional(),
    projectId: z.uuid().nullable().optional(),
  })
  .strict()
  .openapi('CreateTask');
export const updateTaskBody = taskFields.partial().strict().openapi('UpdateTask');

export const commentSchema = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    body: z.string(),
    author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    mentions: z.array(
      z.object({
        id: z.uuid().openapi({ description: 'The person mentioned' }),
        name: z.string(),
        mentionId: z.uuid().openapi({ description: 'For POST /mentions/{id}/acknowledge' }),
        acknowledgedAt: z.string().nullable().openapi({
          description: 'When they answered: acknowledged it, commented or changed the task',
        }),
      }),
    ),
    createdAt: z.string(),
  })
  .openapi('Comment');
export const commentBody = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, 'errors.field.writeSomething' satisfies MessageKey)
      .max(20_000),
  })
  .strict();

const bucket = z.object({ count: z.number().int(), items: z.array(taskSchema) });
export const myWorkSchema = z
  .object({
    timezone: z.string(),
    overdue: bucket,
    today: bucket,
    thisWeek: bucket,
    later: bucket,
    noDueDate: bucket,
  })
  .openapi('MyWork');
