// Revenue's choice lists — forecast categories, opportunity kinds and stages, meeting kinds,
// the CS metrics — typed from the API (the server defines each once). Each is written as a
// record of every member, so a list that misses one or names one the server does not know
// fails to compile after `npm run gen:api`. Small and free of hooks: the router imports it.
import type { Schemas } from './client.ts';
import { every } from './vocabulary.ts';

export type ForecastCategory = Schemas['Renewal']['forecast']['category'];
export type OpportunityKind = Schemas['Opportunity']['kind'];
export type OpportunityStage = Schemas['Opportunity']['stage'];
export type MeetingKind = Schemas['Meeting']['kind'];
export type MetricKey = Schemas['CsMetric']['key'];

export const forecastCategories = every<ForecastCategory>({
  commit: true,
  likely: true,
  at_risk: true,
  lost: true,
});
export const opportunityKinds = every<OpportunityKind>({
  seats: true,
  upgrade: true,
  cross_sell: true,
  other: true,
});
export const opportunityStages = every<OpportunityStage>({
  identified: true,
  qualified: true,
  proposal: true,
  won: true,
  lost: true,
});
export const meetingKinds = every<MeetingKind>({
  qbr: true,
  check_in: true,
  kickoff: true,
  renewal: true,
  other: true,
});
export const metricKeys = every<MetricKey>({
  mrr: true,
  arr: true,
  nrr: true,
  grr: true,
  newMrr: true,
  expansionMrr: true,
  contractionMrr: true,
  churnedMrr: true,
  reactivationMrr: true,
  expansionRate: true,
  logoChurn: true,
  revenueChurn: true,
  renewalRate: true,
  expansionWon: true,
  expansionWinRate: true,
  timeToValue: true,
  featureAdoption: true,
  averageHealth: true,
  nps: true,
  qbrCompletion: true,
});
