// Finds the lexicon's concepts in a question's words: stems by prefix, phrases as consecutive
// words, an English word's plural, and typos by a small edit distance when the first letter
// agrees (people rarely miss it). A phrase takes its words: in "как обстоят дела", "дела" is
// part of asking how things are, not a question about one's tasks.
import { lexicon, type Concept } from './lexicon.ts';
import { editDistance, typoAllowance } from './text.ts';

type Element = { text: string; prefix: boolean; exact?: boolean };
type Entry = { concept: Concept; elements: Element[] };

/** Concepts matched only as written: a typo of "movie" is "move", not a question about films. */
const withoutTypos = new Set<Concept>(['offTopic', 'mine', 'team', 'everyone']);

function elementsOf(entry: string, exact: boolean): Element[] {
  return entry
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[\s-]+/)
    .filter((part) => part.length > 0)
    .map((part) =>
      part.endsWith('*')
        ? { text: part.slice(0, -1), prefix: true, exact }
        : { text: part, prefix: false, exact },
    );
}

/** Entries by the first letter of their first word: a word is compared with few of them. */
const byFirstLetter = new Map<string, Entry[]>();
for (const [concept, entries] of Object.entries(lexicon) as [Concept, readonly string[]][]) {
  for (const text of entries) {
    const elements = elementsOf(text, withoutTypos.has(concept));
    const first = elements[0]?.text[0];
    if (!first) continue;
    const list = byFirstLetter.get(first) ?? [];
    list.push({ concept, elements });
    byFirstLetter.set(first, list);
  }
}

/** "plan" is also "plans", "rate" also "rates": a Latin word and its plural. */
const pluralOf = (word: string, text: string) =>
  (word === `${text}s` || word === `${text}es`) && /^[a-z]/.test(text);

export function wordMatches(word: string, element: Element): boolean {
  const { text, prefix } = element;
  if (prefix ? word.startsWith(text) : word === text || pluralOf(word, text)) return true;
  if (element.exact) return false;
  const allowance = typoAllowance(text.length, text);
  if (allowance === 0 || word[0] !== text[0]) return false;
  if (!prefix) return editDistance(word, text, allowance) <= allowance;
  for (let length = text.length - 1; length <= text.length + 1; length++) {
    if (length > word.length) break;
    if (editDistance(word.slice(0, length), text, allowance) <= allowance) return true;
  }
  return false;
}

function phraseAt(words: readonly string[], start: number, elements: Element[]): boolean {
  for (let k = 0; k < elements.length; k++) {
    const word = words[start + k];
    const element = elements[k];
    if (word === undefined || element === undefined || !wordMatches(word, element)) return false;
  }
  return true;
}

type Match = { concept: Concept; start: number; length: number };

/**
 * The concepts a question names, each with the position of its first word. Longer phrases are
 * read first and take their words, so a word inside one is not read again, alone, as another
 * concept; a single word may still speak for two concepts.
 */
export function findConcepts(
  words: readonly string[],
  skip: ReadonlySet<number> = new Set(),
): Map<Concept, number> {
  const matches: Match[] = [];
  words.forEach((word, index) => {
    if (skip.has(index)) return;
    for (const entry of byFirstLetter.get(word[0] ?? '') ?? []) {
      if (phraseAt(words, index, entry.elements)) {
        matches.push({ concept: entry.concept, start: index, length: entry.elements.length });
      }
    }
  });
  matches.sort((a, b) => b.length - a.length || a.start - b.start);
  const takenBy = new Map<number, Match>();
  const found = new Map<Concept, number>();
  for (const match of matches) {
    let free = true;
    for (let k = match.start; k < match.start + match.length; k++) {
      const owner = takenBy.get(k);
      if (owner && owner.length > match.length && owner.concept !== match.concept) free = false;
    }
    if (!free) continue;
    for (let k = match.start; k < match.start + match.length; k++) {
      if (!takenBy.has(k)) takenBy.set(k, match);
    }
    const seen = found.get(match.concept);
    if (seen === undefined || match.start < seen) found.set(match.concept, match.start);
  }
  return found;
}

/** Whether a word is one the lexicon knows (without typos): such a word is not a name. */
export function isLexiconWord(word: string): boolean {
  for (const entry of byFirstLetter.get(word[0] ?? '') ?? []) {
    const first = entry.elements[0];
    if (!first) continue;
    if (first.prefix ? word.startsWith(first.text) : word === first.text) return true;
  }
  return false;
}
