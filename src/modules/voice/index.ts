// The voice module's public face: feedback, themes, roadmap and surveys.
export { voiceRoutes } from './routes/index.ts';
export { voiceJobs, voiceCrontab } from './jobs.ts';
export {
  writeFeedback,
  readFeedback,
  importFeedbackItems,
  listFeedback,
  countFeedback,
} from './feedback.ts';
export { recordResponse } from './surveys/respond.ts';
export { createRoadmapItem } from './roadmap/items.ts';
export { shipRoadmapItem } from './roadmap/ship.ts';
export { recomputeThemes, placeItem } from './themes/recompute.ts';
export { npsReport } from './surveys/dashboard.ts';
export { npsByMonth } from './surveys/npsByMonth.ts';
export { npsByAccount, accountNps } from './surveys/npsByAccount.ts';
export { listThemes } from './themes/ranking.ts';
export { listRoadmap } from './roadmap/items.ts';
export { slackFeedback } from './slack.ts';
export { proposeFromTickets } from './supportPatterns.ts';
export { sendProductDigest } from './digest.ts';
export { demandWindowDays, feedbackSources, feedbackStatuses, feedbackTypes } from './schema.ts';
export { renderLabel } from './text/label.ts';
