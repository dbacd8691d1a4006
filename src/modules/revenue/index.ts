// The revenue module's public face: renewals, expansion, CS metrics, meetings and QBRs.
export { revenueRoutes } from './routes/index.ts';
export { revenueJobs, revenueCrontab } from './jobs.ts';
export { backfillRenewals, recordRenewals } from './store/renewals.ts';
export { renewalPipeline, type Renewal } from './renewalPipeline.ts';
export { expansionOpportunities } from './expansion.ts';
export { csMetrics } from './metrics/csMetrics.ts';
export { overdueQbrs } from './meetings/overdue.ts';
export { listMeetings } from './meetings/view.ts';
export { meetingSchema } from './schema/meetings.ts';
export { scheduleMeeting } from './meetings/schedule.ts';
