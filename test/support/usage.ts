// Usage rollups for a test to start from, written as days: each helper takes a select of day
// rows and adds them into the month rows (usage_months, usage_month_users) the way intake's
// batches do, merging with what the month already holds (migration 0035).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../src/db/connect.ts';

/**
 * `days` selects (workspace_id, account_id, day, feature_key, events, logins), in that order;
 * a day's counts add to any it already has.
 */
export async function addUsageDays(db: Db, days: RawBuilder<unknown>): Promise<void> {
  await sql`
    with input (workspace_id, account_id, day, feature_key, events, logins) as (${days}),
    by_day as (
      select workspace_id, date_trunc('month', day::timestamp)::date as month, account_id,
        feature_key, date_part('day', day)::smallint as day_of_month,
        sum(events)::int as events, sum(logins)::int as logins
      from input
      group by 1, 2, 3, 4, 5
    )
    insert into usage_months (workspace_id, month, account_id, feature_key, days, events, logins)
    select workspace_id, month, account_id, feature_key, array_agg(day_of_month order by day_of_month),
      array_agg(events order by day_of_month), array_agg(logins order by day_of_month)
    from by_day
    group by 1, 2, 3, 4
    on conflict (workspace_id, month, account_id, feature_key) do update
      set days = usage_days_merged(usage_months.days, excluded.days),
        events = usage_day_counts_merged(usage_months.days, usage_months.events, excluded.days, excluded.events, false),
        logins = usage_day_counts_merged(usage_months.days, usage_months.logins, excluded.days, excluded.logins, false)`.execute(
    db,
  );
}

/** `users` selects (workspace_id, account_id, day, feature_key, user_id), in that order. */
export async function addActiveUsers(db: Db, users: RawBuilder<unknown>): Promise<void> {
  await sql`
    with input (workspace_id, account_id, day, feature_key, user_id) as (${users})
    insert into usage_month_users (workspace_id, month, account_id, feature_key, user_id, active_days)
    select workspace_id, date_trunc('month', day::timestamp)::date, account_id, feature_key, user_id,
      bit_or(1 << (date_part('day', day)::int - 1))
    from input
    group by 1, 2, 3, 4, 5
    on conflict (workspace_id, month, account_id, feature_key, user_id) do update
      set active_days = usage_month_users.active_days | excluded.active_days`.execute(db);
}
