// What a feedback text is about, as weighted features: the lexicon's concepts it mentions
// (`c:export`), learned links a person taught by merging themes (`l:<theme>`), and the stems of
// its other meaningful words (`w:okta`). Pure and deterministic: the same text and links give
// the same features on every machine.
import { concepts, type Concept } from './lexicon.ts';
import { normalize, stemOf, wordsOf, type Word } from './words.ts';

export type Features = Record<string, number>;

/** A term a person's merge taught: this word (a feature key) also means that learned concept. */
export type TermLink = { term: string; concept: string };

type Pattern = { kind: 'stem' | 'prefix'; value: string };
type Phrase = { concept: Concept; words: Pattern[] };

const defaultWeight = 2;

function pattern(word: string): Pattern {
  const written = normalize(word);
  return written.endsWith('*')
    ? { kind: 'prefix', value: written.slice(0, -1) }
    : { kind: 'stem', value: stemOf(written) };
}

/** Phrases indexed by their first word: stems by value, prefixes by their first two letters. */
const byStem = new Map<string, Phrase[]>();
const byPrefix = new Map<string, Phrase[]>();
for (const concept of concepts) {
  for (const term of concept.terms) {
    const words = term
      .split(/[\s-]+/)
      .filter(Boolean)
      .map(pattern);
    const first = words[0];
    if (!first) continue;
    const index = first.kind === 'stem' ? byStem : byPrefix;
    const key = first.kind === 'stem' ? first.value : first.value.slice(0, 2);
    const phrase = { concept, words };
    index.set(key, [...(index.get(key) ?? []), phrase]);
  }
}
// Longest phrase first: "single sign on" before a one-word term starting the same way.
for (const list of [...byStem.values(), ...byPrefix.values()]) {
  list.sort((a, b) => b.words.length - a.words.length);
}

const matches = (p: Pattern, w: Word) =>
  p.kind === 'stem' ? p.value === w.stem : w.text.startsWith(p.value);

const fits = (phrase: Phrase, words: Word[], i: number) =>
  phrase.words.every((p, k) => {
    const w = words[i + k];
    return w !== undefined && matches(p, w);
  });

/** The longest phrase starting at word i; a stem's phrase wins a tie with a prefix's. */
function phraseAt(words: Word[], i: number): Phrase | undefined {
  const word = words[i];
  if (!word) return undefined;
  const byItsStem = byStem.get(word.stem)?.find((phrase) => fits(phrase, words, i));
  const byItsStart = byPrefix.get(word.text.slice(0, 2))?.find((phrase) => fits(phrase, words, i));
  if (!byItsStart) return byItsStem;
  if (!byItsStem) return byItsStart;
  return byItsStart.words.length > byItsStem.words.length ? byItsStart : byItsStem;
}

export type Reading = {
  features: Features;
  /** How each plain-word feature was written, for labels: `w:okta` → "okta". */
  surfaces: Record<string, string>;
};

/** Reads a text into features; `links` adds what merges taught (term → learned concept). */
export function readText(text: string, links: readonly TermLink[] = []): Reading {
  const words = wordsOf(text);
  const features: Features = {};
  const surfaces: Record<string, string> = {};
  const add = (key: string, weight: number) => {
    features[key] = (features[key] ?? 0) + weight;
  };
  for (let i = 0; i < words.length;) {
    const phrase = phraseAt(words, i);
    if (phrase) {
      add(`c:${phrase.concept.id}`, phrase.concept.weight ?? defaultWeight);
      i += phrase.words.length;
      continue;
    }
    const word = words[i];
    i++;
    if (!word || word.stop || word.script === 'digits') continue;
    const key = `w:${word.stem}`;
    add(key, 1);
    surfaces[key] ??= word.text;
  }
  if (links.length > 0) {
    const learned = new Map<string, Set<string>>();
    for (const link of links) {
      const set = learned.get(link.term) ?? new Set<string>();
      set.add(link.concept);
      learned.set(link.term, set);
    }
    for (const key of Object.keys(features)) {
      for (const concept of learned.get(key) ?? []) add(`l:${concept}`, defaultWeight);
    }
  }
  return { features, surfaces };
}

export function conceptOf(id: string): Concept | undefined {
  return concepts.find((c) => c.id === id);
}
