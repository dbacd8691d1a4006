// Numbers, money and dates in the reader's language and, for moments in time, their time zone.
import { i18next } from '../i18n/index.ts';

const locale = () => (i18next.language === 'ru' ? 'ru-RU' : 'en-US');

let timeZone: string | undefined;

/** Moments (timeline events, token use) are shown in the person's own time zone. */
export function setTimeZone(zone: string | undefined) {
  timeZone = zone && isKnownTimeZone(zone) ? zone : undefined;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Money arrives in minor units: { amount: 12000000, currency: 'USD' } is $120,000. */
export function formatMoney(
  money: { amount: number; currency: string } | null | undefined,
): string {
  if (!money) return '—';
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: money.currency,
    maximumFractionDigits: 0,
  }).format(money.amount / 100);
}

/** A calendar date ('2026-10-01') is the same day everywhere; a timestamp follows the zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const calendarDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeZone: calendarDay ? 'UTC' : timeZone,
  }).format(new Date(calendarDay ? `${value}T00:00:00Z` : value));
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(value));
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined
    ? '—'
    : new Intl.NumberFormat(locale()).format(value);
}
