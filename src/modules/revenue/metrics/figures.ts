// The CS metrics of one period from the facts gathered for it. Pure; the definitions, with a
// worked example each, are in docs/metrics.md.
//
// NRR and GRR follow the cohort of customers at the period's start (MRR above zero then):
// NRR = their MRR at the end ÷ their MRR at the start; GRR caps each customer's end at where
// they started, so it counts contraction and churn but no expansion. A customer who leaves and
// comes back within the period ends where they are at the end; one who starts mid-period is
// new business, outside the cohort. The MRR bridge (new, expansion, contraction, churn,
// reactivation) sums every movement in the period, so a downgrade then an upgrade shows as
// both, while the cohort figures see only where the customer ended.
//
// The renewal rate is the renewed share of the ARR decided (renewed or lost) among the renewals
// due in the period. A customer who had left before its renewal date (cancelled mid-contract)
// is churn of the period it left and no renewal at all, so one cancellation is not counted twice
// and a month and its quarter count it alike (`renewalOutcomes` in store/metrics.ts).
import type { MrrMovementKind } from '../../../db/schema.ts';
import { median } from '../../intake/adoption/index.ts';
import type { MetricKey } from '../targets.ts';
import type {
  AdoptionRow,
  CohortRow,
  OpportunityOutcomeRow,
  QbrRow,
  RenewalOutcomeRow,
} from '../store/metrics.ts';

export type PeriodFacts = {
  cohort: CohortRow | undefined;
  bridge: Partial<Record<MrrMovementKind, number>>;
  renewals: RenewalOutcomeRow | undefined;
  /** Days to value of the customers who started in the period and reached it. */
  daysToValue: number[];
  onTheWay: number;
  adoption: AdoptionRow | undefined;
  /** Health's average score at the period's end, over the accounts scored then. */
  health: { average: number | null; accounts: number } | undefined;
  qbr: QbrRow | undefined;
  opportunities: OpportunityOutcomeRow | undefined;
  nps: number | null;
};

export type PeriodFigures = Record<MetricKey, number | null>;

const ratio = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export function periodFigures(f: PeriodFacts): PeriodFigures {
  const c = f.cohort;
  const start = c?.startMrr ?? 0;
  const end = c?.endMrr ?? 0;
  const decided = (f.renewals?.renewedArr ?? 0) + (f.renewals?.lostArr ?? 0);
  const closed = (f.opportunities?.won ?? 0) + (f.opportunities?.lost ?? 0);
  const ttv = median(f.daysToValue);
  return {
    mrr: end,
    arr: end * 12,
    nrr: ratio(c?.cohortEndMrr ?? 0, start),
    grr: ratio(c?.retainedMrr ?? 0, start),
    newMrr: f.bridge.new ?? 0,
    expansionMrr: f.bridge.expansion ?? 0,
    // Shown as amounts lost: the bridge records them as negative movements.
    contractionMrr: -(f.bridge.contraction ?? 0),
    churnedMrr: -(f.bridge.churn ?? 0),
    reactivationMrr: f.bridge.reactivation ?? 0,
    expansionRate: ratio(c?.cohortExpansion ?? 0, start),
    logoChurn: ratio(c?.churnedLogos ?? 0, c?.cohort ?? 0),
    revenueChurn: ratio(c?.churnedMrr ?? 0, start),
    renewalRate: ratio(f.renewals?.renewedArr ?? 0, decided),
    expansionWon: f.opportunities?.wonAmount ?? 0,
    expansionWinRate: ratio(f.opportunities?.won ?? 0, closed),
    timeToValue: ttv === null ? null : Math.round(ttv),
    featureAdoption: ratio(f.adoption?.used ?? 0, f.adoption?.available ?? 0),
    averageHealth:
      f.health?.average === null || f.health?.average === undefined
        ? null
        : Math.round(f.health.average * 10) / 10,
    nps: f.nps,
    qbrCompletion: ratio(f.qbr?.held ?? 0, f.qbr?.due ?? 0),
  };
}

/** What each figure stands on, for the reader who wants to check it. */
export function periodDetail(f: PeriodFacts) {
  return {
    cohort: {
      customers: f.cohort?.cohort ?? 0,
      startMrr: f.cohort?.startMrr ?? 0,
      endMrr: f.cohort?.cohortEndMrr ?? 0,
      retainedMrr: f.cohort?.retainedMrr ?? 0,
      expansionMrr: f.cohort?.cohortExpansion ?? 0,
      contractionMrr: f.cohort?.cohortContraction ?? 0,
      churnedMrr: f.cohort?.churnedMrr ?? 0,
      churnedLogos: f.cohort?.churnedLogos ?? 0,
    },
    customersAtEnd: f.cohort?.customers ?? 0,
    renewals: {
      renewed: f.renewals?.renewed ?? 0,
      lost: f.renewals?.lost ?? 0,
      pending: f.renewals?.pending ?? 0,
      renewedArr: f.renewals?.renewedArr ?? 0,
      lostArr: f.renewals?.lostArr ?? 0,
    },
    timeToValue: { reached: f.daysToValue.length, onTheWay: f.onTheWay },
    adoption: {
      accounts: f.adoption?.accounts ?? 0,
      featuresAvailable: f.adoption?.available ?? 0,
      featuresUsed: f.adoption?.used ?? 0,
    },
    health: { accounts: f.health?.accounts ?? 0 },
    qbr: { due: f.qbr?.due ?? 0, held: f.qbr?.held ?? 0 },
    opportunities: { won: f.opportunities?.won ?? 0, lost: f.opportunities?.lost ?? 0 },
  };
}
