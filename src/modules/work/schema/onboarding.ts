// The shapes of onboarding reports at the edge: one project's progress and risks, the stages'
// statistics across projects, and the workspace's holidays that due dates skip.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../../i18n/index.ts';
import { calendarDay } from '../../../lib/days.ts';
import { progress } from './projects.ts';
import { taskStatusSchema } from './tasks.ts';

const isoDate = calendarDay();

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
    overallProgress: z.number().int().openapi({ description: 'Percent of the tasks done' }),
    progress,
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
    daysBehind: z.number().int().nullable().openapi({
      description:
        'Days behind schedule: the oldest overdue task, or the current stage past its expected days, whichever is more; null when on schedule',
    }),
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
  .object({
    day: isoDate,
    name: z
      .string()
      .trim()
      .min(1, 'work.field.holidayName' satisfies MessageKey)
      .max(100),
  })
  .openapi('Holiday');

const holidayVersion = z
  .int()
  .min(0)
  .openapi({ description: 'The list as it was loaded: a save from an older version is refused.' });

export const holidayListSchema = z
  .object({ items: z.array(holidaySchema), version: holidayVersion })
  .openapi('HolidayList');

export const holidayListInputSchema = z
  .object({ items: z.array(holidaySchema).max(1000), version: holidayVersion })
  .strict()
  .openapi('HolidayListInput');
