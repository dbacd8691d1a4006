// Notifications carry a message key and its parameters instead of an English sentence, and
// SLA steps raised together arrive as one grouped notification. Work gains what the SLA
// "live work" rule and renewal-anchored templates need: a task's start, whether a template
// had to schedule it late, and the date a project was scheduled back from.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- When work on a task is meant to begin: its SLA clocks wait for it (sla/live.ts).
    alter table tasks add column start_at timestamptz;
    -- The template wanted it due before the project could start (a renewal closer than the
    -- template's span): it is due on the first day instead, and shown as started late.
    alter table tasks add column late_start boolean not null default false;
    -- The date a target-anchored template counted back from (the account's renewal).
    alter table projects add column target_date date;

    -- {key, params} rendered in the reader's language and time zone when read.
    alter table notifications add column message jsonb;
    alter table notifications add column detail jsonb;
    -- SLA steps about one project or account, for one person, within a few minutes: one
    -- notification whose items list the tasks (notify/stepGroups.ts).
    alter table notifications add column group_key text;
    alter table notifications add column items jsonb not null default '[]';
    update notifications set
      message = jsonb_build_object('key', 'notify.text', 'params', jsonb_build_object('text', title)),
      detail = case when body is null then null
        else jsonb_build_object('key', 'notify.text', 'params', jsonb_build_object('text', body)) end;
    alter table notifications alter column message set not null;
    alter table notifications drop column title;
    alter table notifications drop column body;
    -- The open group a new step joins: a person's latest notification with that key.
    create index notifications_group_idx on notifications (user_id, group_key, created_at desc)
      where group_key is not null;
  `.execute(db);
}
