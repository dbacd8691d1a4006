// Demo notifications: the interview's SLA policy ("P0 account task untouched for 2 hours →
// notify the assignee's manager"), and a morning's worth of what the manager did on the demo
// CSM's accounts — an urgent task, due today, on the P0 client whose escalations went
// unanswered, and a question with an @mention — routed through the same code the worker runs,
// so the CSM's inbox holds real reasons to act on first sign-in.
import type { Deps } from '../context.ts';
import { fixedClock } from '../lib/clock.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import { createDemoSlaPolicy, notifyAboutEvent } from '../modules/notify/index.ts';
import { commentOnTask, createTask } from '../modules/work/index.ts';

const minuteMs = 60_000;

export async function seedDemoNotifications(
  deps: Deps,
  workspace: { id: WorkspaceId; managerId: UserId; demoCsmId: UserId },
  /** The external id of the demo CSM's client whose escalations nobody answered. */
  escalatedAccount: string,
): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  await createDemoSlaPolicy(deps, workspace.id);

  const manager = { workspaceId: workspace.id, userId: workspace.managerId };
  const scope = { workspaceId: workspace.id, onlyOwner: null };
  const client = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspace.id)
    .where('external_id', '=', escalatedAccount)
    .executeTakeFirstOrThrow();
  const clock = fixedClock(new Date(now.getTime() - 90 * minuteMs));
  const urgent = await createTask(db, clock, manager, scope, {
    title: `Call ${client.name}'s exec sponsor about the outage`,
    accountId: client.id,
    priority: 'P0',
    tags: ['urgent'],
    assigneeId: workspace.demoCsmId,
    // Live now: due this afternoon.
    dueAt: new Date(now.getTime() + 4 * 60 * minuteMs).toISOString(),
  });

  // A question on the CSM's own onboarding work, naming them as the web app's picker does.
  const onboarding = await db
    .selectFrom('tasks as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .select('t.id')
    .where('t.workspace_id', '=', workspace.id)
    .where('t.assignee_id', '=', workspace.demoCsmId)
    .where('t.status', '<>', 'done')
    .where('t.project_id', 'is not', null)
    // Tasks due the same moment come in one order on every seed.
    .orderBy('t.due_at')
    .orderBy('a.external_id')
    .orderBy('t.position')
    .limit(1)
    .executeTakeFirst();
  clock.advance(40 * minuteMs);
  await commentOnTask(
    db,
    clock,
    manager,
    scope,
    onboarding?.id ?? urgent.id,
    '@csm can you confirm the go-live date with the customer before Thursday?',
  );

  // Route now what the worker would route on its first run; its own run then finds them done.
  const events = await db
    .selectFrom('activity_events')
    .select(['id', 'occurred_at'])
    .where('workspace_id', '=', workspace.id)
    .where('actor_id', '=', workspace.managerId)
    .orderBy('occurred_at')
    .execute();
  for (const event of events) {
    await notifyAboutEvent(
      { ...deps, clock: fixedClock(event.occurred_at) },
      { eventId: event.id },
    );
  }
}
