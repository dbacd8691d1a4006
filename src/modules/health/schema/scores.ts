// What a CSM reads of health: an account's health panel (measures, trend, churn risk, history,
// plays run), the health dashboard, the portfolio's sparklines, and churn risk by renewal.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../../i18n/index.ts';
import { churnRiskLevelSchema } from '../../../lib/vocabulary.ts';
import { categorySchema, day, measureKeySchema, score, tierSchema } from './common.ts';

export const measureSchema = z
  .object({
    key: measureKeySchema,
    score: score.nullable().openapi({ description: 'null: no data yet — left out, reweighted' }),
    weight: z.number().openapi({ description: "The scorecard's weight for the measure" }),
    effectiveWeight: z.number().nullable().openapi({
      description: 'Its share of the overall score after missing measures are left out (%)',
    }),
    reason: z.string().openapi({
      description: "Why the measure scores as it does, in the reader's language",
      example: 'Active users fell 38% in 30 days (21 → 13)',
    }),
    reasonKey: z.string().openapi({
      description: 'The message key of the reason, the same in every language',
      example: 'health.usage.activeUsersFell',
    }),
    inputs: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
    lastDataAt: z.string().nullable().openapi({
      description:
        'When the data behind the score last arrived (freshness): set whenever there is a score, never in the future',
    }),
  })
  .openapi('HealthMeasure');

export const trendSchema = z
  .object({
    monthOverMonth: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Points since 30 days ago' }),
    weekOverWeek: z.number().int().nullable(),
    declining: z.boolean().openapi({ description: 'Lost 10+ points in 30 days or 8+ in a week' }),
  })
  .openapi('HealthTrend');

export const measureChangeSchema = z
  .object({
    key: measureKeySchema,
    now: score.nullable(),
    weekAgo: score.nullable(),
    change: z.number().int().nullable(),
  })
  .openapi('HealthMeasureChange');

export const riskLevelSchema = churnRiskLevelSchema;
const factorSourceSchema = z.enum([
  'usage',
  'support',
  'engagement',
  'billing',
  'outcomes',
  'trend',
  'renewal',
]);

/** Examples integrators see in the API description. */
const churnRiskExample = {
  level: 'high',
  score: 71,
  factors: [
    {
      source: 'usage',
      description: 'Active users fell 38% in 30 days (21 → 13)',
      key: 'health.usage.activeUsersFell',
      impact: 'high',
    },
  ],
  recommendedActions: [
    {
      action: 'Book a working session with the champion on the features they stopped using',
      key: 'health.action.usageSession',
      factor: 'usage',
      dueInDays: 7,
    },
  ],
  daysToRenewal: 118,
  interventionPriority: 66,
};

export const churnRiskSchema = z
  .object({
    level: riskLevelSchema,
    score: score,
    factors: z.array(
      z.object({
        source: factorSourceSchema.openapi({
          description:
            'The measure, the fall (`trend`) or the renewal it comes from; one per source',
        }),
        description: z.string().openapi({ description: "In the reader's language" }),
        key: z.string().openapi({ description: "The description's message key" }),
        impact: z.enum(['high', 'medium', 'low']),
      }),
    ),
    recommendedActions: z.array(
      z.object({
        action: z.string().openapi({ description: "In the reader's language" }),
        key: z.string().openapi({ description: "The action's message key" }),
        factor: factorSourceSchema.openapi({
          description: 'The factor of this assessment the action answers (its `source`)',
        }),
        dueInDays: z.number().int(),
      }),
    ),
    daysToRenewal: z.number().int().nullable(),
    interventionPriority: z
      .number()
      .int()
      .openapi({ description: '0–100: 60% risk, 20% ARR (log scale), 20% renewal urgency' }),
  })
  .openapi('ChurnRisk', { example: churnRiskExample });

export const historyPointSchema = z
  .object({
    day,
    score: score.nullable(),
    category: categorySchema.nullable(),
    usage: score.nullable(),
    support: score.nullable(),
    engagement: score.nullable(),
    billing: score.nullable(),
    outcomes: score.nullable(),
  })
  .openapi('HealthHistoryPoint');

export const accountHealthSchema = z
  .object({
    accountId: z.uuid(),
    accountName: z.string(),
    scored: z.boolean().openapi({ description: 'false until the account is first scored' }),
    score: score.nullable(),
    category: categorySchema.nullable(),
    computedAt: z.string().nullable(),
    measures: z.array(measureSchema),
    trend: trendSchema,
    whatChanged: z.array(measureChangeSchema).openapi({
      description: 'Each measure now against a week ago, biggest moves first',
    }),
    churnRisk: churnRiskSchema.nullable(),
    history: z.array(historyPointSchema).openapi({ description: 'Daily, oldest first' }),
    plays: z.array(
      z.object({
        id: z.uuid(),
        playId: z.uuid(),
        playName: z.string(),
        trigger: z.string(),
        occasion: z.string(),
        taskId: z.uuid().nullable(),
        projectId: z.uuid().nullable(),
        ranAt: z.string(),
      }),
    ),
  })
  .openapi('AccountHealth', {
    example: {
      accountId: '0b9a3c1e-5d2f-4f8a-9c61-2f4e8d7a1b30',
      accountName: 'Acme Corp',
      scored: true,
      score: 64,
      category: 'at_risk',
      computedAt: '2026-12-03T06:00:00.000Z',
      measures: [
        {
          key: 'usage',
          score: 48,
          weight: 35,
          effectiveWeight: 35,
          reason: 'Active users fell 38% in 30 days (21 → 13)',
          reasonKey: 'health.usage.activeUsersFell',
          inputs: { activeUsers: 13, activeUsersBefore: 21 },
          lastDataAt: '2026-12-02T23:10:00.000Z',
        },
      ],
      trend: { monthOverMonth: -12, weekOverWeek: -4, declining: true },
      whatChanged: [{ key: 'usage', now: 48, weekAgo: 57, change: -9 }],
      churnRisk: churnRiskExample,
      history: [
        {
          day: '2026-12-02',
          score: 66,
          category: 'at_risk',
          usage: 50,
          support: 80,
          engagement: 70,
          billing: 100,
          outcomes: null,
        },
      ],
      plays: [],
    },
  });

export const accountHealthQuery = z.object({
  days: z.coerce.number().int().min(7).max(730).default(90).openapi({
    description: 'Days of history to return',
  }),
});

const accountLine = z.object({
  accountId: z.uuid(),
  name: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  tier: tierSchema,
  arr: z.object({ amount: z.number().int(), currency: z.string() }),
  renewalDate: day.nullable(),
});

export const healthDashboardSchema = z
  .object({
    counts: z.object({
      healthy: z.number().int(),
      at_risk: z.number().int(),
      critical: z.number().int(),
      unscored: z.number().int(),
    }),
    movers: z
      .array(
        accountLine.extend({
          score: score.nullable(),
          category: categorySchema.nullable(),
          change: z.number().int().openapi({ description: 'Points since 7 days ago' }),
        }),
      )
      .openapi({ description: 'Biggest moves in 7 days, up and down, largest first' }),
    accounts: z
      .array(
        accountLine.extend({
          score: score.nullable(),
          category: categorySchema.nullable(),
          reason: z.string().nullable().openapi({ description: 'The weakest measure’s reason' }),
          weakestMeasure: measureKeySchema.nullable(),
          trend: trendSchema.nullable(),
          riskLevel: riskLevelSchema.nullable(),
        }),
      )
      .openapi({ description: 'Lowest scores first; unscored last' }),
  })
  .openapi('HealthDashboard');

export const dashboardQuery = z.object({
  owner: z
    .string()
    .optional()
    .openapi({ description: '`me`, a user id, or absent for everything the caller may see' }),
});

export const seriesQuery = z.object({
  accountIds: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).min(1).max(500))
    .openapi({ description: 'Comma-separated account ids (up to 500), e.g. a portfolio page' }),
  days: z.coerce.number().int().min(7).max(365).default(30),
});

export const healthSeriesSchema = z
  .object({
    items: z.array(
      z.object({
        accountId: z.uuid(),
        score: score.nullable(),
        category: categorySchema.nullable(),
        declining: z.boolean(),
        monthOverMonth: z.number().int().nullable(),
        series: z.array(z.object({ day, score: score.nullable() })).openapi({
          description: 'One point per day, oldest first; null on days without a score',
        }),
      }),
    ),
  })
  .openapi('HealthSeries');

export const churnRiskQuery = z.object({
  within: z
    .string()
    .regex(/^(quarter|\d{1,3}d)$/, 'health.field.within' satisfies MessageKey)
    .optional()
    .openapi({
      description:
        'Renewal within: `quarter` (this calendar quarter) or `90d`; accounts at high or critical risk now are listed whenever they renew',
    }),
  owner: z.string().optional().openapi({ description: '`me` or a user id' }),
  level: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(riskLevelSchema))
    .optional()
    .openapi({ description: 'Comma-separated levels; default: medium, high and critical' }),
});

export const churnRiskListSchema = z
  .object({
    window: z.object({ from: day, to: day }).nullable(),
    items: z.array(
      accountLine.extend({
        healthScore: score.nullable(),
        category: categorySchema.nullable(),
        reason: z.enum(['renewing', 'high_risk_now']).nullable().openapi({
          description:
            'With `within`: `renewing` in the window, or `high_risk_now` — high or critical risk now, whenever it renews',
        }),
        ...churnRiskSchema.shape,
      }),
    ),
  })
  .openapi('ChurnRiskList');
