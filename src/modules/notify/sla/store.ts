// SQL for SLAs: policies, the escalations their steps raise (one unique row per step), the
// mentions that escalate, what a clock counts from, and the timers armed in bulk. Every query
// is confined to one workspace, but the reads by the id a job carries (its row names it).
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { EscalationsTable, SlaPoliciesTable } from '../../../db/schema.ts';
import { addJobs, jobSpec } from '../../../jobs/registry.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { TimeKeyset } from '../../../lib/pagination.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { dueDayStartSql } from '../store/tasks.ts';

const policyColumns = [
  'id',
  'name',
  'match',
  'metric',
  'threshold',
  'threshold_seconds',
  'warn_at',
  'chain',
  'business_hours',
  'enabled',
] as const;

export function policyRows(db: Db, workspaceId: string, options: { enabledOnly?: boolean } = {}) {
  return db
    .selectFrom('sla_policies')
    .select(policyColumns)
    .where('workspace_id', '=', workspaceId)
    .$if(options.enabledOnly === true, (q) => q.where('enabled', '=', true))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export type PolicyRow = Awaited<ReturnType<typeof policyRows>>[number];

export function findPolicyRow(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('sla_policies')
    .select(policyColumns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type PolicyColumns = Omit<
  Insertable<SlaPoliciesTable>,
  'id' | 'workspace_id' | 'created_at' | 'updated_at'
>;

export async function insertPolicy(
  db: Db,
  workspaceId: WorkspaceId,
  policy: PolicyColumns,
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('sla_policies')
    .values({ workspace_id: workspaceId, ...policy, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updatePolicy(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  policy: PolicyColumns,
  now: Date,
) {
  return db
    .updateTable('sla_policies')
    .set({ ...policy, updated_at: now })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export function deletePolicy(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .deleteFrom('sla_policies')
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

/** Which of `ids` are people of the workspace. */
export function usersAmong(db: Db, workspaceId: WorkspaceId, ids: string[]) {
  return db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

/** Raises a step unless it was raised already (the unique row); answers it when this did. */
export function insertEscalation(db: Db, escalation: Insertable<EscalationsTable>) {
  return db
    .insertInto('escalations')
    .values(escalation)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** A mention, by the id its escalation job carries. */
export function mentionToEscalate(db: Db, mentionId: string) {
  return db
    .selectFrom('mentions')
    .select(['id', 'task_id', 'user_id', 'created_at', 'acknowledged_at', 'workspace_id'])
    .where('id', '=', mentionId)
    .executeTakeFirst();
}

export function mentionsOfComment(db: Db, workspaceId: string, commentId: string) {
  return db
    .selectFrom('mentions')
    .select(['id', 'task_id'])
    .where('workspace_id', '=', workspaceId)
    .where('comment_id', '=', commentId)
    .execute();
}

/** Whether someone other than the task's creator has acted on it (`kinds`: the touches). */
export async function answeredByOther(
  db: Db,
  task: { id: string; workspace_id: string; created_by: string | null },
  kinds: string[],
): Promise<boolean> {
  const answered = await db
    .selectFrom('activity_events')
    .select('id')
    .where('workspace_id', '=', task.workspace_id)
    .where('task_id', '=', task.id)
    .where('actor_id', 'is not', null)
    .where('kind', 'in', kinds)
    .$if(task.created_by !== null, (q) => q.where('actor_id', '<>', task.created_by ?? ''))
    .limit(1)
    .executeTakeFirst();
  return answered !== undefined;
}

/** When the task's `task_created` event says it was created (the caller's clock). */
export async function createdAtByEvent(
  db: Db,
  task: { id: string; workspace_id: string },
): Promise<Date | undefined> {
  const created = await db
    .selectFrom('activity_events')
    .select('occurred_at')
    .where('workspace_id', '=', task.workspace_id)
    .where('task_id', '=', task.id)
    .where('kind', '=', 'task_created')
    .orderBy('occurred_at')
    .limit(1)
    .executeTakeFirst();
  return created?.occurred_at;
}

export async function holidayDays(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('workspace_holidays')
    .select('day')
    .where('workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => r.day);
}

/** What of a policy the bulk arming reads. */
export type PolicyToArm = {
  id: string;
  metric: 'untouchedFor' | 'firstResponse';
  thresholdSeconds: number;
  warnAt: number;
  match: {
    accountPriority: string[];
    taskPriority: string[];
    tier: string[];
    projectKind: string[];
    tags: string[];
  };
};

/**
 * Arms a timer on every open task the policy matches (or on one project's), in one statement;
 * answers how many. The run time ignores business hours, so it is never late: a check that
 * runs early re-arms itself for the exact instant. All timers go to graphile-worker's
 * `add_jobs` in one array (the jobs layer's `jobSpec`/`addJobs`): `add_job` once per row
 * re-plans nothing inside the transaction, so its lookup of earlier jobs by key turned into a
 * scan of every job armed so far (quadratic at 100,000 tasks).
 */
export async function armTimersInBulk(
  db: Db,
  workspaceId: string,
  policy: PolicyToArm,
  options: { projectId: string | null; maxAttempts: number },
): Promise<number> {
  const m = policy.match;
  const projectId = options.projectId;
  // The same epoch epochOf() computes, or the check would take the timer for a stale one:
  // the metric's start, held back until the task is live (least and greatest skip nulls).
  const start = sql.raw(
    policy.metric === 'untouchedFor'
      ? 't.last_activity_at'
      : `coalesce((select min(e.occurred_at) from activity_events e
          where e.task_id = t.id and e.kind = 'task_created'), t.created_at)`,
  );
  const epoch = sql`greatest(${start}, least(t.started_at, coalesce(t.start_at, ${dueDayStartSql('t', 'w')})))`;
  const warnSeconds = policy.thresholdSeconds * policy.warnAt;
  const result = await sql<{ n: number }>`
    with timers as (
      select array_agg(${jobSpec('task__sla_check', {
        payload: {
          taskId: sql<string>`t.id`,
          policyId: sql<string>`${policy.id}::text`,
          epoch: sql<string>`to_char(${epoch} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        },
        runAt: sql<Date>`${epoch} + make_interval(secs => ${warnSeconds})`,
        jobKey: sql<string>`'sla:' || t.id || ':' || ${policy.id}::text`,
        maxAttempts: options.maxAttempts,
      })}) as specs
      from tasks t
      join workspaces w on w.id = t.workspace_id
      join accounts a on a.id = t.account_id
      left join projects p on p.id = t.project_id
      where t.workspace_id = ${workspaceId}
        and (${projectId}::uuid is null or t.project_id = ${projectId}::uuid)
        and t.deleted_at is null
        and t.status not in ('blocked', 'waiting_on_customer', 'done')
        and (cardinality(${m.accountPriority}::text[]) = 0 or a.priority = any(${m.accountPriority}::text[]))
        and (cardinality(${m.taskPriority}::text[]) = 0 or t.priority = any(${m.taskPriority}::text[]))
        and (cardinality(${m.tier}::text[]) = 0 or a.tier = any(${m.tier}::text[]))
        and (cardinality(${m.projectKind}::text[]) = 0 or p.kind = any(${m.projectKind}::text[]))
        and (cardinality(${m.tags}::text[]) = 0 or t.tags && ${m.tags}::text[])
    )
    select count(job.id)::int as n
    from timers
    left join lateral ${addJobs(sql`timers.specs`)} job on true
    where timers.specs is not null`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/**
 * A page of the workspace's escalations, newest first; a CSM (scope.onlyOwner) sees those
 * about their own clients, tasks assigned to them, and those they were told about.
 */
export function escalationRows(
  db: Db,
  scope: AccountScope,
  page: { keyset: TimeKeyset; limit: number },
) {
  const mine = scope.onlyOwner;
  return db
    .selectFrom('escalations as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .leftJoin('sla_policies as p', 'p.id', 'e.policy_id')
    .select([
      'e.id',
      'e.task_id',
      't.title as task_title',
      't.account_id',
      'a.name as account_name',
      'e.policy_id',
      'p.name as policy_name',
      'e.mention_id',
      'e.step',
      'e.kind',
      'e.notified_user_ids',
      'e.raised_at',
    ])
    .where('e.workspace_id', '=', scope.workspaceId)
    .$if(mine !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('a.owner_id', '=', mine),
          eb('t.assignee_id', '=', mine),
          sql<boolean>`${mine}::uuid = any(e.notified_user_ids)`,
        ]),
      ),
    )
    .where(page.keyset.where('e.raised_at', 'e.id'))
    .orderBy('e.raised_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}
