// The health module's public face: scores, churn risk, backtest, plays and their jobs.

export { healthRoutes } from './routes/index.ts';

export { healthJobs, healthCrontab } from './jobs.ts';
export { rescore, rescoreEverything, type RescoreOutcome } from './service.ts';
export { rescoreAccounts, type AccountHealth } from './recompute.ts';
export { backtest, defaultPeriod } from './backtest.ts';
export { loadScorecards, saveScorecard } from './scorecards.ts';
export { createPlay, runDetractorPlays, runRenewalPlays } from './plays.ts';
export { defaultScorecard } from './scorecard.ts';
export { churnRiskList, healthDashboard } from './views.ts';
export { accountHealth, averageHealthOn, usageTrends } from './views.ts';
