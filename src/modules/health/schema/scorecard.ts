// The scorecard editor's shapes (weights and thresholds, the default and per tier) and the
// backtest's, which tries weights against past churn.
import { z } from '@hono/zod-openapi';
import { categorySchema, day, tierSchema } from './common.ts';

export const weightsSchema = z
  .object({
    usage: z.number().int().min(0).max(100),
    support: z.number().int().min(0).max(100),
    engagement: z.number().int().min(0).max(100),
    billing: z.number().int().min(0).max(100),
    outcomes: z.number().int().min(0).max(100),
  })
  .openapi({ description: 'Must sum to 100' });

export const thresholdsSchema = z.object({
  healthyMin: z.number().int().min(1).max(100).openapi({ description: 'Healthy at or above' }),
  atRiskMin: z
    .number()
    .int()
    .min(0)
    .max(99)
    .openapi({ description: 'At Risk at or above (below healthyMin); Critical below' }),
});

export const scorecardBody = z
  .object({
    tier: tierSchema.nullable().default(null).openapi({
      description: "null: the workspace's default; a tier: that tier's own scorecard",
    }),
    weights: weightsSchema,
    thresholds: thresholdsSchema,
  })
  .openapi('ScorecardInput');

export const scorecardSchema = z
  .object({
    tier: tierSchema.nullable(),
    weights: weightsSchema,
    thresholds: thresholdsSchema,
    saved: z.boolean().openapi({ description: 'false: the built-in default' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('Scorecard');

export const scorecardsSchema = z
  .object({ items: z.array(scorecardSchema) })
  .openapi({ description: 'The default first, then each tier that has its own' });

export const scorecardQuery = z.object({
  tier: tierSchema.optional().openapi({ description: 'The scorecard this tier is scored with' }),
});

export const backtestQuery = z.object({
  from: day
    .optional()
    .openapi({ description: 'Start of the outcome period (default: a year ago)' }),
  to: day.optional().openapi({ description: 'End of the outcome period (default: today)' }),
  horizonDays: z.coerce.number().int().min(1).max(365).default(60).openapi({
    description: 'Read each account’s score this many days before its outcome',
  }),
});

export const backtestBody = z
  .object({
    from: day.optional(),
    to: day.optional(),
    horizonDays: z.number().int().min(1).max(365).default(60),
    weights: weightsSchema.optional().openapi({ description: 'Trial weights, not saved' }),
    thresholds: thresholdsSchema.optional(),
  })
  .openapi('BacktestTrial');

export const backtestSchema = z
  .object({
    from: day,
    to: day,
    horizonDays: z.number().int(),
    accounts: z.number().int().openapi({ description: 'Accounts with a score N days before' }),
    churned: z.number().int(),
    retained: z.number().int(),
    auc: z.number().nullable().openapi({
      description: 'ROC AUC of (100 − score) predicting churn; 0.5 is chance, 1 perfect',
    }),
    churnRate: z.number().nullable(),
    byCategory: z.array(
      z.object({
        category: categorySchema,
        accounts: z.number().int(),
        churned: z.number().int(),
        churnRate: z.number().nullable(),
        lift: z.number().nullable().openapi({ description: 'Churn rate over the overall rate' }),
      }),
    ),
    roc: z
      .array(
        z.object({
          threshold: z.number(),
          falsePositiveRate: z.number(),
          truePositiveRate: z.number(),
        }),
      )
      .openapi({ description: 'The ROC curve, for the chart' }),
    weights: weightsSchema,
    thresholds: thresholdsSchema,
  })
  .openapi('Backtest');
