// Tracked expansion: a CSM turns a signal (or their own hunch) into an opportunity with an
// amount, a stage and an expected close. Won and lost ones close it and feed the expansion
// figures; every change is audited.
import type { Db } from '../../db/connect.ts';
import type { OpportunityKind, OpportunityStage } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, fieldProblem, invalid } from '../../lib/errors.ts';
import { getAccount, type AccountScope } from '../accounts/index.ts';
import { diff, recordAudit, type ChangeAuthor } from '../auth/index.ts';
import * as store from './store/expansion.ts';

export type Money = { amount: number; currency: string };

export type NewOpportunity = {
  accountId: string;
  kind: OpportunityKind;
  title: string;
  amount: Money;
  stage?: OpportunityStage;
  expectedClose?: string | null;
  ownerId?: string | null;
  signals?: string[];
};

export type OpportunityChanges = Partial<Omit<NewOpportunity, 'accountId' | 'signals'>>;

const closedStages: OpportunityStage[] = ['won', 'lost'];
const isClosedStage = (stage: OpportunityStage): stage is 'won' | 'lost' =>
  closedStages.includes(stage);

export function describeOpportunity(row: store.OpportunityRow) {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    kind: row.kind,
    title: row.title,
    signals: row.signals,
    amount: { amount: row.amount, currency: row.currency },
    stage: row.stage,
    expectedClose: row.expected_close,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

export type Opportunity = ReturnType<typeof describeOpportunity>;

async function checkOwner(db: Db, by: ChangeAuthor, ownerId: string | null | undefined) {
  if (!ownerId) return;
  if (!(await store.userInWorkspace(db, by.workspaceId, ownerId))) {
    throw invalid([fieldProblem('ownerId', 'errors.field.noUser')]);
  }
}

export async function listAccountOpportunities(
  db: Db,
  scope: AccountScope,
  filter: { accountId?: string; open?: boolean },
): Promise<Opportunity[]> {
  if (filter.accountId) await getAccount(db, scope, filter.accountId);
  return (await store.listOpportunities(db, scope, filter)).map(describeOpportunity);
}

export async function createOpportunity(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: AccountScope,
  input: NewOpportunity,
): Promise<Opportunity> {
  const account = await getAccount(db, scope, input.accountId);
  await checkOwner(db, by, input.ownerId);
  const stage = input.stage ?? 'identified';
  const now = clock.now();
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await store.insertOpportunity(trx, {
      workspaceId: by.workspaceId,
      accountId: account.id,
      kind: input.kind,
      title: input.title,
      signals: input.signals ?? [],
      amount: input.amount.amount,
      currency: input.amount.currency,
      stage,
      expectedClose: input.expectedClose ?? null,
      ownerId: input.ownerId === undefined ? (account.owner_id ?? by.userId) : input.ownerId,
      closedAt: closedStages.includes(stage) ? now : null,
      createdBy: by.userId,
      at: now,
    });
    await recordAudit(trx, by, {
      action: 'opportunity.created',
      entityType: 'opportunity',
      entityId: id,
      changes: { ...input, accountId: account.id },
    });
    return id;
  });
  return getOpportunity(db, scope, id);
}

export async function getOpportunity(db: Db, scope: AccountScope, id: string) {
  const row = await store.findOpportunity(db, scope, id);
  if (!row) throw new AppError('opportunity.not_found', { key: 'revenue.problem.noOpportunity' });
  return describeOpportunity(row);
}

export async function updateOpportunity(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: AccountScope,
  id: string,
  changes: OpportunityChanges,
): Promise<Opportunity> {
  const before = await getOpportunity(db, scope, id);
  await checkOwner(db, by, changes.ownerId);
  const stage = changes.stage ?? before.stage;
  const now = clock.now();
  const wasClosed = closedStages.includes(before.stage);
  const isClosed = isClosedStage(stage);
  const amount = changes.amount ?? before.amount;
  const after = {
    kind: changes.kind ?? before.kind,
    title: changes.title ?? before.title,
    signals: before.signals,
    amount: amount.amount,
    currency: amount.currency,
    stage,
    expectedClose:
      changes.expectedClose === undefined ? before.expectedClose : changes.expectedClose,
    ownerId: changes.ownerId === undefined ? before.ownerId : changes.ownerId,
    // Closed when it is won or lost; reopening clears it, re-closing keeps the first close.
    closedAt: !isClosed ? null : wasClosed && before.closedAt ? new Date(before.closedAt) : now,
  };
  await db.transaction().execute(async (trx) => {
    await store.updateOpportunityRow(trx, by.workspaceId, id, { ...after, at: now });
    await recordAudit(trx, by, {
      action: isClosedStage(stage) && !wasClosed ? `opportunity.${stage}` : 'opportunity.updated',
      entityType: 'opportunity',
      entityId: id,
      changes: diff(
        { ...before, amount: before.amount } as Record<string, unknown>,
        changes as Record<string, unknown>,
      ),
    });
  });
  return getOpportunity(db, scope, id);
}
