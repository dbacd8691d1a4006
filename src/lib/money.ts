// Money is an integer in minor units plus an ISO 4217 currency code (DESIGN.md, data rules).
import { z } from '@hono/zod-openapi';

// The rules' messages are keys in errors.field (src/i18n; the catalogs import this file, so the
// keys are not typed here): a reader reads the rule in their language.
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'errors.field.currencyCode');

export const moneySchema = z
  .object({
    amount: z.number().int('errors.field.minorUnits').min(0),
    currency: currencyCode,
  })
  .openapi('Money', { example: { amount: 1200000, currency: 'USD' } });

export type Money = z.infer<typeof moneySchema>;
