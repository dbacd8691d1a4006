// The shapes of adoption answers at the edge.
import { z } from '@hono/zod-openapi';
import { calendarDay } from '../../../lib/days.ts';

const day = calendarDay().openapi({ example: '2026-11-02' });
const percent = z
  .number()
  .int()
  .nullable()
  .openapi({ description: 'Change in whole percent; null when the month before had none' });

export const adoptionQuery = z.object({
  date: day.optional().openapi({ description: 'The day the figures end on; default today (UTC)' }),
});

export const portfolioQuery = adoptionQuery.extend({
  owner: z.enum(['me', 'all']).default('all'),
});

export const accountAdoptionSchema = z
  .object({
    accountId: z.uuid(),
    date: day,
    activeUsers: z.object({ dau: z.number().int(), wau: z.number().int(), mau: z.number().int() }),
    seats: z.number().int().nullable(),
    seatUtilization: z.number().nullable().openapi({ description: 'MAU / seats' }),
    features: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        premium: z.boolean(),
        events: z.number().int(),
        users: z.number().int(),
      }),
    ),
    premiumAdoption: z.object({
      purchased: z.number().int(),
      used: z.number().int(),
      rate: z.number().nullable(),
      unused: z.array(z.string()),
    }),
    timeToValue: z.object({
      reachedOn: day.nullable(),
      days: z.number().int().nullable(),
      via: z.enum(['value_feature', 'event_threshold']).nullable(),
      eventThreshold: z.number().int(),
    }),
    series: z.array(z.object({ day, events: z.number().int(), activeUsers: z.number().int() })),
  })
  .openapi('AccountAdoption');

export const portfolioAdoptionItemSchema = z
  .object({
    accountId: z.uuid(),
    name: z.string(),
    ownerId: z.uuid().nullable(),
    mau: z.number().int(),
    previousMau: z.number().int(),
    seats: z.number().int().nullable(),
    seatUtilization: z.number().nullable(),
    usageChange: percent,
    activeUsersChange: percent,
    loginChange: percent,
    events: z.number().int(),
    previousEvents: z.number().int(),
    logins: z.number().int(),
    previousLogins: z.number().int(),
    abandonedFeatures: z.array(z.string()),
    declining: z.boolean(),
    reasons: z.array(z.string()).openapi({
      example: ['Active users fell 38% month over month (13 → 8)'],
    }),
  })
  .openapi('AccountAdoptionTrend');

export const portfolioAdoptionSchema = z.object({
  date: day,
  items: z.array(portfolioAdoptionItemSchema),
});

export const decliningAdoptionSchema = portfolioAdoptionSchema.extend({
  question: z.string(),
  answer: z.string(),
});

export const adoptionOverviewSchema = z
  .object({
    date: day,
    clients: z.number().int(),
    features: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        premium: z.boolean(),
        accounts: z.number().int().openapi({ description: 'Clients that used it in 30 days' }),
        share: z.number().nullable().openapi({ description: 'accounts / clients' }),
        users: z.number().int(),
        events: z.number().int(),
      }),
    ),
    premiumAdoption: z.object({
      purchasers: z.number().int().openapi({ description: 'Clients that bought premium' }),
      purchased: z.number().int().openapi({ description: 'Purchased (client, feature) pairs' }),
      used: z.number().int(),
      rate: z.number().nullable(),
    }),
    timeToValue: z.object({
      reached: z.number().int().openapi({ description: 'Clients that reached value' }),
      medianDays: z.number().nullable(),
      withinTarget: z.number().int(),
      targetDays: z.number().int(),
    }),
  })
  .openapi('AdoptionOverview');
