// The audit log read back: its entries with the records they are about named. What is
// recorded, and under which actions, is the auth module's (recordAudit, auditActions).
export { auditRoutes } from './routes.ts';
