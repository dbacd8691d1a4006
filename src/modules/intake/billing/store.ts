// SQL for billing: Stripe events recorded by id, the customer → account links, contracts and
// the MRR movements they make, invoices, the deliveries kept for review, and what an
// account's billing page reads. Every query is confined to one workspace.
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type {
  ContractsTable,
  IntakeReviewTable,
  InvoicesTable,
  MrrMovementsTable,
  StripeEventOutcome,
  StripeEventsTable,
} from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { TimeKeyset } from '../../../lib/pagination.ts';

/** Records an event by its id; undefined when it was recorded already (a replay). */
export function insertStripeEvent(db: Db, event: Insertable<StripeEventsTable>) {
  return db
    .insertInto('stripe_events')
    .values(event)
    .onConflict((oc) => oc.columns(['workspace_id', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
}

export function setStripeEventOutcome(
  db: Db,
  workspaceId: WorkspaceId,
  eventId: string,
  outcome: StripeEventOutcome,
) {
  return db
    .updateTable('stripe_events')
    .set({ outcome })
    .where('workspace_id', '=', workspaceId)
    .where('event_id', '=', eventId)
    .execute();
}

/** The live account a Stripe customer was matched to before. */
export function accountOfKnownCustomer(db: Db, workspaceId: WorkspaceId, customerId: string) {
  return db
    .selectFrom('billing_customers')
    .innerJoin('accounts', 'accounts.id', 'billing_customers.account_id')
    .select('accounts.id')
    .where('billing_customers.workspace_id', '=', workspaceId)
    .where('billing_customers.stripe_customer_id', '=', customerId)
    .where('accounts.deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Remembers which account a Stripe customer is: kept when a link exists already, or
 * (`replace`) made the new one.
 */
export function linkCustomerRow(
  db: Db,
  link: { workspaceId: WorkspaceId; customerId: string; accountId: string },
  mode: 'keep' | 'replace',
) {
  return db
    .insertInto('billing_customers')
    .values({
      workspace_id: link.workspaceId,
      stripe_customer_id: link.customerId,
      account_id: link.accountId,
    })
    .onConflict((oc) =>
      mode === 'keep'
        ? oc.columns(['workspace_id', 'stripe_customer_id']).doNothing()
        : oc
            .columns(['workspace_id', 'stripe_customer_id'])
            .doUpdateSet({ account_id: link.accountId }),
    )
    .execute();
}

/** The account's MRR in one currency: the sum over its contracts in `statuses`. */
export async function accountMrr(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  currency: string,
  statuses: readonly string[],
): Promise<number> {
  const row = await db
    .selectFrom('contracts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('mrr_amount'), eb.lit(0)).as('mrr'))
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('currency', '=', currency)
    .where('status', 'in', [...statuses])
    .executeTakeFirstOrThrow();
  return Number(row.mrr);
}

/** The account each of these contracts (external ids) stays with: the one it was first matched to. */
export async function contractAccounts(
  db: Db,
  workspaceId: WorkspaceId,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contracts')
    .select(['external_id', 'account_id'])
    .where('workspace_id', '=', workspaceId)
    .where(sql<boolean>`external_id = any(${[...new Set(externalIds)]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.external_id, r.account_id]));
}

/** A contract's last known state, locked until the transaction ends. */
export function lockContract(db: Db, workspaceId: WorkspaceId, externalId: string) {
  return db
    .selectFrom('contracts')
    .select([
      'id',
      'account_id',
      'plan',
      'seats',
      'mrr_amount',
      'currency',
      'status',
      'started_at',
      'ended_at',
      'current_period_end',
      'state_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirst();
}

export type ContractRow = NonNullable<Awaited<ReturnType<typeof lockContract>>>;

export type ContractValues = Pick<
  Insertable<ContractsTable>,
  | 'plan'
  | 'seats'
  | 'mrr_amount'
  | 'currency'
  | 'status'
  | 'started_at'
  | 'ended_at'
  | 'current_period_end'
  | 'state_at'
>;

export async function insertContract(
  db: Db,
  contract: ContractValues &
    Pick<Insertable<ContractsTable>, 'workspace_id' | 'account_id' | 'source' | 'external_id'>,
): Promise<string> {
  const row = await db
    .insertInto('contracts')
    .values(contract)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateContract(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  values: ContractValues,
) {
  return db
    .updateTable('contracts')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Whether the account has had any MRR movement (its first revenue is a "new" movement). */
export async function hasMovements(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('mrr_movements')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertMovement(db: Db, movement: Insertable<MrrMovementsTable>) {
  return db.insertInto('mrr_movements').values(movement).execute();
}

export type InvoiceValues = Omit<
  Insertable<InvoicesTable>,
  'id' | 'workspace_id' | 'account_id' | 'external_id' | 'created_at' | 'updated_at'
>;

/**
 * Stores an invoice's state unless a newer one is stored already (an older delivery arriving
 * late); answers the row when this state was stored.
 */
export function upsertInvoice(
  db: Db,
  invoice: { workspaceId: WorkspaceId; accountId: string; externalId: string; at: Date },
  values: InvoiceValues,
) {
  return db
    .insertInto('invoices')
    .values({
      ...values,
      workspace_id: invoice.workspaceId,
      account_id: invoice.accountId,
      external_id: invoice.externalId,
    })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'external_id'])
        .doUpdateSet({ ...values, updated_at: sql`now()` })
        .where('invoices.state_at', '<=', invoice.at),
    )
    .returning('id')
    .executeTakeFirst();
}

/** Live accounts by their external ids (a contracts CSV names accounts so). */
export function liveAccountsByExternalIds(db: Db, workspaceId: WorkspaceId, externalIds: string[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'external_id'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`external_id = any(${externalIds}::text[])`)
    .execute();
}

/** Keeps a delivery for review, once per source id. */
export function insertReviewItem(db: Db, item: Insertable<IntakeReviewTable>) {
  return db
    .insertInto('intake_review')
    .values(item)
    .onConflict((oc) => oc.columns(['workspace_id', 'source', 'source_id']).doNothing())
    .execute();
}

/** A page of the deliveries not resolved yet, newest first: `limit + 1` rows. */
export function reviewRows(
  db: Db,
  workspaceId: WorkspaceId,
  page: { keyset: TimeKeyset; limit: number },
) {
  return db
    .selectFrom('intake_review')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('resolved_at', 'is', null)
    .where(page.keyset.where('received_at', 'id'))
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** An account's contracts, the latest started first. */
export function contractRows(db: Db, workspaceId: WorkspaceId, accountId: string) {
  return db
    .selectFrom('contracts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('started_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** An account's latest invoices. */
export function invoiceRows(db: Db, workspaceId: WorkspaceId, accountId: string, limit: number) {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('state_at', 'desc')
    .limit(limit)
    .execute();
}

/** An account's latest MRR movements. */
export function movementRows(db: Db, workspaceId: WorkspaceId, accountId: string, limit: number) {
  return db
    .selectFrom('mrr_movements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The workspace events signed with the install's secret belong to: the oldest that is not
 * the demo, else the demo itself.
 */
export function oldestRealWorkspace(db: Db) {
  return db
    .selectFrom('workspaces')
    .select('id')
    .orderBy('is_demo', 'asc')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .executeTakeFirst();
}
