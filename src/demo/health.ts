// Demo health: the default plays (outreach when an account turns At Risk, the renewal project
// from its template 90 days out) and a year of scores replayed from the demo's own data as
// it stood then, so trends, movers, "what changed" and the backtest all have history.
// Runs after the rest of the demo (usage, tickets, billing, work) is written.
import { addDays, daysAfter, isoDay } from '../lib/calendar.ts';
import type { Deps } from '../context.ts';
import { fixedClock } from '../lib/clock.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import {
  createPlay,
  loadScorecards,
  rescore,
  rescoreAccounts,
  runRenewalPlays,
} from '../modules/health/index.ts';
import { createTemplate, updateTask, type TemplateDefinition } from '../modules/work/index.ts';
import { twoAtATime } from './lanes.ts';
import { workThrough } from './work.ts';

// Days before the renewal date: the project ends with the contract however late it opens
// (a renewal closer than 90 days makes the early tasks due at once, marked started late).
const renewalTasks: [title: string, offsetDays: number, role: 'owner' | 'manager'][] = [
  ['Review health, usage and open tickets with the account team', -90, 'owner'],
  ['Confirm the executive sponsor and decision process', -87, 'owner'],
  ['Prepare the value summary: goals met, adoption, ROI', -80, 'owner'],
  ['Draft the renewal proposal and pricing', -70, 'owner'],
  ['Approve the renewal pricing', -65, 'manager'],
  ['Renewal call with the executive sponsor', -60, 'owner'],
  ['Send the renewal quote', -55, 'owner'],
  ['Agree terms and collect the signature', -30, 'owner'],
];

/** The renewal play opens the renewal project this many days out. */
const renewalLeadDays = 90;

export const renewalTemplate: {
  name: string;
  description: string;
  definition: TemplateDefinition;
} = {
  name: 'Renewal',
  description: 'From 90 days out to a signed renewal: value summary, proposal, sponsor call.',
  definition: {
    anchor: 'renewal',
    allowDueBeforeStart: false,
    stages: [],
    tasks: renewalTasks.map(([title, offsetDays, role], i) => ({
      key: `renewal-${i + 1}`,
      title,
      description: null,
      parent: null,
      stage: null,
      offsetDays,
      offsetUnit: 'calendar',
      role,
      priority: i === 0 ? 'P1' : 'P2',
      tags: ['renewal'],
      checklist: [],
      dependsOn: i === 0 ? [] : [`renewal-${i}`],
      firstValue: false,
    })),
  },
};

export async function seedDemoHealth(
  deps: Deps,
  workspace: { id: WorkspaceId; adminId: UserId },
): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const by = { workspaceId: workspace.id, userId: workspace.adminId };
  const template = await createTemplate(db, by, { ...renewalTemplate, kind: 'renewal' });
  const play = {
    daysBeforeRenewal: null,
    templateId: null,
    assigneeRole: 'owner' as const,
    dueInHours: 24,
    enabled: true,
  };
  await createPlay(
    db,
    by,
    {
      ...play,
      name: 'At-risk outreach',
      trigger: 'entered_at_risk',
      taskTitle: 'Reach out: health turned At Risk',
    },
    now,
  );
  await createPlay(
    db,
    by,
    {
      ...play,
      name: 'Critical: escalate to the manager',
      trigger: 'entered_critical',
      taskTitle: 'Plan a rescue call: health turned Critical',
      assigneeRole: 'manager',
    },
    now,
  );
  await createPlay(
    db,
    by,
    {
      ...play,
      name: 'Renewal in 90 days',
      trigger: 'renewal_approaching',
      daysBeforeRenewal: renewalLeadDays,
      templateId: template.id,
      taskTitle: null,
      dueInHours: 72,
    },
    now,
  );
  await openRenewalProjects(deps, workspace);

  // A year of history from the data as it stood on each day: daily for the last 60 days (the
  // sparklines, trends, "what changed"), weekly before that (the year's chart and the backtest,
  // which reads the closest score in the week before each outcome) — a daily year replayed
  // would triple the demo's seeding time. Yesterday also sets the current score, so today's
  // rescore shows real moves (and opens their plays).
  const today = isoDay(now);
  const scorecards = await loadScorecards(db, workspace.id);
  const replay = (daysAgo: number, mode: 'current' | 'history') => {
    const day = addDays(today, -daysAgo);
    return rescoreAccounts(db, {
      workspaceId: workspace.id,
      day,
      mode,
      now: new Date(`${day}T23:59:59Z`),
      scorecards,
    });
  };
  const pending = Array.from({ length: 365 }, (_, i) => 365 - i).filter(
    (daysAgo) => daysAgo > 1 && (daysAgo <= 60 || daysAgo % 7 === 0),
  );
  // Days are independent of each other.
  await twoAtATime(pending, (daysAgo) => replay(daysAgo, 'history'));
  await replay(1, 'current');
  await rescore(deps, workspace.id);
}

/**
 * The renewal projects the play opened as each renewal came within its 90 days — on that
 * morning, not all today — and the owner's work on them since: every task due before today is
 * done near its due day, but the signature, which comes in as the renewal nears.
 */
async function openRenewalProjects(
  deps: Deps,
  workspace: { id: WorkspaceId; adminId: UserId },
): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const today = isoDay(now);
  const scope = { workspaceId: workspace.id, onlyOwner: null };
  const renewing = await db
    .selectFrom('accounts')
    .select(['id', 'owner_id', 'renewal_date'])
    .where('workspace_id', '=', workspace.id)
    .where('deleted_at', 'is', null)
    .where('stage', '<>', 'churned')
    .where('renewal_date', '>=', today)
    .where('renewal_date', '<=', addDays(today, renewalLeadDays))
    .orderBy('renewal_date')
    .orderBy('external_id')
    .$narrowType<{ renewal_date: string }>()
    .execute();
  // Accounts are independent of each other.
  await twoAtATime(renewing, async (account) => {
    const opened = new Date(`${addDays(account.renewal_date, -renewalLeadDays)}T13:00:00Z`);
    await runRenewalPlays({ db, clock: fixedClock(opened) }, workspace.id, [account.id]);
    const tasks = await db
      .selectFrom('tasks as t')
      .innerJoin('play_runs as r', 'r.project_id', 't.project_id')
      .select(['t.id', 't.due_at', 't.checklist', 't.assignee_id'])
      .where('r.account_id', '=', account.id)
      .orderBy('t.position')
      .execute();
    const signature = tasks.at(-1);
    const due = tasks.filter((t) => t !== signature && (t.due_at?.getTime() ?? 0) < now.getTime());
    const doneBy = (task: { assignee_id: string | null }) =>
      (task.assignee_id ?? account.owner_id ?? workspace.adminId) as UserId;
    await workThrough(deps, workspace.id, due, opened, doneBy);
    // The quote is out: a signature whose day has passed waits on the customer.
    if (signature?.due_at && signature.due_at < now) {
      const worker = { workspaceId: workspace.id, userId: doneBy(signature) };
      await updateTask(db, fixedClock(daysAfter(now, -2)), worker, scope, signature.id, {
        status: 'waiting_on_customer',
      });
    }
  });
}
