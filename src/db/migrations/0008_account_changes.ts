// Accounts whose data changed since their derived figures (health) were last computed: a set,
// one row per account however many changes arrive, written by whoever changed the data and
// taken by whoever recomputes (see src/modules/accounts/changes.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table account_changes (
      workspace_id uuid not null references workspaces on delete cascade,
      account_id uuid not null references accounts on delete cascade,
      primary key (workspace_id, account_id)
    );
  `.execute(db);
  // Rescores the previous code left queued (one growing batch job per workspace) become rows
  // of the set, each with the wake-up job that drains it; the old task has no handler now.
  await sql`
    do $$
    begin
      if to_regclass('graphile_worker._private_jobs') is null then
        return;
      end if;
      -- The payload is not in the public jobs view; this runs once, against the pinned version.
      insert into account_changes (workspace_id, account_id)
      select distinct a.workspace_id, a.id
      from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      -- A batch (an array of requests), or one request from before batches.
      cross join lateral json_array_elements(case json_typeof(j.payload)
        when 'array' then j.payload else json_build_array(j.payload) end) r
      join accounts a on a.id::text = r->>'accountId' and a.workspace_id::text = r->>'workspaceId'
      where t.identifier = 'account__rescore'
      on conflict do nothing;
      perform graphile_worker.remove_job(j.key)
      from graphile_worker.jobs j
      where j.task_identifier = 'account__rescore' and j.key is not null;
      perform graphile_worker.add_job('accounts__changed',
        json_build_object('workspaceId', w.workspace_id),
        job_key => 'accounts__changed:' || w.workspace_id, job_key_mode => 'preserve_run_at')
      from (select distinct workspace_id from account_changes) w;
    end
    $$;
  `.execute(db);
}
