// Scoring accounts: figures (five set-based queries) → measures → the tier's scorecard → trend
// and churn risk → history and current scores written in bulk. One account after an event, or a
// whole workspace daily, go through the same code; so does replaying a past day.
import type { Db } from '../../db/connect.ts';
import type { HealthCategory, MeasureKey } from '../../db/schema.ts';
import { addDays } from '../../lib/calendar.ts';
import { assessChurnRisk, type ChurnRiskAssessment } from './churnRisk.ts';
import { accountFigures, type AccountFigures } from './inputs.ts';
import {
  scoreBilling,
  scoreEngagement,
  scoreOutcomes,
  scoreSupport,
  scoreUsage,
  type MeasureResult,
} from './measures.ts';
import { scoreWithScorecard, type Scorecard, type WeightedMeasure } from './scorecard.ts';
import { loadScorecards, type Scorecards } from './scorecards.ts';
import {
  accountsToScore,
  pastScores,
  writeCurrentScores,
  writeHistory,
  type HistoryRow,
  type Move,
  type RiskRise,
} from './store/scores.ts';
import { trendOf, whatChanged, type MeasureChange, type Trend } from './trend.ts';

export function measuresOf(f: AccountFigures): MeasureResult[] {
  return [
    scoreUsage(f.usage),
    scoreSupport(f.support),
    scoreEngagement(f.engagement),
    scoreBilling(f.billing),
    scoreOutcomes(f.outcomes),
  ];
}

export type AccountHealth = {
  accountId: string;
  day: string;
  score: number | null;
  category: HealthCategory | null;
  measures: WeightedMeasure[];
  trend: Trend;
  whatChanged: MeasureChange[];
  churnRisk: ChurnRiskAssessment | null;
};

export type Rescore = {
  workspaceId: string;
  /** `YYYY-MM-DD`: score as of the end of this day. */
  day: string;
  accountIds?: readonly string[];
  /**
   * `current`: today's score — history, the account's health columns and category moves.
   * `history`: a past day replayed — its history row only.
   */
  mode: 'current' | 'history';
  now: Date;
  /** Score with this scorecard instead of the saved ones (trials, benchmarks). */
  scorecard?: Scorecard;
  /** The saved scorecards, when the caller already loaded them (replaying many days). */
  scorecards?: Scorecards;
};

export async function rescoreAccounts(
  db: Db,
  job: Rescore,
): Promise<{ scored: AccountHealth[]; moves: Move[]; riskRises: RiskRise[] }> {
  const weekAgo = addDays(job.day, -7);
  const monthAgo = addDays(job.day, -30);
  // Only a whole workspace waits for its size, which decides how its usage is read; a few
  // accounts (a pass over changed ones, one account) are read beside everything else.
  const reading = accountsToScore(db, job.workspaceId, job.accountIds, job.mode === 'history');
  const inHalves = job.accountIds === undefined && (await reading).length >= splitFrom;
  // A replayed day keeps only its history row: no trend or churn risk to compute for it.
  const [accounts, figures, cards, past] = await Promise.all([
    reading,
    accountFigures(db, { ...job, inHalves }),
    job.scorecard ? undefined : (job.scorecards ?? loadScorecards(db, job.workspaceId)),
    job.mode === 'history'
      ? []
      : pastScores(db, job.workspaceId, [weekAgo, monthAgo], job.accountIds),
  ]);
  const pastOf = new Map(past.map((p) => [`${p.account_id}:${p.day}`, p]));
  const scored: AccountHealth[] = [];
  for (const account of accounts) {
    const f = figures.get(account.id);
    if (!f) continue;
    const card = job.scorecard ?? cards?.forTier(account.tier);
    if (!card) continue;
    const combined = scoreWithScorecard(measuresOf(f), card);
    const week = pastOf.get(`${account.id}:${weekAgo}`);
    const month = pastOf.get(`${account.id}:${monthAgo}`);
    const trend = trendOf(combined.score, week?.score, month?.score);
    const byKey = Object.fromEntries(combined.measures.map((m) => [m.key, m.score]));
    scored.push({
      accountId: account.id,
      day: job.day,
      score: combined.score,
      category: combined.category,
      measures: combined.measures,
      trend,
      whatChanged: whatChanged(byKey, week),
      churnRisk:
        combined.score === null
          ? null
          : assessChurnRisk({
              score: combined.score,
              measures: combined.measures,
              trend,
              renewalDate: account.renewal_date,
              arr: { amount: account.arr_amount, currency: account.currency },
              today: job.day,
            }),
    });
  }
  const history = writeHistory(db, job.workspaceId, scored.map(historyRow));
  if (job.mode === 'history') {
    await history;
    return { scored, moves: [], riskRises: [] };
  }
  const current = scored.map((s) => ({
    accountId: s.accountId,
    score: s.score,
    category: s.category,
    measures: JSON.stringify(s.measures),
    churnRisk: JSON.stringify({ ...s.churnRisk, trend: s.trend, whatChanged: s.whatChanged }),
  }));
  // The history rows and the current scores are separate tables, written side by side; a
  // whole workspace's scores go in two halves at once (parsing their measures is most of the
  // write's work, and one statement keeps to one core).
  const [, ...written] = await Promise.all([
    history,
    ...halves(current).map((part) =>
      writeCurrentScores(db, job.workspaceId, job.day, job.now, part),
    ),
  ]);
  return {
    scored,
    moves: written.flatMap((w) => w.moves),
    riskRises: written.flatMap((w) => w.riskRises),
  };
}

/** Below this many accounts, one statement reads their usage and one writes their scores. */
const splitFrom = 2_000;

/** Two halves by account id (disjoint, each locked in id order), or one part when small. */
function halves<T extends { accountId: string }>(rows: T[]): T[][] {
  if (rows.length < splitFrom) return [rows];
  const sorted = [...rows].sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  const middle = Math.ceil(sorted.length / 2);
  return [sorted.slice(0, middle), sorted.slice(middle)];
}

function historyRow(s: AccountHealth): HistoryRow {
  const of = (key: MeasureKey) => s.measures.find((m) => m.key === key)?.score ?? null;
  return {
    account_id: s.accountId,
    day: s.day,
    score: s.score,
    category: s.category,
    usage: of('usage'),
    support: of('support'),
    engagement: of('engagement'),
    billing: of('billing'),
    outcomes: of('outcomes'),
  };
}
