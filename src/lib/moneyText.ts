// Money as people and spreadsheets write it: whole minor units ↔ major-unit text
// ("120000.50" for 12000050 USD cents, "1500" for 1500 yen), exactly, without floating point.
import { minorDigitsOf } from './money.ts';

export function majorUnitsText({ amount, currency }: { amount: number; currency: string }): string {
  const digits = minorDigitsOf(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${text}`
    : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Why a text is no amount: not a number, more decimals than the currency has, too large. */
export type AmountTextProblem = 'amount' | 'decimals' | 'tooLarge';

/**
 * "120000", "120,000.50" in major units → whole minor units of the currency. Commas only group
 * thousands: "12,50" is refused rather than read as 1250 (or as a European 12.50).
 */
export function minorUnitsFromText(
  text: string,
  currency: string,
): { amount: number } | { problem: AmountTextProblem } {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match?.[1]) return { problem: 'amount' };
  const digits = minorDigitsOf(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { problem: 'decimals' };
  const amount = Number(match[1].replaceAll(',', '') + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(amount) ? { amount } : { problem: 'tooLarge' };
}
