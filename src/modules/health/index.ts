// The health module's public face: scores, churn risk, backtest, plays and their jobs.
import type { Deps } from '../../http/deps.ts';
import { newRouter } from '../../http/route.ts';
import { playRoutes } from './routes/plays.ts';
import { scorecardRoutes } from './routes/scorecard.ts';
import { scoreRoutes } from './routes/scores.ts';

export function healthRoutes(deps: Deps) {
  return newRouter()
    .route('/', scoreRoutes(deps))
    .route('/', scorecardRoutes(deps))
    .route('/', playRoutes(deps));
}

export { healthJobs, healthCrontab } from './jobs.ts';
export { rescore, rescoreEverything, type RescoreOutcome } from './service.ts';
export { rescoreAccounts, type AccountHealth } from './recompute.ts';
export { backtest, defaultPeriod } from './backtest.ts';
export { loadScorecards, saveScorecard } from './scorecards.ts';
export { createPlay } from './plays.ts';
export { defaultScorecard } from './scorecard.ts';
