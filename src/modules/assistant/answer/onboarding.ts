// Onboarding questions answered from the work module's onboarding tracking, as the Onboarding
// page reads it: the onboardings in progress with how far along each is, or only those behind
// schedule, the furthest behind first.
import { scopeFor } from '../../accounts/index.ts';
import { onboardingOverview, type OnboardingReport } from '../../work/index.ts';
import { forAccount, inTier, ownerOf, say, type Answered, type Question } from './context.ts';

/** The onboardings of the accounts the question is about: its owner, tier or named account. */
function inQuestion(question: Question, reports: OnboardingReport[]) {
  const owner = ownerOf(question);
  const accounts = new Map(question.accounts.map((a) => [a.id, a]));
  const lines = reports.flatMap((report) => {
    const account = accounts.get(report.accountId);
    if (!account || (owner && account.ownerId !== owner)) return [];
    return [{ ...report, tier: account.tier }];
  });
  return forAccount(question, inTier(question, lines));
}

export async function onboardingProgress(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const overview = await onboardingOverview(db, clock, scopeFor(question.asker), {});
  const reports = inQuestion(question, overview.reports);
  const behind = reports
    .filter((r) => r.daysBehind !== null)
    .sort((a, b) => (b.daysBehind ?? 0) - (a.daysBehind ?? 0));
  const behindOnly = question.params.overdue === true;
  const listed = behindOnly ? behind : reports;
  const furthest = behind[0];
  const average = Math.round(
    reports.reduce((sum, r) => sum + r.overallProgress, 0) / Math.max(1, reports.length),
  );

  const answer =
    reports.length === 0
      ? [say('assistant.onboarding.none')]
      : behindOnly
        ? furthest
          ? [
              say('assistant.onboarding.behind', { count: behind.length, total: reports.length }),
              say('assistant.onboarding.furthest', {
                account: furthest.accountName,
                count: furthest.daysBehind ?? 0,
                percent: furthest.overallProgress,
              }),
            ]
          : [say('assistant.onboarding.onSchedule', { count: reports.length })]
        : [
            say('assistant.onboarding.progress', { count: reports.length, percent: average }),
            ...(behind.length > 0
              ? [say('assistant.onboarding.progressBehind', { count: behind.length })]
              : []),
          ];
  return {
    widget: 'onboarding',
    data: {
      behindOnly,
      inProgress: reports.length,
      behind: behind.length,
      items: listed.map((r) => ({
        projectId: r.projectId,
        projectName: r.projectName,
        accountId: r.accountId,
        accountName: r.accountName,
        stage: r.currentStage?.name ?? null,
        percent: r.overallProgress,
        daysBehind: r.daysBehind,
      })),
    },
    answer,
    link: '/onboarding',
  };
}
