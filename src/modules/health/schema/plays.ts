// Plays: what happens when an account enters a category, nears its renewal or a detractor
// answers, and each time one ran.
import { z } from '@hono/zod-openapi';

const playTrigger = z.enum([
  'entered_at_risk',
  'entered_critical',
  'renewal_approaching',
  'nps_detractor',
]);
const assigneeRole = z.enum(['owner', 'manager']);

/** What a play is made of, as a change names it: every field optional. */
const playFields = {
  name: z.string().trim().min(1).max(200),
  trigger: playTrigger,
  daysBeforeRenewal: z.number().int().min(1).max(365).nullable(),
  templateId: z.uuid().nullable(),
  taskTitle: z.string().trim().min(1).max(300).nullable(),
  assigneeRole,
  dueInHours: z.number().int().min(1).max(8760),
  enabled: z.boolean(),
};

export const playBody = z
  .object({
    ...playFields,
    daysBeforeRenewal: playFields.daysBeforeRenewal.default(null),
    templateId: playFields.templateId.default(null).openapi({
      description: 'Open a project from this template; else the single task below',
    }),
    taskTitle: playFields.taskTitle.default(null),
    assigneeRole: assigneeRole.default('owner').openapi({
      description: "owner: the account's CSM; manager: their manager",
    }),
    dueInHours: playFields.dueInHours.default(24),
    enabled: playFields.enabled.default(true),
  })
  .openapi('PlayInput');

export const playPatch = z.object(playFields).partial().openapi('PlayPatch');

export const playSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    trigger: playTrigger,
    daysBeforeRenewal: z.number().int().nullable(),
    templateId: z.uuid().nullable(),
    taskTitle: z.string().nullable(),
    assigneeRole,
    dueInHours: z.number().int(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Play');

export const playRunSchema = z
  .object({
    id: z.uuid(),
    playId: z.uuid(),
    playName: z.string(),
    trigger: z.string(),
    accountId: z.uuid(),
    occasion: z.string().openapi({ description: '`move:<id>` or `renewal:<date>`' }),
    taskId: z.uuid().nullable(),
    projectId: z.uuid().nullable(),
    ranAt: z.string(),
  })
  .openapi('PlayRun');
