// The understanding step: a question (and the previous answer, for follow-ups) in, an intent
// with its parameters out. Pure: the accounts and people it may name, the time and the asker's
// time zone are given, so it runs without a database and is tested and benchmarked alone.
import type { Tier } from '../../../db/schema.ts';
import { localParts } from '../../notify/index.ts';
import type { Intent, KnownIntent } from '../intents.ts';
import { decide, rankIntents } from './classify.ts';
import { findConcepts } from './concepts.ts';
import { findNamed, prepareNames, type Named } from './names.ts';
import { scopeOf, findTier, type Scope } from './scope.ts';
import { hasCyrillic, normalize, readLimit, tokenize } from './text.ts';
import { findWhen } from './when.ts';
import { findWindow, type DayWindow } from './window.ts';

export type { Scope } from './scope.ts';
export type { DayWindow } from './window.ts';
export { prepareNames, type Named } from './names.ts';

export type Params = {
  scope?: Scope;
  window?: DayWindow;
  tier?: Tier;
  ownerId?: string;
  accountId?: string;
  /** For a meeting or a reminder: the moment it names. */
  at?: string;
  /** For a reminder: what to do, in the asker's words. */
  taskTitle?: string;
  /** For tasks: only those whose day has passed; for onboardings: only those behind schedule. */
  overdue?: true;
  /** For an account's card or feedback: the biggest by ARR, as none is named. */
  largest?: true;
};

export type Understanding = {
  intent: Intent;
  confidence: number;
  params: Params;
  /** The language the question is in: the answer is written in it. */
  language: 'en' | 'ru';
  /** For `unknown`: the intents closest to the question, best first. */
  closest: KnownIntent[];
  /** The intent came from the previous answer (a follow-up such as "and for enterprise?"). */
  followUp: boolean;
};

export type Surroundings = {
  now: Date;
  timeZone: string;
  /** The language to answer in when the question has no words to tell (only emoji). */
  locale: 'en' | 'ru';
  accounts: ReturnType<typeof prepareNames<Named>>;
  people: ReturnType<typeof prepareNames<Named>>;
  previous?: { intent: Intent; params: Params } | undefined;
};

const followUpStart =
  /^(and|also|what about|how about|same for|only|just|but|а|и|только|а для|а что|а как|тоже|также)\b/;

/** What to do, in the asker's own words and capitals, without "remind me" and the when. */
function taskTitleOf(question: string): string | undefined {
  const text = question
    .slice(0, readLimit)
    .replace(/[?!.]+\s*$/u, '')
    .replace(/^\s*(please\s+)?(remind me( to)?|напомни(те)?( мне)?)\s*/iu, '')
    .replace(
      /\b(today|tomorrow|on \w+day|next \w+|at \d{1,2}([:.]\d{2})?\s*(am|pm)?|this (afternoon|morning|evening))\b/giu,
      '',
    )
    .replace(
      /(^|\s)(сегодня|завтра|послезавтра|в \d{1,2}([:.]\d{2})?|(в|на|во) (понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))(?=\s|$)/giu,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length === 0) return undefined;
  return (text[0]?.toUpperCase() ?? '') + text.slice(1);
}

export function understandQuestion(question: string, around: Surroundings): Understanding {
  const words = tokenize(question);
  const language = hasCyrillic(question) ? 'ru' : /[a-z]/i.test(question) ? 'en' : around.locale;
  const today = localParts(around.now, around.timeZone).date;

  const account = findNamed(words, around.accounts);
  const taken = new Set(account && account.score >= 0.75 ? account.words : []);
  const person = findNamed(words, around.people, { skip: taken, anyWord: true });
  const personStrong = person && person.score >= 0.9 ? person : null;
  for (const index of personStrong?.words ?? []) taken.add(index);
  const tier = findTier(words);
  for (const index of tier?.words ?? []) taken.add(index);
  const window = findWindow(words, today);
  const concepts = findConcepts(words, taken);
  const when = findWhen(
    question,
    words,
    around.now,
    around.timeZone,
    concepts.has('remind') ? 9 * 60 : 10 * 60,
  );

  const named = account && account.score >= 0.75 ? account.item : null;
  const ranking = rankIntents({ concepts, account: named !== null, when: when !== null });
  const decided = decide(ranking);

  const params: Params = {};
  const scope = scopeOf(concepts);
  if (scope) params.scope = scope;
  if (window) params.window = window.window;
  if (tier) params.tier = tier.tier;
  if (personStrong) params.ownerId = personStrong.item.id;
  if (named) params.accountId = named.id;

  if (decided) {
    if (decided.intent === 'schedule_qbr' || decided.intent === 'my_tasks') {
      if (when) params.at = when.at.toISOString();
    }
    // "Meetings on Friday": the calendar of that day.
    if (decided.intent === 'upcoming_meetings' && when && !window) {
      const day = localParts(when.at, around.timeZone).date;
      params.window = { from: day, to: day };
    }
    const aboutOne = decided.intent === 'account_lookup' || decided.intent === 'account_feedback';
    if (aboutOne && !named && concepts.has('largest')) {
      params.largest = true;
    }
    if (decided.intent === 'my_tasks' && concepts.has('remind')) {
      const title = taskTitleOf(question);
      if (title) params.taskTitle = title;
    } else if (decided.intent === 'my_tasks' && concepts.has('overdue')) {
      params.overdue = true;
    } else if (
      decided.intent === 'onboarding_progress' &&
      (concepts.has('overdue') || concepts.has('behind'))
    ) {
      params.overdue = true;
    }
    return {
      intent: decided.intent,
      confidence: decided.confidence,
      params,
      language,
      closest: [],
      followUp: false,
    };
  }

  // A follow-up: no intent of its own, but new parameters for the previous one.
  const previous = around.previous;
  const saysMore = Object.keys(params).length > 0;
  if (previous && previous.intent !== 'unknown' && saysMore) {
    const marked = followUpStart.test(normalize(question).trim());
    if (marked || ranking.length === 0 || words.length <= 4) {
      const merged: Params = { ...previous.params, ...params };
      if (params.accountId === undefined && named === null && previous.params.accountId && tier)
        delete merged.accountId;
      return {
        intent: previous.intent,
        confidence: 0.6,
        params: merged,
        language,
        closest: [],
        followUp: true,
      };
    }
  }
  return {
    intent: 'unknown',
    confidence: 0,
    params,
    language,
    closest: ranking.slice(0, 3).map((r) => r.intent),
    followUp: false,
  };
}
