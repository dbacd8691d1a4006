// Outbound webhooks: an admin's subscriptions (a URL, the events it wants, a signing secret kept
// sealed under STEWARD_SECRET_KEY), one delivery per subscription and event with the exact body
// that was signed (so a replay sends the same bytes), and every attempt with its answer.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_subscriptions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      url text not null check (length(url) between 1 and 2048),
      description text check (length(description) <= 200),
      events text[] not null check (cardinality(events) > 0),
      -- Sealed with lib/secrets.ts: HMAC needs the secret itself, so it cannot be hashed.
      secret text not null,
      enabled boolean not null default true,
      -- Why it is off: an admin switched it off, or it failed too often in a row.
      disabled_reason text check (disabled_reason in ('admin', 'failures')),
      consecutive_failures int not null default 0 check (consecutive_failures >= 0),
      created_by uuid references users on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    -- The settings page lists a workspace's subscriptions; fan-out reads the enabled ones.
    create index webhook_subscriptions_workspace_idx
      on webhook_subscriptions (workspace_id, created_at);

    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      subscription_id uuid not null references webhook_subscriptions on delete cascade,
      -- The activity event it tells of (the payload's id); a replay repeats it.
      event_id uuid not null,
      event text not null,
      body text not null,
      status text not null default 'pending'
        check (status in ('pending', 'succeeded', 'failed', 'cancelled')),
      attempts int not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz,
      replay_of uuid references webhook_deliveries on delete set null,
      replayed_by uuid references users on delete set null,
      created_at timestamptz not null,
      completed_at timestamptz
    );
    -- A fan-out that runs twice adds nothing: one delivery per subscription, activity and webhook
    -- event (replays
    -- are further rows, each pointing at the delivery it repeats).
    create unique index webhook_deliveries_event_key
      on webhook_deliveries (workspace_id, subscription_id, event_id, event) where replay_of is null;
    -- A subscription's deliveries, newest first (store/deliveries.ts, deliveriesOf).
    create index webhook_deliveries_list_idx
      on webhook_deliveries (workspace_id, subscription_id, created_at desc, id desc);

    create table webhook_attempts (
      workspace_id uuid not null references workspaces on delete cascade,
      delivery_id uuid not null references webhook_deliveries on delete cascade,
      attempt int not null check (attempt >= 1),
      attempted_at timestamptz not null,
      duration_ms int not null,
      -- The receiver's status; null when there was no answer (refused, timed out, unreachable).
      status_code int,
      error text,
      -- The start of the receiver's answer, for the admin reading why it failed.
      response_body text check (length(response_body) <= 2048),
      primary key (workspace_id, delivery_id, attempt)
    );
  `.execute(db);
}
