// Workspaces, people and access, accounts with contacts, custom fields, segments, the
// timeline, CSV imports and the audit log. Frozen: later changes are new migrations.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table workspaces (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      slug text not null unique,
      timezone text not null default 'UTC',
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      email text not null,
      name text not null,
      role text not null check (role in ('admin', 'manager', 'csm', 'viewer')),
      manager_id uuid references users,
      password_hash text,
      timezone text not null default 'UTC',
      locale text not null default 'en' check (locale in ('en', 'ru')),
      theme text not null default 'system' check (theme in ('system', 'light', 'dark')),
      deactivated_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (manager_id is distinct from id)
    );
    -- Sign-in looks a person up by e-mail alone, so an address belongs to one workspace.
    create unique index users_email_key on users (lower(email));
    create index users_workspace_idx on users (workspace_id);
    -- Escalations walk up the chain: who reports to this manager.
    create index users_manager_idx on users (manager_id) where manager_id is not null;

    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users on delete cascade,
      workspace_id uuid not null references workspaces on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      user_id uuid not null references users on delete cascade,
      name text not null,
      token_hash text not null unique,
      token_prefix text not null,
      scopes text[] not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    );
    create index api_tokens_user_idx on api_tokens (workspace_id, user_id);

    -- Failed sign-ins, counted per address and per client to throttle guessing.
    create table login_failures (
      id bigint generated always as identity primary key,
      email text not null,
      ip text not null,
      failed_at timestamptz not null default now()
    );
    create index login_failures_email_idx on login_failures (lower(email), failed_at);
    create index login_failures_ip_idx on login_failures (ip, failed_at);

    create table audit_log (
      id bigint generated always as identity primary key,
      workspace_id uuid not null references workspaces on delete cascade,
      actor_id uuid references users,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      changes jsonb not null default '{}',
      request_id text,
      at timestamptz not null default now()
    );
    create index audit_log_entity_idx on audit_log (workspace_id, entity_type, entity_id, at desc);
    create index audit_log_at_idx on audit_log (workspace_id, at desc, id desc);

    -- The audit log is append-only: nobody edits or deletes history, not even the app.
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_is_append_only();

    create table custom_field_definitions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      entity text not null check (entity in ('account', 'task')),
      key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
      label text not null,
      type text not null check (type in ('text', 'number', 'currency', 'date', 'select', 'multi_select', 'boolean')),
      options text[],
      required boolean not null default false,
      created_at timestamptz not null default now(),
      unique (workspace_id, entity, key)
    );

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      external_id text,
      name text not null,
      domain text,
      tier text not null default 'smb' check (tier in ('enterprise', 'mid_market', 'smb')),
      plan text,
      arr_amount bigint not null default 0 check (arr_amount >= 0),
      currency char(3) not null default 'USD',
      seats integer check (seats >= 0),
      stage text not null default 'onboarding'
        check (stage in ('onboarding', 'adopting', 'steady', 'renewing', 'churned')),
      renewal_date date,
      owner_id uuid references users,
      priority text not null default 'P2' check (priority in ('P0', 'P1', 'P2', 'P3')),
      custom_fields jsonb not null default '{}',
      -- Written by the health module; null until the account is first scored.
      health_score smallint check (health_score between 0 and 100),
      health_category text check (health_category in ('healthy', 'at_risk', 'critical')),
      churn_risk_level text check (churn_risk_level in ('low', 'medium', 'high', 'critical')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz
    );
    -- Import upserts by external id.
    create unique index accounts_external_id_key on accounts (workspace_id, external_id)
      where external_id is not null;
    -- The portfolio: a CSM's accounts, and the default sort by name.
    create index accounts_owner_idx on accounts (workspace_id, owner_id) where deleted_at is null;
    create index accounts_name_idx on accounts (workspace_id, lower(name), id) where deleted_at is null;
    create index accounts_renewal_idx on accounts (workspace_id, renewal_date) where deleted_at is null;
    -- The portfolio sorted by ARR ("biggest accounts first").
    create index accounts_arr_idx on accounts (workspace_id, arr_amount, id) where deleted_at is null;
    create index accounts_domain_idx on accounts (workspace_id, lower(domain)) where domain is not null;

    create table contacts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      external_id text,
      name text not null,
      email text,
      title text,
      phone text,
      role text not null default 'user' check (role in ('champion', 'executive_sponsor', 'admin', 'user')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index contacts_external_id_key on contacts (workspace_id, external_id)
      where external_id is not null;
    create index contacts_account_idx on contacts (workspace_id, account_id);

    create table segments (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      owner_id uuid not null references users on delete cascade,
      name text not null,
      filters jsonb not null,
      shared boolean not null default false,
      created_at timestamptz not null default now()
    );
    create index segments_owner_idx on segments (workspace_id, owner_id);

    -- One stream per account: notes, calls, e-mails, meetings, tickets, billing and system
    -- events. (source, source_id) makes intake idempotent: a retried delivery is one event.
    create table timeline_events (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      kind text not null check (kind in ('note', 'call', 'email', 'meeting', 'ticket', 'billing', 'system')),
      title text not null,
      body text,
      actor_id uuid references users,
      occurred_at timestamptz not null,
      source text not null default 'steward',
      source_id text,
      data jsonb not null default '{}',
      created_at timestamptz not null default now()
    );
    create index timeline_events_account_idx on timeline_events (workspace_id, account_id, occurred_at desc, id desc);
    create unique index timeline_events_source_key on timeline_events (workspace_id, source, source_id)
      where source_id is not null;

    create table imports (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      created_by uuid references users,
      entity text not null check (entity in ('accounts', 'contacts')),
      file_name text not null,
      file bytea not null,
      mapping jsonb not null,
      dry_run boolean not null,
      skip_invalid boolean not null default false,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      total_bytes bigint not null,
      processed_bytes bigint not null default 0,
      processed_rows integer not null default 0,
      created_rows integer not null default 0,
      updated_rows integer not null default 0,
      unchanged_rows integer not null default 0,
      rejected_rows integer not null default 0,
      rejections jsonb not null default '[]',
      failure text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index imports_workspace_idx on imports (workspace_id, created_at desc);
  `.execute(db);
}
