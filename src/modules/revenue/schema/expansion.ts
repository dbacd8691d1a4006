// Expansion's shapes: signals with their evidence, accounts ready to grow, tracked
// opportunities, and the plan prices estimates are made with.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../../i18n/index.ts';
import {
  daySchema,
  moneyOut,
  ownerParam,
  renderedMessage,
  revenueMoney,
  tierSchema,
} from './common.ts';

export const signalKindSchema = z.enum([
  'seats_nearly_full',
  'premium_features',
  'usage_growing',
  'healthy',
  'promoter',
]);

export const opportunityKindSchema = z.enum(['seats', 'upgrade', 'cross_sell', 'other']);
export const opportunityStageSchema = z.enum([
  'identified',
  'qualified',
  'proposal',
  'won',
  'lost',
]);

export const opportunitySchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    kind: opportunityKindSchema,
    title: z.string(),
    signals: z.array(z.string()),
    amount: moneyOut.openapi({ description: 'The ARR it adds' }),
    stage: opportunityStageSchema,
    expectedClose: daySchema.nullable(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('Opportunity');

export const expansionQuery = z.object({
  owner: ownerParam,
  view: z
    .enum(['all', 'premium'])
    .default('all')
    .openapi({ description: '`premium`: premium upgrade candidates only' }),
});

export const expansionSchema = z
  .object({
    date: daySchema,
    view: z.enum(['all', 'premium']),
    totals: z.object({ accounts: z.number().int(), estimatedArr: moneyOut }),
    items: z.array(
      z.object({
        accountId: z.uuid(),
        name: z.string(),
        ownerId: z.uuid().nullable(),
        ownerName: z.string().nullable(),
        tier: tierSchema,
        plan: z.string().nullable(),
        seats: z.number().int().nullable(),
        arr: moneyOut,
        health: z.object({ score: z.number().int().nullable(), category: z.string().nullable() }),
        signals: z.array(
          z.object({
            kind: signalKindSchema,
            evidence: z.array(renderedMessage),
            estimatedArr: moneyOut.nullable(),
          }),
        ),
        estimatedArr: moneyOut,
        suggestedKind: z.enum(['seats', 'upgrade']),
        opportunities: z.array(opportunitySchema).openapi({ description: 'Open, tracked' }),
      }),
    ),
  })
  .openapi('ExpansionOpportunities');

export const opportunitiesQuery = z.object({
  accountId: z.uuid().optional(),
  open: z.enum(['true', 'false']).optional(),
});

export const createOpportunityBody = z
  .object({
    accountId: z.uuid(),
    kind: opportunityKindSchema,
    title: z.string().trim().min(1).max(200),
    amount: revenueMoney,
    stage: opportunityStageSchema.optional(),
    expectedClose: daySchema.nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
    signals: z.array(signalKindSchema).max(4).optional(),
  })
  .openapi('NewOpportunity');

export const updateOpportunityBody = z
  .object({
    kind: opportunityKindSchema.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    amount: revenueMoney.optional(),
    stage: opportunityStageSchema.optional(),
    expectedClose: daySchema.nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
  })
  .openapi('OpportunityChanges');

export const planSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'errors.field.writeSomething' satisfies MessageKey)
      .max(100),
    seatPrice: revenueMoney.openapi({ description: 'List price per seat and month' }),
    premium: z.boolean().openapi({ description: 'Includes the premium features' }),
  })
  .openapi('RevenuePlan');

export const plansBody = z
  .object({ plans: z.array(planSchema).max(50) })
  // A plan is found by its name whatever its case, so each plan sharing a name is named.
  .superRefine((body, ctx) => {
    const names = body.plans.map((plan) => plan.name.toLowerCase());
    names.forEach((name, i) => {
      if (names.indexOf(name) !== names.lastIndexOf(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['plans', i, 'name'],
          message: 'revenue.field.planOnce' satisfies MessageKey,
        });
      }
    });
  });

export const plansSchema = z.object({
  plans: z.array(
    planSchema.extend({
      id: z.uuid(),
      accountsInOtherCurrency: z.number().int().openapi({
        description:
          'Accounts in view on this plan that pay in another currency: its list price cannot price their seats, so theirs are priced at what they pay',
      }),
    }),
  ),
});
