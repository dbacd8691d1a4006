import { describe, expect, it } from 'vitest';
import {
  catalogs,
  locales,
  messageSchema,
  renderFrom,
  renderMessage,
  type Locale,
  type MessageParam,
} from './index.ts';

type Catalog = { readonly [key: string]: string | Catalog };

function entries(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value]] : entries(value, `${prefix}${key}.`),
  );
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKey = (key: string) => key.replace(pluralSuffix, '');
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function byBaseKey(locale: Locale) {
  const map = new Map<string, Map<string, string>>();
  for (const [key, text] of entries(catalogs[locale])) {
    const base = baseKey(key);
    const forms = map.get(base) ?? new Map<string, string>();
    forms.set(key === base ? '' : key.slice(base.length + 1), text);
    map.set(base, forms);
  }
  return map;
}

describe('server message catalogs', () => {
  const english = byBaseKey('en');

  it.each(locales)('%s carries every key, with every plural form its language needs', (locale) => {
    const own = byBaseKey(locale);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, forms] of own) {
      const plural = [...forms.keys()].some((form) => form !== '');
      if (plural) {
        for (const category of categories) {
          expect(forms.has(category), `${locale} ${key}_${category}`).toBe(true);
        }
      }
    }
  });

  it.each(locales)('%s uses the same parameters as English in every sentence', (locale) => {
    const own = byBaseKey(locale);
    for (const [key, forms] of english) {
      const expected = new Set([...forms.values()].flatMap(placeholders));
      const actual = new Set([...(own.get(key)?.values() ?? [])].flatMap(placeholders));
      expect([...actual].sort(), key).toEqual([...expected].sort());
    }
  });
});

describe('rendering a message', () => {
  const catalog = {
    en: {
      tasks_one: '{{count}} task on {{account}}',
      tasks_other: '{{count}} tasks on {{account}}',
      arr: '{{value}} ARR',
      due: 'due {{when}}',
      day: 'renews {{day}}',
      said: 'Renewal on {{day}}.',
      nrr: 'NRR {{value}}',
    },
    ru: {
      tasks_one: '{{count}} задача у {{account}}',
      tasks_few: '{{count}} задачи у {{account}}',
      tasks_many: '{{count}} задач у {{account}}',
      tasks_other: '{{count}} задачи у {{account}}',
      arr: '{{value}} ARR',
      due: 'срок {{when}}',
      day: 'продление {{day}}',
      said: 'Продление {{day}}.',
      nrr: 'NRR {{value}}',
    },
  };
  const render = (
    locale: Locale,
    key: string,
    params: Record<string, MessageParam>,
    zone?: string,
  ) => renderFrom(catalog[locale], locale, { key, params }, zone);

  it('picks the plural form of the language', () => {
    expect(render('en', 'tasks', { count: 1, account: 'Acme' })).toBe('1 task on Acme');
    expect(render('en', 'tasks', { count: 5, account: 'Acme' })).toBe('5 tasks on Acme');
    expect(render('ru', 'tasks', { count: 1, account: 'Acme' })).toBe('1 задача у Acme');
    expect(render('ru', 'tasks', { count: 3, account: 'Acme' })).toBe('3 задачи у Acme');
    expect(render('ru', 'tasks', { count: 5, account: 'Acme' })).toBe('5 задач у Acme');
    expect(render('ru', 'tasks', { count: 21, account: 'Acme' })).toBe('21 задача у Acme');
  });

  it('formats money, times and days for the reader', () => {
    const money = { money: { amount: 120000000, currency: 'USD' } };
    expect(render('en', 'arr', { value: money })).toBe('$1,200,000 ARR');
    expect(render('ru', 'arr', { value: money })).toMatch(/^1\s200\s000\s\$ ARR$/);
    const breach = { when: { dateTime: '2026-11-21T03:58:36.252Z' } };
    expect(render('en', 'due', breach, 'America/New_York')).toBe('due Nov 20, 2026, 10:58 PM');
    expect(render('ru', 'due', breach, 'Europe/Moscow')).toMatch(
      /^срок 21 нояб\. 2026 г\., 06:58$/,
    );
    expect(render('ru', 'day', { day: { date: '2027-01-31' } }, 'Pacific/Auckland')).toMatch(
      /31 янв/,
    );
  });

  it('writes a share as the reader writes a percentage', () => {
    expect(render('en', 'nrr', { value: { percent: 0.9587 } })).toBe('NRR 95.9%');
    expect(render('ru', 'nrr', { value: { percent: 0.9587 } })).toMatch(/^NRR 95,9\s%$/);
  });

  it('ends a sentence with one full stop when its last value ends with one', () => {
    const day = { day: { date: '2027-04-16' } };
    expect(render('ru', 'said', day)).toBe('Продление 16 апр. 2027 г.');
    expect(render('en', 'said', day)).toBe('Renewal on Apr 16, 2027.');
    expect(render('en', 'said', { day: 'the end of Q1...' })).toBe('Renewal on the end of Q1...');
  });

  it('reads a list of sentences as one, each in the reader’s language', () => {
    const reason = {
      list: [
        { key: 'intake.contractRow.seats' as const },
        { key: 'intake.contractRow.date' as const, params: { column: 'end_date' } },
      ],
    };
    const row = { key: 'intake.field.contractRow' as const, params: { reason } };
    expect(renderMessage(row, 'en')).toBe(
      'seats must be a whole number; end_date must be a date as YYYY-MM-DD',
    );
    expect(renderMessage(row, 'ru')).toBe(
      'строка договора не подходит: seats: нужно целое число; end_date: нужна дата в виде ГГГГ-ММ-ДД',
    );
    // Stored and read back, each listed key is checked against the catalog too.
    expect(messageSchema.safeParse(row).success).toBe(true);
    const unknown = { ...row, params: { reason: { list: [{ key: 'intake.contractRow.gone' }] } } };
    expect(messageSchema.safeParse(unknown).success).toBe(false);
  });
});
