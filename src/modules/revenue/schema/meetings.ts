// Meetings' shapes: scheduling, changing, holding a meeting with its action items, the
// calendar, overdue QBRs and the review cadence per tier.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../../i18n/index.ts';
import { pageQuery } from '../../../lib/pagination.ts';
import { daySchema, tierSchema } from './common.ts';

export const meetingKindSchema = z
  .enum(['qbr', 'check_in', 'kickoff', 'renewal', 'other'])
  .openapi({ description: 'QBR, check-in, kickoff, renewal call, other' });
export const meetingStatusSchema = z.enum(['scheduled', 'held', 'cancelled']);

const instant = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-12T15:00:00Z' });

const attendeesSchema = z
  .object({
    userIds: z.array(z.uuid()).max(50).default([]),
    contactIds: z.array(z.uuid()).max(50).default([]),
  })
  .openapi({ description: "The team's people and the account's contacts" });

export const createMeetingBody = z
  .object({
    accountId: z.uuid(),
    kind: meetingKindSchema,
    title: z.string().trim().min(1).max(200),
    startsAt: instant,
    endsAt: instant,
    timeZone: z
      .string()
      .max(64)
      .optional()
      .openapi({ description: "IANA zone the times are shown in; default the organizer's" }),
    location: z.string().trim().max(500).nullable().optional(),
    agenda: z.string().max(10_000).nullable().optional(),
    attendees: attendeesSchema.default({ userIds: [], contactIds: [] }),
  })
  .openapi('NewMeeting');

export const updateMeetingBody = z
  .object({
    kind: meetingKindSchema.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    timeZone: z.string().max(64).optional(),
    location: z.string().trim().max(500).nullable().optional(),
    agenda: z.string().max(10_000).nullable().optional(),
    notes: z.string().max(50_000).nullable().optional(),
    attendees: attendeesSchema.optional(),
  })
  .openapi('MeetingChanges');

const actionItemSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'errors.field.writeSomething' satisfies MessageKey)
    .max(500),
  assigneeId: z.uuid().nullable().optional(),
  dueAt: instant.nullable().optional(),
});

export const completeMeetingBody = z
  .object({
    notes: z.string().max(50_000).nullable().optional(),
    actionItems: z.array(actionItemSchema).max(50).default([]),
  })
  .openapi('MeetingHeld');

export const actionItemsBody = z
  .object({ actionItems: z.array(actionItemSchema).min(1).max(50) })
  .openapi('MeetingActionItems');

export const meetingSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    kind: meetingKindSchema,
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    location: z.string().nullable(),
    agenda: z.string().nullable(),
    notes: z.string().nullable(),
    status: meetingStatusSchema,
    sequence: z
      .number()
      .int()
      .openapi({ description: 'iCalendar SEQUENCE: rises with each change' }),
    organizer: z
      .object({ id: z.uuid(), name: z.string().nullable(), email: z.string().nullable() })
      .nullable(),
    attendees: z.array(
      z.object({
        kind: z.enum(['team', 'contact']),
        userId: z.uuid().nullable(),
        contactId: z.uuid().nullable(),
        name: z.string(),
        email: z.string().nullable(),
      }),
    ),
    heldAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Meeting');

export const meetingDetailSchema = meetingSchema
  .extend({
    actionItems: z.array(
      z.object({
        taskId: z.uuid(),
        title: z.string(),
        status: z.string(),
        dueAt: z.string().nullable(),
        assigneeId: z.uuid().nullable(),
        assigneeName: z.string().nullable(),
      }),
    ),
    invites: z.array(
      z.object({
        id: z.uuid(),
        email: z.string(),
        method: z.enum(['REQUEST', 'CANCEL']),
        sequence: z.number().int(),
        status: z.enum(['pending', 'sent', 'failed']),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        sentAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('MeetingDetail');

export const meetingsQuery = z.object({
  accountId: z.uuid().optional(),
  from: instant.optional().openapi({ description: 'Default: 30 days ago' }),
  to: instant.optional().openapi({ description: 'Default: 90 days ahead' }),
  status: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(meetingStatusSchema))
    .optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Only meetings I organize or attend' }),
  ...pageQuery,
});

export const overdueQbrsQuery = z.object({
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
});

export const overdueQbrsSchema = z
  .object({
    cadences: z.array(z.object({ tier: tierSchema, everyMonths: z.number().int() })),
    items: z.array(
      z.object({
        accountId: z.uuid(),
        name: z.string(),
        tier: tierSchema,
        ownerId: z.uuid().nullable(),
        ownerName: z.string().nullable(),
        everyMonths: z.number().int(),
        lastQbrAt: z.string().nullable(),
        dueBy: daySchema,
        daysOverdue: z.number().int(),
        nextQbr: z.object({ id: z.uuid(), startsAt: z.string() }).nullable(),
      }),
    ),
    quarter: z.object({
      label: z.string(),
      due: z.number().int(),
      held: z.number().int(),
      rate: z.number().nullable(),
    }),
  })
  .openapi('OverdueQbrs');

export const cadencesSchema = z.object({
  items: z.array(
    z.object({
      tier: tierSchema,
      everyMonths: z.number().int().nullable(),
      source: z.enum(['default', 'set']),
    }),
  ),
});

export const cadencesBody = z
  .object({
    cadences: z
      .array(
        z.object({
          tier: tierSchema,
          everyMonths: z
            .number()
            .int('revenue.field.wholeMonths' satisfies MessageKey)
            .min(1, 'revenue.field.monthsAtLeast' satisfies MessageKey)
            .max(24, 'revenue.field.monthsAtMost' satisfies MessageKey)
            .nullable(),
        }),
      )
      .max(3),
  })
  .openapi('MeetingCadences');
