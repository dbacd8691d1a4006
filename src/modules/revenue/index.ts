// The revenue module's public face: renewals, expansion, CS metrics, meetings and QBRs.
export { revenueRoutes } from './routes/index.ts';
