// The two ticket shapes the support webhook takes, read into one: a Zendesk webhook body
// (`{ "ticket": { … } }`, as a trigger's JSON placeholders produce it) or Steward's generic
// shape for any other help desk (docs/integrations.md). Unknown extra fields are allowed.
import { z } from 'zod';
import type { TicketPriority, TicketStatus } from '../../../db/schema.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { issueErrors } from '../../../lib/issues.ts';

export type TicketUpdate = {
  source: 'zendesk' | 'generic';
  externalId: string;
  account: { externalId: string | null; domain: string | null };
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  requesterEmail: string | null;
  csat: number | null;
  openedAt: Date;
  solvedAt: Date | null;
  firstResponseAt: Date | null;
  updatedAt: Date;
};

const timestamp = z.iso.datetime({ offset: true }).transform((t) => new Date(t));
const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
const ticketId = z
  .union([z.number().int().nonnegative(), z.string().trim().min(1).max(200)])
  .transform(String);
const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('intake.field.email' satisfies MessageKey));
const priorities = ['low', 'normal', 'high', 'urgent'] as const;

// Zendesk's own words: `new` and `hold` are open and pending to a CSM.
const zendeskStatus = z.preprocess(
  lower,
  z
    .enum(['new', 'open', 'pending', 'hold', 'solved', 'closed'])
    .transform((s): TicketStatus => (s === 'new' ? 'open' : s === 'hold' ? 'pending' : s)),
);

const zendeskSchema = z.looseObject({
  ticket: z.looseObject({
    id: ticketId,
    subject: z.string().trim().max(500).nullish(),
    status: zendeskStatus,
    // A ticket nobody prioritised is normal; placeholders render an unset one as "" or "-".
    priority: z.preprocess(
      (v) => (v === '' || v === '-' || v === null ? undefined : lower(v)),
      z.enum(priorities).default('normal'),
    ),
    requester: z.looseObject({ email: email.nullish() }).nullish(),
    organization: z
      .looseObject({ external_id: z.union([z.string(), z.number()]).nullish() })
      .nullish(),
    created_at: timestamp,
    updated_at: timestamp,
    solved_at: timestamp.nullish(),
    first_response_at: timestamp.nullish(),
    // Zendesk rates good or bad; on a 1–5 scale those are the ends.
    satisfaction_rating: z
      .looseObject({ score: z.preprocess(lower, z.string()) })
      .nullish()
      .transform((r) => (r?.score === 'good' ? 5 : r?.score === 'bad' ? 1 : null)),
  }),
});

const genericSchema = z
  .looseObject({
    id: ticketId,
    accountExternalId: z.string().trim().min(1).max(200).nullish(),
    accountDomain: z.string().trim().toLowerCase().min(1).max(255).nullish(),
    subject: z.string().trim().min(1).max(500),
    status: z.enum(['open', 'pending', 'solved', 'closed']),
    priority: z.enum(priorities).default('normal'),
    requesterEmail: email.nullish(),
    openedAt: timestamp,
    solvedAt: timestamp.nullish(),
    firstResponseAt: timestamp.nullish(),
    csat: z.number().int().min(1).max(5).nullish(),
    updatedAt: timestamp,
  })
  .refine((t) => t.accountExternalId || t.accountDomain, {
    message: 'intake.field.ticketAccount' satisfies MessageKey,
    path: ['accountExternalId'],
  });

function errorsOf(error: z.ZodError, input: unknown): FieldError[] {
  return issueErrors(error, { input });
}

const solvedStatuses: readonly TicketStatus[] = ['solved', 'closed'];

export function readTicket(
  body: unknown,
): { ok: true; ticket: TicketUpdate } | { ok: false; errors: FieldError[] } {
  if (typeof body === 'object' && body !== null && 'ticket' in body) {
    const parsed = zendeskSchema.safeParse(body);
    if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error, body) };
    const t = parsed.data.ticket;
    const orgId = t.organization?.external_id;
    return {
      ok: true,
      ticket: {
        source: 'zendesk',
        externalId: t.id,
        account: {
          externalId: orgId === null || orgId === undefined || orgId === '' ? null : String(orgId),
          domain: t.requester?.email?.split('@')[1] ?? null,
        },
        subject: t.subject || '(no subject)',
        status: t.status,
        priority: t.priority,
        requesterEmail: t.requester?.email ?? null,
        csat: t.satisfaction_rating,
        openedAt: t.created_at,
        // Zendesk's ticket has no solved time of its own: the update that solved it is it.
        solvedAt: t.solved_at ?? (solvedStatuses.includes(t.status) ? t.updated_at : null),
        firstResponseAt: t.first_response_at ?? null,
        updatedAt: t.updated_at,
      },
    };
  }
  const parsed = genericSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error, body) };
  const t = parsed.data;
  return {
    ok: true,
    ticket: {
      source: 'generic',
      externalId: t.id,
      account: {
        externalId: t.accountExternalId ?? null,
        domain: t.accountDomain?.replace(/^https?:\/\//, '').replace(/^www\./, '') ?? null,
      },
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      requesterEmail: t.requesterEmail ?? null,
      csat: t.csat ?? null,
      openedAt: t.openedAt,
      solvedAt: t.solvedAt ?? (solvedStatuses.includes(t.status) ? t.updatedAt : null),
      firstResponseAt: t.firstResponseAt ?? null,
      updatedAt: t.updatedAt,
    },
  };
}
