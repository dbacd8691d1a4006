// Accounts and people named in a question, found fuzzily: a typo ("larksupr"), part of the
// name ("Northmere" for "Northmere Capital"), a Russian spelling and its case endings
// ("Ларкспур", "с Ларкспуром"). Only a name's distinctive words count: "Logistics" alone
// names no account.
import { isLexiconWord } from './concepts.ts';
import { editDistance, soundKey, tokenize, transliterate, typoAllowance } from './text.ts';

export type Named = { id: string; name: string };
export type NameMatch<T extends Named> = { item: T; words: number[]; score: number };

/** Words too common to be a name, or to be taken for one with a typo. */
const common = new Set(
  (
    'the a an and or of for to in on at by with from about me my our us we you your i is are ' +
    'was be do does did show list give get what which who whom whose how when where why all ' +
    'any every this that these those next last clients client customers customer accounts ' +
    'account company companies inc corp corporation co ltd llc group holdings please can could ' +
    'и в во на с со к ко о об по за для от до из у мне мои моих мой что кто как какие какой ' +
    'какая покажи клиент клиенты клиентов клиента компания компании все всех'
  ).split(' '),
);

/** A word with its sound-alike key, worked out once rather than at every comparison. */
type Word = { text: string; sound: string };
/** A question word, and whether it is too common or too short to be taken for a name by a typo. */
type QuestionWord = Word & { plain: boolean };

/** How well a question word meets one word of a name: 0 (not at all) to 1 (exactly). */
function closeness(word: QuestionWord, nameWord: Word): number {
  if (word.text === nameWord.text) return 1;
  const a = word.sound;
  const b = nameWord.sound;
  if (a === b) return 0.95;
  // Russian case endings on a transliterated name: "larkspurom", "kestrela".
  if (a.startsWith(b) && a.length - b.length <= 3 && b.length >= 4) return 0.9;
  if (word.plain) return 0;
  // Part of a long name: "north" for "northmere".
  if (b.startsWith(a) && a.length >= 5 && a.length >= b.length * 0.6) return 0.8;
  const allowance = typoAllowance(b.length, b);
  if (allowance === 0 || a[0] !== b[0]) return 0;
  return editDistance(a, b, allowance) <= allowance ? 0.75 : 0;
}

type Prepared<T extends Named> = { item: T; words: Word[] };

export function prepareNames<T extends Named>(items: readonly T[]): Prepared<T>[] {
  return items.map((item) => ({
    item,
    words: tokenize(item.name)
      .map(transliterate)
      .filter((w) => !common.has(w))
      .map((text) => ({ text, sound: soundKey(text) })),
  }));
}

/**
 * The best-named item: its first distinctive word must be met; each further word met adds to
 * the score (so "Kestrel Health" beats "Kestrel Labs" when both words are there).
 */
export function findNamed<T extends Named>(
  questionWords: readonly string[],
  names: readonly Prepared<T>[],
  options: { skip?: ReadonlySet<number>; anyWord?: boolean } = {},
): NameMatch<T> | null {
  const skip = options.skip ?? new Set<number>();
  const latin: QuestionWord[] = questionWords.map((original) => {
    const text = transliterate(original);
    return {
      text,
      sound: soundKey(text),
      plain: common.has(original) || isLexiconWord(original) || text.length < 4,
    };
  });
  let best: NameMatch<T> | null = null;
  for (const prepared of names) {
    const keyWords = options.anyWord ? prepared.words : prepared.words.slice(0, 1);
    let score = 0;
    const used: number[] = [];
    for (const keyWord of keyWords) {
      let top = 0;
      let at = -1;
      latin.forEach((word, index) => {
        if (skip.has(index) || used.includes(index)) return;
        const c = closeness(word, keyWord);
        if (c > top) [top, at] = [c, index];
      });
      if (top > 0) {
        score += top;
        used.push(at);
        break;
      }
    }
    if (used.length === 0) continue;
    for (const other of prepared.words) {
      latin.forEach((word, index) => {
        if (used.includes(index) || skip.has(index)) return;
        if (closeness(word, other) >= 0.9) {
          score += 0.5;
          used.push(index);
        }
      });
    }
    if (!best || score > best.score) best = { item: prepared.item, words: used, score };
  }
  return best;
}
