// The shapes of feedback, themes, roadmap items and surveys at the edge (zod → types → OpenAPI).
// The feedback item follows the CustomerFeedback shape of the CSM role description (seeds/004):
// type, priority, status, source, account, contact, text, the account's ARR when given, who logged it.
import { z } from '@hono/zod-openapi';
import { moneySchema } from '../../lib/money.ts';
import type { MessageKey } from '../../i18n/index.ts';

export const feedbackTypes = ['feature_request', 'bug', 'complaint', 'praise', 'question'] as const;
export const feedbackPriorities = ['low', 'medium', 'high', 'critical'] as const;
export const feedbackStatuses = ['new', 'triaged', 'planned', 'shipped', 'declined'] as const;
export const feedbackSources = [
  'web',
  'api',
  'timeline',
  'email',
  'support',
  'slack',
  'csv',
  'survey',
] as const;
/** What a caller may name as the source; support, Slack, CSV and surveys have their own paths. */
export const loggedSources = ['web', 'api', 'timeline', 'email'] as const;
export const feedbackReviews = ['proposed', 'accepted', 'dismissed'] as const;

export const feedbackTypeSchema = z.enum(feedbackTypes);
export const feedbackPrioritySchema = z.enum(feedbackPriorities);
export const feedbackStatusSchema = z.enum(feedbackStatuses);
export const feedbackSourceSchema = z.enum(feedbackSources);
export const feedbackReviewSchema = z.enum(feedbackReviews);

/** A feedback text: something said, at most 5,000 characters. */
export const feedbackText = z
  .string()
  .trim()
  .min(1, 'voice.field.feedbackText' satisfies MessageKey)
  .max(5000, 'voice.field.atMost5000' satisfies MessageKey);

export const logFeedbackBody = z
  .object({
    accountId: z.uuid(),
    contactId: z.uuid().nullish(),
    type: feedbackTypeSchema.optional().openapi({
      description:
        'Left out, Steward guesses it from the words (a failure is a bug, a thanks praise…)',
    }),
    priority: feedbackPrioritySchema.default('medium'),
    text: feedbackText,
    source: z.enum(loggedSources).default('api'),
    sourceRef: z.string().trim().min(1).max(200).nullish().openapi({
      description:
        'What it came from (e.g. the timeline event made into feedback): the same origin twice is one item.',
    }),
    givenAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('FeedbackInput');
export type LogFeedback = z.infer<typeof logFeedbackBody>;

export const updateFeedbackBody = z
  .object({
    accountId: z.uuid().openapi({
      description:
        'Logged on the wrong account: moved to this one, with its ARR; the contact, who was the other account’s, is cleared unless one of this account is given',
    }),
    type: feedbackTypeSchema,
    priority: feedbackPrioritySchema,
    status: feedbackStatusSchema,
    text: feedbackText,
    contactId: z.uuid().nullable(),
  })
  .partial()
  .openapi('FeedbackChanges');
export type UpdateFeedback = z.infer<typeof updateFeedbackBody>;

const person = z.object({ id: z.uuid(), name: z.string() });

export const feedbackItemSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    contact: person.nullable(),
    type: feedbackTypeSchema,
    priority: feedbackPrioritySchema,
    status: feedbackStatusSchema,
    source: feedbackSourceSchema,
    sourceRef: z.string().nullable(),
    text: z.string(),
    /** The account's ARR when it was given. */
    arr: moneySchema,
    loggedBy: person.nullable(),
    review: feedbackReviewSchema,
    ticketId: z.uuid().nullable(),
    theme: z.object({ id: z.uuid(), label: z.string(), placedByPerson: z.boolean() }).nullable(),
    givenAt: z.iso.datetime(),
    shippedAt: z.iso.datetime().nullable(),
  })
  .openapi('FeedbackItem');
export type FeedbackItemView = z.infer<typeof feedbackItemSchema>;

/**
 * How far back demand is counted unless a person asks otherwise: the portfolio's top request,
 * the themes page and Ask Steward's "what are customers asking for?" count the same 30 days,
 * so the three never name a different top request for the same book.
 */
export const demandWindowDays = 30;

/** `since=30d`, `90d`, `365d`… : how far back a window reaches. */
export const sinceSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,3}d$/, 'voice.field.days30' satisfies MessageKey)
  .default(`${demandWindowDays}d`)
  .openapi({ example: '30d' });

export const feedbackQuery = z.object({
  accountId: z.uuid().optional(),
  themeId: z.uuid().optional(),
  type: feedbackTypeSchema.optional(),
  status: feedbackStatusSchema.optional(),
  review: feedbackReviewSchema.optional(),
  since: z
    .string()
    .regex(/^[1-9][0-9]{0,3}d$/, 'voice.field.days30' satisfies MessageKey)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
});
export type FeedbackQuery = z.infer<typeof feedbackQuery>;

export const trendSchema = z
  .object({
    current: z.number().int().openapi({ description: 'Items in the window' }),
    previous: z
      .number()
      .int()
      .openapi({ description: 'Items in the window of the same length before it' }),
    direction: z.enum(['new', 'rising', 'steady', 'falling']),
  })
  .openapi('ThemeTrend');

export const themeSchema = z
  .object({
    id: z.uuid(),
    label: z
      .string()
      .openapi({ description: "In the reader's language, or a person's name for it" }),
    customLabel: z.string().nullable(),
    type: feedbackTypeSchema.openapi({ description: 'The most common type among its items' }),
    accountCount: z.number().int(),
    itemCount: z.number().int(),
    proposedCount: z
      .number()
      .int()
      .openapi({ description: 'Items recognised in support tickets, waiting for review' }),
    /** ARR of the accounts asking, today; of that, the accounts At Risk or Critical. */
    arr: moneySchema,
    atRiskArr: moneySchema,
    firstSeen: z.iso.datetime(),
    lastSeen: z.iso.datetime(),
    trend: trendSchema,
    items: z.array(feedbackItemSchema),
    roadmapItems: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })),
  })
  .openapi('FeedbackTheme');
export type ThemeView = z.infer<typeof themeSchema>;

export const themesQuery = z.object({
  since: sinceSchema,
  type: feedbackTypeSchema.optional(),
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  items: z.coerce.number().int().min(0).max(20).default(3).openapi({
    description: 'How many of its newest items to list with each theme',
  }),
});
export type ThemesQuery = z.infer<typeof themesQuery>;

export const highlightSchema = z
  .object({
    theme: z
      .object({
        id: z.uuid(),
        label: z.string(),
        accountCount: z.number().int(),
        arr: moneySchema,
      })
      .nullable(),
    days: z.number().int(),
  })
  .openapi('FeedbackHighlight');

export const renameThemeBody = z
  .object({
    label: z.string().trim().min(1).max(120).nullable().openapi({
      description: 'A name people chose; null gives the theme back its automatic label',
    }),
  })
  .openapi('ThemeRename');

export const mergeThemeBody = z.object({ intoThemeId: z.uuid() }).openapi('ThemeMerge');

export const splitThemeBody = z
  .object({
    itemIds: z
      .array(z.uuid())
      .min(1, 'voice.field.chooseItems' satisfies MessageKey)
      .max(500),
    label: z.string().trim().min(1).max(120).optional(),
  })
  .openapi('ThemeSplit');

export const moveItemBody = z
  .object({
    themeId: z.uuid().nullable().openapi({ description: 'null: a theme of its own' }),
  })
  .openapi('FeedbackMove');
