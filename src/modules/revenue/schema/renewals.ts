// The renewal pipeline's shapes: the query, each renewal with its forecast, and the totals by
// month and quarter against the target.
import { z } from '@hono/zod-openapi';
import { pageQuery } from '../../../lib/pagination.ts';
import { churnRiskLevelSchema } from '../../../lib/vocabulary.ts';
import {
  daySchema,
  healthBrief,
  knownCurrency,
  moneyOut,
  ownerParam,
  renderedMessage,
  tierSchema,
} from './common.ts';
import type { MessageKey } from '../../../i18n/index.ts';

export const forecastCategorySchema = z
  .enum(['commit', 'likely', 'at_risk', 'lost'])
  .openapi({ description: 'commit ≥ 85%, likely ≥ 60%, at risk below, lost: not renewing' });

export const renewalsQuery = z.object({
  within: z
    .string()
    .regex(/^\d{1,3}d$/, 'revenue.field.days' satisfies MessageKey)
    .optional()
    .openapi({ description: 'Renewals in the next N days (default 90d)', example: '90d' }),
  from: daySchema.optional(),
  to: daySchema.optional(),
  owner: ownerParam,
  category: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(forecastCategorySchema))
    .optional(),
  currency: knownCurrency.optional().openapi({
    description: 'Totals in this currency (default: the one most of the ARR up for renewal is in)',
  }),
  ...pageQuery,
});

export const overrideSchema = z
  .object({
    category: forecastCategorySchema,
    probability: z.number(),
    note: z.string(),
    byId: z.uuid().nullable(),
    byName: z.string().nullable(),
    at: z.string(),
  })
  .openapi('ForecastOverride');

export const renewalForecastSchema = z
  .object({
    category: forecastCategorySchema,
    probability: z.number().openapi({ description: '0–1' }),
    source: z.enum(['steward', 'override']),
    reasons: z.array(renderedMessage),
    forecastArr: moneyOut.openapi({ description: 'ARR up × probability' }),
    /** What Steward itself says, also when a person overrode it. */
    steward: z.object({
      category: forecastCategorySchema,
      probability: z.number(),
    }),
  })
  .openapi('RenewalForecast');

export const renewalSchema = z
  .object({
    accountId: z.uuid(),
    name: z.string(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    tier: tierSchema,
    renewalDate: daySchema,
    daysToRenewal: z.number().int(),
    arr: moneyOut.openapi({ description: 'ARR up for renewal' }),
    health: healthBrief,
    churnRisk: churnRiskLevelSchema.nullable(),
    usageTrend: z.object({
      change: z
        .number()
        .int()
        .nullable()
        .openapi({ description: "The usage measure's change in 30 days (points)" }),
      direction: z.enum(['up', 'flat', 'down']).nullable(),
    }),
    openEscalations: z.number().int(),
    renewalProject: z
      .object({
        id: z.uuid(),
        name: z.string(),
        done: z.number().int(),
        total: z.number().int(),
        overdue: z.number().int(),
      })
      .nullable(),
    forecast: renewalForecastSchema,
    // A union, not .nullable(): a nullable reference would come out as an intersection in the
    // generated client types.
    override: z.union([overrideSchema, z.null()]),
  })
  .openapi('Renewal');

const bucket = z.object({
  count: z.number().int(),
  arrUp: moneyOut,
  forecastArr: moneyOut,
  atRiskArr: moneyOut.openapi({ description: 'ARR forecast at risk or lost' }),
  targetArr: moneyOut.nullable().openapi({ description: 'ARR up × the renewal rate target' }),
  byCategory: z.record(
    forecastCategorySchema,
    z.object({ count: z.number().int(), arr: moneyOut }),
  ),
});

export const renewalPipelineSchema = z
  .object({
    window: z.object({ from: daySchema, to: daySchema }),
    currency: z.string().nullable(),
    target: z
      .object({ renewalRate: z.number().nullable() })
      .openapi({ description: 'The renewal rate target the target ARR is figured with' }),
    totals: bucket,
    months: z.array(bucket.extend({ month: z.string() })),
    quarters: z.array(bucket.extend({ quarter: z.string() })),
    items: z.array(renewalSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('RenewalPipeline');

export const overrideBody = z
  .object({
    category: forecastCategorySchema,
    probability: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .openapi({ description: "0–1; default: the category's usual probability" }),
    note: z
      .string()
      .trim()
      .min(1, 'revenue.field.noteRequired' satisfies MessageKey)
      .max(2000)
      .openapi({ description: 'Why: kept with the override and in the audit log' }),
  })
  .openapi('ForecastOverrideInput');

export const accountForecastSchema = z
  .object({
    accountId: z.uuid(),
    renewal: z.union([renewalSchema, z.null()]).openapi({ description: 'null: no renewal date' }),
    history: z.array(overrideSchema.extend({ id: z.number().int(), renewalDate: daySchema })),
  })
  .openapi('AccountRenewalForecast');
