// Onboarding tracking (seeds/004 `OnboardingStage`, `OnboardingReport`): per account, the
// current stage, progress, next actions and risk factors; across accounts, completion rate
// and average time per stage, and time to first value.
import type { Db } from '../../db/connect.ts';
import { message, type Message } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { daysSince } from '../../lib/calendar.ts';
import type { AccountScope } from '../accounts/index.ts';
import { onboardingProjects, projectWithTasks, type ProjectView } from './projects.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** No activity on any task for this long is a stalled onboarding. */
const stalledAfterDays = 14;

export type RiskFactor = {
  kind: 'overdue' | 'stage_over_time' | 'blocked' | 'waiting_on_customer' | 'stalled';
  /** For the reader: rendered in their language when the report is answered. */
  message: Message;
};

const quoted = (tasks: readonly { title: string }[]) => tasks.map((t) => `"${t.title}"`).join(', ');

export function onboardingReport(project: ProjectView, now: Date) {
  const open = project.tasks.filter((t) => t.status !== 'done');
  const currentStage = project.stages.find((s) => s.completedAt === null) ?? null;
  const nextActions = open
    .filter((t) => t.blockedBy.length === 0 && t.status !== 'blocked')
    .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.position - b.position)
    .slice(0, 5)
    .map((t) => ({
      id: t.id,
      title: t.title,
      dueAt: t.dueAt,
      assigneeName: t.assigneeName,
      status: t.status,
    }));

  const riskFactors: RiskFactor[] = [];
  // Days behind schedule: the oldest overdue task's, or the current stage's past its expected
  // length, whichever is more; a task due a few hours ago is already a day behind.
  const behind: number[] = [];
  const overdue = open.filter((t) => t.dueAt !== null && t.dueAt < now.toISOString());
  if (overdue.length > 0) {
    const oldest = overdue.reduce((a, b) => ((a.dueAt ?? '') < (b.dueAt ?? '') ? a : b));
    const days = Math.max(1, Math.floor(daysSince(oldest.dueAt ?? now, now)));
    behind.push(days);
    // The days are the sentence's `count`, for their plural; the number of tasks is in the key.
    riskFactors.push({
      kind: 'overdue',
      message:
        overdue.length === 1
          ? message('work.onboardingRisk.overdueTask', { task: oldest.title, count: days })
          : message('work.onboardingRisk.overdueTasks', {
              tasks: overdue.length,
              task: oldest.title,
              count: days,
            }),
    });
  }
  if (currentStage?.startedAt && currentStage.expectedDays !== null) {
    const running = Math.floor(daysSince(currentStage.startedAt, now));
    if (running > currentStage.expectedDays) {
      behind.push(running - currentStage.expectedDays);
      riskFactors.push({
        kind: 'stage_over_time',
        message: message('work.onboardingRisk.stageOverTime', {
          stage: currentStage.name,
          count: running,
          expected: currentStage.expectedDays,
        }),
      });
    }
  }
  const blocked = open.filter((t) => t.status === 'blocked');
  if (blocked.length > 0) {
    riskFactors.push({
      kind: 'blocked',
      message: message('work.onboardingRisk.blocked', { tasks: quoted(blocked) }),
    });
  }
  const waiting = open.filter((t) => t.status === 'waiting_on_customer');
  if (waiting.length > 0) {
    riskFactors.push({
      kind: 'waiting_on_customer',
      message: message('work.onboardingRisk.waitingOnCustomer', { tasks: quoted(waiting) }),
    });
  }
  const lastActivity = project.tasks
    .map((t) => t.lastActivityAt)
    .sort()
    .at(-1);
  if (
    project.status === 'active' &&
    lastActivity &&
    daysSince(lastActivity, now) > stalledAfterDays
  ) {
    riskFactors.push({
      kind: 'stalled',
      message: message('work.onboardingRisk.stalled', {
        count: Math.floor(daysSince(lastActivity, now)),
      }),
    });
  }

  const firstValue = project.tasks.find((t) => t.isFirstValue);
  return {
    projectId: project.id,
    projectName: project.name,
    accountId: project.accountId,
    accountName: project.accountName,
    status: project.status,
    startDate: project.startDate,
    currentStage: currentStage
      ? {
          id: currentStage.id,
          name: currentStage.name,
          startedAt: currentStage.startedAt,
          expectedDays: currentStage.expectedDays,
        }
      : null,
    overallProgress:
      project.progress.total === 0
        ? 0
        : Math.round((project.progress.done / project.progress.total) * 100),
    progress: project.progress,
    stages: project.stages.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      progress: s.progress,
      startedAt: s.startedAt,
      completedAt: s.completedAt,
    })),
    nextActions,
    riskFactors,
    daysBehind: behind.length > 0 ? Math.max(...behind) : null,
    timeToFirstValueDays: firstValue?.completedAt
      ? round1(daysSince(`${project.startDate}T00:00:00Z`, firstValue.completedAt))
      : null,
  };
}

export type OnboardingReport = ReturnType<typeof onboardingReport>;

/** Across projects: per stage, how many completed it and how long it took on average. */
export function onboardingStatistics(projects: ProjectView[]) {
  const stages = new Map<
    string,
    {
      key: string;
      name: string;
      expectedDays: number | null;
      position: number;
      reached: number;
      completed: number;
      timed: number;
      totalDays: number;
    }
  >();
  for (const project of projects) {
    for (const stage of project.stages) {
      // A stage whose tasks were all removed closes without being worked: it says nothing of
      // how long the stage takes, nor how many customers finish it.
      if (stage.progress.total === 0) continue;
      const entry = stages.get(stage.key) ?? {
        key: stage.key,
        name: stage.name,
        expectedDays: stage.expectedDays,
        position: stage.position,
        reached: 0,
        completed: 0,
        timed: 0,
        totalDays: 0,
      };
      entry.reached += 1;
      if (stage.completedAt) entry.completed += 1;
      // A stage finished ahead of its turn never started (see \`startCurrentStage\`): it counts
      // as completed, but says nothing of how long the stage takes.
      if (stage.completedAt && stage.startedAt) {
        entry.timed += 1;
        entry.totalDays += daysSince(stage.startedAt, stage.completedAt);
      }
      stages.set(stage.key, entry);
    }
  }
  const firstValues = projects.flatMap((p) => {
    const task = p.tasks.find((t) => t.isFirstValue && t.completedAt);
    return task?.completedAt ? [daysSince(`${p.startDate}T00:00:00Z`, task.completedAt)] : [];
  });
  return {
    projects: projects.length,
    completedProjects: projects.filter((p) => p.status === 'completed').length,
    stages: [...stages.values()]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({
        key: s.key,
        name: s.name,
        expectedDays: s.expectedDays,
        projects: s.reached,
        completionRate: Math.round((s.completed / s.reached) * 100),
        averageDaysToComplete: s.timed ? round1(s.totalDays / s.timed) : null,
      })),
    timeToFirstValue: {
      projects: firstValues.length,
      averageDays: firstValues.length
        ? round1(firstValues.reduce((a, b) => a + b, 0) / firstValues.length)
        : null,
    },
  };
}

/** One project's onboarding report, as of now. */
export async function projectOnboardingReport(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  projectId: string,
) {
  return onboardingReport(await projectWithTasks(db, scope, projectId), clock.now());
}

/** Every onboarding project in view, side by side, with the statistics across them. */
export async function onboardingOverview(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  filter: { templateId?: string },
) {
  const projects = await onboardingProjects(db, scope, filter);
  const now = clock.now();
  return {
    reports: projects.filter((p) => p.status !== 'completed').map((p) => onboardingReport(p, now)),
    statistics: onboardingStatistics(projects),
  };
}
