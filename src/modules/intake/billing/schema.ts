// Shapes of the billing API: Stripe secrets, an account's billing, the review list and
// the contract import. Money is minor units plus a currency (API.md).
import { z } from '@hono/zod-openapi';
import { currencyCode, moneySchema } from '../../../lib/money.ts';
import type { MessageKey } from '../../../i18n/index.ts';

export const addStripeSecretBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    secret: z
      .string()
      .trim()
      .regex(/^whsec_[A-Za-z0-9]{8,}$/, 'intake.field.stripeSecret' satisfies MessageKey),
  })
  .openapi('AddStripeSecret');
export type AddStripeSecret = z.infer<typeof addStripeSecretBody>;

export const webhookSecretSchema = z
  .object({ id: z.uuid(), name: z.string(), prefix: z.string(), createdAt: z.iso.datetime() })
  .openapi('WebhookSecret');

/** A change of MRR is signed: contraction and churn are negative. */
const signedMoney = z.object({ amount: z.number().int(), currency: currencyCode });

export const contractSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    source: z.enum(['stripe', 'csv']),
    plan: z.string().nullable(),
    seats: z.number().int().nullable(),
    mrr: moneySchema,
    status: z.string(),
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    currentPeriodEnd: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Contract');

export const invoiceSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    subscriptionId: z.string().nullable(),
    dueValue: moneySchema.openapi({ description: 'Amount due' }),
    paidValue: moneySchema.openapi({ description: 'Amount paid' }),
    status: z.string(),
    attemptCount: z.number().int(),
    dueAt: z.iso.datetime().nullable(),
    paidAt: z.iso.datetime().nullable(),
  })
  .openapi('Invoice');

export const mrrMovementSchema = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    kind: z.enum(['new', 'expansion', 'contraction', 'churn', 'reactivation']),
    deltaMrr: signedMoney,
    occurredAt: z.iso.datetime(),
  })
  .openapi('MrrMovement');

export const accountBillingSchema = z
  .object({
    mrr: moneySchema,
    arr: moneySchema,
    contracts: z.array(contractSchema),
    invoices: z.array(invoiceSchema),
    mrrMovements: z.array(mrrMovementSchema),
  })
  .openapi('AccountBilling');

export const reviewItemSchema = z
  .object({
    id: z.uuid(),
    source: z.enum(['stripe', 'support']),
    sourceId: z.string(),
    reason: z.string(),
    payload: z.unknown().openapi({ description: 'The delivery as received' }),
    receivedAt: z.iso.datetime(),
  })
  .openapi('IntakeReviewItem');

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const contractImportQuery = z.object({
  dryRun: flag.openapi({
    description: 'Check the file and count what would change; write nothing',
  }),
  skipInvalid: flag.openapi({
    description: 'Import the valid rows even when some are rejected',
  }),
});

export const contractImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  })
  .openapi('ContractImportResult');
