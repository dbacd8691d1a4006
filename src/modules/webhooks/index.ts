// The webhooks module's public face: outbound webhooks for integrators — subscriptions, signed
// deliveries with their attempts, replays — and their description in the OpenAPI document.
export { webhookRoutes } from './routes/index.ts';
export { webhookJobs } from './jobs.ts';
export { registerWebhookDocs } from './openapi.ts';
export { webhookEvents, type WebhookEvent } from './events.ts';
export { signatureHeader, signBody, verifySignature } from './signature.ts';
