// SQL for what the health screens read: an account's current score and history, the accounts
// in view with their scores (dashboard, churn list), past scores to compare, sparkline series.
// Every query is confined to one workspace and, for a CSM, to their clients.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { UserId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

export function currentScore(db: Db, workspaceId: string, accountId: string) {
  return db
    .selectFrom('health_scores')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

/** An account's daily scores after `since`, oldest first. */
export function historyOf(db: Db, workspaceId: string, accountId: string, since: string) {
  return db
    .selectFrom('health_history')
    .select(['day', 'score', 'category', 'usage', 'support', 'engagement', 'billing', 'outcomes'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('day', '>', since)
    .orderBy('day')
    .execute();
}

/** Accounts the viewer may see (optionally one owner's), live ones only. */
function scopedAccounts(db: Db, scope: AccountScope, owner: UserId | null) {
  return db
    .selectFrom('accounts')
    .leftJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .leftJoin('health_scores', 'health_scores.account_id', 'accounts.id')
    .where('accounts.workspace_id', '=', scope.workspaceId)
    .where('accounts.deleted_at', 'is', null)
    .where('accounts.stage', '<>', 'churned')
    .$if(scope.onlyOwner !== null, (q) => q.where('accounts.owner_id', '=', scope.onlyOwner))
    .$if(owner !== null, (q) => q.where('accounts.owner_id', '=', owner))
    .select([
      'accounts.id',
      'accounts.name',
      'accounts.owner_id',
      'owner.name as owner_name',
      'accounts.tier',
      'accounts.arr_amount',
      'accounts.currency',
      'accounts.renewal_date',
      'health_scores.score',
      'health_scores.category',
      'health_scores.measures',
      'health_scores.churn_risk',
    ]);
}

export type ScopedRow = Awaited<ReturnType<ReturnType<typeof scopedAccounts>['execute']>>[number];

export function scopedAccountRows(db: Db, scope: AccountScope, owner: UserId | null) {
  return scopedAccounts(db, scope, owner).execute();
}

/**
 * Scored accounts in view whose risk is one of `levels`; with a renewal window, only those
 * renewing in it or whose risk is one of `highRiskNow` whenever they renew.
 */
export function atRiskRows(
  db: Db,
  scope: AccountScope,
  query: {
    owner: UserId | null;
    levels: string[];
    window: { from: string; to: string } | null;
    highRiskNow: string[];
  },
) {
  const window = query.window;
  return scopedAccounts(db, scope, query.owner)
    .where('health_scores.score', 'is not', null)
    .where(sql<boolean>`health_scores.risk_level = any(${query.levels}::text[])`)
    .$if(window !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb.and([
            eb('accounts.renewal_date', '>=', window?.from ?? ''),
            eb('accounts.renewal_date', '<=', window?.to ?? ''),
          ]),
          sql<boolean>`health_scores.risk_level = any(${query.highRiskNow}::text[])`,
        ]),
      ),
    )
    .execute();
}

/** The scores some accounts had on one day. */
export function scoresOn(db: Db, workspaceId: string, day: string, accountIds: string[]) {
  return db
    .selectFrom('health_history')
    .select(['account_id', 'score'])
    .where('workspace_id', '=', workspaceId)
    .where('day', '=', day)
    .where('account_id', 'in', accountIds)
    .execute();
}

/** Which of `accountIds` the viewer may see, with their current score and risk. */
export function visibleScores(db: Db, scope: AccountScope, accountIds: readonly string[]) {
  return db
    .selectFrom('accounts')
    .leftJoin('health_scores', 'health_scores.account_id', 'accounts.id')
    .select([
      'accounts.id',
      'health_scores.score',
      'health_scores.category',
      'health_scores.churn_risk',
    ])
    .where('accounts.workspace_id', '=', scope.workspaceId)
    .where('accounts.deleted_at', 'is', null)
    .where('accounts.id', 'in', [...accountIds])
    .$if(scope.onlyOwner !== null, (q) => q.where('accounts.owner_id', '=', scope.onlyOwner))
    .execute();
}

/** Daily scores of some accounts from `from` to `to`, both included. */
export function scoresBetween(
  db: Db,
  workspaceId: string,
  accountIds: string[],
  days: { from: string; to: string },
) {
  return db
    .selectFrom('health_history')
    .select(['account_id', 'day', 'score'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'in', accountIds)
    .where('day', '>=', days.from)
    .where('day', '<=', days.to)
    .execute();
}

/**
 * The usage measure of some accounts on the workspace's latest scored day and `daysBack`
 * before it: two days of history by primary key, not a scan of every account's.
 */
export async function usageReadings(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
  daysBack: number,
) {
  const { rows } = await sql<{ accountId: string; now: number | null; before: number | null }>`
    with latest as (select max(day) as day from health_history where workspace_id = ${workspaceId})
    select h.account_id as "accountId",
      max(h.usage) filter (where h.day = latest.day) as now,
      max(h.usage) filter (where h.day = latest.day - ${daysBack}::int) as before
    from latest
    join health_history h on h.workspace_id = ${workspaceId}
      and h.account_id = any(${[...accountIds]}::uuid[])
      and h.day in (latest.day, latest.day - ${daysBack}::int)
    group by h.account_id`.execute(db);
  return rows;
}

/**
 * The average score on the last scored day at or before each of `days` (k is the day's place
 * in the list, from 1): of the accounts given, or of every live account of the workspace.
 */
export async function averageScoresOn(
  db: Db,
  workspaceId: string,
  days: readonly string[],
  accountIds: readonly string[] | null,
) {
  const ids = accountIds === null ? null : [...accountIds];
  const { rows } = await sql<{ k: number; average: number | null; accounts: number }>`
    with e as (select * from unnest(${[...days]}::date[]) with ordinality as e(day, k)),
    last as (
      select e.k, (select max(h.day) from health_history h
        where h.workspace_id = ${workspaceId} and h.day <= e.day) as day
      from e
    )
    select last.k::int as k, avg(h.score)::float as average, count(h.score)::int as accounts
    from last
    join health_history h on h.workspace_id = ${workspaceId} and h.day = last.day
    where h.score is not null
      and (${ids}::uuid[] is null or h.account_id = any(${ids}::uuid[]))
      and (${ids}::uuid[] is not null or h.account_id in (
        select id from accounts where workspace_id = ${workspaceId} and deleted_at is null))
    group by last.k`.execute(db);
  return rows;
}
