// Notifications: what happened (activity), who is told (inbox), how (deliveries through an
// outbox), when (preferences, digests), and SLA policies with the escalations they raise.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table activity_events (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      kind text not null,
      actor_id uuid references users,
      account_id uuid references accounts on delete cascade,
      project_id uuid references projects on delete cascade,
      task_id uuid references tasks on delete cascade,
      data jsonb not null default '{}',
      occurred_at timestamptz not null
    );
    create index activity_events_task_idx on activity_events (task_id, occurred_at) where task_id is not null;

    create table notification_preferences (
      user_id uuid primary key references users on delete cascade,
      workspace_id uuid not null references workspaces on delete cascade,
      -- Per event kind: 'now', 'digest' or 'off'; kinds not listed follow the defaults.
      rules jsonb not null default '{}',
      digest_hour smallint not null default 8 check (digest_hour between 0 and 23),
      quiet_start time,
      quiet_end time,
      quiet_allow text[] not null default '{sla_breach,escalation}',
      channels jsonb not null default '{"now": ["in_app", "email", "slack"], "digest": ["in_app", "email"]}',
      slack_webhook_url text,
      muted_projects uuid[] not null default '{}',
      muted_accounts uuid[] not null default '{}',
      updated_at timestamptz not null default now()
    );

    create table digests (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      user_id uuid not null references users on delete cascade,
      local_date date not null,
      created_at timestamptz not null,
      item_count integer not null,
      unique (user_id, local_date)
    );

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      user_id uuid not null references users on delete cascade,
      event_id uuid not null references activity_events on delete cascade,
      kind text not null,
      urgency text not null check (urgency in ('now', 'digest')),
      title text not null,
      body text,
      account_id uuid references accounts on delete cascade,
      task_id uuid references tasks on delete cascade,
      created_at timestamptz not null,
      -- Held by quiet hours until then; null when it went out at once.
      deliver_at timestamptz,
      delivered_at timestamptz,
      digest_id uuid references digests on delete set null,
      read_at timestamptz,
      unique (user_id, event_id)
    );
    create index notifications_inbox_idx on notifications (user_id, created_at desc);
    create index notifications_unread_idx on notifications (user_id) where read_at is null;
    -- The digest builder reads a person's undigested items.
    create index notifications_digest_idx on notifications (user_id, created_at)
      where urgency = 'digest' and digest_id is null;
    -- Quiet hours release what they held.
    create index notifications_held_idx on notifications (deliver_at) where delivered_at is null and deliver_at is not null;

    -- The outbox: one row per message per channel, sent by workers with retries.
    create table deliveries (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      user_id uuid not null references users on delete cascade,
      channel text not null check (channel in ('email', 'slack')),
      notification_id uuid references notifications on delete cascade,
      digest_id uuid references digests on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz,
      check ((notification_id is null) <> (digest_id is null))
    );
    -- At most once per channel.
    create unique index deliveries_notification_key on deliveries (notification_id, channel) where notification_id is not null;
    create unique index deliveries_digest_key on deliveries (digest_id, channel) where digest_id is not null;
    create index deliveries_failed_idx on deliveries (workspace_id, created_at desc) where status = 'failed';

    create table sla_policies (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      name text not null,
      match jsonb not null,
      metric text not null check (metric in ('untouchedFor', 'firstResponse')),
      threshold_seconds integer not null check (threshold_seconds > 0),
      threshold text not null,
      warn_at numeric not null check (warn_at > 0 and warn_at < 1),
      chain jsonb not null,
      business_hours jsonb,
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index sla_policies_workspace_idx on sla_policies (workspace_id) where enabled;

    -- What a timer raised. "epoch" is the moment the clock started (the last touch): one
    -- warning, one breach and one of each chain step per epoch, however many workers race.
    create table escalations (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      task_id uuid not null references tasks on delete cascade,
      policy_id uuid references sla_policies on delete cascade,
      mention_id uuid references mentions on delete cascade,
      epoch timestamptz not null,
      step integer not null,
      kind text not null check (kind in ('warning', 'breach', 'escalation')),
      notified_user_ids uuid[] not null,
      raised_at timestamptz not null,
      resolved_at timestamptz
    );
    create unique index escalations_policy_step_key on escalations (task_id, policy_id, epoch, step)
      where policy_id is not null and mention_id is null;
    create unique index escalations_mention_step_key on escalations (mention_id, step) where mention_id is not null;
    -- GET /escalations: the newest first.
    create index escalations_open_idx on escalations (workspace_id, raised_at desc, id desc);
  `.execute(db);
}
