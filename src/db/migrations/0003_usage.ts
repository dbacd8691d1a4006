// Product usage in: Segment write keys, the feature catalog, who-is-in-which-account, raw
// track/page events (month-partitioned, kept for a retention) and the daily rollups that
// adoption figures are read from.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A write key is shown once and stored as a SHA-256 hash. Rotation gives the old key an
    -- expiry (grace period) so senders can be switched over without losing events.
    create table intake_write_keys (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      name text not null,
      key_hash text not null unique,
      key_prefix text not null,
      created_by uuid references users,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      revoked_at timestamptz
    );
    create index intake_write_keys_workspace_idx on intake_write_keys (workspace_id, created_at);

    -- Event names (exact, or patterns with *) that make up a feature. Events no feature
    -- claims roll up under their own name.
    create table usage_features (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      key text not null,
      label text not null,
      events text[] not null,
      premium boolean not null default false,
      -- Using it means the customer got value (time to value).
      is_value boolean not null default false,
      created_at timestamptz not null default now(),
      unique (workspace_id, key)
    );

    -- The Segment user → account link (from group calls), and the traits identify last sent,
    -- so a contact can be made once the account is known.
    create table usage_users (
      workspace_id uuid not null references workspaces on delete cascade,
      user_id text not null,
      account_id uuid references accounts on delete set null,
      traits jsonb not null default '{}',
      updated_at timestamptz not null default now(),
      primary key (workspace_id, user_id)
    );

    -- Raw track/page events. No foreign keys: they would cost every insert a lookup, and the
    -- retention job drops whole partitions anyway. The key makes a retried message (same
    -- messageId, same timestamp) one event. Partitions live in their own schema, so the
    -- public schema holds only what the Kysely types describe.
    create schema usage_partitions;
    create table usage_events (
      workspace_id uuid not null,
      message_id text not null,
      occurred_at timestamptz not null,
      received_at timestamptz not null,
      type text not null check (type in ('track', 'page')),
      event text not null,
      feature_key text not null,
      user_id text,
      anonymous_id text,
      account_id uuid,
      properties jsonb not null default '{}',
      -- Time before messageId: a live stream then adds to the right edge of the index instead
      -- of all over it, so the index's working set stays small however many events it holds.
      primary key (workspace_id, occurred_at, message_id)
    ) partition by range (occurred_at);
    -- Events that came before their user's group call, found again when it arrives. Partial:
    -- an event with an account costs this index nothing.
    create index usage_events_unlinked_idx on usage_events (workspace_id, user_id)
      where account_id is null;

    -- Events per account, feature and day (UTC); logins counted apart for login frequency.
    create table usage_daily (
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      day date not null,
      feature_key text not null,
      events integer not null,
      logins integer not null,
      primary key (workspace_id, account_id, day, feature_key)
    );

    -- Who was active, per account, day and feature: DAU/WAU/MAU and users per feature.
    create table usage_daily_users (
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      day date not null,
      feature_key text not null,
      user_id text not null,
      primary key (workspace_id, account_id, day, feature_key, user_id)
    );
  `.execute(db);
}
