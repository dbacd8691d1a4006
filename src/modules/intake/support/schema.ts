// Shapes of the support API: tickets and the webhook's shared secrets.
import { z } from '@hono/zod-openapi';

export const ticketStatusSchema = z.enum(['open', 'pending', 'solved', 'closed']);

export const ticketSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    source: z.enum(['zendesk', 'generic']),
    subject: z.string(),
    status: ticketStatusSchema,
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    requesterEmail: z.string().nullable(),
    csat: z.number().int().min(1).max(5).nullable(),
    openedAt: z.iso.datetime(),
    solvedAt: z.iso.datetime().nullable(),
    firstResponseAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Ticket');

export const createSupportSecretBody = z
  .object({ name: z.string().trim().min(1).max(100) })
  .openapi('CreateSupportSecret');

export const supportSecretSchema = z
  .object({ id: z.uuid(), name: z.string(), prefix: z.string(), createdAt: z.iso.datetime() })
  .openapi('SupportSecret');

export const createdSupportSecretSchema = supportSecretSchema
  .extend({ secret: z.string().openapi({ description: 'Shown this once' }) })
  .openapi('CreatedSupportSecret');
