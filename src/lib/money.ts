// Money is an integer in minor units plus an ISO 4217 currency code (DESIGN.md, data rules).
import { z } from '@hono/zod-openapi';

// The rules' messages are keys in errors.field (src/i18n; the catalogs import this file, so the
// keys are not typed here): a reader reads the rule in their language.
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'errors.field.currencyCode');

/** An amount in minor units: whole, never below zero. */
export const minorUnits = z
  .number()
  .int('errors.field.minorUnits')
  .min(0, 'errors.field.notNegative');

export const moneySchema = z
  .object({ amount: minorUnits, currency: currencyCode })
  .openapi('Money', { example: { amount: 1200000, currency: 'USD' } });

export type Money = z.infer<typeof moneySchema>;

// Building an Intl formatter is costly and a digest renders thousands of amounts: each
// currency's digits are looked up once.
const digitsOf = new Map<string, number>();

/**
 * How many digits a currency's minor unit takes after the point (ISO 4217, as the runtime's
 * Intl knows it): 2 for USD, 0 for JPY, 3 for KWD.
 */
export function minorDigitsOf(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsOf.get(code);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsOf.set(code, digits);
  }
  return digits;
}

/** Minor units per major unit of a currency: 100 for USD, 1 for JPY, 1000 for KWD. */
export function minorUnitsPer(currency: string): number {
  return 10 ** minorDigitsOf(currency);
}
