// Voice of the customer: feedback items and the themes found in them (with what people
// corrected: placements, separations, learned term links), roadmap items linked to themes and
// items with the close-the-loop record of each shipment, and NPS/CSAT surveys — invitations
// carrying a signed single-use link, and responses. Health learns of survey responses from the
// account timeline (a new `survey` kind) and opens a follow-up through a new play trigger.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table feedback_themes (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      -- The automatic label: lexicon concepts and words, rendered in the reader's language.
      label_terms jsonb not null default '[]',
      -- A person's name for the theme, kept across recomputation.
      custom_label text,
      -- Sum of the members' unit vectors (term → weight): a new item's average similarity to
      -- the theme is its dot product with this, over item_count.
      centroid jsonb not null default '{}',
      item_count integer not null default 0,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index feedback_themes_workspace_idx on feedback_themes (workspace_id);

    create table feedback_items (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      contact_id uuid references contacts on delete set null,
      type text not null
        check (type in ('feature_request', 'bug', 'complaint', 'praise', 'question')),
      priority text not null default 'medium'
        check (priority in ('low', 'medium', 'high', 'critical')),
      status text not null default 'new'
        check (status in ('new', 'triaged', 'planned', 'shipped', 'declined')),
      source text not null
        check (source in ('web', 'api', 'timeline', 'email', 'support', 'slack', 'csv', 'survey')),
      -- What it came from (a timeline event, a ticket, a survey response): one item per origin.
      source_ref text,
      text text not null check (length(text) between 1 and 5000),
      -- The account's ARR when the customer said it.
      arr_amount bigint,
      currency text,
      logged_by uuid references users on delete set null,
      -- Items Steward recognised in support tickets wait for a person: proposed → accepted or dismissed.
      review text not null default 'accepted' check (review in ('proposed', 'accepted', 'dismissed')),
      ticket_id uuid references support_tickets on delete set null,
      theme_id uuid references feedback_themes on delete set null,
      -- A person put the item in its theme (a move, merge or split): recomputation keeps it there.
      theme_placed boolean not null default false,
      -- The text read into weighted features (text/features.ts), and how its words were written.
      features jsonb not null,
      surfaces jsonb not null default '{}',
      given_at timestamptz not null,
      shipped_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create unique index feedback_items_source_key on feedback_items (workspace_id, source, source_ref)
      where source_ref is not null;
    -- Themes ranked over a window, the feedback list, newest first.
    create index feedback_items_given_idx on feedback_items (workspace_id, given_at desc);
    -- A theme's items, newest first (its page, its newest items in the listing, first and last seen).
    create index feedback_items_theme_idx on feedback_items (workspace_id, theme_id, given_at desc);
    -- An account's feedback on its 360 page.
    create index feedback_items_account_idx on feedback_items (workspace_id, account_id, given_at desc);
    create index feedback_items_proposed_idx on feedback_items (workspace_id) where review = 'proposed';

    -- Pairs a person separated (moving an item out of a theme, splitting one): recomputation
    -- never groups them again. Stored with the smaller id first.
    create table feedback_separations (
      workspace_id uuid not null references workspaces on delete cascade,
      item_id uuid not null references feedback_items on delete cascade,
      other_item_id uuid not null references feedback_items on delete cascade,
      created_at timestamptz not null,
      primary key (item_id, other_item_id),
      check (item_id < other_item_id)
    );
    create index feedback_separations_workspace_idx on feedback_separations (workspace_id);

    -- What merges taught: a term (feature key) also means a learned concept shared by the merged
    -- themes' wordings, so new items worded either way meet.
    create table feedback_term_links (
      workspace_id uuid not null references workspaces on delete cascade,
      term text not null,
      concept text not null,
      created_at timestamptz not null,
      primary key (workspace_id, term, concept)
    );

    -- How many items each term appears in, counted at the last recomputation: new items are
    -- weighed with it until the next.
    create table feedback_vocabulary (
      workspace_id uuid not null references workspaces on delete cascade,
      term text not null,
      documents integer not null,
      primary key (workspace_id, term)
    );

    create table voice_state (
      workspace_id uuid primary key references workspaces on delete cascade,
      documents integer not null default 0,
      themes_computed_at timestamptz,
      tickets_scanned_at timestamptz,
      -- Signs survey links (HMAC-SHA256); made on the first invitation.
      survey_key text
    );

    create table roadmap_items (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      title text not null check (length(title) between 1 and 200),
      description text,
      status text not null default 'planned'
        check (status in ('considering', 'planned', 'in_progress', 'shipped', 'declined')),
      target_quarter text check (target_quarter ~ '^[0-9]{4}-Q[1-4]$'),
      link text,
      shipped_at timestamptz,
      created_by uuid references users on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index roadmap_items_workspace_idx on roadmap_items (workspace_id, status);

    create table roadmap_item_themes (
      workspace_id uuid not null references workspaces on delete cascade,
      roadmap_item_id uuid not null references roadmap_items on delete cascade,
      theme_id uuid not null references feedback_themes on delete cascade,
      primary key (roadmap_item_id, theme_id)
    );
    create index roadmap_item_themes_theme_idx on roadmap_item_themes (theme_id);

    create table roadmap_item_feedback (
      workspace_id uuid not null references workspaces on delete cascade,
      roadmap_item_id uuid not null references roadmap_items on delete cascade,
      feedback_item_id uuid not null references feedback_items on delete cascade,
      primary key (roadmap_item_id, feedback_item_id)
    );
    create index roadmap_item_feedback_item_idx on roadmap_item_feedback (feedback_item_id);

    -- Closing the loop: one row per shipped roadmap item and requesting account, claimed before
    -- its CSM is told — the unique key is what makes "told once" hold across retries.
    create table roadmap_ship_notices (
      workspace_id uuid not null references workspaces on delete cascade,
      roadmap_item_id uuid not null references roadmap_items on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      task_id uuid references tasks on delete set null,
      notified_at timestamptz not null,
      primary key (roadmap_item_id, account_id)
    );

    create table survey_invitations (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      kind text not null check (kind in ('nps', 'csat')),
      account_id uuid not null references accounts on delete cascade,
      contact_id uuid not null references contacts on delete cascade,
      locale text not null default 'en' check (locale in ('en', 'ru')),
      expires_at timestamptz not null,
      sent_at timestamptz,
      -- Set once, by the one response the link allows.
      used_at timestamptz,
      created_by uuid references users on delete set null,
      created_at timestamptz not null
    );
    create index survey_invitations_account_idx on survey_invitations (workspace_id, account_id);

    create table survey_responses (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      contact_id uuid references contacts on delete set null,
      kind text not null check (kind in ('nps', 'csat')),
      -- NPS 0–10 (Bain); CSAT 1–5.
      score smallint not null,
      comment text,
      source text not null check (source in ('api', 'link', 'csv')),
      invitation_id uuid unique references survey_invitations on delete set null,
      feedback_item_id uuid references feedback_items on delete set null,
      responded_at timestamptz not null,
      created_by uuid references users on delete set null,
      created_at timestamptz not null,
      check ((kind = 'nps' and score between 0 and 10) or (kind = 'csat' and score between 1 and 5))
    );
    -- NPS over a window by account or tier, and an account's latest responses.
    create index survey_responses_time_idx on survey_responses (workspace_id, kind, responded_at);
    create index survey_responses_account_idx on survey_responses (workspace_id, account_id, responded_at desc);

    -- Requests to the public survey page, per address, for its rate limit.
    create table survey_link_hits (
      id bigint generated always as identity primary key,
      ip text not null,
      at timestamptz not null
    );
    create index survey_link_hits_ip_idx on survey_link_hits (ip, at);

    -- A survey response is on the account's timeline, where health reads it: NPS over 180 days
    -- for every account of a workspace (health/inputs.ts).
    create index timeline_events_survey_idx on timeline_events (workspace_id, occurred_at)
      where kind = 'survey';
    alter table timeline_events drop constraint timeline_events_kind_check;
    alter table timeline_events add constraint timeline_events_kind_check
      check (kind in ('note', 'call', 'email', 'meeting', 'ticket', 'billing', 'system', 'survey'));
    -- Health's plays gain a trigger: a detractor's NPS response opens the follow-up.
    alter table plays drop constraint plays_trigger_check;
    alter table plays add constraint plays_trigger_check
      check (trigger in ('entered_at_risk', 'entered_critical', 'renewal_approaching', 'nps_detractor'));
  `.execute(db);
}
