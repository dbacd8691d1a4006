// Who reads an answer, for the words in it: the signed-in person in their own language and
// time zone; someone signed out (or whose session or token was refused) in the first language
// of their Accept-Language that Steward speaks, else English, in UTC.
import type { Context } from 'hono';
import { locales, type Locale } from '../i18n/index.ts';
import type { AppEnv } from './env.ts';

export type Reader = { locale: Locale; timeZone: string };

export const englishReader: Reader = { locale: 'en', timeZone: 'UTC' };

export function readerOf(c: Context<AppEnv>): Reader {
  const actor = c.var.actor;
  if (actor) return { locale: actor.locale, timeZone: actor.timeZone };
  return { locale: acceptedLocale(c.req.header('accept-language')), timeZone: 'UTC' };
}

/** The best of Steward's languages for an Accept-Language header (RFC 9110 §12.5.4). */
export function acceptedLocale(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...parameters] = part.trim().split(';');
      const q = parameters
        .map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1])
        .find((value) => value !== undefined);
      return { language: range.trim().toLowerCase().split('-')[0] ?? '', q: Number(q ?? 1), index };
    })
    .filter(({ q }) => Number.isFinite(q) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const spoken = ranked.find(({ language }) => (locales as readonly string[]).includes(language));
  return (spoken?.language as Locale | undefined) ?? 'en';
}
