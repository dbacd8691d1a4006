// Ask Steward's HTTP shapes: the question, and the answer — an intent, what the question said
// (params), the widget that shows the live data, the data itself and a sentence or two.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../i18n/index.ts';
import { calendarDay } from '../../lib/days.ts';
import { churnRiskLevelSchema, healthCategorySchema, tierSchema } from '../../lib/vocabulary.ts';
import { meetingSchema } from '../revenue/index.ts';
import { feedbackSources, feedbackTypes } from '../voice/index.ts';
import { intents, knownIntents } from './intents.ts';

const day = calendarDay('errors.field.day');
const tier = tierSchema;
const category = healthCategorySchema;
const money = z.object({ amount: z.number().int(), currency: z.string() });

export const paramsSchema = z
  .object({
    scope: z.enum(['mine', 'team', 'all']).optional(),
    window: z.object({ from: day, to: day }).optional(),
    tier: tier.optional(),
    ownerId: z.string().optional(),
    accountId: z.string().optional(),
    at: z.string().optional().openapi({ description: 'A meeting or reminder: when (ISO 8601)' }),
    taskTitle: z.string().optional(),
    overdue: z.literal(true).optional().openapi({
      description: 'Tasks: only the overdue ones; onboardings: only those behind schedule',
    }),
    largest: z
      .literal(true)
      .optional()
      .openapi({ description: 'An account: the biggest by ARR, when none is named' }),
  })
  .openapi('AssistantParams');

export const queryBody = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, 'assistant.field.question' satisfies MessageKey)
      .max(500, 'assistant.field.questionTooLong' satisfies MessageKey)
      .openapi({ example: 'Show upcoming renewals in next 90 days' }),
    context: z
      .object({ intent: z.enum(intents), params: paramsSchema })
      .optional()
      .openapi({ description: 'The previous answer, for a follow-up ("and for enterprise?")' }),
  })
  .openapi('AssistantQuestion');

const accountLine = {
  accountId: z.string(),
  name: z.string(),
  tier,
  ownerName: z.string().nullable(),
};

/** Expansion and premium-upgrade candidates: each with its estimated value and its signals. */
const opportunityList = {
  totals: z.object({ accounts: z.number().int(), estimatedArr: money }),
  items: z.array(
    z.object({
      ...accountLine,
      plan: z.string().nullable(),
      arr: money,
      estimatedArr: money.nullable(),
      signals: z.array(z.string()),
    }),
  ),
};

export const widgetData = {
  renewal_pipeline: z.object({
    window: z.object({ from: day, to: day }),
    totals: z.object({
      count: z.number().int(),
      arrUp: money,
      forecastArr: money,
      atRiskArr: money,
    }),
    items: z.array(
      z.object({
        ...accountLine,
        renewalDate: day,
        daysToRenewal: z.number().int(),
        arr: money,
        forecast: z.enum(['commit', 'likely', 'at_risk', 'lost']),
        probability: z.number(),
        healthScore: z.number().int().nullable(),
        category: category.nullable(),
      }),
    ),
  }),
  nps_dashboard: z.object({
    overall: z.object({
      nps: z.number().int().nullable(),
      responses: z.number().int(),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
    }),
    csat: z.number().nullable(),
    items: z.array(
      z.object({
        accountId: z.string(),
        name: z.string(),
        nps: z.number().int().nullable(),
        responses: z.number().int(),
        trend: z.enum(['up', 'down', 'flat', 'new']),
      }),
    ),
    verbatims: z.array(
      z.object({
        accountId: z.string(),
        accountName: z.string(),
        score: z.number().int(),
        comment: z.string(),
        respondedAt: z.string(),
      }),
    ),
  }),
  feature_requests: z.object({
    days: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        accountCount: z.number().int(),
        itemCount: z.number().int(),
        arr: money,
        trend: z.enum(['new', 'rising', 'falling', 'steady']),
        roadmap: z.array(z.object({ title: z.string(), status: z.string() })),
      }),
    ),
  }),
  account_feedback: z.object({
    accountId: z.string(),
    name: z.string(),
    days: z.number().int().openapi({ description: 'The items are of the last this many days' }),
    count: z
      .number()
      .int()
      .openapi({ description: 'How much feedback those days hold; items are the newest of it' }),
    items: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        type: z.enum(feedbackTypes),
        theme: z.string().nullable(),
        source: z.enum(feedbackSources),
        contactName: z.string().nullable(),
        givenAt: z.string(),
      }),
    ),
    latestAt: z
      .string()
      .nullable()
      .openapi({ description: 'With none in the window: when its newest feedback was given' }),
  }),
  roadmap_timeline: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.enum(['considering', 'planned', 'in_progress', 'shipped', 'declined']),
        targetQuarter: z.string().nullable(),
        accountCount: z.number().int(),
        arr: money,
        shippedAt: z.string().nullable(),
      }),
    ),
  }),
  qbr_due: z.object({
    quarter: z.object({
      label: z.string(),
      due: z.number().int(),
      held: z.number().int(),
      rate: z.number().nullable(),
    }),
    items: z.array(
      z.object({
        ...accountLine,
        lastQbrAt: z.string().nullable(),
        dueBy: day,
        daysOverdue: z.number().int(),
        nextQbrAt: z.string().nullable(),
      }),
    ),
  }),
  meeting_scheduler: z
    .object({
      proposals: z.array(
        z.object({
          accountId: z.string(),
          name: z.string(),
          kind: z.enum(['qbr', 'check_in']),
          title: z.string(),
          startsAt: z.string(),
          endsAt: z.string(),
          timeZone: z.string(),
          daysOverdue: z.number().int().nullable(),
        }),
      ),
    })
    .openapi({
      description: 'Meetings to confirm: nothing is saved until each is sent to POST /meetings',
    }),
  meetings: z.object({
    window: z.object({ from: day, to: day }),
    items: z.array(
      meetingSchema.pick({
        id: true,
        accountId: true,
        accountName: true,
        kind: true,
        title: true,
        startsAt: true,
        endsAt: true,
        timeZone: true,
        location: true,
        status: true,
      }),
    ),
  }),
  upsell_opportunities: z.object(opportunityList),
  premium_upgrades: z.object(opportunityList),
  revenue_metrics: z.object({
    period: z.object({ label: z.string(), from: day, to: day }),
    currency: z.string(),
    metrics: z.array(
      z.object({
        key: z.string(),
        unit: z.enum(['money', 'ratio', 'days', 'score', 'nps']),
        value: z.number().nullable(),
        target: z.number().nullable(),
        met: z.boolean().nullable(),
      }),
    ),
    bridge: z.object({
      startMrr: z.number().int(),
      newMrr: z.number().int().openapi({ description: 'New and reactivated' }),
      expansionMrr: z.number().int(),
      contractionMrr: z.number().int(),
      churnedMrr: z.number().int(),
      endMrr: z.number().int(),
    }),
  }),
  health_dashboard: z.object({
    counts: z.object({
      healthy: z.number().int(),
      at_risk: z.number().int(),
      critical: z.number().int(),
      unscored: z.number().int(),
    }),
    accounts: z.array(
      z.object({
        ...accountLine,
        score: z.number().int().nullable(),
        category: category.nullable(),
        change: z.number().int().nullable().openapi({ description: 'Points in 7 days' }),
        reason: z.string().nullable(),
      }),
    ),
  }),
  churn_risk: z.object({
    window: z.object({ from: day, to: day }).nullable(),
    items: z.array(
      z.object({
        ...accountLine,
        level: churnRiskLevelSchema,
        riskScore: z.number().int(),
        healthScore: z.number().int().nullable(),
        renewalDate: day.nullable(),
        daysToRenewal: z.number().int().nullable(),
        arr: money,
        factors: z.array(z.string()),
      }),
    ),
  }),
  declining_adoption: z.object({
    clients: z.number().int(),
    items: z.array(
      z.object({
        ...accountLine,
        mau: z.number().int(),
        previousMau: z.number().int(),
        activeUsersChange: z.number().nullable(),
        usageChange: z.number().nullable(),
        loginChange: z.number().nullable(),
      }),
    ),
  }),
  engagement_trends: z.object({
    growing: z.number().int(),
    stable: z.number().int(),
    declining: z.number().int(),
    items: z.array(
      z.object({
        ...accountLine,
        direction: z.enum(['growing', 'stable', 'declining']),
        mau: z.number().int(),
        previousMau: z.number().int(),
        activeUsersChange: z.number().nullable(),
        usageChange: z.number().nullable(),
        healthChange: z.number().int().nullable(),
      }),
    ),
  }),
  adoption_metrics: z.object({
    clients: z.number().int(),
    activeUsers: z.number().int(),
    seatUtilization: z.number().nullable(),
    medianTimeToValueDays: z.number().nullable(),
    features: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        premium: z.boolean(),
        accounts: z.number().int(),
        share: z.number().nullable(),
      }),
    ),
  }),
  account_card: z.object({
    ...accountLine,
    stage: z.string(),
    priority: z.string(),
    arr: money,
    renewalDate: day.nullable(),
    healthScore: z.number().int().nullable(),
    category: category.nullable(),
    riskLevel: churnRiskLevelSchema.nullable(),
    people: z
      .array(
        z.object({
          name: z.string(),
          role: z.enum(['champion', 'executive_sponsor']),
          title: z.string().nullable(),
          email: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Its champion and executive sponsor, when known' }),
  }),
  my_tasks: z.object({
    counts: z.object({
      overdue: z.number().int(),
      today: z.number().int(),
      thisWeek: z.number().int(),
      later: z.number().int(),
      noDueDate: z.number().int(),
    }),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        accountId: z.string(),
        accountName: z.string(),
        priority: z.string(),
        dueAt: z.string().nullable(),
        bucket: z.enum(['overdue', 'today', 'thisWeek', 'later', 'noDueDate']),
      }),
    ),
  }),
  task_draft: z
    .object({
      title: z.string(),
      accountId: z.string().nullable(),
      accountName: z.string().nullable(),
      dueAt: z.string().nullable(),
      assigneeId: z.string(),
    })
    .openapi({ description: 'A task to confirm: nothing is saved until POST /tasks' }),
  escalations: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        taskId: z.string(),
        taskTitle: z.string(),
        accountId: z.string(),
        accountName: z.string(),
        kind: z.enum(['warning', 'breach', 'escalation']),
        policyName: z.string().nullable(),
        raisedAt: z.string(),
      }),
    ),
  }),
  onboarding: z.object({
    behindOnly: z.boolean().openapi({ description: 'Only the onboardings behind schedule' }),
    inProgress: z.number().int(),
    behind: z.number().int(),
    items: z.array(
      z.object({
        projectId: z.string(),
        projectName: z.string(),
        accountId: z.string(),
        accountName: z.string(),
        stage: z.string().nullable().openapi({ description: 'The current stage' }),
        percent: z.number().int().openapi({ description: 'Percent of the tasks done' }),
        daysBehind: z.number().int().nullable(),
      }),
    ),
  }),
  suggestions: z.object({
    suggestions: z.array(z.object({ intent: z.enum(knownIntents), question: z.string() })),
  }),
  not_allowed: z.object({ permission: z.string().nullable() }),
  unavailable: z.object({ topic: z.string() }),
};

export type WidgetData = typeof widgetData;
export type Widget = keyof WidgetData;

const answerBase = {
  intent: z.enum(intents),
  params: paramsSchema,
  confidence: z.number(),
  /** The language of the question, which the answer is written in. */
  language: z.enum(['en', 'ru']),
  answer: z.string().openapi({ example: '3 of your 15 clients are at risk or critical.' }),
  /** The full page in the web app, for more than the widget shows. */
  link: z.string().nullable(),
  followUp: z.boolean(),
};

function variant<W extends Widget>(widget: W) {
  return z.object({ ...answerBase, widget: z.literal(widget), data: widgetData[widget] });
}

export const answerSchema = z
  .discriminatedUnion('widget', [
    variant('health_dashboard'),
    variant('churn_risk'),
    variant('declining_adoption'),
    variant('engagement_trends'),
    variant('adoption_metrics'),
    variant('account_card'),
    variant('my_tasks'),
    variant('task_draft'),
    variant('escalations'),
    variant('onboarding'),
    variant('suggestions'),
    variant('not_allowed'),
    variant('unavailable'),
    variant('renewal_pipeline'),
    variant('upsell_opportunities'),
    variant('premium_upgrades'),
    variant('revenue_metrics'),
    variant('nps_dashboard'),
    variant('feature_requests'),
    variant('account_feedback'),
    variant('roadmap_timeline'),
    variant('qbr_due'),
    variant('meeting_scheduler'),
    variant('meetings'),
  ])
  .openapi('AssistantAnswer');

export const recentSchema = z
  .object({
    items: z.array(
      z.object({ question: z.string(), intent: z.enum(intents), askedAt: z.string() }),
    ),
  })
  .openapi('AssistantRecent');
