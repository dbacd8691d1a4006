// Numbers, money and dates in the reader's language.
import { i18next } from '../i18n/index.ts';

const locale = () => (i18next.language === 'ru' ? 'ru-RU' : 'en-US');

export function formatMoney(money: { amount: number; currency: string } | null | undefined): string {
  if (!money) return '—';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: money.currency, maximumFractionDigits: 0 }).format(money.amount / 100);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = value.length === 10 ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: value.length === 10 ? 'UTC' : undefined }).format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale()).format(value);
}
