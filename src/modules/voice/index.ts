// The voice module's public face: feedback, themes, roadmap and surveys.
export { voiceRoutes } from './routes/index.ts';
export { voiceJobs, voiceCrontab } from './jobs.ts';
export { writeFeedback, readFeedback } from './feedback.ts';
export { recomputeThemes, placeItem } from './themes/recompute.ts';
export { npsReport } from './surveys/dashboard.ts';
export { listThemes } from './themes/ranking.ts';
export { listRoadmap } from './roadmap/items.ts';
export { slackFeedback } from './slack.ts';
export { proposeFromTickets } from './supportPatterns.ts';
export { sendProductDigest } from './digest.ts';
