// Sentences the server writes for a person, in that person's language. A service never stores
// or returns a finished sentence: it gives a message key and its parameters (`Message`), and
// whoever shows it to someone — the API for the asker, an e-mail or a Slack reply for the
// recipient — renders it in their locale at that moment (DESIGN.md, "Words for people").
//
// Catalogs: `en/<area>.ts` and `ru/<area>.ts`, one per area, with the same keys (a test checks).
// Plurals follow `Intl.PluralRules` of the language: a key with a `count` parameter has one
// variant per plural category (`_one`, `_other` in English; `_one`, `_few`, `_many`, `_other`
// in Russian). `{{name}}` is replaced by the parameter, formatted for the reader: numbers with
// the language's separators, money with its currency, dates and times in the reader's zone,
// a `{ term: key }` by that key's text (a stage or category named in the reader's language),
// and a `{ list: messages }` by each of them, joined by "; " (a rejected row's reasons).
import { z } from 'zod';
import { minorDigitsOf, moneySchema, type Money } from '../lib/money.ts';
import { en } from './en/index.ts';
import { ru } from './ru/index.ts';

export const locales = ['en', 'ru'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${WithoutPlural<K>}`
    : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key the English catalog defines; the Russian one is checked against it by a test. */
export type MessageKey = KeysOf<typeof en>;

const keySchema = z
  .string()
  .refine(hasMessage, 'unknown message key') as unknown as z.ZodType<MessageKey>;

const plainParamSchema = z.union([
  z.string(),
  z.number(),
  z.object({ money: moneySchema }),
  z.object({ date: z.iso.date() }),
  z.object({ dateTime: z.iso.datetime({ offset: true }) }),
  // A share (0.959), written as the reader writes a percentage: "95.9%", "95,9 %".
  z.object({ percent: z.number() }),
  // A word that is itself translated (a stage, a category, a priority): another key's text.
  z.object({ term: keySchema }),
]);
type PlainParam = z.infer<typeof plainParamSchema>;

/** A sentence inside another: a key and its plain parameters (no list inside a list). */
export type ListedMessage = { key: MessageKey; params?: Record<string, PlainParam> };

export const messageParamSchema = z.union([
  ...plainParamSchema.options,
  // Several sentences read as one ("why a row is rejected"): each in the reader's language,
  // joined by "; ".
  z.object({
    list: z.array(
      z.object({ key: keySchema, params: z.record(z.string(), plainParamSchema).optional() }),
    ),
  }),
]);
export type MessageParam = z.infer<typeof messageParamSchema>;

export type Message = { key: MessageKey; params?: Record<string, MessageParam> };

/** A message as it is stored (jsonb) and read back: the key is checked against the catalog. */
export const messageSchema = z.object({
  key: keySchema,
  params: z.record(z.string(), messageParamSchema).optional(),
});

/**
 * A stored message checked against the catalog; `otherwise` when it no longer passes (a key a
 * later release removed), which each kind of stored sentence words for itself.
 */
export function knownMessage(stored: unknown, otherwise: Message): Message {
  const parsed = messageSchema.safeParse(stored);
  return parsed.success ? parsed.data : otherwise;
}

const catalogs: Record<Locale, Catalog> = { en, ru };
export type Catalog = { readonly [key: string]: string | Catalog };

export function message(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

export function hasMessage(key: string): boolean {
  return (
    lookup(catalogs.en, key) !== undefined || lookup(catalogs.en, `${key}_other`) !== undefined
  );
}

/** The sentence in the reader's language; `timeZone` places dates and times for them. */
export function renderMessage(message: Message, locale: Locale, timeZone = 'UTC'): string {
  return renderFrom(catalogs[locale], locale, message, timeZone);
}

/** Renders from a given catalog: the rules of `renderMessage`, testable on a small catalog. */
export function renderFrom(
  catalog: Catalog,
  locale: Locale,
  message: { key: string; params?: Record<string, MessageParam> },
  timeZone = 'UTC',
): string {
  const params = message.params ?? {};
  const count = params.count;
  const template =
    (typeof count === 'number'
      ? lookup(catalog, `${message.key}_${pluralRules(locale).select(count)}`)
      : undefined) ??
    lookup(catalog, message.key) ??
    lookup(catalog, `${message.key}_other`);
  // Unreachable for a typed key (the catalog test proves both languages carry it); a key
  // from an old stored row that a release removed shows itself rather than nothing.
  if (template === undefined) return message.key;
  return template.replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (slot: string, name: string, at: number, whole: string) => {
      const value = params[name];
      const text = value === undefined ? '' : formatParam(value, locale, timeZone);
      // A value ending in a full stop (a Russian date's "г.", a sentence someone typed) that
      // ends the sentence too keeps one stop.
      return text.endsWith('.') && whole[at + slot.length] === '.' ? text.slice(0, -1) : text;
    },
  );
}

export function formatParam(value: MessageParam, locale: Locale, timeZone: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberFormat(locale).format(value);
  if ('list' in value) {
    return value.list.map((item) => renderMessage(item, locale, timeZone)).join('; ');
  }
  if ('money' in value) return formatMoney(value.money, locale);
  if ('percent' in value) return percentFormat(locale).format(value.percent);
  if ('term' in value) return renderMessage({ key: value.term }, locale, timeZone);
  if ('date' in value) {
    // A calendar day is the same day everywhere: format it at noon UTC, in UTC.
    return dateTimeFormat(locale, 'UTC', false).format(new Date(`${value.date}T12:00:00Z`));
  }
  return dateTimeFormat(locale, timeZone, true).format(new Date(value.dateTime));
}

export function formatMoney(money: Money, locale: Locale): string {
  // Minor units per major unit follow the currency: 100 cents to the dollar, none for the yen.
  const digits = minorDigitsOf(money.currency);
  const whole = money.amount % 10 ** digits === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    maximumFractionDigits: whole ? 0 : digits,
    minimumFractionDigits: whole ? 0 : digits,
  }).format(money.amount / 10 ** digits);
}

// Building an Intl formatter costs far more than using one (a digest run renders thousands of
// sentences), so each is made once per language, zone and style.
const formatters = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>();

function memo<T extends Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

const pluralRules = (locale: Locale) =>
  memo(`plural:${locale}`, () => new Intl.PluralRules(locale));
const numberFormat = (locale: Locale) =>
  memo(`number:${locale}`, () => new Intl.NumberFormat(locale));
const percentFormat = (locale: Locale) =>
  memo(
    `percent:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  );
const dateTimeFormat = (locale: Locale, timeZone: string, withTime: boolean) =>
  memo(`date:${locale}:${timeZone}:${withTime}`, () =>
    withTime
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
      : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
  );

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export { catalogs };
