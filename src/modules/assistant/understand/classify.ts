// From the concepts a question names to an intent. Each intent is weighed from the concepts
// that speak for it; a few pairs decide between neighbours ("lost revenue" is a revenue
// metric, not churn risk; "most requested" beats "roadmap"). The best intent is taken only
// when it is clearly ahead: strong enough and a clear margin over the next — otherwise the
// answer is "not sure", with the closest intents as suggestions, never a confident guess.
import type { KnownIntent } from '../intents.ts';
import type { Concept } from './lexicon.ts';

export type Signals = {
  concepts: ReadonlyMap<Concept, number>;
  /** The question names an account. */
  account: boolean;
  /** The question names a day or a time. */
  when: boolean;
};

/** A score at least this high, and this far ahead of the next intent, is an answer. */
export const threshold = 2.5;
export const margin = 1;

type Weigh = (has: (c: Concept) => boolean, s: Signals) => number;

const w = (condition: boolean, weight: number) => (condition ? weight : 0);

/** Concepts that give a question its own subject, besides revenue. */
const topics: Concept[] = [
  'health',
  'adoption',
  'usage',
  'notUsing',
  'feature',
  'engagement',
  'nps',
  'feedback',
  'qbr',
  'calendar',
  'task',
  'escalation',
  'onboarding',
  'request',
  'roadmap',
  'premium',
  'seats',
];

const weights: Record<KnownIntent, Weigh> = {
  client_health: (has, s) =>
    w(has('health'), 3) + w(has('score') && !has('nps'), 1) + w(has('howDoing') && !s.account, 2.5),
  declining_adoption: (has) =>
    w(has('decline') && (has('usage') || has('adoption') || has('feature')), 6) +
    w(has('decline'), 1) +
    w(has('notUsing'), 6),
  churn_risk: (has) =>
    w(has('churn'), 4) + w(has('risk'), 3) + w((has('churn') || has('risk')) && has('renewal'), 2),
  engagement_trends: (has) =>
    w(has('engagement'), 3) +
    w(has('trend'), 2) +
    w(has('monthOverMonth'), 4) +
    w(has('trend') && has('usage'), 2),
  product_adoption: (has) =>
    w(has('adoption'), 3) +
    w(has('feature'), 2) +
    w(has('usage'), 1.5) +
    w(has('seats'), 1) +
    w(has('usage') && has('product') && !has('decline'), 1.5),
  // "Meetings coming up" are the calendar's, not renewals coming up.
  renewal_pipeline: (has) =>
    w(has('renewal'), 4) + w(has('contract'), 1.5) - w(has('calendar') && !has('contract'), 2),
  expansion_opportunities: (has) => w(has('expansion'), 4) + w(has('opportunity'), 1),
  // Premium features used without the plan, or an upsell to premium, is the upgrade signal.
  premium_upgrades: (has) =>
    w(has('premium'), 4) +
    w(has('upgrade'), 3) +
    w(has('plan'), 1) +
    w(has('premium') && (has('feature') || has('usage') || has('expansion')), 2),
  revenue_metrics: (has) =>
    w(has('revenueMetric'), 4) +
    w(has('revenue'), 1.5) +
    w(has('metric'), 1.5) +
    w(has('metric') && (has('renewal') || has('expansion') || has('churn')), 4) +
    w(has('revenueMetric') && (has('expansion') || has('churn')), 3) +
    w(has('revenue') && has('churn'), 4) +
    // "Metrics" with no other subject are the CS metrics.
    w(has('metric') && !topics.some(has), 2),
  nps_feedback: (has) =>
    w(has('nps'), 4) + w(has('feedback'), 3) + w(has('score') && has('nps'), 0.5),
  // What one named client (or the largest) said is its feedback, not its card and not the NPS
  // survey's tally.
  account_feedback: (has, s) =>
    w((s.account || has('largest')) && has('feedback') && !has('nps'), 6),
  qbr_due: (has) =>
    w(has('qbr'), 3) +
    w(has('due'), 1.5) +
    w(has('meeting') && has('due'), 1.5) -
    w(has('schedule'), 2),
  schedule_qbr: (has, s) =>
    w(has('schedule') && (has('qbr') || has('meeting')), 5) +
    w(has('schedule'), 2) +
    w(s.when && (has('qbr') || has('meeting')), 2),
  top_feature_requests: (has) =>
    w(has('request'), 3) +
    w(has('top'), 1) +
    w(has('theme'), 2) +
    w(has('request') && has('top'), 2) +
    w(has('request') && has('feature'), 1),
  // The calendar, unless a meeting is to be booked or a review is overdue.
  upcoming_meetings: (has, s) =>
    w(has('calendar') && !has('schedule') && !has('due'), 4.5) + w(has('calendar') && s.when, 0.5),
  product_roadmap: (has) => w(has('roadmap'), 4),
  // One account's health or ARR is on its card: "how healthy is Acme?", "ARR of Acme" — not the
  // book's dashboard or metrics ("when does Acme renew?" stays the pipeline's, with its
  // forecast). "My largest account" is one account too.
  account_lookup: (has, s) =>
    w(s.account, 3) +
    w(s.account && has('lookup'), 1.5) +
    w(s.account && has('howDoing'), 1.5) +
    w(s.account && (has('health') || has('revenueMetric')), 2.5) +
    w(has('largest'), 3) +
    w(has('largest') && has('lookup'), 1.5),
  // "Tasks at Lowmoor" are tasks, not the account's card; "what's overdue?" is one's work,
  // unless it is a review or a meeting that is overdue.
  my_tasks: (has, s) =>
    w(has('task'), 3) +
    w(has('task') && s.account, 1.5) +
    w(has('remind'), 5) +
    w(has('overdue') && !has('task') && !has('qbr') && !has('meeting'), 2.5),
  escalations: (has) => w(has('escalation'), 4),
  // Onboarding is its own subject: "onboarding tasks that are late" are the onboardings behind.
  onboarding_progress: (has) =>
    w(has('onboarding'), 5) +
    w(has('onboarding') && (has('behind') || has('overdue') || has('progress')), 1),
};

export type Ranking = { intent: KnownIntent; score: number }[];

/** Every intent's weight for these signals, best first. */
export function rankIntents(signals: Signals): Ranking {
  if (signals.concepts.has('offTopic')) return [];
  const has = (c: Concept) => signals.concepts.has(c);
  return (Object.entries(weights) as [KnownIntent, Weigh][])
    .map(([intent, weigh]) => ({ intent, score: weigh(has, signals) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** The intent, when the ranking is clear enough to answer with it. */
export function decide(ranking: Ranking): { intent: KnownIntent; confidence: number } | null {
  const [best, second] = ranking;
  if (!best || best.score < threshold) return null;
  const lead = best.score - (second?.score ?? 0);
  if (lead < margin) return null;
  const confidence = Math.min(1, best.score / 6) * Math.min(1, 0.5 + lead / 4);
  return { intent: best.intent, confidence: Math.round(confidence * 100) / 100 };
}
