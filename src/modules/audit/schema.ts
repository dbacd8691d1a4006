// The audit log at the edge: what a reader may filter it by, and one entry with the record it
// is about named as it is now.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../i18n/index.ts';
import { calendarDay } from '../../lib/days.ts';
import { pageQuery } from '../../lib/pagination.ts';
import { auditActions, auditEntityTypes } from '../auth/index.ts';

const day = calendarDay('errors.field.day' satisfies MessageKey);

export const auditQuery = z.object({
  actorId: z.uuid().optional().openapi({ description: 'Changes this person made' }),
  action: z.enum(auditActions).optional(),
  entityType: z.enum(auditEntityTypes).optional(),
  entityId: z.string().max(200).optional(),
  from: day.optional().openapi({
    description: "The first day, in the reader's time zone",
    example: '2026-11-01',
  }),
  to: day.optional().openapi({
    description: "The last day, in the reader's time zone (included)",
    example: '2026-11-30',
  }),
  ...pageQuery,
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** A person or record an entry's changes point to by id, as it is called now. */
const referredSchema = z
  .object({
    kind: z.enum(auditEntityTypes),
    name: z.string().nullable().openapi({ description: 'null when no such record is found' }),
    removed: z.boolean().openapi({
      description: 'Deleted since (a person: deactivated), its name kept',
    }),
  })
  .openapi('AuditReferred');

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.string().openapi({
      description:
        'One of the listed actions; an entry written by an older server may hold a code no longer listed',
    }),
    entityType: z.string(),
    entityId: z.string(),
    entityName: z.string().nullable().openapi({
      description:
        'What the record is called now (a feedback item: the start of its words); null when its kind has no name or it is gone',
    }),
    entityDeleted: z.boolean().openapi({
      description:
        'The record was deleted since, a person deactivated (its name kept when it still exists)',
    }),
    changes: z.record(z.string(), z.unknown()).openapi({
      description: 'Per field, `{from, to}` where both were recorded, else the value set',
    }),
    names: z.record(z.string(), referredSchema).openapi({
      description:
        'The people and records `changes` points to by id (an owner, an account, a contact), by that id',
    }),
    at: z.iso.datetime(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
