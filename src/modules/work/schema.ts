// The shapes of projects, tasks, comments, templates and onboarding reports at the edge.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../i18n/index.ts';
import { prioritySchema } from '../../lib/vocabulary.ts';
import { templateDefinitionSchema, workKindSchema } from './templates/definition.ts';
import { wholeNumber } from '../../lib/numbers.ts';

export const taskStatusSchema = z.enum([
  'todo',
  'in_progress',
  'blocked',
  'waiting_on_customer',
  'done',
]);
export { prioritySchema };
const isoDate = z.iso.date();
const dateTime = z.iso.datetime({ offset: true });

const checklistItem = z.object({ id: z.string(), text: z.string(), done: z.boolean() });

/** Examples integrators see in the API description. */
const taskExample = {
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
    mentions: z.array(z.object({ id: z.uuid(), name: z.string() })),
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

const progress = z.object({ total: z.number().int(), done: z.number().int() });

const projectSummaryExample = {
  id: '9c2e4a6b-8d1f-4a3c-b5e7-1d3f5a7c9e2b',
  accountId: '0b9a3c1e-5d2f-4f8a-9c61-2f4e8d7a1b30',
  accountName: 'Acme Corp',
  name: 'Acme onboarding',
  kind: 'onboarding',
  status: 'active',
  templateId: '2d4f6a8c-1e3b-4d5f-a7c9-e1b3d5f7a9c1',
  templateName: 'Enterprise onboarding',
  templateVersion: 3,
  templateCurrentVersion: 3,
  startDate: '2026-12-01',
  targetDate: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  completedAt: null,
  progress: { total: 24, done: 5 },
};

export const projectSummarySchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    name: z.string(),
    kind: workKindSchema,
    status: z.enum(['active', 'on_hold', 'completed', 'cancelled']),
    templateId: z.uuid().nullable(),
    templateName: z.string().nullable(),
    templateVersion: z.number().int().nullable(),
    templateCurrentVersion: z.number().int().nullable(),
    startDate: isoDate,
    targetDate: isoDate.nullable().openapi({
      description: "The date its template counted back from (the account's renewal), if any",
    }),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    progress,
  })
  .openapi('ProjectSummary', { example: projectSummaryExample });

export const projectSchema = projectSummarySchema
  .extend({
    stages: z.array(
      z.object({
        id: z.uuid(),
        key: z.string(),
        name: z.string(),
        description: z.string().nullable(),
        position: z.number().int(),
        expectedDays: z.number().int().nullable(),
        successCriteria: z.array(z.string()),
        startedAt: z.string().nullable(),
        completedAt: z.string().nullable(),
        progress,
      }),
    ),
    tasks: z.array(taskSchema),
  })
  .openapi('Project', {
    example: {
      ...projectSummaryExample,
      stages: [
        {
          id: '4b6d8f1a-3c5e-4a7b-9d1f-5a7c9e1b3d5f',
          key: 'kickoff',
          name: 'Kick-off',
          description: null,
          position: 0,
          expectedDays: 7,
          successCriteria: ['Champion and sponsor named'],
          startedAt: '2026-12-01T09:00:00.000Z',
          completedAt: null,
          progress: { total: 4, done: 2 },
        },
      ],
      tasks: [taskExample],
    },
  });

export const createProjectBody = z
  .object({
    accountId: z.uuid(),
    name: z.string().trim().min(1).max(300),
    kind: workKindSchema.default('other'),
    startDate: isoDate
      .optional()
      .openapi({ description: "Default: today, in the workspace's time zone" }),
  })
  .strict()
  .openapi('CreateProject');
export const updateProjectBody = z
  .object({
    name: z.string().trim().min(1).max(300),
    status: z.enum(['active', 'on_hold', 'completed', 'cancelled']),
  })
  .partial()
  .strict()
  .openapi('UpdateProject');

export const templateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    kind: workKindSchema,
    version: z.number().int(),
    definition: templateDefinitionSchema,
    roles: z.array(z.string()),
    taskCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Template');

export const templateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).nullable().default(null),
    kind: workKindSchema.default('onboarding'),
    definition: templateDefinitionSchema,
  })
  .strict()
  .openapi('TemplateInput');

export const saveAsTemplateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).nullable().default(null),
    roles: z
      .record(z.uuid(), z.string().regex(/^[a-z][a-z0-9_]{0,62}$/))
      .optional()
      .openapi({
        description: 'Person → role, for people other than the account CSM and their manager',
      }),
  })
  .strict();

const assignees = z.record(z.string(), z.uuid()).default({}).openapi({
  description: 'Role → person. `owner` defaults to the account CSM, `manager` to their manager.',
});

export const instantiateBody = z
  .object({
    accountId: z.uuid(),
    startDate: isoDate,
    assignees,
    name: z.string().trim().min(1).max(300).optional(),
  })
  .strict()
  .openapi('Instantiate');

export const instantiateManyBody = z
  .object({ accountIds: z.array(z.uuid()).min(1).max(1000), startDate: isoDate, assignees })
  .strict()
  .openapi('InstantiateMany');

export const upgradePreviewSchema = z
  .object({
    projectId: z.uuid(),
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    add: z.array(z.object({ key: z.string(), title: z.string() })),
    update: z.array(z.object({ taskId: z.uuid(), title: z.string(), fields: z.array(z.string()) })),
    untouched: z.array(z.object({ taskId: z.uuid(), title: z.string(), reason: z.string() })),
  })
  .openapi('TemplateUpgradePreview');

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

export const onboardingReportSchema = z
  .object({
    projectId: z.uuid(),
    projectName: z.string(),
    accountId: z.uuid(),
    accountName: z.string(),
    status: z.string(),
    startDate: z.string(),
    currentStage: z
      .object({
        id: z.uuid(),
        name: z.string(),
        startedAt: z.string().nullable(),
        expectedDays: z.number().int().nullable(),
      })
      .nullable(),
    overallProgress: z.number().int(),
    stages: z.array(
      z.object({
        id: z.uuid(),
        key: z.string(),
        name: z.string(),
        progress,
        startedAt: z.string().nullable(),
        completedAt: z.string().nullable(),
      }),
    ),
    nextActions: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        dueAt: z.string().nullable(),
        assigneeName: z.string().nullable(),
        status: taskStatusSchema,
      }),
    ),
    riskFactors: z.array(
      z.object({
        kind: z.enum(['overdue', 'stage_over_time', 'blocked', 'waiting_on_customer', 'stalled']),
        message: z.string(),
      }),
    ),
    timeToFirstValueDays: z.number().nullable(),
  })
  .openapi('OnboardingReport');

export const onboardingStatisticsSchema = z
  .object({
    projects: z.number().int(),
    completedProjects: z.number().int(),
    stages: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        expectedDays: z.number().int().nullable(),
        projects: z.number().int(),
        completionRate: z.number().int(),
        averageDaysToComplete: z.number().nullable(),
      }),
    ),
    timeToFirstValue: z.object({ projects: z.number().int(), averageDays: z.number().nullable() }),
  })
  .openapi('OnboardingStatistics');

export const holidaySchema = z
  .object({ day: isoDate, name: z.string().trim().min(1).max(100) })
  .openapi('Holiday');
