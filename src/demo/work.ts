// Demo work: the "Enterprise onboarding" template, and projects made from it for the
// onboarding and adopting accounts at different points of progress — written through the
// same services a CSM's clicks go through, with the clock set back to when each step happened.
import { sql } from 'kysely';
import type { Deps } from '../context.ts';
import { fixedClock } from '../lib/clock.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import {
  createTemplate,
  enterpriseOnboarding,
  instantiateTemplate,
  updateTask,
} from '../modules/work/index.ts';

const dayMs = 24 * 3600_000;

/** How far each demo onboarding has come: days since it started and tasks done, in order. */
const journeys = [
  { startedDaysAgo: 3, done: 2 },
  { startedDaysAgo: 12, done: 6 },
  { startedDaysAgo: 26, done: 9 },
  { startedDaysAgo: 34, done: 15 },
  { startedDaysAgo: 41, done: 12 },
  { startedDaysAgo: 58, done: 22 },
  { startedDaysAgo: 70, done: 22 },
];

export async function seedDemoWork(
  deps: Deps,
  workspace: { id: WorkspaceId; adminId: UserId; demoCsmId: UserId; solutionsEngineerId: UserId },
): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const by = { workspaceId: workspace.id, userId: workspace.adminId };
  const scope = { workspaceId: workspace.id, onlyOwner: null };
  const template = await createTemplate(db, by, { ...enterpriseOnboarding, kind: 'onboarding' });

  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'owner_id'])
    .where('workspace_id', '=', workspace.id)
    .where('stage', 'in', ['onboarding', 'adopting'])
    .where('owner_id', 'is not', null)
    .where('deleted_at', 'is', null)
    // The demo CSM's own onboardings first: their "My work" and onboarding view are the demo.
    .orderBy(sql`owner_id = ${workspace.demoCsmId}`, 'desc')
    .orderBy('name')
    .limit(journeys.length)
    .execute();

  for (const [index, account] of accounts.entries()) {
    const journey = journeys[index % journeys.length] ?? { startedDaysAgo: 0, done: 0 };
    const start = new Date(now.getTime() - journey.startedDaysAgo * dayMs);
    const clock = fixedClock(start);
    const projectId = await instantiateTemplate(db, clock, by, scope, template.id, {
      accountId: account.id,
      startDate: start.toISOString().slice(0, 10),
      assignees: { solutions_engineer: workspace.solutionsEngineerId },
    });
    const tasks = await db
      .selectFrom('tasks')
      .select(['id', 'due_at'])
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute();
    // Work happens in template order, a little before or after each due day.
    const owner = {
      workspaceId: workspace.id,
      userId: (account.owner_id ?? workspace.adminId) as UserId,
    };
    for (const [position, task] of tasks.slice(0, journey.done).entries()) {
      const due = task.due_at?.getTime() ?? start.getTime();
      const slip = ((position * 7) % 5) - 2;
      clock.set(new Date(Math.min(now.getTime() - 3600_000, due + slip * dayMs)));
      await updateTask(db, clock, owner, scope, task.id, { status: 'done' });
    }
    // Something in the way for some: waiting on the customer, or blocked.
    const next = tasks[journey.done];
    if (next && index % 3 !== 0) {
      clock.set(new Date(now.getTime() - 2 * dayMs));
      const status = index % 3 === 1 ? 'waiting_on_customer' : 'blocked';
      await updateTask(db, clock, owner, scope, next.id, { status });
    }
  }
}
