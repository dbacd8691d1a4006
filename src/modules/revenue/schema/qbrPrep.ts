// The QBR prep page's shape, and sharing it by a read-only link.
import { z } from '@hono/zod-openapi';
import { healthCategorySchema } from '../../../lib/vocabulary.ts';
import { feedbackStatuses, feedbackTypes } from '../../voice/index.ts';
import { daySchema, moneyOut, renderedMessage, tierSchema } from './common.ts';
import { opportunitySchema } from './expansion.ts';
import { renewalSchema } from './renewals.ts';
import type { MessageKey } from '../../../i18n/index.ts';

export const qbrPrepSchema = z
  .object({
    generatedAt: z.string(),
    locale: z.enum(['en', 'ru']).openapi({ description: 'The language the sentences are in' }),
    account: z.object({
      id: z.uuid(),
      name: z.string(),
      tier: tierSchema,
      plan: z.string().nullable(),
      seats: z.number().int().nullable(),
      arr: moneyOut,
      renewalDate: daySchema.nullable(),
      ownerName: z.string().nullable(),
      customerSince: daySchema,
    }),
    health: z.object({
      score: z.number().int().nullable(),
      category: healthCategorySchema.nullable(),
      monthOverMonth: z.number().int().nullable(),
      measures: z.array(
        z.object({ key: z.string(), score: z.number().int().nullable(), reason: renderedMessage }),
      ),
      history: z.array(z.object({ day: daySchema, score: z.number().int().nullable() })),
    }),
    usage: z.object({
      activeUsers: z.object({
        dau: z.number().int(),
        wau: z.number().int(),
        mau: z.number().int(),
      }),
      seats: z.number().int().nullable(),
      seatUtilization: z.number().nullable(),
      topFeatures: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          events: z.number().int(),
          users: z.number().int(),
        }),
      ),
      timeToValueDays: z.number().int().nullable(),
      series: z.array(z.object({ day: daySchema, activeUsers: z.number().int() })),
    }),
    support: z.object({
      open: z.number().int(),
      urgentOpen: z.number().int(),
      opened: z.number().int(),
      solved: z.number().int(),
      csat: z.number().nullable(),
      recentOpen: z.array(
        z.object({ subject: z.string(), priority: z.string(), openedAt: z.string() }),
      ),
    }),
    renewal: z.union([renewalSchema, z.null()]),
    opportunities: z.object({
      open: z.array(opportunitySchema),
      wonLastYear: z.array(opportunitySchema),
    }),
    meetings: z.object({
      lastQbrAt: z.string().nullable(),
      next: z
        .object({ id: z.uuid(), kind: z.string(), title: z.string(), startsAt: z.string() })
        .nullable(),
      openActionItems: z.array(
        z.object({
          taskId: z.uuid(),
          title: z.string(),
          dueAt: z.string().nullable(),
          assigneeName: z.string().nullable(),
        }),
      ),
    }),
    nps: z.number().nullable().openapi({ description: 'null until survey responses exist' }),
    feedback: z
      .array(
        z.object({
          id: z.uuid(),
          type: z.enum(feedbackTypes),
          status: z.enum(feedbackStatuses),
          text: z.string(),
          theme: z.string().nullable().openapi({ description: "The theme's label, if any" }),
          givenAt: z.string(),
        }),
      )
      .openapi({ description: "The customer's latest feedback in the past year, newest first" }),
    wins: z.array(renderedMessage),
    risks: z.array(renderedMessage),
  })
  .openapi('QbrPrep');

export const shareBody = z
  .object({
    days: z
      .number()
      .int()
      .min(1)
      .max(90)
      .default(14)
      .openapi({ description: 'How long the link works' }),
  })
  .openapi('QbrShareInput');

export const sharedLinkSchema = z
  .object({
    id: z.uuid(),
    token: z.string().openapi({ description: 'Shown once' }),
    path: z.string().openapi({ description: 'The page to open: /shared/qbr/{token}' }),
    expiresAt: z.string(),
  })
  .openapi('QbrShareLink');

export const shareLinksSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      locale: z.enum(['en', 'ru']),
      createdAt: z.string(),
      expiresAt: z.string(),
      revokedAt: z.string().nullable(),
      createdByName: z.string().nullable(),
    }),
  ),
});

export const tokenParam = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'revenue.field.linkToken' satisfies MessageKey),
});
