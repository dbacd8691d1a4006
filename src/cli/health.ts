// `steward health recompute` and `steward health backtest`: today's scores for every account
// now (as the daily job does), and how well the scorecard predicted the churn that happened.
import { isoDay } from '../lib/calendar.ts';
import { backtest, defaultPeriod, loadScorecards, rescore } from '../modules/health/index.ts';
import type { CommandContext } from './withDatabase.ts';
import { pickWorkspace } from './workspace.ts';

export async function recomputeCommand({ deps }: CommandContext, options: { workspace?: string }) {
  const workspace = await pickWorkspace(deps.db, options.workspace);
  const started = performance.now();
  const outcome = await rescore(deps, workspace.id);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Scored ${outcome.scored} account(s) in ${seconds} s: ${outcome.moves} changed category, ${outcome.playsRun} play(s) run.\n`,
  );
}

type BacktestOptions = { from?: string; to?: string; horizon: string; workspace?: string };

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export async function backtestCommand({ deps }: CommandContext, options: BacktestOptions) {
  const workspace = await pickWorkspace(deps.db, options.workspace);
  const horizonDays = Number.parseInt(options.horizon, 10);
  if (!Number.isInteger(horizonDays) || horizonDays < 1 || horizonDays > 365)
    throw new Error('--horizon must be a number of days from 1 to 365');
  const period = {
    ...defaultPeriod(isoDay(deps.clock.now())),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  };
  const { fallback } = await loadScorecards(deps.db, workspace.id);
  const result = await backtest(deps.db, workspace.id, {
    ...period,
    horizonDays,
    scorecard: fallback,
  });
  const w = result.weights;
  const lines = [
    `Backtest of ${workspace.name}, ${result.from} to ${result.to}: the score ${horizonDays} days before each outcome`,
    `Weights: usage ${w.usage}, support ${w.support}, engagement ${w.engagement}, billing ${w.billing}, outcomes ${w.outcomes}; Healthy ≥ ${result.thresholds.healthyMin}, At Risk ≥ ${result.thresholds.atRiskMin}`,
    `Accounts: ${result.accounts} (${result.churned} churned, ${result.retained} retained); churn rate ${percent(result.churnRate)}`,
    `ROC AUC: ${result.auc === null ? '— (needs both churned and retained accounts)' : result.auc.toFixed(3)}`,
    '',
    'category    accounts  churned  churn rate  lift',
    ...result.byCategory.map(
      (c) =>
        `${c.category.padEnd(10)}  ${String(c.accounts).padStart(8)}  ${String(c.churned).padStart(7)}  ${percent(c.churnRate).padStart(10)}  ${c.lift === null ? '—' : `${c.lift.toFixed(2)}×`}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
