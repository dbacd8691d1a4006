// Money as people and spreadsheets write it: whole minor units → major-unit text
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
