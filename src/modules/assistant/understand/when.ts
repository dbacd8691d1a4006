// When a meeting or a reminder should happen — "next Tuesday at 10", "Friday at 3pm",
// "tomorrow", "завтра в 15:00", "на следующий вторник" — as an instant, placed in the asker's
// time zone. Without a time of day: 10:00 for a meeting, 09:00 for a reminder.
import { localParts, nextDate, zonedInstant } from '../../notify/index.ts';
import { normalize } from './text.ts';

const weekdayStems: [RegExp, number][] = [
  [/^(mon|понедельн)/, 1],
  [/^(tue|вторн)/, 2],
  [/^(wed|сред[уаы]?$)/, 3],
  [/^(thu|четверг)/, 4],
  [/^(fri|пятниц)/, 5],
  [/^(sat|суббот)/, 6],
  [/^(sun|воскресен)/, 7],
];

export function weekdayOf(word: string): number | null {
  for (const [stem, day] of weekdayStems) if (stem.test(word)) return day;
  return null;
}

export type When = { at: Date; day: string; minutes: number; timeStated: boolean };

function timeOfDay(text: string): number | null {
  const clock = /(?:^|\s)(?:at|в|к|@)?\s*(\d{1,2})[:.](\d{2})(?:\s*(am|pm|a\.m\.|p\.m\.))?/.exec(
    text,
  );
  const bare =
    /(?:^|\s)(?:at|в|к|@)\s*(\d{1,2})(?:\s*(am|pm|a\.m\.|p\.m\.|утра|дня|вечера|часов|час|ч))?(?=\s|$|[,.!?])/.exec(
      text,
    );
  const suffixed = /(?:^|\s)(\d{1,2})\s*(am|pm)(?=\s|$|[,.!?])/.exec(text);
  let hours: number;
  let minutes = 0;
  let marker: string | undefined;
  if (clock) {
    hours = Number(clock[1]);
    minutes = Number(clock[2]);
    marker = clock[3];
  } else if (suffixed) {
    hours = Number(suffixed[1]);
    marker = suffixed[2];
  } else if (bare) {
    hours = Number(bare[1]);
    marker = bare[2];
  } else {
    return null;
  }
  if (marker && /^p|дня|вечера/.test(marker) && hours < 12) hours += 12;
  if (marker && /^a/.test(marker) && hours === 12) hours = 0;
  // "at 3" in working hours means 15:00; "at 10" means 10:00.
  if (!marker && hours >= 1 && hours <= 7) hours += 12;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** The day and time a question names, or null when it names no day. */
export function findWhen(
  question: string,
  words: readonly string[],
  now: Date,
  timeZone: string,
  defaultMinutes: number,
): When | null {
  const local = localParts(now, timeZone);
  let day: string | null = null;
  for (let i = 0; i < words.length && day === null; i++) {
    const word = words[i] ?? '';
    if (/^(today|сегодня)$/.test(word)) day = local.date;
    else if (/^(tomorrow|завтра)$/.test(word)) day = nextDate(local.date, 1);
    else if (/^(послезавтра)$/.test(word)) day = nextDate(local.date, 2);
    else if (word === 'day' && words[i + 1] === 'after' && words[i + 2] === 'tomorrow')
      day = nextDate(local.date, 2);
    else if (/^(next|следующ)/.test(word) && /^(week|недел)/.test(words[i + 1] ?? ''))
      day = nextDate(local.date, 8 - local.weekday);
    else {
      const weekday = weekdayOf(word);
      if (weekday !== null) {
        // The first such day after today; "next Friday" said on a Friday is a week away.
        const ahead = (weekday - local.weekday + 7) % 7 || 7;
        day = nextDate(local.date, ahead);
      }
    }
  }
  const minutes = timeOfDay(normalize(question));
  if (day === null && minutes === null) return null;
  const date = day ?? local.date;
  const at = zonedInstant(date, minutes ?? defaultMinutes, timeZone);
  // A time already past today means the same time tomorrow.
  if (day === null && at.getTime() <= now.getTime()) {
    const tomorrow = nextDate(date, 1);
    return {
      at: zonedInstant(tomorrow, minutes ?? defaultMinutes, timeZone),
      day: tomorrow,
      minutes: minutes ?? defaultMinutes,
      timeStated: true,
    };
  }
  return { at, day: date, minutes: minutes ?? defaultMinutes, timeStated: minutes !== null };
}
