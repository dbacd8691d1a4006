// Finds the lexicon's concepts in a question's words: stems by prefix, phrases as consecutive
// words, and typos by a small edit distance when the first letter agrees (people rarely miss it).
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

export function wordMatches(word: string, element: Element): boolean {
  const { text, prefix } = element;
  if (prefix ? word.startsWith(text) : word === text) return true;
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

/** The concepts a question names, each with the position of its first word. */
export function findConcepts(
  words: readonly string[],
  skip: ReadonlySet<number> = new Set(),
): Map<Concept, number> {
  const found = new Map<Concept, number>();
  words.forEach((word, index) => {
    if (skip.has(index)) return;
    for (const entry of byFirstLetter.get(word[0] ?? '') ?? []) {
      if (found.has(entry.concept)) continue;
      if (phraseAt(words, index, entry.elements)) found.set(entry.concept, index);
    }
  });
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
