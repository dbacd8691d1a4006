// A person's Slack member id (Slack: profile → ⋮ → "Copy member ID", such as U012AB3CD), saved
// beside their other notification preferences. Slack's `/steward` command names only the member
// who asked; with this link the answer is written in that person's language and time zone
// instead of the workspace's commonest. One person per member id in a workspace: the unique
// key, workspace first as every key of a table distributed by workspace (docs/scaling.md),
// also finds the person from the command's `user_id`.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table notification_preferences add column slack_member_id text
      check (slack_member_id ~ '^[UW][A-Z0-9]{8,11}$');
    create unique index notification_preferences_slack_member_idx
      on notification_preferences (workspace_id, slack_member_id)
      where slack_member_id is not null;
  `.execute(db);
}
