// Money as people and spreadsheets write it: whole minor units → major-unit text
// ("120000.50" for 12000050 USD cents, "1500" for 1500 yen), exactly, without floating point.

/** Minor units per major unit of a currency, as digits: 2 for USD, 0 for JPY (ISO 4217). */
export function minorDigitsOf(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export function majorUnitsText({ amount, currency }: { amount: number; currency: string }): string {
  const digits = minorDigitsOf(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${text}`
    : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
