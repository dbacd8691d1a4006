// A contract's state as Stripe or a CSV backfill last told it, and what a change does: an
// MRR movement for the account, the account's ARR (12 × MRR of its paying contracts) and its
// renewal date. One path for both sources, so a backfill and live billing agree.
//
// A change announces nothing itself (its MRR line on the timeline passes `announce: false`):
// the caller announces the accounts whose contracts were created or updated (accounts'
// changed set, which health drains to rescore) once, at the end of its transaction. Announced
// row by row, a contracts file (one transaction) held the workspace's wake-up job row from its
// first new account until it committed, and deadlocked with a ticket's transaction that held a
// later row's account (its ticket row references it) and waited for that job row, and with
// the tracking intake announcing two of its accounts after a batch (see
// ../import/usageBatches.ts for the same cycle in backfilled usage).
import type { Db } from '../../../db/connect.ts';
import type { MrrMovementKind } from '../../../db/schema.ts';
import { message } from '../../../i18n/index.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { isoDay } from '../../../lib/calendar.ts';
import {
  addTimelineEvent,
  lockAccountsForBilling,
  setAccountsBilling,
} from '../../accounts/index.ts';
import { recordAudit } from '../../auth/index.ts';
import { countsAsRevenue, moneyParam, movementKind, revenueStatuses } from './money.ts';
import * as store from './store.ts';
import type { ContractRow } from './store.ts';

export type ContractState = {
  workspaceId: WorkspaceId;
  accountId: string;
  source: 'stripe' | 'csv';
  externalId: string;
  plan: string | null;
  seats: number | null;
  mrrAmount: number;
  currency: string;
  status: string;
  startedAt: Date | null;
  endedAt: Date | null;
  currentPeriodEnd: Date | null;
  /** When this state was true (Stripe: the event's `created`); an older one is ignored. */
  stateAt: Date;
  /** Names the movement this change makes, so the same change is never counted twice. */
  sourceEventId: string;
  occurredAt: Date;
  /** A backfilled contract seen for the first time dates its movement from its start. */
  datedFromStart?: boolean;
};

export type ContractOutcome = {
  result: 'created' | 'updated' | 'unchanged' | 'stale';
  movement: { kind: MrrMovementKind; amount: number; currency: string } | null;
  /** The contract's account: the caller announces it when the contract was created or updated. */
  accountId: string;
};

/** Whether the contract's account is to be announced as changed. */
export const contractChanged = (outcome: ContractOutcome): boolean =>
  outcome.result === 'created' || outcome.result === 'updated';

const time = (d: Date | null) => d?.getTime() ?? null;

function sameState(row: ContractRow, state: ContractState): boolean {
  return (
    row.plan === state.plan &&
    row.seats === state.seats &&
    row.mrr_amount === state.mrrAmount &&
    row.currency === state.currency &&
    row.status === state.status &&
    time(row.started_at) === time(state.startedAt) &&
    time(row.ended_at) === time(state.endedAt) &&
    time(row.current_period_end) === time(state.currentPeriodEnd)
  );
}

/** The account's MRR in one currency: the sum over its paying contracts. */
function accountMrr(db: Db, workspaceId: WorkspaceId, accountId: string, currency: string) {
  return store.accountMrr(db, workspaceId, accountId, currency, revenueStatuses);
}

/**
 * Writes the contract's state in the caller's transaction; announces nothing (see above): the
 * caller marks `accountId` as changed when `contractChanged`, at its transaction's end.
 */
export async function applyContractState(db: Db, state: ContractState): Promise<ContractOutcome> {
  const { workspaceId } = state;
  const existing = await store.lockContract(db, workspaceId, state.externalId);
  // A contract stays with the account it was first matched to.
  const accountId = existing?.account_id ?? state.accountId;
  if (existing && existing.state_at > state.stateAt) {
    return { result: 'stale', movement: null, accountId };
  }
  if (existing && sameState(existing, state)) {
    return { result: 'unchanged', movement: null, accountId };
  }

  // One change per account at a time: MRR before and after must see the same contracts.
  const account = (await lockAccountsForBilling(db, workspaceId, [accountId])).get(accountId);
  if (!account) throw new Error(`account ${accountId} of contract ${state.externalId} is gone`);
  // An account billed in two currencies is rare; its ARR follows the contract changed last.
  const before = await accountMrr(db, workspaceId, accountId, state.currency);
  const values: store.ContractValues = {
    plan: state.plan,
    seats: state.seats,
    mrr_amount: state.mrrAmount,
    currency: state.currency,
    status: state.status,
    started_at: state.startedAt,
    ended_at: state.endedAt,
    current_period_end: state.currentPeriodEnd,
    state_at: state.stateAt,
  };
  const contractId = existing
    ? existing.id
    : await store.insertContract(db, {
        ...values,
        workspace_id: workspaceId,
        account_id: accountId,
        source: state.source,
        external_id: state.externalId,
      });
  if (existing) await store.updateContract(db, workspaceId, existing.id, values);
  const after = await accountMrr(db, workspaceId, accountId, state.currency);
  const occurredAt =
    !existing && state.datedFromStart && state.startedAt ? state.startedAt : state.occurredAt;
  const movement = await recordMovement(
    db,
    { ...state, occurredAt },
    accountId,
    contractId,
    before,
    after,
  );

  const renewal =
    countsAsRevenue(state.status) && state.currentPeriodEnd
      ? isoDay(state.currentPeriodEnd)
      : undefined;
  const arr = after * 12;
  if (arr !== account.arrAmount || state.currency !== account.currency || renewal) {
    await setAccountsBilling(db, workspaceId, [
      { accountId, arrAmount: arr, currency: state.currency, renewalDate: renewal ?? null },
    ]);
    await recordAudit(
      db,
      { workspaceId, userId: null },
      {
        action: 'account.billing_synced',
        entityType: 'account',
        entityId: accountId,
        changes: {
          arr: { from: account.arrAmount, to: arr },
          currency: state.currency,
          contract: state.externalId,
          ...(renewal ? { renewalDate: renewal } : {}),
        },
      },
    );
  }
  return { result: existing ? 'updated' : 'created', movement, accountId };
}

async function recordMovement(
  db: Db,
  state: ContractState,
  accountId: string,
  contractId: string,
  before: number,
  after: number,
): Promise<ContractOutcome['movement']> {
  const hadRevenueBefore = await store.hasMovements(db, state.workspaceId, accountId);
  const kind = movementKind(before, after, hadRevenueBefore);
  if (!kind) return null;
  const amount = after - before;
  await store.insertMovement(db, {
    workspace_id: state.workspaceId,
    account_id: accountId,
    contract_id: contractId,
    kind,
    amount,
    currency: state.currency,
    occurred_at: state.occurredAt,
    source_event_id: state.sourceEventId,
  });
  const movement = {
    movement: { term: `accounts.movement.${kind}` as const },
    sign: amount > 0 ? '+' : '−',
    change: moneyParam(Math.abs(amount), state.currency),
    mrr: moneyParam(after, state.currency),
  };
  await addTimelineEvent(db, {
    workspaceId: state.workspaceId,
    accountId,
    kind: 'billing',
    title: state.plan
      ? message('accounts.timeline.mrrMovedOnPlan', { ...movement, plan: state.plan })
      : message('accounts.timeline.mrrMoved', movement),
    occurredAt: state.occurredAt,
    source: state.source,
    sourceId: `mrr:${contractId}:${state.sourceEventId}`,
    data: { kind, amount, currency: state.currency, mrr: after, contract: state.externalId },
    // The caller announces the account, with every other contract change, at its end.
    announce: false,
  });
  return { kind, amount, currency: state.currency };
}
