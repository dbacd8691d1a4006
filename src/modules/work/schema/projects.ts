// The shapes of projects and templates at the edge: a project with its stages and tasks, the
// template library, instantiating a template and previewing a project's upgrade to its latest.
import { z } from '@hono/zod-openapi';
import { calendarDay } from '../../../lib/days.ts';
import { templateDefinitionSchema, workKindSchema } from '../templates/definition.ts';
import { taskExample, taskSchema } from './tasks.ts';

const isoDate = calendarDay();

/** Tasks done of all, in a stage or a project. */
export const progress = z.object({ total: z.number().int(), done: z.number().int() });

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
      description:
        "The day the project should be done by: set by the CSM, or the account's renewal a template counted back from",
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
    targetDate: isoDate.nullable().openapi({
      description:
        "On or after the start. A renewal template's upgrade counts back from it; null clears it",
    }),
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
