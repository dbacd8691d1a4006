// Revenue and meetings: targets and plan prices an admin sets, the renewals Steward has seen
// (billing overwrites a renewal date once the contract renews), forecast overrides, tracked
// expansion opportunities, meetings with their attendees, action items and invitation outbox,
// QBR cadences per tier and read-only links to a QBR prep page.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Targets an admin set for the CS metrics; a metric without a row uses the seed's default.
    create table revenue_targets (
      workspace_id uuid not null references workspaces on delete cascade,
      metric text not null,
      value double precision not null,
      updated_by uuid references users on delete set null,
      updated_at timestamptz not null,
      primary key (workspace_id, metric)
    );

    -- Plans with their list price per seat and month: what more seats or an upgrade is worth.
    create table revenue_plans (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      name text not null,
      seat_price_amount bigint not null check (seat_price_amount >= 0),
      currency char(3) not null,
      premium boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create unique index revenue_plans_name_key on revenue_plans (workspace_id, lower(name));

    -- Months between business reviews per tier. Without a row, enterprise is quarterly and the
    -- other tiers have no cadence; a row with null switches a tier's cadence off.
    create table meeting_cadences (
      workspace_id uuid not null references workspaces on delete cascade,
      tier text not null check (tier in ('enterprise', 'mid_market', 'smb')),
      every_months smallint check (every_months between 1 and 24),
      updated_by uuid references users on delete set null,
      updated_at timestamptz not null,
      primary key (workspace_id, tier)
    );

    -- Every renewal date an account was seen with and the ARR then up for renewal. The renewal
    -- rate needs the renewals that fell due, and billing moves the date on once one renews.
    create table renewals (
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      renewal_date date not null,
      arr_amount bigint not null check (arr_amount >= 0),
      currency char(3) not null,
      seen_at timestamptz not null,
      primary key (workspace_id, account_id, renewal_date)
    );
    -- The renewal rate of a period reads the renewals due in it.
    create index renewals_date_idx on renewals (workspace_id, renewal_date);

    -- A person's call on a renewal, with the note that explains it. The latest per renewal
    -- counts; the earlier ones stay as its history.
    create table forecast_overrides (
      -- A sequence, not a uuid: two calls in the same instant still have an order.
      id bigint generated always as identity primary key,
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      renewal_date date not null,
      category text not null check (category in ('commit', 'likely', 'at_risk', 'lost')),
      probability real not null check (probability between 0 and 1),
      note text not null check (length(btrim(note)) > 0),
      created_by uuid references users on delete set null,
      created_at timestamptz not null
    );
    -- The pipeline reads the latest override of each renewal in its window.
    create index forecast_overrides_renewal_idx
      on forecast_overrides (workspace_id, account_id, renewal_date, created_at desc, id desc);

    -- Expansion a CSM tracks: more seats, an upgrade, a cross-sell. Won and lost ones feed the
    -- expansion figures; amount is the ARR it adds.
    create table opportunities (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      kind text not null check (kind in ('seats', 'upgrade', 'cross_sell', 'other')),
      title text not null,
      signals text[] not null default '{}',
      amount bigint not null check (amount >= 0),
      currency char(3) not null,
      stage text not null check (stage in ('identified', 'qualified', 'proposal', 'won', 'lost')),
      expected_close date,
      owner_id uuid references users on delete set null,
      created_by uuid references users on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      closed_at timestamptz,
      check ((stage in ('won', 'lost')) = (closed_at is not null))
    );
    -- An account's opportunities (the 360 page, the expansion list).
    create index opportunities_account_idx on opportunities (workspace_id, account_id);
    -- Expansion figures: won and lost by when they closed.
    create index opportunities_closed_idx on opportunities (workspace_id, closed_at)
      where closed_at is not null;

    create table meetings (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      kind text not null check (kind in ('qbr', 'check_in', 'kickoff', 'renewal', 'other')),
      title text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      -- The organizer's zone: the invite states local times in it (VTIMEZONE), so a meeting
      -- at 10:00 in New York stays at 10:00 there across a change of daylight saving time.
      time_zone text not null,
      location text,
      agenda text,
      notes text,
      status text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled')),
      -- iCalendar SEQUENCE: raised by every reschedule and by the cancellation.
      sequence integer not null default 0,
      organizer_id uuid references users on delete set null,
      created_by uuid references users on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      held_at timestamptz,
      cancelled_at timestamptz,
      check (ends_at > starts_at)
    );
    -- An account's meetings, newest first (the 360 page, last QBR per account).
    create index meetings_account_idx on meetings (workspace_id, account_id, starts_at desc);
    -- The calendar: meetings of a workspace in a date range.
    create index meetings_starts_idx on meetings (workspace_id, starts_at);

    create table meeting_attendees (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      meeting_id uuid not null references meetings on delete cascade,
      user_id uuid references users on delete cascade,
      contact_id uuid references contacts on delete cascade,
      check ((user_id is null) <> (contact_id is null))
    );
    create unique index meeting_attendees_user_key on meeting_attendees (meeting_id, user_id)
      where user_id is not null;
    create unique index meeting_attendees_contact_key on meeting_attendees (meeting_id, contact_id)
      where contact_id is not null;
    -- "My meetings": those a person attends.
    create index meeting_attendees_user_idx on meeting_attendees (workspace_id, user_id)
      where user_id is not null;

    create table meeting_action_items (
      workspace_id uuid not null references workspaces on delete cascade,
      meeting_id uuid not null references meetings on delete cascade,
      task_id uuid not null references tasks on delete cascade,
      primary key (meeting_id, task_id)
    );

    -- The invitations' outbox: one e-mail per attendee and version of a meeting, sent by a
    -- meeting__send_invite job; a retried job finds its row sent and sends nothing twice.
    create table meeting_invites (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      meeting_id uuid not null references meetings on delete cascade,
      email text not null,
      name text,
      locale text not null check (locale in ('en', 'ru')),
      time_zone text not null,
      method text not null check (method in ('REQUEST', 'CANCEL')),
      sequence integer not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz,
      unique (meeting_id, email, sequence, method)
    );
    -- Admins look at invitations that could not be sent.
    create index meeting_invites_failed_idx on meeting_invites (workspace_id, created_at desc)
      where status = 'failed';

    -- Read-only links to an account's QBR prep page, for a customer or a colleague without a
    -- sign-in. Only the token's SHA-256 is kept; a link expires and can be revoked.
    create table qbr_share_links (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      token_hash text not null unique,
      locale text not null check (locale in ('en', 'ru')),
      created_by uuid references users on delete set null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index qbr_share_links_account_idx on qbr_share_links (workspace_id, account_id);
  `.execute(db);
}
