// The revenue module's public face: renewals, expansion, CS metrics, meetings and QBRs.
export { revenueRoutes } from './routes/index.ts';
export { renewalPipeline } from './renewalPipeline.ts';
export { expansionOpportunities } from './expansion.ts';
export { csMetrics } from './metrics/csMetrics.ts';
