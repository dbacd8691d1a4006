// Demo work: the onboarding templates (onboarding.ts), and projects made from the one meant for
// each customer's tier for every customer who is onboarding now — each kicked off the day its
// customer signed and as far along as the days since allow, an unassigned one run by the
// manager who triages it — plus a finished one for customers who went live this year. Written
// through the same services a CSM's clicks go through, with the clock set back to when each
// step happened. Long-standing customers have no onboarding: they finished it years ago.
import { dayMs, daysAfter, hourMs, isoDay } from '../lib/calendar.ts';
import { sql } from 'kysely';
import type { Deps } from '../context.ts';
import { fixedClock } from '../lib/clock.ts';
import type { ChecklistItem } from '../db/schema.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import type { Tier } from '../db/schema.ts';
import {
  createTemplate,
  instantiateTemplate,
  updateTask,
  type StarterTemplate,
} from '../modules/work/index.ts';
import { onboardingTemplateOf, onboardingTemplates } from './onboarding.ts';

/** Customers who went live this year and keep their finished onboarding project. */
const finishedProjects = 2;
/**
 * Days behind schedule, by account in turn: on time, a few days late, two weeks late. The demo
 * CSM's three come first and take all three; the unassigned two, on time and a few days late.
 */
const lateBy = [0, 4, 12];

/** A template as saved in the workspace: its id, and the roles its tasks are assigned to. */
type Template = { id: string; roles: string[] };

type Onboarding = {
  id: string;
  owner_id: string | null;
  created_at: Date;
  stage: string;
  tier: Tier;
};

export async function seedDemoWork(
  deps: Deps,
  workspace: {
    id: WorkspaceId;
    adminId: UserId;
    managerId: UserId;
    demoCsmId: UserId;
    solutionsEngineerId: UserId;
  },
): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const by = { workspaceId: workspace.id, userId: workspace.adminId };
  const templates = new Map<StarterTemplate, Template>();
  for (const template of onboardingTemplates) {
    templates.set(template, await createTemplate(db, by, { ...template, kind: 'onboarding' }));
  }

  const live = db
    .selectFrom('accounts')
    .select(['id', 'owner_id', 'created_at', 'stage', 'tier'])
    .where('workspace_id', '=', workspace.id)
    .where('deleted_at', 'is', null)
    // The demo CSM's own first: their "My work" and onboarding view are the demo.
    .orderBy(sql`owner_id is not distinct from ${workspace.demoCsmId}`, 'desc');
  // Every customer in the onboarding stage has its plan, owned or not yet.
  const onboarding = await live
    .where('stage', '=', 'onboarding')
    .orderBy('created_at', 'desc')
    // Customers who signed the same day come in one order on every seed: which one runs late
    // (and, below, which keep a finished project) must not depend on where rows lie on disk.
    .orderBy('external_id')
    .execute();
  const finished = await live
    .where('owner_id', 'is not', null)
    .where('stage', '=', 'adopting')
    .where('created_at', '>', daysAfter(now, -240))
    .where('created_at', '<', daysAfter(now, -100))
    .orderBy('created_at', 'desc')
    .orderBy('external_id')
    .limit(finishedProjects)
    .execute();

  for (const [index, account] of [...onboarding, ...finished].entries()) {
    const template = templates.get(onboardingTemplateOf(account.tier));
    if (!template) throw new Error(`the demo has no onboarding template for ${account.tier}`);
    await onboard(deps, workspace, template, account, lateBy[index % lateBy.length] ?? 0);
  }
}

type ProjectTask = { id: string; due_at: Date | null; checklist: ChecklistItem[] };

/**
 * These tasks of a project begun at `start` worked through in order, each by whom `doneBy`
 * names: each done a little before or after its due day, one after another, never in the
 * future, its checklist ticked.
 */
export async function workThrough<Task extends ProjectTask>(
  deps: Deps,
  workspaceId: WorkspaceId,
  tasks: readonly Task[],
  start: Date,
  doneBy: (task: Task) => UserId,
): Promise<void> {
  const scope = { workspaceId, onlyOwner: null };
  const now = deps.clock.now().getTime();
  const clock = fixedClock(start);
  let doneAt = start.getTime();
  for (const [position, task] of tasks.entries()) {
    const due = task.due_at?.getTime() ?? start.getTime();
    const slip = (((position * 7) % 5) - 2) * dayMs;
    doneAt = Math.min(now - hourMs, Math.max(doneAt + 20 * 60_000, due + slip));
    clock.set(new Date(doneAt));
    const worker = { workspaceId, userId: doneBy(task) };
    await updateTask(deps.db, clock, worker, scope, task.id, {
      status: 'done',
      checklist: task.checklist.map((item) => ({ ...item, done: true })),
    });
  }
}

/**
 * One customer's onboarding from the day it signed: every task due before today (less the days
 * the team runs late) is done, near its due day and in template order, with its checklist
 * ticked; for some, the next task waits on the customer or is blocked.
 */
async function onboard(
  deps: Deps,
  workspace: { id: WorkspaceId; adminId: UserId; managerId: UserId; solutionsEngineerId: UserId },
  template: Template,
  account: Onboarding,
  lateDays: number,
): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const scope = { workspaceId: workspace.id, onlyOwner: null };
  const by = { workspaceId: workspace.id, userId: workspace.adminId };
  // Kicked off on the day the customer signed: never before the account existed.
  const start = account.created_at;
  const clock = fixedClock(start);
  // Nobody owns an unassigned customer yet: the manager who triages it runs its onboarding
  // until a CSM takes it over, as she logs its timeline.
  const owner = {
    workspaceId: workspace.id,
    userId: (account.owner_id ?? workspace.managerId) as UserId,
  };
  // The CSM who works the onboarding sets up the manager's introduction to the sponsor. A
  // template without a role (a mid-market customer's has no manager, a small one's is the
  // CSM's alone) is given only the people it asks for.
  const people = {
    solutions_engineer: workspace.solutionsEngineerId,
    manager: owner.userId,
    owner: owner.userId,
  };
  const projectId = await instantiateTemplate(db, clock, by, scope, template.id, {
    accountId: account.id,
    startDate: isoDay(start),
    assignees: Object.fromEntries(
      Object.entries(people).filter(([role]) => template.roles.includes(role)),
    ),
  });
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'due_at', 'checklist'])
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
  const cutoff = now.getTime() - lateDays * dayMs;
  const beyond = tasks.findIndex((task) => (task.due_at?.getTime() ?? 0) > cutoff);
  const done = account.stage !== 'onboarding' || beyond === -1 ? tasks.length : beyond;
  await workThrough(deps, workspace.id, tasks.slice(0, done), start, () => owner.userId);
  // Something in the way for some: waiting on the customer, or blocked.
  const next = tasks[done];
  if (next && lateDays > 0) {
    clock.set(daysAfter(now, -2));
    const status = lateDays > 5 ? 'blocked' : 'waiting_on_customer';
    await updateTask(db, clock, owner, scope, next.id, { status });
  }
}
