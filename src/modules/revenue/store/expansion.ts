// SQL for expansion: what each account in scope brings to the signals (plan, seats, ARR,
// health), and tracked opportunities.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { OpportunityKind, OpportunityStage, Tier } from '../../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

export type ExpansionAccountRow = {
  accountId: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  tier: Tier;
  plan: string | null;
  seats: number | null;
  arrAmount: number;
  currency: string;
  healthScore: number | null;
  healthCategory: string | null;
};

/** Live accounts in scope (`owner`: only that person's), with their owner and health. */
export async function expansionAccounts(
  db: Db,
  scope: AccountScope,
  query: { owner: UserId | null },
): Promise<ExpansionAccountRow[]> {
  const ws = scope.workspaceId;
  const owner = scope.onlyOwner ?? query.owner;
  const { rows } = await sql<ExpansionAccountRow>`
    select s.id as "accountId", s.name, s.owner_id as "ownerId", u.name as "ownerName",
      s.tier, s.plan, s.seats, s.arr_amount as "arrAmount", s.currency,
      hs.score as "healthScore", hs.category as "healthCategory"
    from accounts s
    left join users u on u.id = s.owner_id
    left join account_health hs on hs.account_id = s.id and hs.workspace_id = ${ws}
    where s.workspace_id = ${ws} and s.deleted_at is null and s.stage <> 'churned'
      and (${owner}::uuid is null or s.owner_id = ${owner}::uuid)`.execute(db);
  return rows;
}

const opportunityColumns = [
  'o.id',
  'o.account_id',
  'a.name as account_name',
  'o.kind',
  'o.title',
  'o.signals',
  'o.amount',
  'o.currency',
  'o.stage',
  'o.expected_close',
  'o.owner_id',
  'u.name as owner_name',
  'o.created_at',
  'o.updated_at',
  'o.closed_at',
] as const;

export function selectOpportunities(db: Db, scope: AccountScope) {
  return db
    .selectFrom('opportunities as o')
    .innerJoin('accounts as a', 'a.id', 'o.account_id')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .select(opportunityColumns)
    .where('o.workspace_id', '=', scope.workspaceId)
    .where('a.deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('a.owner_id', '=', scope.onlyOwner));
}

export type OpportunityRow = Awaited<
  ReturnType<ReturnType<typeof selectOpportunities>['executeTakeFirstOrThrow']>
>;

export function listOpportunities(
  db: Db,
  scope: AccountScope,
  filter: { accountId?: string; open?: boolean; accountIds?: readonly string[] },
) {
  return selectOpportunities(db, scope)
    .$if(filter.accountId !== undefined, (q) =>
      q.where('o.account_id', '=', filter.accountId ?? ''),
    )
    .$if(filter.accountIds !== undefined, (q) =>
      q.where('o.account_id', 'in', [...(filter.accountIds ?? [])]),
    )
    .$if(filter.open === true, (q) => q.where('o.closed_at', 'is', null))
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id')
    .limit(500)
    .execute();
}

export function findOpportunity(db: Db, scope: AccountScope, id: string) {
  return selectOpportunities(db, scope).where('o.id', '=', id).executeTakeFirst();
}

export type OpportunityValues = {
  kind: OpportunityKind;
  title: string;
  signals: string[];
  amount: number;
  currency: string;
  stage: OpportunityStage;
  expectedClose: string | null;
  ownerId: string | null;
  closedAt: Date | null;
};

export function insertOpportunity(
  db: Db,
  row: OpportunityValues & {
    workspaceId: WorkspaceId;
    accountId: string;
    createdBy: UserId | null;
    at: Date;
  },
) {
  return db
    .insertInto('opportunities')
    .values({
      workspace_id: row.workspaceId,
      account_id: row.accountId,
      kind: row.kind,
      title: row.title,
      signals: row.signals,
      amount: row.amount,
      currency: row.currency,
      stage: row.stage,
      expected_close: row.expectedClose,
      owner_id: row.ownerId,
      created_by: row.createdBy,
      created_at: row.at,
      updated_at: row.at,
      closed_at: row.closedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateOpportunityRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  values: OpportunityValues & { at: Date },
) {
  return db
    .updateTable('opportunities')
    .set({
      kind: values.kind,
      title: values.title,
      amount: values.amount,
      currency: values.currency,
      stage: values.stage,
      expected_close: values.expectedClose,
      owner_id: values.ownerId,
      closed_at: values.closedAt,
      updated_at: values.at,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export function userInWorkspace(db: Db, workspaceId: WorkspaceId, userId: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', userId)
    .executeTakeFirst();
}
