// Themes ranked over a year read a year of feedback item by item: GET /feedback/themes?since=365d
// grouped every item of the window by theme and account before it could rank anything (p95 57–60
// ms at 10,000 items, bench/voice.ts). Two tallies, kept by feedback_items' own triggers, let the
// ranking read what it needs already counted:
//   feedback_theme_months   items per theme, UTC month, kind and review (accepted or proposed),
//   feedback_theme_days     and the same per UTC day: a window's counts are its whole months'
//                           rows, the days' rows for the rest of its whole days, and the two
//                           days the window and the one before it start in counted from items
//   feedback_theme_accounts the latest accepted item of each account in a theme, of any kind and
//                           of each kind: an account asks in a window exactly when it is in it
// Every statement that changes an item's theme, kind, review, day or account (or adds or deletes
// items, by any path: a recomputation, a person's correction, an account's or a workspace's
// cascade) recounts the keys it touched from the items under the workspace's themes lock, the one
// recomputations, placements and corrections hold (store/themes.ts lockThemes): recounts never
// interleave, and each sees every committed change before it. The triggers are statement-level
// with transition tables, so a recomputation that re-themes 10,000 items recounts once.
// No foreign keys: rows exist exactly while items do (an item gone or moved recounts its keys to
// nothing), and a cascade's order would otherwise race the recount. Workspace first in every key,
// as a table distributed by workspace needs (docs/scaling.md).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table feedback_theme_days (
      workspace_id uuid not null,
      day date not null,
      theme_id uuid not null,
      type text not null,
      review text not null,
      items int not null check (items > 0),
      primary key (workspace_id, day, theme_id, type, review)
    );

    create table feedback_theme_months (
      workspace_id uuid not null,
      month date not null,
      theme_id uuid not null,
      type text not null,
      review text not null,
      items int not null check (items > 0),
      primary key (workspace_id, month, theme_id, type, review)
    );

    create table feedback_theme_accounts (
      workspace_id uuid not null,
      theme_id uuid not null,
      account_id uuid not null,
      last_asked_at timestamptz not null,
      last_feature_request_at timestamptz,
      last_bug_at timestamptz,
      last_complaint_at timestamptz,
      last_praise_at timestamptz,
      last_question_at timestamptz,
      primary key (workspace_id, theme_id, account_id)
    );
    create index feedback_theme_accounts_asked_idx
      on feedback_theme_accounts (workspace_id, last_asked_at desc);

    -- Recounts the tallies' keys that items at these (workspace, theme, account, time) touch:
    -- their rows go, and what the items say now is written, under the workspace's themes lock.
    create function feedback_recount_tallies(
      workspaces uuid[], themes uuid[], accounts uuid[], times timestamptz[]
    ) returns void language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtextextended('voice:themes:' || w::text, 0))
        from (select distinct w from unnest(workspaces) as w order by w) locks;

      delete from feedback_theme_days d
      using (
        select distinct k.w, k.t, (k.at at time zone 'UTC')::date as day
        from unnest(workspaces, themes, times) as k(w, t, at)
      ) k
      where d.workspace_id = k.w and d.day = k.day and d.theme_id = k.t;
      -- The day as an equality (a hash join when a recomputation touches every day) and as a
      -- range (an index scan of one theme's day when a placement touches one).
      insert into feedback_theme_days (workspace_id, day, theme_id, type, review, items)
      select k.w, k.day, k.t, f.type, f.review, count(*)::int
      from (
        select distinct k.w, k.t, (k.at at time zone 'UTC')::date as day
        from unnest(workspaces, themes, times) as k(w, t, at)
      ) k
      join feedback_items f on f.workspace_id = k.w and f.theme_id = k.t
        and (f.given_at at time zone 'UTC')::date = k.day
        and f.given_at >= k.day::timestamp at time zone 'UTC'
        and f.given_at < (k.day + 1)::timestamp at time zone 'UTC'
      where f.review <> 'dismissed'
      group by k.w, k.day, k.t, f.type, f.review;

      delete from feedback_theme_months m
      using (
        select distinct k.w, k.t, date_trunc('month', k.at at time zone 'UTC')::date as month
        from unnest(workspaces, themes, times) as k(w, t, at)
      ) k
      where m.workspace_id = k.w and m.month = k.month and m.theme_id = k.t;
      insert into feedback_theme_months (workspace_id, month, theme_id, type, review, items)
      select k.w, k.month, k.t, f.type, f.review, count(*)::int
      from (
        select distinct k.w, k.t, date_trunc('month', k.at at time zone 'UTC')::date as month
        from unnest(workspaces, themes, times) as k(w, t, at)
      ) k
      join feedback_items f on f.workspace_id = k.w and f.theme_id = k.t
        and date_trunc('month', f.given_at at time zone 'UTC')::date = k.month
        and f.given_at >= k.month::timestamp at time zone 'UTC'
        and f.given_at < (k.month + interval '1 month') at time zone 'UTC'
      where f.review <> 'dismissed'
      group by k.w, k.month, k.t, f.type, f.review;

      delete from feedback_theme_accounts p
      using (
        select distinct k.w, k.t, k.a from unnest(workspaces, themes, accounts) as k(w, t, a)
      ) k
      where p.workspace_id = k.w and p.theme_id = k.t and p.account_id = k.a;
      insert into feedback_theme_accounts (workspace_id, theme_id, account_id, last_asked_at,
        last_feature_request_at, last_bug_at, last_complaint_at, last_praise_at, last_question_at)
      select k.w, k.t, k.a, max(f.given_at),
        max(f.given_at) filter (where f.type = 'feature_request'),
        max(f.given_at) filter (where f.type = 'bug'),
        max(f.given_at) filter (where f.type = 'complaint'),
        max(f.given_at) filter (where f.type = 'praise'),
        max(f.given_at) filter (where f.type = 'question')
      from (
        select distinct k.w, k.t, k.a from unnest(workspaces, themes, accounts) as k(w, t, a)
      ) k
      join feedback_items f on f.workspace_id = k.w and f.account_id = k.a and f.theme_id = k.t
      where f.review = 'accepted'
      group by k.w, k.t, k.a;
    end
    $$;

    -- Items in a theme that were added, deleted, or changed in what the tallies count by; an
    -- update that changes none of that (a status, a text's features) recounts nothing.
    create function feedback_items_tally() returns trigger language plpgsql as $$
    declare
      workspaces uuid[];
      themes uuid[];
      accounts uuid[];
      times timestamptz[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(n.workspace_id), array_agg(n.theme_id), array_agg(n.account_id), array_agg(n.given_at)
          into workspaces, themes, accounts, times
          from new_rows n where n.theme_id is not null;
      elsif tg_op = 'DELETE' then
        select array_agg(o.workspace_id), array_agg(o.theme_id), array_agg(o.account_id), array_agg(o.given_at)
          into workspaces, themes, accounts, times
          from old_rows o where o.theme_id is not null;
      else
        select array_agg(c.workspace_id), array_agg(c.theme_id), array_agg(c.account_id), array_agg(c.given_at)
          into workspaces, themes, accounts, times
          from old_rows o
          join new_rows n on n.id = o.id
          cross join lateral (values
            (o.workspace_id, o.theme_id, o.account_id, o.given_at),
            (n.workspace_id, n.theme_id, n.account_id, n.given_at)
          ) as c(workspace_id, theme_id, account_id, given_at)
          where c.theme_id is not null
            and (o.workspace_id, o.theme_id, o.account_id, o.given_at, o.type, o.review)
              is distinct from (n.workspace_id, n.theme_id, n.account_id, n.given_at, n.type, n.review);
      end if;
      if workspaces is not null then
        perform feedback_recount_tallies(workspaces, themes, accounts, times);
      end if;
      return null;
    end
    $$;

    create trigger feedback_items_tally_insert after insert on feedback_items
      referencing new table as new_rows
      for each statement execute function feedback_items_tally();
    create trigger feedback_items_tally_update after update on feedback_items
      referencing old table as old_rows new table as new_rows
      for each statement execute function feedback_items_tally();
    create trigger feedback_items_tally_delete after delete on feedback_items
      referencing old table as old_rows
      for each statement execute function feedback_items_tally();

    insert into feedback_theme_days (workspace_id, day, theme_id, type, review, items)
    select workspace_id, (given_at at time zone 'UTC')::date, theme_id, type, review, count(*)::int
    from feedback_items
    where theme_id is not null and review <> 'dismissed'
    group by 1, 2, 3, 4, 5;

    insert into feedback_theme_months (workspace_id, month, theme_id, type, review, items)
    select workspace_id, date_trunc('month', given_at at time zone 'UTC')::date, theme_id, type,
      review, count(*)::int
    from feedback_items
    where theme_id is not null and review <> 'dismissed'
    group by 1, 2, 3, 4, 5;

    insert into feedback_theme_accounts (workspace_id, theme_id, account_id, last_asked_at,
      last_feature_request_at, last_bug_at, last_complaint_at, last_praise_at, last_question_at)
    select f.workspace_id, f.theme_id, f.account_id,
      max(f.given_at),
      max(f.given_at) filter (where f.type = 'feature_request'),
      max(f.given_at) filter (where f.type = 'bug'),
      max(f.given_at) filter (where f.type = 'complaint'),
      max(f.given_at) filter (where f.type = 'praise'),
      max(f.given_at) filter (where f.type = 'question')
    from feedback_items f
    where f.theme_id is not null and f.review = 'accepted'
    group by 1, 2, 3;
  `.execute(db);
}
