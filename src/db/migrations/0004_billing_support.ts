// Billing and support in: Stripe webhook secrets and events, contracts with their MRR
// movements, invoices, support tickets with their webhook secrets, and the review queue for
// deliveries that name no known account.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Stripe's signing secrets (whsec_…), pasted in from Stripe's dashboard. Kept in clear:
    -- checking a signature needs the secret itself. Two live at once during a rotation.
    create table stripe_webhook_secrets (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      name text not null,
      secret text not null,
      secret_prefix text not null,
      created_by uuid references users,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create index stripe_webhook_secrets_workspace_idx on stripe_webhook_secrets (workspace_id);

    -- Which account a Stripe customer is, learned from metadata or the e-mail domain once,
    -- so later events (invoices carry no subscription metadata) find it too.
    create table billing_customers (
      workspace_id uuid not null references workspaces on delete cascade,
      stripe_customer_id text not null,
      account_id uuid not null references accounts on delete cascade,
      created_at timestamptz not null default now(),
      primary key (workspace_id, stripe_customer_id)
    );

    -- Every Stripe event received once: a replay finds its id here and changes nothing.
    create table stripe_events (
      workspace_id uuid not null references workspaces on delete cascade,
      event_id text not null,
      type text not null,
      created_at timestamptz not null,
      received_at timestamptz not null,
      outcome text not null check (outcome in ('applied', 'stale', 'ignored', 'review')),
      primary key (workspace_id, event_id)
    );

    -- A subscription (from Stripe) or a contract (from a CSV backfill). MRR is normalized to
    -- a month; state_at is when the state stored was true, so older deliveries are ignored.
    create table contracts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      source text not null check (source in ('stripe', 'csv')),
      external_id text not null,
      plan text,
      seats integer check (seats >= 0),
      mrr_amount bigint not null check (mrr_amount >= 0),
      currency char(3) not null,
      status text not null,
      started_at timestamptz,
      ended_at timestamptz,
      current_period_end timestamptz,
      state_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, external_id)
    );
    -- The billing view of one account.
    create index contracts_account_idx on contracts (workspace_id, account_id);

    -- Changes of an account's MRR, signed: what revenue metrics add up.
    create table mrr_movements (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      contract_id uuid not null references contracts on delete cascade,
      kind text not null check (kind in ('new', 'expansion', 'contraction', 'churn', 'reactivation')),
      amount bigint not null,
      currency char(3) not null,
      occurred_at timestamptz not null,
      source_event_id text not null,
      unique (workspace_id, contract_id, source_event_id)
    );
    -- The billing view of one account, newest first; revenue metrics by period.
    create index mrr_movements_account_idx on mrr_movements (workspace_id, account_id, occurred_at desc);
    create index mrr_movements_occurred_idx on mrr_movements (workspace_id, occurred_at);

    create table invoices (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      external_id text not null,
      subscription_id text,
      amount_due bigint not null check (amount_due >= 0),
      amount_paid bigint not null check (amount_paid >= 0),
      currency char(3) not null,
      status text not null,
      attempt_count integer not null default 0,
      due_at timestamptz,
      paid_at timestamptz,
      state_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, external_id)
    );
    -- The billing view of one account.
    create index invoices_account_idx on invoices (workspace_id, account_id, state_at desc);

    -- Shared secrets for the support webhook (HMAC of the body). Shown once; kept in clear
    -- because checking a signature needs the secret.
    create table support_webhook_secrets (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      name text not null,
      secret text not null unique,
      secret_prefix text not null,
      created_by uuid references users,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create index support_webhook_secrets_workspace_idx on support_webhook_secrets (workspace_id);

    -- Tickets from Zendesk or any help desk (generic shape). updated_at is the sender's: an
    -- update not newer than the one stored changes nothing.
    create table support_tickets (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      source text not null check (source in ('zendesk', 'generic')),
      external_id text not null,
      subject text not null,
      status text not null check (status in ('open', 'pending', 'solved', 'closed')),
      priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
      requester_email text,
      csat smallint check (csat between 1 and 5),
      opened_at timestamptz not null,
      solved_at timestamptz,
      first_response_at timestamptz,
      updated_at timestamptz not null,
      received_at timestamptz not null,
      unique (workspace_id, source, external_id)
    );
    -- An account's tickets, newest first.
    create index support_tickets_account_idx on support_tickets (workspace_id, account_id, opened_at desc, id desc);

    -- Deliveries kept for a person to look at: verified, but naming no account we know.
    -- (source, source_id) keeps a retried delivery to one item.
    create table intake_review (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      source text not null check (source in ('stripe', 'support')),
      source_id text not null,
      reason text not null,
      payload jsonb not null,
      received_at timestamptz not null,
      resolved_at timestamptz,
      unique (workspace_id, source, source_id)
    );
    -- The review list, newest first.
    create index intake_review_open_idx on intake_review (workspace_id, received_at desc, id desc)
      where resolved_at is null;
  `.execute(db);
}
