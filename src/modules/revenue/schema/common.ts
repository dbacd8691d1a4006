// Shapes every revenue endpoint shares: money in a currency Steward knows, days, who.
import { z } from '@hono/zod-openapi';
import { currencyCode, minorUnits } from '../../../lib/money.ts';
import { calendarDay } from '../../../lib/days.ts';
import { healthCategorySchema, tierSchema } from '../../../lib/vocabulary.ts';
import type { MessageKey } from '../../../i18n/index.ts';

/** ISO 4217 codes the runtime knows (Intl): "ZZZ" is well formed but no currency. */
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

export const knownCurrency = currencyCode.refine((code) => knownCurrencies.has(code), {
  message: 'revenue.field.currency' satisfies MessageKey,
});

export const revenueMoney = z
  .object({
    amount: minorUnits,
    currency: knownCurrency,
  })
  .openapi('RevenueMoney', { example: { amount: 1200000, currency: 'USD' } });

export const moneyOut = z.object({ amount: z.number().int(), currency: z.string() });

export const daySchema = calendarDay().openapi({ example: '2026-11-30' });

/** `me` or a user id: whose accounts; a CSM always sees only their own. */
export const ownerParam = z
  .union([z.literal('me'), z.uuid()])
  .optional()
  .openapi({ description: '`me` or a user id' });

/** A server sentence: its key for programs, its text in the reader's language. */
export const renderedMessage = z
  .object({
    key: z.string(),
    text: z.string(),
  })
  .openapi('RenderedMessage');

export const healthBrief = z.object({
  score: z.number().int().nullable(),
  category: healthCategorySchema.nullable(),
});

export { tierSchema };
