// Resolving deliveries kept for review (Stripe and support webhooks naming no known account).
export { intakeReviewRoutes } from './routes.ts';
export { assignReviewItem, dismissReviewItem } from './resolve.ts';
