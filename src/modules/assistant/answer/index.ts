// From an understood question to its answer: check that the asker may see it, then ask the
// module that owns the data, through its public face.
import type { KnownIntent } from '../intents.ts';
import { accountLookup } from './accounts.ts';
import { decliningAdoption, productAdoption } from './adoption.ts';
import { say, type Answered, type Question } from './context.ts';
import { escalations } from './escalations.ts';
import { churnRisk, clientHealth, engagementTrends } from './health.ts';
import { expansion, premiumUpgrades, renewals, revenueMetrics } from './revenue.ts';
import { accountFeedback, featureRequests, npsFeedback, productRoadmap } from './voice.ts';
import { qbrDue, scheduleQbr, upcomingMeetings } from './meetings.ts';
import { onboardingProgress } from './onboarding.ts';
import { myTasks } from './work.ts';

export type { Answered, Question, DirectoryAccount, Asker } from './context.ts';

type Answerer = (question: Question) => Promise<Answered | null> | Answered | null;

const answerers: Partial<Record<KnownIntent, Answerer>> = {
  client_health: clientHealth,
  churn_risk: churnRisk,
  engagement_trends: engagementTrends,
  declining_adoption: decliningAdoption,
  product_adoption: productAdoption,
  my_tasks: myTasks,
  escalations,
  onboarding_progress: onboardingProgress,
  account_lookup: accountLookup,
  renewal_pipeline: renewals,
  expansion_opportunities: expansion,
  premium_upgrades: premiumUpgrades,
  revenue_metrics: revenueMetrics,
  nps_feedback: npsFeedback,
  account_feedback: accountFeedback,
  top_feature_requests: featureRequests,
  product_roadmap: productRoadmap,
  qbr_due: qbrDue,
  schedule_qbr: scheduleQbr,
  upcoming_meetings: upcomingMeetings,
};

/** An intent whose data lives in a part of Steward this installation does not answer from. */
function notYet(intent: KnownIntent): Answered {
  return {
    widget: 'unavailable',
    data: { topic: intent },
    answer: [say('assistant.notYet', { topic: { term: `assistant.topics.${intent}` } })],
    link: null,
  };
}

export async function answerFor(intent: KnownIntent, question: Question): Promise<Answered> {
  const answerer = answerers[intent];
  if (!answerer) return notYet(intent);
  return (await answerer(question)) ?? notYet(intent);
}
