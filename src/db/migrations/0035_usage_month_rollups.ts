// The usage rollups hold a month per row instead of a day: `usage_months` keeps an account's
// daily counts of a feature for one month (parallel arrays of the days with events and their
// counts), `usage_month_users` who used it that month and on which days (a bit per day).
// A year of one event per account and day was seven million day rows and four indexes against
// three and a half million events, so no way of writing them came within 3× of one GROUP BY
// over the events (docs/scaling.md); a month per row is a twelfth of the counts rows and a
// fraction of the user rows, each with its primary key alone.
// Keys put the month right after the workspace: health's 30- and 60-day windows over every
// account read two or three months of the key, and PostgreSQL skips through the few months to
// read one account's (an account's rollups, deleting it), so no second index is kept up.
// The days stay exact: a window that starts or ends inside a month reads only its days.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table usage_months (
      workspace_id uuid not null,
      month date not null,
      account_id uuid not null,
      feature_key text not null,
      days smallint[] not null,
      events integer[] not null,
      logins integer[] not null,
      primary key (workspace_id, month, account_id, feature_key)
    );
    comment on table usage_months is
      'An account''s use of a feature in a month: days[i] (day of the month, one entry per day, in no set order) had events[i] events, logins[i] of them logins.';

    create table usage_month_users (
      workspace_id uuid not null,
      month date not null,
      account_id uuid not null,
      feature_key text not null,
      user_id text not null,
      active_days integer not null,
      primary key (workspace_id, month, account_id, feature_key, user_id)
    );
    comment on table usage_month_users is
      'Who used a feature of an account in a month: bit n - 1 of active_days is set when the user was active on day n.';

    -- Two lists of days as one, each day once, in day order.
    create function usage_days_merged(days smallint[], more smallint[]) returns smallint[]
    language sql immutable parallel safe as $$
      select array_agg(distinct d order by d) from unnest(days || more) d
    $$;

    -- Counts beside usage_days_merged's days: a day's counts are added, or where restate is true,
    -- the later ones replace the earlier (a backfill restating a day).
    create function usage_day_counts_merged(days smallint[], counts integer[], more smallint[],
      more_counts integer[], restate boolean) returns integer[]
    language sql immutable parallel safe as $$
      select array_agg(case when restate then coalesce(m.n, o.n) else coalesce(o.n, 0) + coalesce(m.n, 0) end
        order by d)
      from unnest(days, counts) o(d, n) full join unnest(more, more_counts) m(d, n) using (d)
    $$;

    -- The days of a month row after more were counted (usage_months.days). One day more, the
    -- usual case of a live batch, is found in place or appended; several are merged by day.
    create function usage_days_added(days smallint[], more smallint[]) returns smallint[]
    language sql immutable parallel safe as $$
      select case when cardinality(more) = 1
        then case when more[1] = any(days) then days else days || more end
        else usage_days_merged(days, more) end
    $$;

    -- Counts beside usage_days_added's days: one day more is added in place or appended.
    create function usage_day_counts_added(days smallint[], counts integer[], more smallint[],
      more_counts integer[]) returns integer[]
    language sql immutable parallel safe as $$
      select case when cardinality(more) = 1
        then case when array_position(days, more[1]) is null then counts || more_counts
          else counts[:array_position(days, more[1]) - 1]
            || (counts[array_position(days, more[1])] + more_counts[1])
            || counts[array_position(days, more[1]) + 1:] end
        else usage_day_counts_merged(days, counts, more, more_counts, false) end
    $$;

    -- The bits of usage_month_users.active_days that stand for the days from first to last.
    create function usage_days_between(month date, first date, last date) returns integer
    language sql immutable parallel safe as $$
      select case when least(last, (month + interval '1 month')::date - 1) < greatest(first, month) then 0
        else ((1::bigint << (least(last, (month + interval '1 month')::date - 1) - month + 1))
          - (1::bigint << (greatest(first, month) - month)))::integer end
    $$;

    -- The dates a usage_month_users row stands for.
    create function usage_active_days(month date, active_days integer) returns setof date
    language sql immutable parallel safe as $$
      select month + i from generate_series(0, 30) i where active_days & (1 << i) <> 0
    $$;

    -- The month rows as day rows, for reads of one account or a few: a read over many accounts
    -- filters the months first (usage_days_between, the month keys), which a view cannot.
    create view usage_days as
      select m.workspace_id, m.account_id, m.month + d.day_of_month - 1 as day, m.feature_key,
        d.events, d.logins
      from usage_months m, unnest(m.days, m.events, m.logins) d(day_of_month, events, logins);
    create view usage_day_users as
      select u.workspace_id, u.account_id, d.day, u.feature_key, u.user_id
      from usage_month_users u, usage_active_days(u.month, u.active_days) d(day);

    insert into usage_months (workspace_id, month, account_id, feature_key, days, events, logins)
    select workspace_id, date_trunc('month', day::timestamp)::date, account_id, feature_key,
      array_agg(date_part('day', day)::smallint order by day), array_agg(events order by day),
      array_agg(logins order by day)
    from usage_daily
    group by 1, 2, 3, 4;

    insert into usage_month_users (workspace_id, month, account_id, feature_key, user_id, active_days)
    select workspace_id, date_trunc('month', day::timestamp)::date, account_id, feature_key, user_id,
      bit_or(1 << (date_part('day', day)::integer - 1))
    from usage_daily_users
    group by 1, 2, 3, 4, 5;

    -- 0023's trigger on accounts stays: its function now deletes a deleted account's (or
    -- workspace's) month rows.
    create or replace function delete_usage_rollups_of_accounts() returns trigger
    language plpgsql as $$
    begin
      delete from usage_months m using deleted_accounts a
        where m.workspace_id = a.workspace_id and m.account_id = a.id;
      delete from usage_month_users u using deleted_accounts a
        where u.workspace_id = a.workspace_id and u.account_id = a.id;
      return null;
    end
    $$;
    drop table usage_daily, usage_daily_users;
  `.execute(db);
}
