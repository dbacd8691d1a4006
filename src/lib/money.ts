// Money is an integer in minor units plus an ISO 4217 currency code (DESIGN.md, data rules).
import { z } from '@hono/zod-openapi';

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD');

export const moneySchema = z
  .object({
    amount: z.number().int('must be a whole number of minor units (cents)').min(0),
    currency: currencyCode,
  })
  .openapi('Money', { example: { amount: 1200000, currency: 'USD' } });

export type Money = z.infer<typeof moneySchema>;
