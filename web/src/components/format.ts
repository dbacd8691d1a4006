// Numbers, money and dates in the reader's language and, for moments in time, their time zone.
import { i18next } from '../i18n/index.ts';
import { durationAmount } from './duration.ts';

const locale = () => (i18next.language === 'ru' ? 'ru-RU' : 'en-US');

// An Intl formatter is costly to create (a phone takes a good fraction of a millisecond for
// each) and a list formats a few per row: each one is made once per locale, zone and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const language = locale();
  const key = `${language} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const language = locale();
  const key = `${language} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(language, options);
    } catch {
      // An unknown time zone: the browser's own instead.
      format = new Intl.DateTimeFormat(language, { ...options, timeZone: undefined });
    }
    dateFormats.set(key, format);
  }
  return format;
}

let timeZone: string | undefined;

/**
 * Moments (timeline events, token use) are shown in the person's own time zone. A zone the
 * browser does not know gives way to the browser's own when first used: checking it here
 * would load the time zone data at every start, before any screen needs it.
 */
export function setTimeZone(zone: string | undefined) {
  timeZone = zone || undefined;
}

type Money = { amount: number; currency: string };

/**
 * How many digits a currency's minor unit takes after the point (ISO 4217, as the browser
 * knows it): 2 for USD (cents), 0 for JPY, 3 for KWD. An unknown code counts as 2.
 */
export function minorDigitsOf(currency: string): number {
  try {
    return (
      numberFormat({ style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** An amount in major units: 12000050 USD cents is 120000.5, 1200000 yen is 1200000. */
export function majorUnits(money: Money): number {
  return money.amount / 10 ** minorDigitsOf(money.currency);
}

/** A number in major units, as typed, → whole minor units of the currency. */
export function minorUnits(major: number, currency: string): number {
  return Math.round(major * 10 ** minorDigitsOf(currency));
}

/** An amount as a money field holds it: major units, blank for none. */
export function moneyFieldText(money: Money | null | undefined): string {
  return money && money.amount > 0 ? String(majorUnits(money)) : '';
}

/** The step of a money field: one minor unit (0.01 for USD, 1 for JPY, 0.001 for KWD). */
export function moneyFieldStep(currency: string): string {
  const digits = minorDigitsOf(currency);
  return digits === 0 ? '1' : `0.${'1'.padStart(digits, '0')}`;
}

/**
 * Money arrives in minor units: { amount: 12000000, currency: 'USD' } is $120,000. Whole units
 * unless `exact`: a price per seat keeps its cents ($49.99), a whole one still reads $50.
 */
export function formatMoney(
  money: Money | null | undefined,
  { exact = false }: { exact?: boolean } = {},
): string {
  if (!money) return '—';
  const minor = minorDigitsOf(money.currency);
  const digits = exact && money.amount % 10 ** minor !== 0 ? minor : 0;
  return numberFormat({
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(majorUnits(money));
}

/** "$1.2M": money said short, as a person says it in a sentence. */
export function formatCompactMoney(money: Money): string {
  return numberFormat({
    style: 'currency',
    currency: money.currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(majorUnits(money));
}

/** A calendar date ('2026-10-01') is the same day everywhere; a timestamp follows the zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const calendarDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return dateFormat({
    dateStyle: 'medium',
    timeZone: calendarDay ? 'UTC' : timeZone,
  }).format(new Date(calendarDay ? `${value}T00:00:00Z` : value));
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value));
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat().format(value);
}

/** A figure with a fixed number of decimals: a ROC AUC of 0.97 is "0,97" in Russian. */
export function formatDecimal(value: number, digits: number): string {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );
}

/** A ratio as a percentage with one decimal at most: 0.959 is "95.9%", "95,9 %" in Russian. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  return numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** "2 hours", "2 часа": an ISO 8601 duration (`PT2H`) as the reader says it; else the text. */
export function formatDuration(iso: string): string {
  const parsed = durationAmount(iso);
  if (!parsed) return iso;
  return numberFormat({ style: 'unit', unit: parsed.unit, unitDisplay: 'long' }).format(
    parsed.amount,
  );
}
