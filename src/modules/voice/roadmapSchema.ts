// The shapes of roadmap items at the edge: what is planned, for when, linked to the themes and
// feedback that asked for it, and ranked by the demand behind it (seeds/003: "feature requests
// ranked by client demand").
import { z } from '@hono/zod-openapi';
import { moneySchema } from '../../lib/money.ts';
import type { MessageKey } from '../../i18n/index.ts';

export const roadmapStatuses = [
  'considering',
  'planned',
  'in_progress',
  'shipped',
  'declined',
] as const;
export const roadmapStatusSchema = z.enum(roadmapStatuses);

const quarter = z
  .string()
  .regex(/^[0-9]{4}-Q[1-4]$/, 'voice.field.quarter' satisfies MessageKey)
  .openapi({ example: '2027-Q1' });

export const roadmapItemBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).nullish(),
    status: roadmapStatusSchema.exclude(['shipped']).default('planned').openapi({
      description: 'Shipping is its own action: POST /roadmap-items/{id}/ship',
    }),
    targetQuarter: quarter.nullish(),
    link: z.url().max(500).nullish(),
    themeIds: z.array(z.uuid()).max(50).default([]),
    feedbackIds: z.array(z.uuid()).max(500).default([]),
  })
  .openapi('RoadmapItemInput');
export type RoadmapItemInput = z.infer<typeof roadmapItemBody>;

export const roadmapItemPatch = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).nullable(),
    status: roadmapStatusSchema.exclude(['shipped']),
    targetQuarter: quarter.nullable(),
    link: z.url().max(500).nullable(),
    themeIds: z.array(z.uuid()).max(50),
    feedbackIds: z.array(z.uuid()).max(500),
  })
  .partial()
  .openapi('RoadmapItemChanges');
export type RoadmapItemPatch = z.infer<typeof roadmapItemPatch>;

export const demandSchema = z
  .object({
    accountCount: z.number().int(),
    itemCount: z.number().int(),
    arr: moneySchema,
    atRiskArr: moneySchema,
  })
  .openapi('RoadmapDemand');

export const roadmapItemSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    status: roadmapStatusSchema,
    targetQuarter: z.string().nullable(),
    link: z.string().nullable(),
    shippedAt: z.iso.datetime().nullable(),
    themes: z.array(z.object({ id: z.uuid(), label: z.string() })),
    feedbackIds: z.array(z.uuid()),
    demand: demandSchema.openapi({
      description: 'The accounts whose feedback asked for it (a CSM: among their clients)',
    }),
    accounts: z.array(z.object({ id: z.uuid(), name: z.string() })),
    createdAt: z.iso.datetime(),
  })
  .openapi('RoadmapItem');
export type RoadmapItemView = z.infer<typeof roadmapItemSchema>;

export const roadmapQuery = z.object({
  status: roadmapStatusSchema.optional(),
  sort: z.enum(['demand', 'quarter']).default('demand'),
});

export const shipResultSchema = z
  .object({
    item: roadmapItemSchema,
    /** Accounts whose CSM was told now (none when it had shipped before). */
    toldAccounts: z.array(
      z.object({ accountId: z.uuid(), ownerId: z.uuid().nullable(), taskId: z.uuid().nullable() }),
    ),
    shippedFeedback: z.number().int(),
  })
  .openapi('RoadmapShipment');
