// Health: scorecards (per workspace, optionally per tier), each account's current score with its
// measures and reasons, a daily history, category moves, and plays with their runs.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Health reads active users in a 60-day window for every account at once (and replays
    -- past days): the rollup's key leads with the account, so the window needs the day first.
    create index usage_daily_users_day_idx on usage_daily_users (workspace_id, day);
    create index usage_daily_day_idx on usage_daily (workspace_id, day);

    create table scorecards (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      -- null: the workspace's default; a tier: that tier's own scorecard.
      tier text check (tier in ('enterprise', 'mid_market', 'smb')),
      weights jsonb not null,
      healthy_min smallint not null check (healthy_min between 1 and 100),
      at_risk_min smallint not null check (at_risk_min between 0 and 99),
      updated_by uuid references users on delete set null,
      updated_at timestamptz not null,
      unique nulls not distinct (workspace_id, tier),
      check (at_risk_min < healthy_min)
    );

    create table health_scores (
      account_id uuid primary key references accounts on delete cascade,
      workspace_id uuid not null references workspaces on delete cascade,
      day date not null,
      score smallint check (score between 0 and 100),
      category text check (category in ('healthy', 'at_risk', 'critical')),
      -- Each measure: score or null (missing), weight, reason, inputs, and when its data arrived.
      measures jsonb not null,
      churn_risk jsonb not null,
      computed_at timestamptz not null
    );
    -- The health dashboard and churn-risk list read a workspace's scores.
    create index health_scores_workspace_idx on health_scores (workspace_id, category);

    create table health_history (
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      day date not null,
      score smallint check (score between 0 and 100),
      category text check (category in ('healthy', 'at_risk', 'critical')),
      usage smallint,
      support smallint,
      engagement smallint,
      billing smallint,
      outcomes smallint,
      primary key (workspace_id, account_id, day)
    );
    -- Movers, sparklines over many accounts and the backtest read one day across accounts.
    create index health_history_day_idx on health_history (workspace_id, day);

    create table health_moves (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      from_category text,
      to_category text not null,
      score smallint,
      moved_at timestamptz not null
    );
    create index health_moves_account_idx on health_moves (workspace_id, account_id, moved_at desc);

    create table plays (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      name text not null,
      trigger text not null
        check (trigger in ('entered_at_risk', 'entered_critical', 'renewal_approaching')),
      days_before_renewal smallint check (days_before_renewal between 1 and 365),
      template_id uuid references templates on delete restrict,
      task_title text,
      assignee_role text not null default 'owner',
      due_in_hours integer not null default 24 check (due_in_hours between 1 and 8760),
      enabled boolean not null default true,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (template_id is not null or task_title is not null),
      check ((trigger = 'renewal_approaching') = (days_before_renewal is not null))
    );
    create index plays_workspace_idx on plays (workspace_id, trigger) where enabled;

    -- One run per play, account and occasion (a move's id, a renewal date): the unique key is
    -- what makes a play fire once per transition however often the account is rescored.
    create table play_runs (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      play_id uuid not null references plays on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      occasion text not null,
      task_id uuid references tasks on delete set null,
      project_id uuid references projects on delete set null,
      ran_at timestamptz not null,
      unique (play_id, account_id, occasion)
    );
    create index play_runs_account_idx on play_runs (workspace_id, account_id, ran_at desc);
  `.execute(db);
}
