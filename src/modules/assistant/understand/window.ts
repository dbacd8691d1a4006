// Time windows in a question — "next 90 days", "this quarter", "since March", "last month",
// "в следующем месяце", "за прошлый квартал" — as calendar days in the asker's own time zone
// (their "today", not the server's). Both ends are included.
import { isoDay } from '../../../lib/calendar.ts';
import { nextDate } from '../../notify/index.ts';

export type DayWindow = { from: string; to: string };

const monthStems: [RegExp, number][] = [
  [/^(jan|январ)/, 1],
  [/^(feb|феврал)/, 2],
  [/^(mar|март)/, 3],
  [/^(apr|апрел)/, 4],
  [/^(may|ма[йяе])/, 5],
  [/^(jun|июн)/, 6],
  [/^(jul|июл)/, 7],
  [/^(aug|август)/, 8],
  [/^(sep|сентябр)/, 9],
  [/^(oct|октябр)/, 10],
  [/^(nov|ноябр)/, 11],
  [/^(dec|декабр)/, 12],
];

export function monthOf(word: string): number | null {
  for (const [stem, month] of monthStems) if (stem.test(word)) return month;
  return null;
}

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  six: 6,
  seven: 7,
  ten: 10,
  fourteen: 14,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  один: 1,
  два: 2,
  три: 3,
  шесть: 6,
  семь: 7,
  десять: 10,
  тридцать: 30,
  шестьдесят: 60,
  девяносто: 90,
};

const ymd = (y: number, m: number, d: number) => isoDay(Date.UTC(y, m - 1, d));

function parts(day: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return [y, m, d];
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

function unitOf(word: string): Unit | null {
  if (/^(day|дн|ден|сут)/.test(word)) return 'day';
  if (/^(week|недел)/.test(word)) return 'week';
  if (/^(month|месяц)/.test(word)) return 'month';
  if (/^(quarter|квартал)/.test(word)) return 'quarter';
  if (/^(year|год|году|года|лет)/.test(word)) return 'year';
  return null;
}

/** The calendar period (week from Monday) holding `day`, moved by `shift` periods. */
export function periodAround(day: string, unit: Exclude<Unit, 'day'>, shift: number): DayWindow {
  const [y, m, d] = parts(day);
  if (unit === 'week') {
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
    const monday = nextDate(day, -weekday + 7 * shift);
    return { from: monday, to: nextDate(monday, 6) };
  }
  const size = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const first = unit === 'year' ? 1 : Math.floor((m - 1) / size) * size + 1;
  const start = new Date(Date.UTC(y, first - 1 + shift * size, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + size, 0));
  return { from: isoDay(start), to: isoDay(end) };
}

function span(today: string, count: number, unit: Unit, forward: boolean): DayWindow {
  const days =
    unit === 'day'
      ? count
      : unit === 'week'
        ? count * 7
        : unit === 'month'
          ? count * 30
          : unit === 'quarter'
            ? count * 91
            : count * 365;
  return forward
    ? { from: today, to: nextDate(today, days) }
    : { from: nextDate(today, -days), to: today };
}

const forwardWords = /^(next|coming|upcoming|within|following|ближайш|следующ)/;
const backWords = /^(last|past|previous|prior|recent|последн|прошл|предыдущ|прошедш)/;
const thisWords = /^(this|current|эт|текущ|нынешн)/;

/**
 * The first time window the words name, and the positions of the words it took. `today` is the
 * asker's local calendar day.
 */
export function findWindow(
  words: readonly string[],
  today: string,
): { window: DayWindow; words: number[] } | null {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1] ?? '';
    const after = words[i + 2] ?? '';
    // "next 90 days", "в ближайшие 60 дней", "last 30 days", "within 2 weeks"
    const count = Number.parseInt(next, 10) || numberWords[next];
    const countUnit = unitOf(after);
    if ((forwardWords.test(word) || backWords.test(word)) && count && countUnit) {
      return {
        window: span(today, count, countUnit, forwardWords.test(word)),
        words: [i, i + 1, i + 2],
      };
    }
    // "in 90 days" / "через 90 дней"
    if (/^(in|через)$/.test(word) && count && countUnit) {
      return { window: span(today, count, countUnit, true), words: [i, i + 1, i + 2] };
    }
    // "this quarter", "next month", "за прошлый квартал"
    const unit = unitOf(next);
    if (unit && unit !== 'day') {
      const shift = thisWords.test(word)
        ? 0
        : forwardWords.test(word)
          ? 1
          : backWords.test(word)
            ? -1
            : null;
      if (shift !== null) return { window: periodAround(today, unit, shift), words: [i, i + 1] };
    }
    // "за неделю", "за месяц": the last one of them.
    if (word === 'за' && unit && unit !== 'quarter' && unit !== 'year') {
      return { window: span(today, 1, unit, false), words: [i, i + 1] };
    }
    // "since March", "с марта"
    const month = monthOf(next);
    if ((word === 'since' || word === 'с' || word === 'from') && month) {
      const [y, m] = parts(today);
      const year = month <= m ? y : y - 1;
      return { window: { from: ymd(year, month, 1), to: today }, words: [i, i + 1] };
    }
    // "Q1", "Q3 2026"
    const quarter = /^q([1-4])$/.exec(word);
    if (quarter) {
      const [y, m] = parts(today);
      const q = Number(quarter[1]);
      const stated = Number.parseInt(next, 10);
      const year = stated > 2000 ? stated : q < Math.floor((m - 1) / 3) + 1 ? y + 1 : y;
      return { window: periodAround(ymd(year, q * 3 - 2, 1), 'quarter', 0), words: [i] };
    }
    if (/^(today|сегодня)$/.test(word)) return { window: { from: today, to: today }, words: [i] };
    if (/^(tomorrow|завтра)$/.test(word)) {
      const day = nextDate(today, 1);
      return { window: { from: day, to: day }, words: [i] };
    }
    if (/^(yesterday|вчера)$/.test(word)) {
      const day = nextDate(today, -1);
      return { window: { from: day, to: day }, words: [i] };
    }
    // "by the end of the year", "до конца года"
    if ((word === 'end' || word === 'конца') && /^(of|года|year)$/.test(next)) {
      return { window: { from: today, to: periodAround(today, 'year', 0).to }, words: [i, i + 1] };
    }
    // "lately", "recently", "недавно", and "в последнее время" (two words)
    if (/^(lately|recent|recently|недавн)/.test(word)) {
      return { window: span(today, 30, 'day', false), words: [i] };
    }
    if (/^последн(ее|ие)$/.test(word) && next === 'время') {
      return { window: span(today, 30, 'day', false), words: [i, i + 1] };
    }
  }
  return null;
}
