// The billing intake's public face: Stripe webhooks, an account's billing, the contract
// backfill, and the review list (shared with the support webhook).
export { stripeWebhookRoutes, readJsonBody, webhookLimit } from './routes/webhook.ts';
export { billingRoutes } from './routes/api.ts';
export { keepForReview } from './review.ts';
export { applyStripeEventTo } from './events.ts';
export { emailDomain } from './customers.ts';
export { parseSignatureHeader, sameHex, signatureToleranceSeconds } from './signature.ts';
export {
  importContracts,
  readContractsCsv,
  upsertContractRecords,
  type ContractWrites,
} from './import.ts';
export {
  readContractRow,
  readHeader as contractColumns,
  type ContractRecord,
} from './contractRow.ts';
export { webhookSecretSchema } from './schema.ts';
export { receiveStripeEvent } from './events.ts';
export { readStripeEvent } from './payload.ts';
export { sealPlainStripeSecrets } from './secrets.ts';
