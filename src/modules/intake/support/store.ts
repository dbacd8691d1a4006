// SQL for support tickets: each ticket's latest update (a newer
// one wins), an account's tickets page by page and the tickets opened lately. Every query is
// confined to one workspace.
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { SupportTicketsTable, TicketStatus } from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { TimeKeyset } from '../../../lib/pagination.ts';

export type TicketValues = Omit<
  Insertable<SupportTicketsTable>,
  'id' | 'workspace_id' | 'source' | 'external_id'
>;

/**
 * Stores a ticket's update unless the stored one is as new or newer; the unique key
 * serialises two deliveries at once. Answers the row when this update was stored.
 */
export function upsertTicket(
  db: Db,
  ticket: {
    workspaceId: WorkspaceId;
    source: SupportTicketsTable['source'];
    externalId: string;
    updatedAt: Date;
  },
  values: TicketValues,
) {
  return db
    .insertInto('support_tickets')
    .values({
      ...values,
      workspace_id: ticket.workspaceId,
      source: ticket.source,
      external_id: ticket.externalId,
    })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'source', 'external_id'])
        .doUpdateSet(values)
        .where('support_tickets.updated_at', '<', ticket.updatedAt),
    )
    .returning('id')
    .executeTakeFirst();
}

/** A page of an account's tickets (in some states, or all), newest first: `limit + 1` rows. */
export function ticketRows(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  page: { status: TicketStatus[] | undefined; keyset: TimeKeyset; limit: number },
) {
  return db
    .selectFrom('support_tickets')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .$if(page.status !== undefined, (q) => q.where('status', 'in', page.status ?? []))
    .where(page.keyset.where('opened_at', 'id'))
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export function ticketsOpenedSince(db: Db, workspaceId: WorkspaceId, since: Date) {
  return db
    .selectFrom('support_tickets')
    .select(['id', 'account_id', 'subject', 'priority', 'opened_at'])
    .where('workspace_id', '=', workspaceId)
    .where('opened_at', '>=', since)
    .orderBy('opened_at')
    .orderBy('id')
    .execute();
}
