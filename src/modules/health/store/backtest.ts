// SQL for the backtest: each account's measures some days before its outcome (churned in the
// period, or still a customer at its end), from the daily history.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { MeasureKey } from '../../../db/schema.ts';

export type ScoredBefore = { account_id: string; churned: boolean } & Record<
  MeasureKey,
  number | null
>;

/** Each account's measures N days before its outcome, from the daily history. */
export async function scoresBeforeOutcome(
  db: Db,
  workspaceId: string,
  period: { from: string; to: string },
  horizonDays: number,
): Promise<ScoredBefore[]> {
  const { rows } = await sql<ScoredBefore>`
    with churns as (
      select account_id, min(occurred_at)::date as day
      from mrr_movements
      where workspace_id = ${workspaceId} and kind = 'churn'
        and occurred_at >= ${period.from}::date and occurred_at < ${period.to}::date + 1
      group by account_id
    ),
    outcomes as (
      select a.id as account_id, c.day is not null as churned,
        coalesce(c.day, ${period.to}::date) - ${horizonDays}::int as scored_on
      from accounts a left join churns c on c.account_id = a.id
      where a.workspace_id = ${workspaceId}
        and (c.day is not null or (a.deleted_at is null and a.stage <> 'churned'))
    )
    select o.account_id, o.churned, h.usage, h.support, h.engagement, h.billing, h.outcomes
    from outcomes o
    -- The score on that day, or the closest one in the week before it.
    join lateral (
      select * from health_history h
      where h.workspace_id = ${workspaceId} and h.account_id = o.account_id
        and h.day <= o.scored_on and h.day > o.scored_on - 7
      order by h.day desc limit 1
    ) h on true`.execute(db);
  return rows;
}
