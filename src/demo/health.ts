// Demo health: the default plays (outreach when an account turns At Risk, the renewal project
// from its template 90 days out) and a year of scores replayed from the demo's own data as
// it stood then, so trends, movers, "what changed" and the backtest all have history.
// Runs after the rest of the demo (usage, tickets, billing, work) is written.
import { addDays, isoDay } from '../lib/calendar.ts';
import type { Deps } from '../context.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import { createPlay, loadScorecards, rescore, rescoreAccounts } from '../modules/health/index.ts';
import { createTemplate, type TemplateDefinition } from '../modules/work/index.ts';

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
      daysBeforeRenewal: 90,
      templateId: template.id,
      taskTitle: null,
      dueInHours: 72,
    },
    now,
  );

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
  // Days are independent of each other: two at a time keep the database busy.
  const lane = async () => {
    for (let daysAgo = pending.shift(); daysAgo !== undefined; daysAgo = pending.shift()) {
      await replay(daysAgo, 'history');
    }
  };
  await Promise.all([lane(), lane()]);
  await replay(1, 'current');
  await rescore(deps, workspace.id);
}
