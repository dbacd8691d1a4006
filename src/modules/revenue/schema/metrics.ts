// The CS metrics' shapes: the query (period, scope, currency), each figure beside its target
// and trend, the MRR bridge, and the targets an admin sets.
import { z } from '@hono/zod-openapi';
import { metricKeys } from '../targets.ts';
import { daySchema, knownCurrency, ownerParam, tierSchema } from './common.ts';

export const metricKeySchema = z.enum(metricKeys);

export const metricsQuery = z.object({
  period: z
    .string()
    .optional()
    .openapi({ description: 'A month (2026-10) or a quarter (2026-Q3); default this quarter' }),
  from: daySchema.optional().openapi({ description: 'Or a range of days: its first day' }),
  to: daySchema.optional().openapi({ description: 'and its last day' }),
  owner: ownerParam.openapi({ description: 'One CSM: `me` or a user id' }),
  team: ownerParam.openapi({ description: 'A manager (`me` or a user id): their team' }),
  tier: tierSchema.optional(),
  segment: z.uuid().optional().openapi({ description: 'A saved segment' }),
  currency: knownCurrency.optional(),
  trend: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .default(6)
    .openapi({ description: 'How many periods the trend shows, this one included' }),
});

export const metricSchema = z
  .object({
    key: metricKeySchema,
    unit: z.enum(['money', 'ratio', 'days', 'score', 'nps']),
    value: z.number().nullable().openapi({
      description: 'Money in minor units of `currency`; ratios as fractions (1.1 = 110%)',
    }),
    target: z
      .object({
        value: z.number().openapi({ description: "Brought to the period's length" }),
        asSet: z.number().openapi({ description: 'As set: yearly when `yearly`' }),
        yearly: z.boolean(),
        direction: z.enum(['min', 'max']),
        source: z.enum(['default', 'set']),
      })
      .nullable(),
    met: z.boolean().nullable(),
    trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
  })
  .openapi('CsMetric');

export const metricsSchema = z
  .object({
    period: z.object({
      label: z.string(),
      kind: z.enum(['month', 'quarter', 'range']),
      from: daySchema,
      to: daySchema,
      days: z.number().int(),
    }),
    currency: z.string(),
    scope: z.object({
      owner: z.string().nullable(),
      team: z.string().nullable(),
      tier: tierSchema.nullable(),
      segment: z.string().nullable(),
      onlyMine: z.boolean(),
    }),
    metrics: z.array(metricSchema),
    bridge: z
      .object({
        startMrr: z.number().int(),
        newMrr: z.number().int(),
        expansionMrr: z.number().int(),
        reactivationMrr: z.number().int(),
        contractionMrr: z.number().int().openapi({ description: 'Negative, as recorded' }),
        churnedMrr: z.number().int().openapi({ description: 'Negative, as recorded' }),
        endMrr: z.number().int(),
      })
      .openapi({ description: 'Start + every movement = end' }),
    detail: z.object({
      cohort: z.record(z.string(), z.number()),
      customersAtEnd: z.number().int(),
      renewals: z.record(z.string(), z.number()),
      timeToValue: z.object({ reached: z.number().int(), onTheWay: z.number().int() }),
      adoption: z.record(z.string(), z.number()),
      health: z.object({ accounts: z.number().int() }),
      qbr: z.object({ due: z.number().int(), held: z.number().int() }),
      opportunities: z.object({ won: z.number().int(), lost: z.number().int() }),
    }),
    sources: z.object({ nps: z.boolean().openapi({ description: 'NPS data is available' }) }),
  })
  .openapi('CsMetrics');

export const targetSchema = z
  .object({
    metric: metricKeySchema,
    value: z.number().nullable(),
    defaultValue: z.number().nullable(),
    source: z.enum(['default', 'set']),
    direction: z.enum(['min', 'max']),
    yearly: z.boolean(),
  })
  .openapi('MetricTarget');

export const targetsSchema = z.object({ items: z.array(targetSchema) });

export const targetsBody = z
  .object({
    targets: z
      .record(z.string(), z.number().nullable())
      .openapi({ description: 'metric → target (null: back to the default)' }),
  })
  .openapi('MetricTargetsInput');
