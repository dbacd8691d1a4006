// Onboarding stages start in order (work/store.ts, startCurrentStage): only the current stage,
// the first one not completed, has started among those not completed. Before, a stage whose
// tasks were done ahead of their turn started the stage after it, so a project could hold a
// later stage "running" since a premature start, and its current stage not started at all.
// This puts existing projects under the same rule: a stage past the current one loses its
// start, and a current stage without one starts when the stage before it completed.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    with current_stage as (
      select project_id, min(position) as position
      from project_stages where completed_at is null
      group by project_id
    ),
    handed_over as (
      select c.project_id, c.position, max(done.completed_at) as at
      from current_stage c
      join project_stages done on done.project_id = c.project_id
        and done.position < c.position
      group by c.project_id, c.position
    )
    update project_stages s
    set started_at = case when s.position = c.position then h.at end
    from current_stage c
    left join handed_over h using (project_id)
    where s.project_id = c.project_id and s.completed_at is null
      and (
        (s.position > c.position and s.started_at is not null)
        or (s.position = c.position and s.started_at is null and h.at is not null)
      );
  `.execute(db);
}
