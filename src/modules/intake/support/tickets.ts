// Support tickets in and out. A ticket update is applied only if it is newer than the one
// stored (the same update twice, or an older one late, changes nothing), and the account's
// timeline tells once that a ticket was opened and once that it was solved.
import type { Db } from '../../../db/connect.ts';
import type { TicketStatus } from '../../../db/schema.ts';
import { message, type Message } from '../../../i18n/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { timeKeyset } from '../../../lib/pagination.ts';
import {
  addTimelineEvent,
  liveAccountByExternalId,
  liveAccountsOnDomain,
} from '../../accounts/index.ts';
import { keepForReview } from '../billing/index.ts';
import type { TicketUpdate } from './payload.ts';
import * as store from './store.ts';

export type TicketOutcome = 'applied' | 'unchanged' | 'review';

async function accountOfTicket(db: Db, workspaceId: WorkspaceId, ticket: TicketUpdate) {
  if (ticket.account.externalId) {
    const row = await liveAccountByExternalId(db, workspaceId, ticket.account.externalId);
    if (row) return row.id;
  }
  if (ticket.account.domain) {
    // Two accounts on one domain: guessing would put a ticket on the wrong customer.
    const rows = await liveAccountsOnDomain(db, workspaceId, ticket.account.domain);
    if (rows.length === 1 && rows[0]) return rows[0].id;
  }
  return undefined;
}

/** Why a ticket is kept for review: what it named, that no account matched. */
function noAccountFor({ externalId: ticket, account }: TicketUpdate): Message {
  const { externalId, domain } = account;
  if (externalId && domain) {
    return message('intake.review.ticketExternalIdDomain', { ticket, externalId, domain });
  }
  if (externalId) return message('intake.review.ticketExternalId', { ticket, externalId });
  if (domain) return message('intake.review.ticketDomain', { ticket, domain });
  return message('intake.review.ticket', { ticket });
}

type TicketDelivery = {
  workspaceId: WorkspaceId;
  ticket: TicketUpdate;
  rawBody: string;
  /** The account a person chose for a ticket kept for review. */
  accountId?: string;
};

export async function receiveTicket(
  db: Db,
  clock: Clock,
  delivery: TicketDelivery,
): Promise<TicketOutcome> {
  return db.transaction().execute((trx) => applyTicket(trx, clock, delivery));
}

/** `receiveTicket` inside a transaction the caller holds (resolving the review list). */
export async function applyTicket(
  trx: Db,
  clock: Clock,
  delivery: TicketDelivery,
): Promise<TicketOutcome> {
  const { workspaceId, ticket } = delivery;
  const accountId = delivery.accountId ?? (await accountOfTicket(trx, workspaceId, ticket));
  if (!accountId) {
    await keepForReview(trx, {
      workspaceId,
      source: 'support',
      sourceId: `${ticket.source}:${ticket.externalId}:${ticket.updatedAt.toISOString()}`,
      reason: noAccountFor(ticket),
      rawBody: delivery.rawBody,
      receivedAt: clock.now(),
    });
    return 'review';
  }
  const values: store.TicketValues = {
    account_id: accountId,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    requester_email: ticket.requesterEmail,
    csat: ticket.csat,
    opened_at: ticket.openedAt,
    solved_at: ticket.solvedAt,
    first_response_at: ticket.firstResponseAt,
    updated_at: ticket.updatedAt,
    received_at: clock.now(),
  };
  // Only a strictly newer update wins; the unique key serialises two deliveries at once.
  const stored = await store.upsertTicket(
    trx,
    {
      workspaceId,
      source: ticket.source,
      externalId: ticket.externalId,
      updatedAt: ticket.updatedAt,
    },
    values,
  );
  if (!stored) return 'unchanged';
  await tellTimeline(trx, workspaceId, accountId, ticket);
  return 'applied';
}

const solved: readonly TicketStatus[] = ['solved', 'closed'];

async function tellTimeline(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  ticket: TicketUpdate,
) {
  const key = `${ticket.source}:${ticket.externalId}`;
  const data = { ticket: ticket.externalId, priority: ticket.priority, status: ticket.status };
  await addTimelineEvent(db, {
    workspaceId,
    accountId,
    kind: 'ticket',
    title: message('accounts.timeline.ticketOpened', {
      subject: ticket.subject,
      priority: { term: `accounts.ticketPriority.${ticket.priority}` },
    }),
    occurredAt: ticket.openedAt,
    source: 'support',
    sourceId: `${key}:opened`,
    data,
  });
  if (solved.includes(ticket.status)) {
    await addTimelineEvent(db, {
      workspaceId,
      accountId,
      kind: 'ticket',
      title: message('accounts.timeline.ticketSolved', { subject: ticket.subject }),
      occurredAt: ticket.solvedAt ?? ticket.updatedAt,
      source: 'support',
      sourceId: `${key}:solved`,
      data: { ...data, csat: ticket.csat },
    });
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function ticketsOf(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  page: { status?: TicketStatus[]; limit: number; cursor?: string },
) {
  const keyset = timeKeyset('tickets', page.cursor);
  const rows = await store.ticketRows(db, workspaceId, accountId, {
    status: page.status,
    keyset,
    limit: page.limit,
  });
  return keyset.page(
    rows,
    page.limit,
    (row) => ({
      id: row.id,
      externalId: row.external_id,
      source: row.source,
      subject: row.subject,
      status: row.status,
      priority: row.priority,
      requesterEmail: row.requester_email,
      csat: row.csat,
      openedAt: row.opened_at.toISOString(),
      solvedAt: iso(row.solved_at),
      firstResponseAt: iso(row.first_response_at),
      updatedAt: row.updated_at.toISOString(),
    }),
    (row) => row.opened_at,
  );
}
