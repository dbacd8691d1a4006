// A Slack member is linked to a Steward person only by proof, and a workspace answers only its
// own Slack team. Until now a person typed a member id into their preferences, so anyone could
// claim a colleague's id and Slack commands from that colleague acted as them.
//
// - `slack_link_codes`: the one-time code a person starts a link with in Steward and types as
//   `/steward link <code>` in Slack. Only its SHA-256 is kept; one code per person (a new one
//   replaces the old), scoped to the workspace, deleted when used.
// - `slack_teams`: the Slack team (`team_id`) the workspace answers, recorded by its first
//   proven link. Commands from any other team are refused.
// - `notification_preferences` keeps the proven member with its team and when it was linked.
//   Ids saved by hand before were never proven: they are dropped, and people link again.
// Keys lead with `workspace_id`, as every key of a table distributed by workspace (docs/scaling.md).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update notification_preferences set slack_member_id = null where slack_member_id is not null;
    alter table notification_preferences
      add column slack_team_id text,
      add column slack_linked_at timestamptz,
      add constraint notification_preferences_slack_link_whole check (
        (slack_member_id is null) = (slack_team_id is null)
        and (slack_member_id is null) = (slack_linked_at is null)
      );

    create table slack_teams (
      workspace_id uuid primary key references workspaces on delete cascade,
      team_id text not null check (team_id <> ''),
      connected_at timestamptz not null,
      connected_by uuid references users on delete set null
    );

    create table slack_link_codes (
      workspace_id uuid not null references workspaces on delete cascade,
      user_id uuid not null references users on delete cascade,
      code_hash text not null,
      expires_at timestamptz not null,
      created_at timestamptz not null,
      primary key (workspace_id, user_id)
    );
    -- Serves the command's lookup of a typed code (by its hash) within the workspace.
    create unique index slack_link_codes_hash_idx on slack_link_codes (workspace_id, code_hash);
  `.execute(db);
}
